// Issue #12: YAML flow nesting is analysed in work linear in its depth (a doubling of the depth once
// measured 3.7x the time). Guarded by counting, not timing: every YAML/Kubernetes document rule runs
// on a model nested N and 2N deep, and the reads of the model's collections (the loops a rule does)
// may grow about twice, not four times; the model itself has one collection per level.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { YamlDocModel } from '../../server/src/core/model/yaml';
import { YMap, YSeq, type YNode } from '../../server/src/core/model/ynode';
import { createRegistry } from '../../server/src/core/rules';
import { mergeConfig } from '../../server/src/core/config/config';
import { createProviders } from '../../server/src/core/providers';
import { MAX_DEPTH } from '../../server/src/core/model/guards';

/** A Pod whose annotations and container env nest flow mappings and sequences `depth` deep. */
function nested(depth: number): string {
  const flow = (d: number) => '{k: ['.repeat(d) + 'x' + ']}'.repeat(d);
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: deep\n  annotations: ${flow(depth / 2)}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      env: [{name: A, value: ${flow(depth / 2 - 1)}}]\n`;
}

/** The model with every collection's items counting the elements read. */
function countingDoc(text: string): { doc: YamlDocModel; reads: () => number; collections: number } {
  const doc = new YamlDocModel(text);
  let reads = 0;
  let collections = 0;
  const wrap = (n: YNode | null | undefined) => {
    if (!(n instanceof YMap || n instanceof YSeq)) return;
    collections++;
    if (n instanceof YMap) for (const p of n.items) (wrap(p.key), wrap(p.value));
    else for (const v of n.items) wrap(v);
    (n as { items: unknown[] }).items = new Proxy(n.items as unknown[], {
      get(target, prop, receiver) {
        if (typeof prop === 'string' && /^\d+$/.test(prop)) reads++;
        return Reflect.get(target, prop, receiver);
      },
    });
  };
  wrap(doc.contents);
  return { doc, reads: () => reads, collections };
}

test('the YAML model of flow nesting N deep has a collection per level, and the parse is not refused below the guard', () => {
  for (const depth of [40, 80, 160]) {
    const { doc, collections } = countingDoc(nested(depth));
    assert.equal(doc.tooDeepAt, undefined, `depth ${depth} is under the guard (${MAX_DEPTH})`);
    assert.equal(doc.errors.length, 0);
    // metadata/spec/containers/... plus one map and one sequence per level of each of the two nests.
    assert.ok(collections >= 2 * depth - 2 && collections <= 2 * depth + 10, `${collections} collections at depth ${depth}`);
  }
});

test('every YAML/Kubernetes document rule reads the model linearly in the flow nesting depth', () => {
  const registry = createRegistry();
  const config = mergeConfig();
  const providers = createProviders();
  const bad: string[] = [];
  let checked = 0;
  for (const rule of registry.of('yaml-document')) {
    const work = (depth: number) => {
      const { doc, reads } = countingDoc(nested(depth));
      rule.check({ config, path: '/ws/pod.yaml', doc, chunk: { index: 0, startLine: 0, startOffset: 0, text: doc.text }, helm: false, providers, report: () => undefined } as never);
      return reads();
    };
    const small = work(60);
    const large = work(120);
    checked++;
    if (large > 2.5 * Math.max(small, 8)) bad.push(`${rule.id}: ${small} reads at depth 60, ${large} at depth 120`);
  }
  assert.ok(checked > 50, `${checked} rules`);
  assert.deepEqual(bad, []);
});
