import { ruleTester } from '../../../../../test/rule-tester';
import { duplicateKey } from './duplicate-key';
import { test } from 'node:test';
import { lint, only, r } from '../../../../../test/helpers';
import assert from 'node:assert/strict';

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(duplicateKey, {
  valid: [
    `a: 1
b: 2
`,
  ],
  invalid: [
    {
      code: `a: 1
b: 2
a: 3
`,
      errors: [{ messageId: "message", range: [2, 0, 2, 1], args: {"key": "a", "line": 1}, severity: "error" }],
    },
  ],
});

test('duplicate-key points at the second key with the first as related information', () => {
  const f = only(lint('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n'), 'duplicate-key');
  assert.equal(f.length, 1);
  assert.deepEqual(r(f[0]), [4, 2, 4, 6]);
  assert.deepEqual(f[0].message.args, { key: 'name', line: 4 });
  assert.deepEqual(f[0].related![0].range, { start: { line: 3, character: 2 }, end: { line: 3, character: 6 } });
});
