import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { roundTrip, sec, WITH_VOLUMES } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { GOOD } from '../../../../../test/core/security/helpers';
import { ruleTester } from '../../../../../test/rule-tester';
import { hostPathVolume } from './host-path-volume';

test('host-path-volume: every hostPath volume entry; fix replaces hostPath with emptyDir: {}', () => {
  const f = only(sec(WITH_VOLUMES), 'host-path-volume');
  assert.deepEqual(f.map(r), [[37, 6, 40, 23], [41, 6, 42, 36], [43, 6, 45, 28], [46, 6, 48, 45]]);
  assert.equal(
    roundTrip(WITH_VOLUMES, f[0], { allowNew: ['restricted-volume-type'] }),
    WITH_VOLUMES.replace('      hostPath:\n        path: /dev\n        type: Directory\n', '      emptyDir: {}\n'),
  );
  assert.equal(roundTrip(WITH_VOLUMES, f[1]), WITH_VOLUMES.replace('hostPath: {path: /lib/modules}', 'emptyDir: {}'));
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(hostPathVolume, {
  valid: [
    GOOD,
    GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n  volumes:\n    - name: scratch\n      emptyDir: {}\n'),
  ],
  invalid: [
    {
      code: GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n      volumeMounts:\n        - name: data\n          mountPath: /data\n          readOnly: true\n  volumes:\n    - name: data\n      hostPath:\n        path: /srv/data\n'),
      errors: [{ messageId: "message", range: [27, 6, 29, 23], args: {"volume": "data"} }],
      output: GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n      volumeMounts:\n        - name: data\n          mountPath: /data\n          readOnly: true\n  volumes:\n    - name: data\n      emptyDir: {}\n'),
    },
  ],
});
