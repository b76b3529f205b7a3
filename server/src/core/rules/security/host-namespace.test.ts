import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, roundTrip, sec } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { hostNamespace } from './host-namespace';

test('host-namespace: each true field, removed by the fix; false is fine', () => {
  const text = GOOD.replace('  automountServiceAccountToken: false\n', '  automountServiceAccountToken: false\n  hostNetwork: true # needed for OVS\n  hostPID: false\n  hostIPC: true\n');
  const f = only(sec(text), 'host-namespace');
  assert.deepEqual(f.map(r), [[6, 2, 6, 19], [8, 2, 8, 15]]);
  assert.deepEqual(f.map((x) => x.message.args), [{ field: 'hostNetwork' }, { field: 'hostIPC' }]);
  assert.equal(roundTrip(text, f[0]), text.replace('  hostNetwork: true # needed for OVS\n', ''));
  assert.equal(roundTrip(text, f[1]), text.replace('  hostIPC: true\n', ''));
  assert.equal(f[0].fixes![0].tier, 'review');
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(hostNamespace, {
  valid: [
    GOOD,
    GOOD.replace('  securityContext:\n', '  hostPID: false\n  securityContext:\n'),
  ],
  invalid: [
    {
      code: GOOD.replace('  securityContext:\n', '  hostNetwork: true\n  hostPID: false\n  hostIPC: yes\n  securityContext:\n'),
      errors: [{ messageId: "message", range: [6, 2, 6, 19], args: {"field": "hostNetwork"} }, { messageId: "message", range: [8, 2, 8, 14], args: {"field": "hostIPC"} }],
      output: GOOD.replace('  securityContext:\n', '  hostPID: false\n  securityContext:\n'),
    },
  ],
});
