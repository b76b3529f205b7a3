import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { Analyzer } from '../../../server/src/core/engine';
import { createRegistry } from '../../../server/src/core/rules';
import { mergeConfig } from '../../../server/src/core/config/config';
import { completion, hover } from '../../../server/src/core/features';
import { MAX_DEPTH, parseJsonFast, tooDeep } from '../../../server/src/core/model/guards';
import { YamlDocModel } from '../../../server/src/core/model/yaml';
import { toValue } from '../../../server/src/core/model/ynode';
import { parseYaml } from '../../../server/src/core/model/yparse';
import type { Finding } from '../../../server/src/core/types';
import { only, r } from '../../helpers';

/**
 * Hostile and pathological input: a clear diagnostic, no crash. Timings never decide a test (the
 * suite runs on loaded 2-core machines): the numbers are printed; linearity is guarded by work
 * counts in test/hardening and measured by `npm run bench` (doubling).
 */
function run(name: string, text: string, path = '/ws/bad.yaml'): { findings: Finding[]; ms: number } {
  const a = new Analyzer(createRegistry(), (rule, _p, e) => {
    throw new Error(`rule ${rule} threw: ${String(e)}`);
  });
  const t0 = performance.now();
  const findings = a.analyze({ path, text }, mergeConfig()).findings;
  // hover and completion on the same text must survive too
  const ctx = { path, text, config: mergeConfig(), analyzer: a, lang: 'en' as const };
  hover(ctx, { line: 0, character: 3 });
  completion(ctx, { line: 1, character: 0 });
  const ms = performance.now() - t0;
  console.log(`# bad input ${name}: ${ms.toFixed(0)} ms, ${findings.length} findings (${[...new Set(findings.map((f) => f.rule))].join(', ')})`);
  return { findings, ms };
}

