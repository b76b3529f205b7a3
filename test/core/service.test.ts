// DockyardService as the front ends use it, with an in-memory host: providers belong to a service
// (two services in one process do not see each other's CRD files), the fix loop's tiers and rule
// filter, and which open documents an index change makes stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DockyardService, minimalEdit, type ServiceHost } from '../../server/src/core/service';
import { applyEdits } from '../../server/src/core/text';
import { Analyzer } from '../../server/src/core/engine';
import { createRegistry } from '../../server/src/core/rules';
import { hover } from '../../server/src/core/features';
import { parseBindep } from '../../server/src/core/loci/bindep';
import { LOCI_BINDEP_TXT, LOCI_PYDEP_TXT } from '../../server/src/core/loci/data';
import { render } from './loci/forms';
import { memoryHost } from '../helpers';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;

test('fixText: safe tier by default, review with unsafe, limited by rules; never ignore actions', () => {
  const s = new DockyardService({ host: memoryHost() });
  const safe = s.fixText('/ws/pod.yaml', POD);
  assert.ok(safe.applied > 0);
  assert.match(safe.text, /type: RuntimeDefault/);
  assert.match(safe.text, /privileged: true/);
  assert.doesNotMatch(safe.text, /dockyard-ignore/);
  const unsafe = s.fixText('/ws/pod.yaml', POD, { unsafe: true });
  assert.match(unsafe.text, /privileged: false/);
  const one = s.fixText('/ws/pod.yaml', POD, { unsafe: true, rules: ['privileged-container'] });
  assert.equal(one.text, POD.replace('privileged: true', 'privileged: false'));
  assert.equal(one.applied, 1);
});

test('fixAll of an open document is the fix loop as edits of its text; the document keeps its own analysis', () => {
  const s = new DockyardService({ host: memoryHost() });
  s.open('/ws/pod.yaml', 1, POD, 'yaml');
  const edits = s.fixAll('/ws/pod.yaml');
  assert.equal(applyEdits(POD, edits), s.fixText('/ws/other.yaml', POD).text);
  assert.deepEqual(s.diagnostics('/ws/pod.yaml').map((f) => f.rule).includes('privileged-container'), true);
});

test('minimalEdit turns a into b with one edit and never splits a CRLF', () => {
  for (const [a, b] of [
    ['a\r\nb\r\n', 'a\r\nx\r\nb\r\n'],
    ['abc', 'abXc'],
    ['same', 'same'],
    ['', 'new'],
  ]) assert.equal(applyEdits(a, [minimalEdit(a, b)]), b);
});

