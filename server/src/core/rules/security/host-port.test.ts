import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, roundTrip, sec } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { hostPort } from './host-port';

test('host-port: non-zero hostPort pair, removed by the fix; hostPort 0 allowed', () => {
  const text = GOOD + `      ports:\n        - containerPort: 8080\n          hostPort: 80\n        - hostPort: 443\n          containerPort: 8443\n        - containerPort: 9000\n          hostPort: 0\n`;
  const f = only(sec(text), 'host-port');
  assert.deepEqual(f.map(r), [[24, 10, 24, 22], [25, 10, 25, 23]]);
  assert.equal(roundTrip(text, f[0]), text.replace('          hostPort: 80\n', ''));
  assert.equal(roundTrip(text, f[1]), text.replace('        - hostPort: 443\n          containerPort: 8443\n', '        - containerPort: 8443\n'));
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(hostPort, {
  valid: [
    GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n      ports:\n        - containerPort: 8080\n'),
  ],
  invalid: [
    {
      code: GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n      ports:\n        - containerPort: 8080\n          hostPort: 80\n        - containerPort: 9000\n          hostPort: 0\n'),
      errors: [{ messageId: "message", range: [24, 10, 24, 22] }],
      output: GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n      ports:\n        - containerPort: 8080\n        - containerPort: 9000\n          hostPort: 0\n'),
    },
  ],
});
