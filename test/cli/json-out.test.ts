// Issue #12: `--format json|sarif` writes its JSON in pieces (a 200k-line Dockerfile's 80,000 findings
// made one 37 MB string, the CLI's memory peak); the bytes are JSON.stringify(value, null, 2)'s.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MappedArray, writeJson } from '../../server/src/cli/json-out';

function written(value: unknown, chunk?: number): { text: string; writes: number } {
  const out: string[] = [];
  writeJson(value, (s) => out.push(s), chunk);
  return { text: out.join(''), writes: out.length };
}

test('the same bytes as JSON.stringify(value, null, 2) for any JSON value, whatever the piece size', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 200 }), (v, chunk) => {
      assert.equal(written(v, chunk).text, JSON.stringify(v, null, 2) + '\n');
    }),
    { numRuns: 300 },
  );
});

test('undefined and functions are left out of objects and null in arrays, toJSON and boxed values are followed, empty containers stay on one line', () => {
  const v = {
    a: undefined,
    f: () => 1,
    list: [undefined, () => 2, 1, [], {}, { x: undefined }],
    when: new Date(0),
    own: { toJSON: (k: string) => `key ${k}` },
    boxed: [new Number(3), new String('s'), new Boolean(false)],
    nonFinite: [NaN, Infinity, -0],
    escaped: 'quote " backslash \\ newline \n \u2028 \ud800',
  };
  assert.equal(written(v).text, JSON.stringify(v, null, 2) + '\n');
});

test('a cycle throws as JSON.stringify does; a value seen twice (not a cycle) is written twice', () => {
  const shared = { n: 1 };
  assert.equal(written({ a: shared, b: [shared, shared] }).text, JSON.stringify({ a: shared, b: [shared, shared] }, null, 2) + '\n');
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = { back: cyclic };
  assert.throws(() => written(cyclic), TypeError);
});

test('80,000 diagnostics are written in pieces of about the chunk size, never as one string', () => {
  const diagnostics = Array.from({ length: 80_000 }, (_, i) => ({ rule: 'unpinned-os-package', severity: 'information', message: `apt-get install installs pkg${i} without a version`, range: { start: { line: i, character: 4 }, end: { line: i, character: 40 } }, fixable: false }));
  const value = { version: 1, files: [{ path: 'Dockerfile', diagnostics }] };
  const out: string[] = [];
  writeJson(value, (s) => out.push(s), 1 << 16);
  const text = out.join('');
  assert.equal(text, JSON.stringify(value, null, 2) + '\n');
  assert.ok(out.length > text.length / (1 << 17), `${out.length} writes for ${text.length} characters`);
  assert.ok(Math.max(...out.map((s) => s.length)) < (1 << 16) + 1000, 'no piece much over the chunk size');
});

test('a MappedArray is written as items.map(map), one call of map per item as it is written', () => {
  const items = Array.from({ length: 50 }, (_, i) => i);
  const made: number[] = [];
  const out: string[] = [];
  const value = { empty: new MappedArray([], (x) => x), list: new MappedArray(items, (i) => (made.push(out.join('').length), i % 7 === 0 ? undefined : { i, sq: [i * i] })) };
  writeJson(value, (s) => out.push(s), 16);
  assert.equal(out.join(''), JSON.stringify({ empty: [], list: items.map((i) => (i % 7 === 0 ? undefined : { i, sq: [i * i] })) }, null, 2) + '\n');
  assert.equal(made.length, 50);
  assert.ok(made[49] > made[0], 'the later items are made after the earlier ones were written');
});
