import { ruleTester } from '../../../../../test/rule-tester';
import { yamlSyntax } from './yaml-syntax';

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(yamlSyntax, {
  valid: [
    `a: 1
b: [1, 2]
`,
  ],
  invalid: [
    {
      code: `a: 1
	b: 2
`,
      errors: [{ messageId: "TAB_AS_INDENT", range: [1, 0, 1, 1], severity: "error" }],
    },
  ],
});
