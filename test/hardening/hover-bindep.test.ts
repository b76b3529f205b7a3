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
