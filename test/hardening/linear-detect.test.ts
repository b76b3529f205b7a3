// Issue #12: Helm detection on hostile text is one pass (the regex it replaces was quadratic on a
// long line of `{{`). Equivalence with the regex on generated text; a hostile input the regex
// needed ~20 minutes for (3 MB of `{{ `) must finish well within the test's timeout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hasActionOnOneLine, looksLikeHelmTemplate } from '../../server/src/core/model/detect';

const OLD = (text: string) => text.includes('{{') && /\{\{[^\n]*?\}\}/.test(text);

test('hasActionOnOneLine answers as the regex did', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('{', '}', '{{', '}}', '\n', '\r', 'a', ' ', '{{ x }}'), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      assert.equal(hasActionOnOneLine(text), OLD(text), JSON.stringify(text));
    }),
    { numRuns: 3000 },
  );
  for (const t of ['{{}}', '{{}', '{{\n}}', 'a {{ b\n{{ c }}', '}} {{', '{{{}}', '{\n{}}']) assert.equal(hasActionOnOneLine(t), OLD(t), t);
  assert.equal(looksLikeHelmTemplate('x', true), true);
});

test('a 3 MB line of `{{` and many lines of `{{` without `}}` are one pass', { timeout: 20_000 }, () => {
  assert.equal(looksLikeHelmTemplate('{{ '.repeat(1_000_000)), false);
  assert.equal(looksLikeHelmTemplate('{{ a\n'.repeat(500_000) + '}}'), false);
  assert.equal(looksLikeHelmTemplate('{{ a\n'.repeat(500_000) + '{{ }}'), true);
});
