import { test } from 'node:test';
import { found, lintD, only, r } from '../../../../../test/core/dockerfile/df-helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { layerCount } from './layer-count';

test('layer-count: reported on the FROM image of a stage above the threshold, with the first extra layer related', () => {
  const runs = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? `COPY f${i} /f${i}` : `RUN echo ${i}`)).join('\n');
  const text = `FROM alpine:3.20 AS big\n${runs(4)}\nWORKDIR /x\nFROM alpine:3.20 AS small\n${runs(3)}\n`;
  const f = only(lintD(text, { layers: { threshold: 3 } }), 'layer-count');
  assert.equal(f.length, 1);
  assert.deepEqual(r(f[0]), [0, 5, 0, 16]);
  assert.deepEqual(f[0].message, { id: 'rule.layer-count.message', args: { stage: 'big', count: 4, threshold: 3 } });
  assert.deepEqual(f[0].related![0].range.start, { line: 4, character: 0 });
  assert.deepEqual(f[0].related![0].message, { id: 'rule.layer-count.related', args: { n: 4 } });
  assert.equal(f[0].severity, 'warning');
  // default threshold 20
  assert.deepEqual(found(text, 'layer-count'), []);
  assert.deepEqual(found(`FROM alpine:3.20\n${runs(21)}\n`, 'layer-count'), [['rule.layer-count.message', [0, 5, 0, 16]]]);
  assert.deepEqual(found(`FROM alpine:3.20\n${runs(20)}\n`, 'layer-count'), []);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(layerCount, {
  valid: [
    {
      code: `FROM alpine:3.20
RUN a
RUN b
RUN c
`,
      config: {"layers": {"threshold": 3}},
    },
  ],
  invalid: [
    {
      code: `FROM alpine:3.20 AS big
RUN a
COPY b /b
RUN c
RUN d
`,
      config: {"layers": {"threshold": 3}},
      errors: [{ messageId: "message", range: [0, 5, 0, 16], args: {"stage": "big", "count": 4, "threshold": 3}, severity: "warning" }],
    },
  ],
});
