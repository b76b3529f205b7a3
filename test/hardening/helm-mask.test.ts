// Issue #12: masking Helm actions is a linear scan (0.1's lazy pattern rescanned to the end of the
// file for every unclosed `{{`: 14-56 s on a template full of them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maskHelm, MASK } from '../../server/src/core/model/helm';

/** 0.1's maskHelm, kept as the oracle. */
function oracle(text: string): string {
  if (!text.includes('{{')) return text;
  const masked = text.replace(/\{\{[\s\S]*?\}\}/g, (m) => m.replace(/[^\r\n]/g, MASK));
  const run = new RegExp(`${MASK}+`, 'g');
  return masked
    .split('\n')
    .map((l) => {
      if (!l.includes(MASK)) return l;
      const rest = l.replace(run, '').trim();
      if (rest === '') return l.replace(/[^\r]/g, ' ');
      if (rest.startsWith('#') && /^[\s\uE000]*#/.test(l)) return l.replace(run, (m) => ' '.repeat(m.length));
      return l;
    })
    .join('\n');
}

test('maskHelm masks exactly what the old pattern masked (property test on template-like text)', () => {
  const piece = fc.constantFrom('{{', '}}', '{', '}', ' ', '\n', '\r\n', '\r', '\t', '\u00a0', MASK, 'a: ', '- ', '#', '.Values.x', '|', 'end', '-');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      assert.equal(maskHelm(text), oracle(text));
    }),
    { numRuns: 5000, seed: 42 },
  );
});

test('a template with 200,000 unclosed {{ is masked in one pass, every offset kept', () => {
  const text = 'a: {{ .Values.x }}\n' + 'b: {{ x\n'.repeat(200_000);
  const out = maskHelm(text);
  assert.equal(out.length, text.length);
  assert.equal(out.split('\n')[0], `a: ${MASK.repeat(15)}`);
  assert.equal(out.split('\n')[1], 'b: {{ x');
});
