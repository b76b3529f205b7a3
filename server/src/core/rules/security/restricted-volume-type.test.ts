import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { sec, WITH_VOLUMES } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { GOOD } from '../../../../../test/core/security/helpers';
import { ruleTester } from '../../../../../test/rule-tester';
import { restrictedVolumeType } from './restricted-volume-type';

test('restricted-volume-type: nfs reported, image / emptyDir / hostPath (host-path-volume\'s) not', () => {
  const f = only(sec(WITH_VOLUMES), 'restricted-volume-type');
  assert.deepEqual(f.map(r), [[51, 6, 54, 22]]);
  assert.deepEqual(f[0].message.args, { volume: 'share', type: 'nfs' });
  assert.deepEqual(only(sec(WITH_VOLUMES, { pss: 'baseline' }), 'restricted-volume-type'), []);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(restrictedVolumeType, {
  valid: [
    GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n  volumes:\n    - name: cfg\n      configMap:\n        name: settings\n'),
  ],
  invalid: [
    {
      code: GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n  volumes:\n    - name: share\n      nfs:\n        server: nfs.example.com\n        path: /exports\n'),
      errors: [{ messageId: "message", range: [23, 6, 26, 22], args: {"volume": "share", "type": "nfs"}, severity: "information" }],
    },
  ],
});
