// The index lookup tables (kubernetes/index-lookup.ts) are held by the index across generations: an
// edit that only moves a file's objects swaps their entries in place; anything else rebuilds. Either
// way the tables equal those built from scratch for the same index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/core/engine';
import { createRegistry } from '../../../server/src/core/rules';
import { mergeConfig } from '../../../server/src/core/config/config';
import { lookup } from '../../../server/src/core/kubernetes/index-lookup';
import { WorkspaceIndex } from '../../../server/src/core/workspace';
import { only } from '../../helpers';

const DEPLOY = (name: string, app: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}}}
    spec:
      containers: [{name: c, image: r.example/c:1}]
`;
const SVC = (name: string, app: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n  selector: {app: ${app}}\n  ports: [{port: 80}]\n`;

/** The tables of a fresh index holding the same entries in the same order. */
function fresh(ws: WorkspaceIndex) {
  const copy = new WorkspaceIndex();
  for (const p of ws.paths()) copy.set(p, ws.get(p));
  return lookup(copy);
}

test('after a line shift the tables are patched in place and equal a fresh build; a renamed object rebuilds them', () => {
  const a = new Analyzer(createRegistry());
  const cfg = mergeConfig({});
  const files: Record<string, string> = {
    '/ws/a.yaml': DEPLOY('web', 'web') + '---\n' + SVC('web', 'web'),
    '/ws/b.yaml': DEPLOY('api', 'api') + '---\n' + SVC('api', 'nothing'),
    '/ws/c.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n',
  };
  for (const [p, t] of Object.entries(files)) a.analyze({ path: p, text: t }, cfg);
  const ws = a.workspace;
  const before = lookup(ws);
  assert.deepEqual(before, fresh(ws));

  // A comment line at the top of a.yaml: new entry objects (moved ranges), same keys.
  const gen = ws.generation;
  a.analyze({ path: '/ws/a.yaml', text: '# moved\n' + files['/ws/a.yaml'] }, cfg);
  assert.notEqual(ws.generation, gen, 'the ranges fact changed');
  const after = lookup(ws);
  assert.equal(after, before, 'the same tables, patched');
  assert.deepEqual(after, fresh(ws));
  assert.equal(after.byKindName.get('Service\nweb')![0].range.start.line, 13, 'the entry with the moved range');
  assert.equal(after.podTemplates.find((r) => r.name === 'web')!.range.start.line, 3);

  // A renamed object: rebuilt (new tables), still equal to a fresh build.
  a.analyze({ path: '/ws/b.yaml', text: files['/ws/b.yaml'].replace('name: api}', 'name: api2}') }, cfg);
  const renamed = lookup(ws);
  assert.notEqual(renamed, before);
  assert.deepEqual(renamed, fresh(ws));
  assert.ok(renamed.byKindName.has('Deployment\napi2') && !renamed.byKindName.has('Deployment\napi'));

  // Changed pod labels: rebuilt too.
  a.analyze({ path: '/ws/a.yaml', text: files['/ws/a.yaml'].replace(/app: web/g, 'app: web2') }, cfg);
  const relabelled = lookup(ws);
  assert.deepEqual(relabelled, fresh(ws));
  assert.ok(relabelled.podTemplatesByLabel.has('app\0web2'));
});

