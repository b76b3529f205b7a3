import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BoundedCache } from '../../../server/src/core/util/bounded-cache';

test('get/set/delete/clear, with the accounting', () => {
  const c = new BoundedCache<string, number>({ maxBytes: 100, maxEntries: 10 });
  assert.equal(c.set('a', 1, 10), true);
  assert.equal(c.set('b', 2, 20), true);
  assert.equal(c.get('a'), 1);
  assert.equal(c.get('zz'), undefined);
  assert.equal(c.bytes, 30);
  assert.equal(c.size, 2);
  assert.equal(c.set('a', 3, 5), true, 'replacing an entry re-accounts it');
  assert.equal(c.bytes, 25);
  assert.equal(c.get('a'), 3);
  assert.equal(c.delete('a'), true);
  assert.equal(c.delete('a'), false);
  assert.equal(c.bytes, 20);
  c.clear();
  assert.equal(c.bytes, 0);
  assert.equal(c.size, 0);
  assert.equal(c.get('b'), undefined);
});

test('bounded by bytes: the least recently used entries go first', () => {
  const c = new BoundedCache<string, string>({ maxBytes: 100, maxEntries: 100 });
  c.set('a', 'A', 40);
  c.set('b', 'B', 40);
  c.get('a'); // a is now more recent than b
  c.set('c', 'C', 40); // 120 > 100: b goes
  assert.equal(c.has('b'), false);
  assert.equal(c.get('a'), 'A');
  assert.equal(c.get('c'), 'C');
  assert.equal(c.bytes, 80);
});

test('bounded by entries', () => {
  const c = new BoundedCache<number, number>({ maxBytes: 1e9, maxEntries: 3 });
  for (let i = 0; i < 10; i++) c.set(i, i, 1);
  assert.equal(c.size, 3);
  assert.deepEqual([7, 8, 9].map((i) => c.get(i)), [7, 8, 9]);
  assert.equal(c.has(6), false);
});

test('an entry costing more than the bound is not kept, and drops what was under its key', () => {
  const c = new BoundedCache<string, string>({ maxBytes: 100, maxEntries: 10 });
  c.set('small', 's', 10);
  c.set('big', 'old', 10);
  assert.equal(c.set('big', 'B', 101), false);
  assert.equal(c.has('big'), false);
  assert.equal(c.get('small'), 's', 'the other entries stay');
  assert.equal(c.bytes, 10);
  assert.equal(c.set('edge', 'E', 90), true, 'exactly at the bound is kept');
  assert.equal(c.bytes, 100);
});

test('a cache of no entries keeps nothing; invalid costs and bounds are refused', () => {
  const none = new BoundedCache<string, number>({ maxBytes: 100, maxEntries: 0 });
  assert.equal(none.set('a', 1, 1), false);
  assert.equal(none.size, 0);
  const c = new BoundedCache<string, number>({ maxBytes: 100, maxEntries: 1 });
  assert.throws(() => c.set('a', 1, -1), RangeError);
  assert.throws(() => c.set('a', 1, Number.NaN), RangeError);
  assert.throws(() => c.set('a', 1, Number.POSITIVE_INFINITY), RangeError);
  assert.throws(() => new BoundedCache({ maxBytes: -1, maxEntries: 1 }), RangeError);
});

test('matches a reference model on random operations (fast-check)', () => {
  type Op = { kind: 'set'; key: number; cost: number } | { kind: 'get' | 'delete'; key: number } | { kind: 'clear' };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 7 }), cost: fc.integer({ min: 0, max: 60 }) }),
    fc.record({ kind: fc.constantFrom('get' as const, 'delete' as const), key: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ kind: fc.constant('clear' as const) }),
  );
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 5 }), fc.array(op, { maxLength: 60 }), (maxBytes, maxEntries, ops) => {
      const c = new BoundedCache<number, number>({ maxBytes, maxEntries });
      // Reference: an array in recency order (oldest first).
      let ref: { key: number; value: number; cost: number }[] = [];
      let n = 0;
      for (const o of ops) {
        if (o.kind === 'set') {
          const value = n++;
          ref = ref.filter((e) => e.key !== o.key);
          const kept = o.cost <= maxBytes && maxEntries >= 1;
          if (kept) {
            ref.push({ key: o.key, value, cost: o.cost });
            while (ref.reduce((s, e) => s + e.cost, 0) > maxBytes || ref.length > maxEntries) ref.shift();
          }
          assert.equal(c.set(o.key, value, o.cost), kept);
        } else if (o.kind === 'get') {
          const i = ref.findIndex((e) => e.key === o.key);
          if (i >= 0) ref.push(...ref.splice(i, 1));
          assert.equal(c.get(o.key), i >= 0 ? ref[ref.length - 1].value : undefined);
        } else if (o.kind === 'delete') {
          const had = ref.some((e) => e.key === o.key);
          ref = ref.filter((e) => e.key !== o.key);
          assert.equal(c.delete(o.key), had);
        } else {
          ref = [];
          c.clear();
        }
        assert.equal(c.bytes, ref.reduce((s, e) => s + e.cost, 0));
        assert.equal(c.size, ref.length);
        assert.ok(c.bytes <= maxBytes && c.size <= maxEntries);
      }
    }),
    { numRuns: 500 },
  );
});
