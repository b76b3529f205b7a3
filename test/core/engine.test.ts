import { test } from 'node:test';
import { lint, only, r } from '../helpers';
import { Analyzer } from '../../server/src/core/engine';
import { createRegistry } from '../../server/src/core/rules';
import { mergeConfig } from '../../server/src/core/config/config';
import { splitDocuments } from '../../server/src/core/model/yaml';
import assert from 'node:assert/strict';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: demo # the pod
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true   # needed?
`;

test('multi-document: each document checked on its own, ranges shifted to the file', () => {
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n${POD}---\nkey: [unclosed\n`;
  const all = lint(text);
  const p = only(all, 'privileged-container');
  assert.equal(p.length, 1);
  assert.deepEqual(r(p[0]), [13, 8, 13, 24]);
  const s = only(all, 'yaml-syntax');
  assert.ok(s.length >= 1);
  assert.equal(s[0].range.start.line, 15);
  // the fix edits are shifted too
  assert.equal(p[0].fixes![0].edits[0].range.start.line, 13);
});

test('suppression with a reason silences the finding; without a reason it is reported', () => {
  const withReason = POD.replace('        privileged: true', '        # dockyard-ignore privileged-container: LVM needs it\n        privileged: true');
  assert.equal(only(lint(withReason), 'privileged-container').length, 0);
  assert.equal(only(lint(withReason), 'suppression-without-reason').length, 0);
  const noReason = POD.replace('        privileged: true', '        # dockyard-ignore privileged-container\n        privileged: true');
  const all = lint(noReason);
  assert.equal(only(all, 'privileged-container').length, 0);
  const s = only(all, 'suppression-without-reason');
  assert.equal(s.length, 1);
  assert.deepEqual(r(s[0]), [9, 8, 9, 46]);
});

test('file-wide suppression and the dockyard.io/ignore annotation', () => {
  assert.equal(only(lint('# dockyard-ignore-file privileged-container: lab only\n' + POD), 'privileged-container').length, 0);
  const ann = POD.replace('  name: demo # the pod\n', '  name: demo\n  annotations:\n    dockyard.io/ignore: "privileged-container,run-as-root"\n');
  assert.equal(only(lint(ann), 'privileged-container').length, 0);
});

test('severity override and off', () => {
  assert.equal(only(lint(POD, '/ws/p.yaml', { rules: { 'privileged-container': 'warning' } }), 'privileged-container')[0].severity, 'warning');
  assert.equal(only(lint(POD, '/ws/p.yaml', { rules: { 'privileged-container': 'off' } }), 'privileged-container').length, 0);
});

test('coexistence: generic YAML findings dropped when another YAML extension reports them', () => {
  const bad = 'a: [1\n';
  assert.equal(only(lint(bad, '/ws/x.yaml'), 'yaml-syntax').length, 1);
  assert.equal(only(lint(bad, '/ws/x.yaml', {}, undefined, { yamlSyntaxElsewhere: true }), 'yaml-syntax').length, 0);
  assert.equal(only(lint(bad, '/ws/x.yaml', { coexistence: { yamlSyntax: 'always' } }, undefined, { yamlSyntaxElsewhere: true }), 'yaml-syntax').length, 1);
});

test('an edit re-parses only the edited document', () => {
  const a = new Analyzer(createRegistry());
  const cfg = mergeConfig();
  const docs = Array.from({ length: 5 }, (_, i) => POD.replace('demo', `p${i}`)).join('---\n');
  const first = a.analyze({ path: '/ws/m.yaml', text: docs }, cfg).yaml!;
  const edited = docs.replace('name: p3', 'name: p3x');
  const second = a.analyze({ path: '/ws/m.yaml', text: edited }, cfg).yaml!;
  let reused = 0;
  second.states.forEach((s, i) => {
    if (s.model === first.states[i].model) reused++;
  });
  assert.equal(reused, 4);
});