test('providers belong to a service: two services with different CRD files do not leak into each other', () => {
  const CRD = (type: string) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  versions:
    - name: v1
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec: {type: object, properties: {size: {type: ${type}}}}
`;
  const WIDGET = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  size: big\n';
  const settings = { kubernetes: { crdSchemas: { Widget: 'crd.yaml' } } };
  const a = new DockyardService({ host: memoryHost({}, { 'crd.yaml': CRD('integer') }), settings });
  const b = new DockyardService({ host: memoryHost({}, { 'crd.yaml': CRD('string') }), settings });
  a.open('/a/w.yaml', 1, WIDGET);
  b.open('/b/w.yaml', 1, WIDGET);
  assert.deepEqual(a.diagnostics('/a/w.yaml').filter((f) => f.rule === 'schema-type').length, 1);
  assert.deepEqual(b.diagnostics('/b/w.yaml').filter((f) => f.rule === 'schema-type').length, 0);
  assert.deepEqual(a.diagnostics('/a/w.yaml').filter((f) => f.rule === 'schema-type').length, 1);
});

test('staleDocuments: a comment line makes no other document stale; defining a referenced name does', async () => {
  const s = new DockyardService({ host: memoryHost() });
  const user = POD.replace('      securityContext:\n        privileged: true\n', '      envFrom:\n        - configMapRef: {name: cfg}\n');
  const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n';
  s.open('/ws/user.yaml', 1, user);
  s.open('/ws/cm.yaml', 1, cm);
  assert.equal(s.diagnostics('/ws/user.yaml').filter((f) => f.rule === 'missing-reference').length, 1);
  s.diagnostics('/ws/cm.yaml');
  s.update('/ws/cm.yaml', 2, '# comment\n' + cm);
  s.diagnostics('/ws/cm.yaml');
  assert.deepEqual(s.staleDocuments(), []);
  s.update('/ws/cm.yaml', 3, cm.replace('other', 'cfg'));
  s.diagnostics('/ws/cm.yaml');
  assert.deepEqual(s.staleDocuments(), ['/ws/user.yaml']);
  const before = s.analyses;
  assert.equal(s.diagnostics('/ws/user.yaml').filter((f) => f.rule === 'missing-reference').length, 0);
  assert.equal(s.analyses - before, 1);
  assert.deepEqual(s.staleDocuments(), []);
});

test('lint: two passes over files and folders; unreadable paths reported; open documents use their editor text', async () => {
  const files = { '/ws/a/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n', '/ws/b/pod.yaml': POD.replace('      securityContext:\n        privileged: true\n', '      envFrom:\n        - configMapRef: {name: cfg}\n') };
  const s = new DockyardService({ host: memoryHost(files) });
  const r = await s.lint(['/ws/b', '/ws/a', '/ws/missing.yaml']);
  assert.deepEqual(r.errors, [{ path: '/ws/missing.yaml', reason: 'ENOENT' }]);
  assert.deepEqual(r.files.map((f) => f.path), ['/ws/b/pod.yaml', '/ws/a/cm.yaml']);
  assert.equal(r.files[0].findings.filter((f) => f.rule === 'missing-reference').length, 0, 'pass 2 sees the ConfigMap of a later file');
});

test('lint: a file no cross-file rule reads is analysed once, its pass-1 findings final and its parse dropped before pass 2', async () => {
  const files = {
    '/ws/pod.yaml': POD,
    '/ws/values.yaml': 'a: [\n',
    '/ws/Dockerfile': 'FROM ubuntu\nRUN apt-get install -y curl\n',
  };
  const lint = async (keepParses: boolean) => {
    const s = new DockyardService({ host: memoryHost(files) });
    const r = await s.lint(['/ws'], { keepParses });
    return { s, findings: r.files.map((f) => [f.path, f.findings.map((x) => `${x.rule}@${x.range.start.line}`)]) };
  };
  const dropped = await lint(false);
  const kept = await lint(true);
  // The same findings either way (the Kubernetes file is analysed in both passes).
  assert.deepEqual(dropped.findings, kept.findings);
  assert.ok(dropped.findings.some(([p, f]) => p === '/ws/values.yaml' && f.includes('yaml-syntax@0')), JSON.stringify(dropped.findings));
  assert.ok(dropped.findings.some(([p, f]) => p === '/ws/Dockerfile' && f.length > 0), JSON.stringify(dropped.findings));
  assert.equal(kept.s.analyses, 6);
  assert.equal(dropped.s.analyses, 4);
  assert.equal(dropped.s.analyzer.cachedFiles(), 0);
});

test('a fix-all of an open document leaves the index alone: no other document becomes stale', () => {
  const s = new DockyardService({ host: memoryHost() });
  const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n';
  const user = POD.replace('      securityContext:\n        privileged: true\n', '      envFrom:\n        - configMapRef: {name: cfg}\n');
  s.open('/ws/cm.yaml', 1, cm);
  s.open('/ws/user.yaml', 1, user);
  s.diagnostics('/ws/cm.yaml');
  s.diagnostics('/ws/user.yaml');
  assert.ok(s.fixAll('/ws/user.yaml').length > 0);
  assert.ok(s.fixAll('/ws/cm.yaml').length === 0);
  assert.deepEqual(s.staleDocuments(), []);
});

test('two services in one process: different loci data and CRD schemas give independent results, also outside their calls', () => {
  const CRD = (type: string) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  versions:
    - name: v1
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec: {type: object, properties: {size: {type: ${type}}}}
`;
  const WIDGET = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  size: big\n';
  // The same compose file in both: service A's loci checkout defines the `infiniband` profile, B has the bundled data.
  const { path: compose, text: COMPOSE } = render('compose', { args: { PROJECT: 'cinder', PROFILES: 'fluent infiniband' } });
  const fork = parseBindep(LOCI_BINDEP_TXT + 'ibverbs-utils [(cinder infiniband)]\n');
  const hostA: ServiceHost = { ...memoryHost({}, { 'crd.yaml': CRD('integer') }), lociData: { get: (dir) => ({ bindep: fork, pydep: parseBindep(LOCI_PYDEP_TXT), source: dir }) } };
  const hostB = memoryHost({}, { 'crd.yaml': CRD('string') });
  const settings = { kubernetes: { crdSchemas: { Widget: 'crd.yaml' } }, loci: { path: '/ws/loci' } };
  const a = new DockyardService({ host: hostA, settings });
  const b = new DockyardService({ host: hostB, settings });
  for (const s of [a, b]) {
    s.open('/ws/w.yaml', 1, WIDGET);
    s.open(compose, 1, COMPOSE);
  }
  const rules = (s: DockyardService, p: string, rule: string) => s.diagnostics(p).filter((f) => f.rule === rule).length;
  // Interleaved: each answer comes from its own service's providers and caches.
  assert.equal(rules(a, '/ws/w.yaml', 'schema-type'), 1);
  assert.equal(rules(b, '/ws/w.yaml', 'schema-type'), 0);
  assert.equal(rules(a, compose, 'loci-unknown-profile'), 0);
  assert.equal(rules(b, compose, 'loci-unknown-profile'), 1);
  assert.equal(rules(a, '/ws/w.yaml', 'schema-type'), 1);
  assert.notEqual(a.providers.schemaStore, b.providers.schemaStore);
  assert.equal(a.analyzer.providers, a.providers);

  // Outside any service call: code that holds a service's analyzer reaches that service's providers
  // (a module-level "current scope" would answer with the process default here: bundled data).
  const lines = COMPOSE.split('\n');
  const line = lines.findIndex((l) => l.includes('PROFILES'));
  const at = { line, character: lines[line].indexOf('infiniband') };
  const hoverOf = (s: DockyardService) => hover({ path: compose, text: COMPOSE, config: s.configFor(compose), analyzer: s.analyzer, lang: 'en' }, at)?.markdown ?? '';
  assert.match(hoverOf(a), /ibverbs-utils/);
  assert.doesNotMatch(hoverOf(b), /ibverbs-utils/);
  // And the rule context carries them: a fresh Analyzer over B's providers agrees with B.
  const fresh = new Analyzer(createRegistry(), undefined, b.providers);
  assert.equal(fresh.analyze({ path: compose, text: COMPOSE }, b.configFor(compose)).findings.filter((f) => f.rule === 'loci-unknown-profile').length, 1);
});

