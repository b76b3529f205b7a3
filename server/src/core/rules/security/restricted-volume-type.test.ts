import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { sec, WITH_VOLUMES } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';

test('restricted-volume-type: nfs reported, image / emptyDir / hostPath (host-path-volume\'s) not', () => {
  const f = only(sec(WITH_VOLUMES), 'restricted-volume-type');
  assert.deepEqual(f.map(r), [[51, 6, 54, 22]]);
  assert.deepEqual(f[0].message.args, { volume: 'share', type: 'nfs' });
  assert.deepEqual(only(sec(WITH_VOLUMES, { pss: 'baseline' }), 'restricted-volume-type'), []);
});
