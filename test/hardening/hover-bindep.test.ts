// Issue #12: the bindep selector hover stays small and linear on a huge bindep file (the soak's 400,000-line
// file made a 2 MB hover, and grouping packages with Array.includes was quadratic: 28 s for 80,000 lines).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOVER_LIST_MAX, selectorHoverMarkdown } from '../../server/src/core/features/loci';

test('a selector shared by many entries lists the first packages and counts the rest; duplicates once', () => {
  const lines = Array.from({ length: 200 }, (_, i) => `pkg${i} [platform:dpkg]`);
  lines.push('pkg0 [platform:dpkg]'); // the same package twice: listed once
  const text = lines.join('\n') + '\n';
  const h = selectorHoverMarkdown(text, { line: 3, character: 8 }, 'en');
  assert.ok(h, 'a hover on the selector');
  const listed = /`([^`]*)`/g;
  const spans = [...h.markdown.matchAll(listed)].map((m) => m[1]).filter((s) => s.startsWith('pkg'));
  assert.equal(spans.length, 1, h.markdown);
  assert.deepEqual(spans[0].split(' '), Array.from({ length: HOVER_LIST_MAX }, (_, i) => `pkg${i}`));
  assert.match(h.markdown, /and 150 more/);
  assert.ok(h.markdown.length < 1000, `${h.markdown.length} characters`);
});

/** N lines; the token `fluent` on `uses` of them, the rest platform-only entries and comments. */
function bindepText(n: number, uses: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(i < uses ? `py${i} [platform:dpkg fluent]` : i % 3 ? `pkg${i} [platform:rpm test]` : `# comment ${i}`);
  return out.join('\n') + '\n';
}

test('the selector hover parses the hovered line and the lines naming the token, no model of the file (counted work)', () => {
  const work = (n: number) => {
    const w = { lines: 0, parsed: 0 };
    const h = selectorHoverMarkdown(bindepText(n, 10), { line: 4, character: 20 }, 'en', w);
    assert.ok(h, 'a hover on fluent');
    assert.match(h.markdown, /\*\*fluent\*\*|fluent/);
    assert.deepEqual(h.range, { start: { line: 4, character: 19 }, end: { line: 4, character: 25 } });
    assert.match(h.markdown, /`py0 py1 py2 py3 py4 py5 py6 py7 py8 py9`/);
    return w;
  };
  const small = work(20_000);
  const large = work(40_000);
  // The hovered line, then the 10 lines that contain `fluent`: as many at 40,000 lines as at 20,000.
  assert.equal(small.parsed, 11);
  assert.equal(large.parsed, 11);
  // Lines visited: up to the hovered one, then one pass over the file (linear, not per entry).
  assert.equal(small.lines, 5 + 20_001);
  assert.equal(large.lines, 5 + 40_001);
});

test('a hover on a token every line uses still visits each line once and parses it once', () => {
  const text = Array.from({ length: 30_000 }, (_, i) => `pkg${i} [platform:dpkg]`).join('\n') + '\n';
  const w = { lines: 0, parsed: 0 };
  const h = selectorHoverMarkdown(text, { line: 29_999, character: 15 }, 'en', w);
  assert.ok(h);
  assert.match(h.markdown, /and 29950 more/);
  assert.equal(w.lines, 30_000 + 30_001);
  assert.equal(w.parsed, 1 + 30_000);
});
