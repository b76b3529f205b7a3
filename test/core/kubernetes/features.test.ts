import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/core/engine';
import { createRegistry } from '../../../server/src/core/rules';
import { mergeConfig, type PartialConfig } from '../../../server/src/core/config/config';
import { completion, hover } from '../../../server/src/core/features';
import { indentPath, lineShape, siblingKeys } from '../../../server/src/core/kubernetes/yaml-path';
import type { FeatureContext } from '../../../server/src/core/features/types';

/** Text with a `|` marking the position. */
function at(marked: string, path = '/ws/deploy.yaml', config: PartialConfig = {}): { ctx: FeatureContext; pos: { line: number; character: number } } {
  const i = marked.indexOf('|');
  const text = marked.slice(0, i) + marked.slice(i + 1);
  const before = text.slice(0, i).split('\n');
  const pos = { line: before.length - 1, character: before[before.length - 1].length };
  return { ctx: { path, text, config: mergeConfig(config), analyzer: new Analyzer(createRegistry()), lang: 'en' }, pos };
}

function hoverAt(marked: string) {
  const { ctx, pos } = at(marked);
  return hover(ctx, pos);
}

function complete(marked: string, config: PartialConfig = {}) {
  const { ctx, pos } = at(marked, '/ws/deploy.yaml', config);
  return completion(ctx, pos);
}

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    spec:
      containers:
        - name: app
          image: nginx
          imagePullPolicy: Always
`;

describe('hover', () => {
  test('on a key: description, type, required-ness, path', () => {
    const h = hoverAt(DEPLOY.replace('      containers:', '      contai|ners:'))!;
    assert.ok(h, 'hover');
    const lines = h.markdown.split('\n\n');
    assert.equal(lines[0], '**containers** `[]Container` — required');
    assert.equal(lines[1], '`spec.template.spec.containers` in Deployment (apps/v1)');
    assert.match(lines[2], /^List of containers belonging to the pod/);
    assert.deepEqual(h.range, { start: { line: 8, character: 6 }, end: { line: 8, character: 16 } });
  });

  test('on a value inside a sequence item: the field, with its allowed values', () => {
    const h = hoverAt(DEPLOY.replace('imagePullPolicy: Always', 'imagePullPolicy: Alw|ays'))!;
    assert.match(h.markdown, /^\*\*imagePullPolicy\*\* `string`\n\n`spec\.template\.spec\.containers\[\]\.imagePullPolicy`/);
    assert.match(h.markdown, /Allowed values: `Always`, `IfNotPresent`, `Never`/);
    assert.deepEqual(h.range, { start: { line: 11, character: 27 }, end: { line: 11, character: 33 } });
  });

  test('in a flow collection', () => {
    const h = hoverAt(DEPLOY.replace('{matchLabels: {app: web}}', '{matchLa|bels: {app: web}}'))!;
    assert.match(h.markdown, /^\*\*matchLabels\*\* `map\[string\]string`/);
    assert.deepEqual(h.range, { start: { line: 5, character: 13 }, end: { line: 5, character: 24 } });
    const v = hoverAt(DEPLOY.replace('{matchLabels: {app: web}}', '{matchLabels: {app: w|eb}}'))!;
    assert.match(v.markdown, /^\*\*app\*\* `string`/);
  });

  test('on kind: the kind\'s description', () => {
    const h = hoverAt(DEPLOY.replace('kind: Deployment', 'kind: Deplo|yment'))!;
    assert.match(h.markdown, /^\*\*Deployment\*\* — apps\/v1, Kubernetes 1\.36\n\nDeployment enables declarative updates/);
  });

  test('half-typed: the hovered line does not parse, the key is found by indentation', () => {
    const broken = DEPLOY.replace('          image: nginx', '          image: [nginx\n          securityCon|text:');
    const h = hoverAt(broken)!;
    assert.ok(h);
    assert.match(h.markdown, /^\*\*securityContext\*\* `SecurityContext`/);
  });

  test('unknown fields, CRDs and non-Kubernetes YAML: no hover', () => {
    assert.equal(hoverAt(DEPLOY.replace('      containers:', '      contaienrs|:')), undefined);
    assert.equal(hoverAt('apiVersion: example.com/v1\nkind: Widget\nspec:\n  si|ze: 1\n'), undefined);
    const { ctx, pos } = at('services:\n  we|b:\n    image: nginx\n', '/ws/compose.yaml');
    assert.equal(hover(ctx, pos), undefined);
  });
});

describe('completion', () => {
  test('keys of the container, required first, present ones left out, object values as snippets', () => {
    const items = complete(DEPLOY.replace('          imagePullPolicy: Always\n', '          imagePullPolicy: Always\n          |\n'));
    const labels = items.map((i) => i.label);
    assert.ok(!labels.includes('name') && !labels.includes('image') && !labels.includes('imagePullPolicy'), labels.join(','));
    const sc = items.find((i) => i.label === 'securityContext')!;
    assert.equal(sc.insertText, 'securityContext:\n  $0');
    assert.equal(sc.snippet, true);
    assert.equal(sc.detail, 'SecurityContext');
    assert.deepEqual(sc.range, { start: { line: 12, character: 10 }, end: { line: 12, character: 10 } });
    const ports = items.find((i) => i.label === 'ports')!;
    assert.equal(ports.insertText, 'ports:\n  - $0');
    const policy = complete(DEPLOY.replace('          imagePullPolicy: Always\n', '          |\n')).find((i) => i.label === 'imagePullPolicy')!;
    assert.equal(policy.insertText, 'imagePullPolicy: ${1|Always,IfNotPresent,Never|}');
    const stdin = items.find((i) => i.label === 'stdin')!;
    assert.equal(stdin.insertText, 'stdin: ${1|true,false|}');
  });

  test('required keys sort first', () => {
    const items = complete('apiVersion: v1\nkind: Pod\nspec:\n  |\n');
    const containers = items.find((i) => i.label === 'containers')!;
    assert.equal(containers.sortText, '0containers');
    assert.equal(containers.detail, '[]Container (required)');
    assert.ok(items.filter((i) => i.sortText!.startsWith('1')).length > 20);
    assert.ok([...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1))[0].label === 'containers');
  });

  test('a partial key: the replacement range covers what is typed', () => {
    const items = complete(DEPLOY.replace('          imagePullPolicy: Always\n', '          imagePullPolicy: Always\n          secu|\n'));
    const sc = items.find((i) => i.label === 'securityContext')!;
    assert.deepEqual(sc.range, { start: { line: 12, character: 10 }, end: { line: 12, character: 14 } });
  });

  test('a new sequence item: `- ` under containers gives container keys', () => {
    const items = complete(DEPLOY.replace('          imagePullPolicy: Always\n', '          imagePullPolicy: Always\n        - |\n'));
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('name') && labels.includes('image'), labels.join(','));
    assert.equal(items.find((i) => i.label === 'name')!.sortText, '0name');
  });

  test('enum values after `key: `', () => {
    const items = complete(DEPLOY.replace('imagePullPolicy: Always', 'imagePullPolicy: |'));
    assert.deepEqual(items.map((i) => [i.label, i.kind]), [['Always', 'enum'], ['IfNotPresent', 'enum'], ['Never', 'enum']]);
    assert.deepEqual(items[0].range, { start: { line: 11, character: 27 }, end: { line: 11, character: 27 } });
    const partial = complete(DEPLOY.replace('imagePullPolicy: Always', 'imagePullPolicy: If|'));
    assert.deepEqual(partial[0].range, { start: { line: 11, character: 27 }, end: { line: 11, character: 29 } });
  });

  test('apiVersion and kind values agree with each other', () => {
    const kinds = complete('apiVersion: apps/v1\nkind: |\n');
    assert.deepEqual(kinds.map((k) => k.label), ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet']);
    const apis = complete('apiVersion: |\nkind: CronJob\n');
    assert.deepEqual(apis.map((k) => k.label), ['batch/v1']);
    const anyKind = complete('kind: |\n');
    assert.ok(anyKind.some((k) => k.label === 'Deployment' && k.detail === 'apps/v1'));
    assert.ok(anyKind.some((k) => k.label === 'ConfigMap' && k.detail === 'v1'));
    const allApis = complete('apiVersion: |\n');
    assert.equal(allApis[0].label, 'v1');
    assert.ok(allApis.some((k) => k.label === 'networking.k8s.io/v1'));
  });

  test('an empty document in a Kubernetes file starts with apiVersion and kind', () => {
    const items = complete('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n|\n');
    assert.deepEqual(items.map((i) => i.label), ['apiVersion', 'kind']);
    assert.equal(items[0].retrigger, true);
  });

  test('half-typed document: the line being typed does not parse, completion still works', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: [unclosed
      securityContext:
        |
`;
    const items = complete(text);
    assert.ok(items.some((i) => i.label === 'runAsNonRoot'), items.map((i) => i.label).join(','));
    const vals = complete(text.replace('        |', '        procMount: |'));
    assert.deepEqual(vals.map((v) => v.label), ['Default', 'Unmasked']);
  });

  test('no completion in comments, flow collections or unknown places', () => {
    assert.deepEqual(complete(DEPLOY.replace('metadata:', 'metadata: # a |')), []);
    assert.deepEqual(complete(DEPLOY.replace('{matchLabels: {app: web}}', '{|')), []);
    assert.deepEqual(complete(DEPLOY.replace('          imagePullPolicy: Always\n', '          bogus:\n            |\n')), []);
  });
});

