import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, roundTrip, sec, del } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { capabilitiesNotDropped } from './capabilities-not-dropped';

test('capabilities-not-dropped: drop without ALL, no drop, baseline-allowed additions', () => {
  const noAll = GOOD.replace('drop: [ALL]', 'drop: [NET_RAW]');
  const f = only(sec(noAll), 'capabilities-not-dropped');
  assert.deepEqual(f.map(r), [[21, 10, 21, 14]]);
  assert.equal(roundTrip(noAll, f[0]), GOOD.replace('drop: [ALL]', 'drop: [NET_RAW, ALL]'));
  const none = del(del(GOOD, '        capabilities:'), '          drop: [ALL]');
  const g = only(sec(none), 'capabilities-not-dropped');
  assert.deepEqual(g.map(r), [[17, 6, 17, 21]]);
  assert.equal(g[0].fixes![0].tier, 'review');
  assert.equal(roundTrip(none, g[0]), GOOD.replace('drop: [ALL]', 'drop: [ALL]').replace('        capabilities:\n          drop: [ALL]\n', '') + '        capabilities:\n          drop: [ALL]\n');
  const add = GOOD.replace('drop: [ALL]', 'drop: [ALL]\n          add: [NET_BIND_SERVICE, SETUID, SYS_ADMIN]');
  const h = only(sec(add), 'capabilities-not-dropped');
  assert.deepEqual(h.map(r), [[22, 34, 22, 40]]);
  assert.deepEqual(h[0].message.args, { container: 'app', capability: 'SETUID' });
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(capabilitiesNotDropped, {
  valid: [
    GOOD,
    GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n          add: [NET_BIND_SERVICE]\n'),
  ],
  invalid: [
    {
      code: GOOD.replace('          drop: [ALL]\n', '          drop: [NET_RAW]\n'),
      errors: [{ messageId: "messageDrop", range: [21, 10, 21, 14] }],
      output: GOOD.replace('          drop: [ALL]\n', '          drop: [NET_RAW, ALL]\n'),
    },
    {
      name: "a baseline-allowed addition other than NET_BIND_SERVICE",
      code: GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n          add: [NET_BIND_SERVICE, SETUID]\n'),
      errors: [{ messageId: "messageAdd", range: [22, 34, 22, 40], args: {"container": "app", "capability": "SETUID"} }],
    },
  ],
});
