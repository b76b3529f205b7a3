// Issue #12: workspace text in hover Markdown is escaped or fenced, so a file cannot inject links,
// images or HTML into a hover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeSpan, escapeMarkdown } from '../../server/src/core/util/markdown';

test('escapeMarkdown: link, image, HTML and emphasis syntax become literal text', () => {
  assert.equal(escapeMarkdown('![x](https://evil.example/p.png) [click](javascript:alert(1)) <img src=x> *a* _b_'), '\\!\\[x\\]\\(https://evil.example/p.png\\) \\[click\\]\\(javascript:alert\\(1\\)\\) \\<img src=x\\> \\*a\\* \\_b\\_');
  assert.equal(escapeMarkdown('line one\nline two'), 'line one line two');
  assert.equal(escapeMarkdown('glance'), 'glance');
});

test('codeSpan: a fence longer than any backtick run inside, so the span cannot be closed early', () => {
  assert.equal(codeSpan('qemu-utils'), '`qemu-utils`');
  assert.equal(codeSpan('a`](http://x)'), '``a`](http://x)``');
  assert.equal(codeSpan('``x'), '``` ``x ```');
});