describe('indentation paths', () => {
  const lines = ['spec:', '  containers:', '  - name: a', '    env:', '      - name: B', '        |', '  volumes:', '    - name: v'];
  test('compact and indented sequences, nested items', () => {
    assert.deepEqual(indentPath(lines, 5, 8, []), ['spec', 'containers', 0, 'env', 0]);
    assert.deepEqual(indentPath(lines, 3, 4, []), ['spec', 'containers', 0]);
    assert.deepEqual(indentPath(lines, 7, 6, [4]), ['spec', 'volumes', 0]);
    assert.deepEqual(indentPath(['a:', '  - - x: 1', '      |'], 2, 6, []), ['a', 0, 0]);
    assert.deepEqual(indentPath(['|'], 0, 0, []), []);
  });

  test('line shapes and sibling keys', () => {
    assert.deepEqual(lineShape('  - - key: value # c'), { blank: false, dashes: [2, 4], contentCol: 6, key: 'key', value: 'value', valueCol: 11 });
    assert.deepEqual(lineShape('  "quoted key": 1').key, 'quoted key');
    assert.equal(lineShape('   # comment').blank, true);
    assert.equal(lineShape('  - ').blank, false);
    assert.deepEqual([...siblingKeys(['- a: 1', '  b: 2', '  ', '  c: 3', '- d: 4'], 2, 2, false)].sort(), ['a', 'b', 'c']);
  });
});

test('hover inside an object of a List describes the object’s own field', () => {
  const list = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata:\n      name: p\n    spec:\n      hostNet|work: true\n      containers: []\n';
  const h = hoverAt(list)!;
  assert.ok(h, 'hover');
  const lines = h.markdown.split('\n\n');
  assert.equal(lines[0], '**hostNetwork** `boolean`');
  assert.equal(lines[1], '`spec.hostNetwork` in Pod (v1)');
  assert.deepEqual(h.range, { start: { line: 8, character: 6 }, end: { line: 8, character: 17 } });
});