test('a Dockerfile over the size limit gets no editor features (they would parse it), only its file-too-large finding', () => {
  const s = new DockyardService({ host: memoryHost() });
  const head = 'ARG FROM=ubuntu:jammy\nFROM ${FROM}\nARG PROJECT=nova\nARG PROFILES="fluent"\n';
  s.open('/ws/small/Dockerfile', 1, head, 'dockerfile');
  assert.match(s.hover('/ws/small/Dockerfile', { line: 2, character: 5 })?.markdown ?? '', /PROJECT/, 'the ARG hover of a loci Dockerfile');
  // Over MAX_DOCKERFILE_BYTES (8 MB), under the general 20 MB limit.
  const line = 'RUN true\n';
  const big = head + line.repeat(Math.ceil((8 * 1024 * 1024) / line.length) + 1);
  s.open('/ws/big/Dockerfile', 1, big, 'dockerfile');
  assert.deepEqual(s.diagnostics('/ws/big/Dockerfile').map((f) => f.rule), ['file-too-large']);
  assert.equal(s.hover('/ws/big/Dockerfile', { line: 2, character: 5 }), undefined);
  assert.deepEqual(s.completion('/ws/big/Dockerfile', { line: 2, character: 12 }), []);
  assert.equal(s.analysis('/ws/big/Dockerfile')?.dockerfile, undefined, 'no Dockerfile model was built');
});
