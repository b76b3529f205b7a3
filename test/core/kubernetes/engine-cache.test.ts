import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/core/engine';
import { createRegistry } from '../../../server/src/core/rules';
import { mergeConfig } from '../../../server/src/core/config/config';
import { only } from '../../helpers';

const cm = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  k: v${i}\n`;
const file = (n: number, from = 0) => Array.from({ length: n }, (_, i) => cm(from + i)).join('---\n');

describe('engine caching used by the Kubernetes rules', () => {
  test('documents are reused by position, also when a document is added at the top', () => {
    const a = new Analyzer(createRegistry());
    const cfg = mergeConfig();
    const first = a.analyze({ path: '/ws/m.yaml', text: file(5) }, cfg).yaml!;
    const second = a.analyze({ path: '/ws/m.yaml', text: `${cm(99)}---\n${file(5)}` }, cfg).yaml!;
    assert.equal(second.states.length, 6);
    // the old first document now starts with `---`: a new text, parsed again; the others are reused
    assert.notEqual(second.states[1].model, first.states[0].model);
    for (let i = 1; i < 5; i++) assert.equal(second.states[i + 1].model, first.states[i].model, `doc ${i}`);
    // removing the document at the top again: counted from the end, the others are still reused
    const third = a.analyze({ path: '/ws/m.yaml', text: `${cm(98)}---\n${file(5).split('---\n').slice(1).join('---\n')}` }, cfg).yaml!;
    assert.equal(third.states.length, 5);
    for (let i = 1; i < 5; i++) assert.equal(third.states[i].model, second.states[i + 1].model, `doc ${i}`);
  });

  test('a value edit keeps the index generation; a rename or a shift changes it', () => {
    const a = new Analyzer(createRegistry());
    const cfg = mergeConfig();
    a.analyze({ path: '/ws/m.yaml', text: file(4) }, cfg);
    const g0 = a.workspace.generation;
    const entries = a.workspace.get('/ws/m.yaml');
    a.analyze({ path: '/ws/m.yaml', text: file(4).replace('k: v2', 'k: changed') }, cfg);
    assert.equal(a.workspace.generation, g0);
    assert.equal(a.workspace.get('/ws/m.yaml')[3], entries[3], 'same entry object');
    a.analyze({ path: '/ws/m.yaml', text: file(4).replace('name: c2', 'name: renamed') }, cfg);
    assert.equal(a.workspace.generation, g0 + 1);
    a.analyze({ path: '/ws/m.yaml', text: file(4).replace('name: c2', 'name: renamed').replace('k: v1\n', 'k: v1\nx: 1\n') }, cfg);
    assert.equal(a.workspace.generation, g0 + 2);
    assert.equal(a.workspace.get('/ws/m.yaml')[3].range.start.line, 25);
  });

  test('Helm: an edit inside an action (same masked text) is not served from a stale document', () => {
    const a = new Analyzer(createRegistry());
    const cfg = mergeConfig();
    const t1 = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.a }}\n';
    const y1 = a.analyze({ path: '/c/templates/cm.yaml', text: t1, helmChartTemplate: true }, cfg).yaml!;
    const y2 = a.analyze({ path: '/c/templates/cm.yaml', text: t1.replace('.a', '.b'), helmChartTemplate: true }, cfg).yaml!;
    assert.equal(y1.chunks[0].text, y2.chunks[0].text);
    assert.notEqual(y1.states[0].model, y2.states[0].model);
    assert.match(y2.states[0].model.original, /\.Values\.b/);
  });

  test('cross-resource findings follow edits in other files once re-analysed', () => {
    const a = new Analyzer(createRegistry());
    const cfg = mergeConfig();
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: nginx:1.27}]\n  volumes:\n    - name: v\n      configMap: {name: c1}\n';
    assert.equal(only(a.analyze({ path: '/ws/pod.yaml', text: pod }, cfg).findings, 'missing-reference').length, 1);
    a.analyze({ path: '/ws/cms.yaml', text: file(2) }, cfg);
    assert.equal(only(a.analyze({ path: '/ws/pod.yaml', text: pod }, cfg).findings, 'missing-reference').length, 0);
    a.analyze({ path: '/ws/cms.yaml', text: file(1) }, cfg);
    assert.equal(only(a.analyze({ path: '/ws/pod.yaml', text: pod }, cfg).findings, 'missing-reference').length, 1);
  });
});
