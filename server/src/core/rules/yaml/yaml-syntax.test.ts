import { ruleTester } from '../../../../../test/rule-tester';
import { yamlSyntax } from './yaml-syntax';

// RuleTester cases (generated spec: valid / invalid with exact ranges / fixed output)
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
