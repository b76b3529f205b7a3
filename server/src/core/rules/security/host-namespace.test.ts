import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, roundTrip, sec } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';

test('host-namespace: each true field, removed by the fix; false is fine', () => {
  const text = GOOD.replace('  automountServiceAccountToken: false\n', '  automountServiceAccountToken: false\n  hostNetwork: true # needed for OVS\n  hostPID: false\n  hostIPC: true\n');
  const f = only(sec(text), 'host-namespace');
  assert.deepEqual(f.map(r), [[6, 2, 6, 19], [8, 2, 8, 15]]);
  assert.deepEqual(f.map((x) => x.message.args), [{ field: 'hostNetwork' }, { field: 'hostIPC' }]);
  assert.equal(roundTrip(text, f[0]), text.replace('  hostNetwork: true # needed for OVS\n', ''));
  assert.equal(roundTrip(text, f[1]), text.replace('  hostIPC: true\n', ''));
  assert.equal(f[0].fixes![0].tier, 'review');
});
