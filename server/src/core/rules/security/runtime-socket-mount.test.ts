import { GOOD } from '../../../../../test/core/security/helpers';
import { ruleTester } from '../../../../../test/rule-tester';
import { runtimeSocketMount } from './runtime-socket-mount';

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(runtimeSocketMount, {
  valid: [
    GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n  volumes:\n    - name: host\n      hostPath:\n        path: /srv/data\n'),
  ],
  invalid: [
    {
      code: GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n  volumes:\n    - name: host\n      hostPath:\n        path: /var/run/docker.sock\n'),
      errors: [{ messageId: "message", range: [25, 8, 25, 34] }],
      output: null,
    },
  ],
});
