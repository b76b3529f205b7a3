import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { roundTrip, sec, WITH_VOLUMES } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';

test('mount-propagation: Bidirectional pair removed; HostToContainer is fine', () => {
  const f = only(sec(WITH_VOLUMES), 'mount-propagation');
  assert.deepEqual(f.map(r), [[35, 10, 35, 41]]);
  assert.equal(roundTrip(WITH_VOLUMES, f[0]), WITH_VOLUMES.replace('          mountPropagation: Bidirectional\n', ''));
  assert.deepEqual(only(sec(WITH_VOLUMES.replace('Bidirectional', 'HostToContainer')), 'mount-propagation'), []);
});