// perGeneration: a document's cross-file result is kept while the index facts it read keep their
// revisions, and recomputed when one changes or when a file its related locations point into moved.
test('per-document cross-file results: kept across a comment line, recomputed for a renamed name or a moved related object', () => {
  const a = new Analyzer(createRegistry());
  const cfg = mergeConfig({});
  const first = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: first}\n---\n';
  const pod = first + 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: r.example/c:1, envFrom: [{configMapRef: {name: cfg}}]}]\n';
  // The Service selects app=web,tier=back: its closest template is the Deployment in /ws/dep.yaml (related information).
  const svc = first.replace('first', 'second') + 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web, tier: back}\n  ports: [{port: 80}]\n';
  const dep = DEPLOY('web', 'web');
  const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}\n';
  const analyze = (p: string, t: string) => a.analyze({ path: p, text: t }, cfg);
  analyze('/ws/dep.yaml', dep);
  analyze('/ws/cm.yaml', cm);
  const podDoc = analyze('/ws/pod.yaml', pod).yaml!.states[1].model;
  const svcDoc = analyze('/ws/svc.yaml', svc).yaml!.states[1].model;
  const refSlot = podDoc.memo.get('missing-reference');
  const svcSlot = svcDoc.memo.get('selector-mismatch.service');
  assert.ok(refSlot && svcSlot);
  const related = (t: string) => only(analyze('/ws/svc.yaml', t).findings, 'selector-mismatch').map((f) => f.related?.map((x) => [x.path, x.range.start.line]));
  // A comment line at the top of each file (in its first document): the cross-file rules run again
  // on the file, and the documents below reuse their results (no fact they read changed).
  const runs = a.crossFileRuns;
  assert.equal(only(analyze('/ws/pod.yaml', '# moved\n' + pod).findings, 'missing-reference').length, 1);
  assert.deepEqual(related('# moved\n' + svc), [[['/ws/dep.yaml', 2]]]);
  assert.equal(a.crossFileRuns - runs, 2);
  assert.equal(analyze('/ws/pod.yaml', '# moved\n' + pod).yaml!.states[1].model, podDoc);
  assert.equal(podDoc.memo.get('missing-reference'), refSlot);
  assert.equal(svcDoc.memo.get('selector-mismatch.service'), svcSlot);
  // The Deployment moves one line down: the related location follows it.
  analyze('/ws/dep.yaml', '# moved\n' + dep);
  assert.deepEqual(related(svc), [[['/ws/dep.yaml', 3]]]);
  assert.notEqual(svcDoc.memo.get('selector-mismatch.service'), svcSlot);
  // The ConfigMap takes the referenced name: the reference is found now.
  analyze('/ws/cm.yaml', cm.replace('other', 'cfg'));
  assert.deepEqual(only(analyze('/ws/pod.yaml', pod).findings, 'missing-reference'), []);
  assert.notEqual(podDoc.memo.get('missing-reference'), refSlot);
});

test('a line shift bumps only the file\'s ranges fact; a changed field bumps its facts (whatever fields changed with it)', () => {
  const a = new Analyzer(createRegistry());
  const cfg = mergeConfig({});
  const text = DEPLOY('web', 'web') + '---\n' + SVC('web', 'web');
  a.analyze({ path: '/ws/a.yaml', text }, cfg);
  const ws = a.workspace;
  const keys = ['file:/ws/a.yaml', 'ranges:/ws/a.yaml', '*'];
  const revs = () => keys.map((k) => ws.revision(k));
  const r0 = revs();
  a.analyze({ path: '/ws/a.yaml', text: '# moved\n' + text }, cfg);
  const r1 = revs();
  assert.equal(r1[0], r0[0], 'the objects did not change');
  assert.notEqual(r1[1], r0[1], 'their ranges did');
  // The same positions, another name: the file's facts change, its ranges do not.
  a.analyze({ path: '/ws/a.yaml', text: '# moved\n' + text.replace('name: web}', 'name: wob}') }, cfg);
  const r2 = revs();
  assert.notEqual(r2[0], r1[0]);
  assert.equal(r2[1], r1[1]);
  assert.notEqual(r2[2], r1[2]);
  // Shifted and renamed at once.
  a.analyze({ path: '/ws/a.yaml', text: '# moved\n# twice\n' + text }, cfg);
  const r3 = revs();
  assert.notEqual(r3[0], r2[0]);
  assert.notEqual(r3[1], r2[1]);
  assert.ok(lookup(ws).byKindName.has('Deployment\nweb') && !lookup(ws).byKindName.has('Deployment\nwob'));
});
