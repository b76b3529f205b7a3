import { ruleTester } from '../../../../../test/rule-tester';
import { duplicateKey } from './duplicate-key';

// RuleTester cases (generated spec: valid / invalid with exact ranges / fixed output)
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
