import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { roundTrip, sec, WITH_VOLUMES } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { GOOD } from '../../../../../test/core/security/helpers';
import { ruleTester } from '../../../../../test/rule-tester';
import { writableHostMount } from './writable-host-mount';

test('writable-host-mount: the volumeMount entry; fix-all adds readOnly, explicit false is quick fix only', () => {
  const f = only(sec(WITH_VOLUMES), 'writable-host-mount');
  assert.deepEqual(f.map(r), [[23, 10, 24, 25], [28, 10, 30, 25], [31, 10, 32, 52]]);
  assert.equal(f[0].fixes![0].tier, 'safe');
  assert.equal(f[1].fixes![0].tier, 'review');
  assert.equal(roundTrip(WITH_VOLUMES, f[0]), WITH_VOLUMES.replace('          mountPath: /dev\n', '          mountPath: /dev\n          readOnly: true\n'));
  assert.equal(roundTrip(WITH_VOLUMES, f[1]), WITH_VOLUMES.replace('readOnly: false', 'readOnly: true'));
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(writableHostMount, {
  valid: [
    GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n      volumeMounts:\n        - name: data\n          mountPath: /data\n          readOnly: true\n  volumes:\n    - name: data\n      hostPath:\n        path: /srv/data\n'),
  ],
  invalid: [
    {
      code: GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n      volumeMounts:\n        - name: data\n          mountPath: /data\n        - name: logs\n          mountPath: /logs\n          readOnly: false\n  volumes:\n    - name: data\n      hostPath:\n        path: /srv/data\n    - name: logs\n      hostPath:\n        path: /srv/logs\n'),
      errors: [{ messageId: "message", range: [23, 10, 24, 26] }, { messageId: "message", range: [25, 10, 27, 25] }],
      output: GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n      volumeMounts:\n        - name: data\n          mountPath: /data\n          readOnly: true\n        - name: logs\n          mountPath: /logs\n          readOnly: true\n  volumes:\n    - name: data\n      hostPath:\n        path: /srv/data\n    - name: logs\n      hostPath:\n        path: /srv/logs\n'),
    },
  ],
});