test('splitDocuments keeps directives with their document', () => {
  const chunks = splitDocuments('a: 1\n%YAML 1.2\n---\nb: 2\n--- # c\nc: 3\n');
  assert.deepEqual(chunks.map((c) => [c.startLine, c.text]), [
    [0, 'a: 1\n'],
    [1, '%YAML 1.2\n---\nb: 2\n'],
    [4, '--- # c\nc: 3\n'],
  ]);
});

test('a file re-opened with one document changed (edited while closed) re-parses that document only; its findings equal a new analysis', () => {
  const a = new Analyzer(createRegistry());
  const cfg = mergeConfig({});
  const path = '/ws/app.yaml';
  const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.25\n      securityContext:\n        privileged: true\n`;
  const text = [pod('a'), pod('b'), pod('c')].join('---\n');
  a.analyze({ path, text }, cfg);
  const before = a.yamlFor(path, text).states.map((s) => s.model);
  a.close(path, true, true);
  // Changed on disk while closed: a comment line at the top (the first document's text changes).
  const edited = '# reviewed\n' + text;
  const got = a.analyze({ path, text: edited }, cfg).findings;
  const after = a.yamlFor(path, edited).states.map((s) => s.model);
  assert.equal(after.length, 3);
  assert.notEqual(after[0], before[0], 'the changed document is parsed again');
  assert.equal(after[1], before[1], 'an unchanged document keeps its parse');
  assert.equal(after[2], before[2]);
  const fresh = new Analyzer(createRegistry()).analyze({ path, text: edited }, cfg).findings;
  assert.deepEqual(got, fresh);
  assert.deepEqual(only(got, 'privileged-container').map((f) => f.range.start.line), [10, 21, 32]);
  // Another kind under the same path (a Dockerfile mode) takes nothing over.
  a.close(path, true, true);
  assert.equal(a.analyze({ path, text: 'FROM alpine:3.19\n', languageId: 'dockerfile' }, cfg).kind, 'dockerfile');
});

test('a rule that throws is logged once and the other rules still run', () => {
  const logged: string[] = [];
  const reg = createRegistry();
  reg.add({ id: 'boom', category: 'meta', target: 'yaml-document', defaultSeverity: 'error', check: () => { throw new Error('x'); } });
  const a = new Analyzer(reg, (rule) => logged.push(rule));
  const f = a.analyze({ path: '/ws/a.yaml', text: POD }, mergeConfig()).findings;
  a.analyze({ path: '/ws/b.yaml', text: POD }, mergeConfig());
  assert.deepEqual(logged, ['boom']);
  assert.equal(only(f, 'privileged-container').length, 1);
});

test('a document the editor closes and re-opens with the same text gets its parse and findings back; other text, a lint close or invalidation parse again', () => {
  const a = new Analyzer(createRegistry());
  const cfg = mergeConfig({});
  const path = '/ws/pod.yaml';
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.25\n      securityContext:\n        privileged: true\n';
  const first = a.analyze({ path, text }, cfg).findings;
  const parse = a.yamlFor(path, text);
  a.close(path, true, true); // the editor closed it
  assert.equal(a.cachedFiles(), 0);
  const again = a.analyze({ path, text }, cfg).findings;
  assert.deepEqual(again, first);
  assert.equal(a.yamlFor(path, text), parse, 'the same parse, not a new one');
  assert.ok(only(again, 'privileged-container').length === 1);

  a.close(path, true, true);
  const edited = text.replace('name: p', 'name: q');
  a.analyze({ path, text: edited }, cfg);
  assert.notEqual(a.yamlFor(path, edited), parse, 'other text: parsed again');

  const beforeInvalidate = a.yamlFor(path, edited);
  a.close(path, true, true);
  a.invalidateFindings(); // e.g. a CRD schema file changed: nothing closed is reused
  a.analyze({ path, text: edited }, cfg);
  const afterInvalidate = a.yamlFor(path, edited);
  assert.notEqual(afterInvalidate, beforeInvalidate);
  a.close(path); // a lint's close keeps nothing
  a.analyze({ path, text: edited }, cfg);
  assert.notEqual(a.yamlFor(path, edited), afterInvalidate);
});