const BILLION_LAUGHS = `apiVersion: v1
kind: ConfigMap
metadata: {name: lol}
data:
  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
  h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
  i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;

describe('bad input', () => {
  test('billion laughs: not expanded, said on the first alias', () => {
    const { findings } = run('billion laughs', BILLION_LAUGHS);
    const s = only(findings, 'yaml-syntax');
    assert.deepEqual(s.map((f) => [r(f), f.message.id]), [[[5, 9, 5, 11], 'rule.yaml-syntax.aliasLimit']]);
    // the document is not validated (its value cannot be built) - no schema noise
    assert.deepEqual(findings.filter((f) => f.rule.startsWith('schema-')), []);
  });

  test('1,000-level nesting (flow, block, sequences): not parsed, said where the limit is crossed', () => {
    const flow = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  x: ${'['.repeat(1000)}${']'.repeat(1000)}\n`;
    let block = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\nextra:\n';
    for (let i = 1; i <= 1000; i++) block += `${' '.repeat(i)}k${i}:\n`;
    let seq = 'items:\n';
    for (let i = 1; i <= 1000; i++) seq += `${' '.repeat(i * 2)}- \n`;
    const flowMaps = `a: ${'{b: '.repeat(5000)}1${'}'.repeat(5000)}\n`;
    for (const [name, text] of [['flow', flow], ['block', block], ['sequences', seq], ['5,000 flow maps', flowMaps]] as const) {
      const { findings } = run(`nesting ${name}`, text);
      const s = only(findings, 'yaml-syntax');
      assert.equal(s.length, 1, name);
      assert.deepEqual(s[0].message, { id: 'rule.yaml-syntax.tooDeep', args: { limit: MAX_DEPTH } });
    }
    const f = only(run('nesting flow (range)', flow).findings, 'yaml-syntax')[0];
    // block levels `data:` and `x:` count too: the 255th `[` crosses 256
    assert.deepEqual(r(f), [4, 5 + MAX_DEPTH - 2, 4, 6 + MAX_DEPTH - 2]);
  });

  test('nesting just under the limit is parsed normally', () => {
    const text = `a: ${'['.repeat(100)}${']'.repeat(100)}\n`;
    assert.equal(tooDeep(text), -1);
    assert.deepEqual(run('nesting 100', text).findings, []);
    // brackets inside quoted scalars and comments do not count
    assert.equal(tooDeep(`a: "${'['.repeat(400)}"\nb: '${'{'.repeat(400)}'\n# ${'['.repeat(400)}\n`), -1);
  });

  test('tabs used for indentation: a yaml-syntax error on the tab, other documents still checked', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: p\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndat: {}\n';
    const { findings } = run('tabs', text);
    const s = only(findings, 'yaml-syntax');
    assert.ok(s.length >= 1);
    assert.equal(s[0].range.start.line, 3);
    assert.deepEqual(only(findings, 'schema-unknown-field').map((f) => r(f)), [[8, 0, 8, 3]]);
  });

  test('not UTF-8: Latin-1 text and replacement characters are analysed without crashing', () => {
    const latin1 = Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf\u00e9}\ndata: {k: "gr\u00fc\u00df"}\n', 'latin1').toString('latin1');
    const a = run('latin-1', latin1);
    assert.deepEqual(a.findings.filter((f) => f.severity === 'error'), []);
    const replaced = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {k: "\ufffd\ufffd"}\n';
    const b = run('U+FFFD', replaced);
    assert.deepEqual(b.findings.filter((f) => f.severity === 'error'), []);
    const binary = Buffer.from([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x00, 0x01, 0x02, 0x0a]).toString('utf8');
    const c = run('binary', `apiVersion: v1\nkind: ConfigMap\n${binary.repeat(20)}`);
    assert.deepEqual(c.findings.map((f) => f.rule), ['binary-file']);
  });

  test('a 5 MB one-line JSON manifest: analysed quickly, findings on the right columns', () => {
    const items: unknown[] = [];
    for (let i = 0; i < 12_000; i++) items.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `c${i}`, labels: { app: 'x' } }, data: { k: 'v'.repeat(300) } });
    const list = { apiVersion: 'v1', kind: 'List', items };
    const text = JSON.stringify(list);
    assert.ok(text.length > 4_500_000, String(text.length));
    const { findings } = run('5 MB JSON', text);
    assert.deepEqual(findings, []);
    // a mistake near the end is found at its exact column
    const bad = text.replace('"kind":"List"', '"kind":"List","bogus":1');
    const f = only(run('5 MB JSON with an unknown field', bad).findings, 'schema-unknown-field');
    assert.deepEqual(f.map((x) => r(x)), [[0, 33, 0, 40]]);
  });

  test('parseJsonFast builds the same values and ranges as the yaml parser, and refuses non-JSON', () => {
    const src = '{"a": [1, 2.5, -3e2, true, false, null, "s\\n\\u00e9"], "b": {"c": {}}, "d": []}';
    const fast = parseJsonFast(src)!;
    const slow = parseYaml(src);
    assert.deepEqual(toValue(fast.contents, 'kubernetes'), toValue(slow.contents, 'kubernetes'));
    assert.deepEqual(JSON.stringify(fast.contents), JSON.stringify(slow.contents).replace(/"tag":"[^"]*",?/g, '').replace(/,}/g, '}'));
    const m = new YamlDocModel(src);
    assert.deepEqual(m.value, JSON.parse(src));
    for (const bad of ['{"a": 1,}', '{"a" 1}', '[1 2]', '{"a": 1} x', 'a: 1', '{"a": tru}', '{"a": "x\ny"}']) assert.equal(parseJsonFast(bad), undefined, bad);
    const doc = parseJsonFast('{"k": "v", "n": [1]}')!;
    const root = doc.contents as unknown as { items: { key: { range: number[] }; value: { range: number[] } }[] };
    assert.deepEqual(root.items.map((p) => [p.key.range.slice(0, 2), p.value.range.slice(0, 2)]), [
      [[1, 4], [6, 9]],
      [[11, 14], [16, 19]],
    ]);
  });
});

test('depthBound is never below what tooDeep counts (random nesting of blocks, dashes and flows)', async () => {
  const { depthBound, tooDeepScan } = await import('../../../server/src/core/model/guards');
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
  const staircase = Array.from({ length: 31 }, (_, c) => ' '.repeat(c) + 'a:').join('\n');
  for (let k = 0; k < 401; k++) {
    const lines: string[] = k === 400 ? [staircase] : [];
    for (let l = 0; k < 400 && l < 1 + rnd(60); l++) {
      const parts = [' '.repeat(rnd(40)), '- '.repeat(rnd(6)), ['a: ', '[', '{', 'x', '"q[": ', '# c', ''][rnd(7)], '['.repeat(rnd(3)), ']'.repeat(rnd(3))];
      lines.push(parts.join(''));
    }
    const text = lines.join(rnd(2) ? '\n' : '\r\n');
    // The smallest limit the scan does not trip is the depth it counts; the bound must reach it.
    let lo = 0;
    while (tooDeepScan(text, lo) >= 0) lo++;
    assert.ok(depthBound(text) >= lo, `bound ${depthBound(text)} < depth ${lo} for ${JSON.stringify(text)}`);
  }
});
