import { ruleTester } from '../../../../../test/rule-tester';
import { undefinedArgInFrom } from './undefined-arg-in-from';

ruleTester(undefinedArgInFrom, {
  valid: [
    'ARG VERSION=3.20\nFROM alpine:${VERSION}\n',
    { name: 'predefined platform args and defaults', code: 'FROM --platform=$BUILDPLATFORM alpine:${TAG:-3.20}\n' },
  ],
  invalid: [
    { code: 'FROM alpine:${VERSION}\n', errors: [{ messageId: 'message', range: [0, 14, 0, 21], args: { name: 'VERSION' }, severity: 'warning' }], output: null },
    { name: 'a typo of a declared ARG', code: 'ARG VERSION=3.20\nFROM alpine:$VERSOIN\n', errors: [{ messageId: 'suggest', range: [1, 13, 1, 20], args: { name: 'VERSOIN', suggestion: 'VERSION' } }], output: 'ARG VERSION=3.20\nFROM alpine:$VERSION\n' },
    { name: 'an ARG inside a stage is not visible to FROM', code: 'FROM alpine:3.20\nARG IMG=debian\nFROM $IMG\n', errors: [{ messageId: 'message', args: { name: 'IMG' } }] },
  ],
});

// The references are found in one pass (a regex retried its search for `}` from every unclosed
// `${A:-`: a 500 KB FROM line took minutes). Same matches as that regex on random FROM texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { argReferences } from './undefined-arg-in-from';

const REGEX = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+=?][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
const byRegex = (src: string) =>
  [...src.matchAll(REGEX)].map((mm) => ({ index: mm.index!, name: (mm[1] ?? mm[3])!, braced: mm[1] !== undefined, defaulted: !!mm[2] && /^:?-/.test(mm[2]) }));

test('undefined-arg-in-from: argReferences finds what the reference regex finds', () => {
  const piece = fc.constantFrom('$', '{', '}', ':', '-', '+', '=', '?', 'A', 'b_1', '9', ' ', '/', '${A:-', '${B}', '$C', '\\');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const src = parts.join('');
      assert.deepEqual(argReferences(src), byRegex(src));
    }),
    { numRuns: 3000, seed: 4 },
  );
});

test('undefined-arg-in-from: a FROM of 100,000 unclosed `${A:-` has no reference and is read in one pass', () => {
  const src = 'alpine:' + '${A:-'.repeat(100_000);
  assert.deepEqual(argReferences(src), []);
  assert.deepEqual(argReferences(src + '}'), [{ index: 7, name: 'A', braced: true, defaulted: true }]);
});
