import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { roundTrip, sec, WITH_VOLUMES } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { GOOD } from '../../../../../test/core/security/helpers';
import { ruleTester } from '../../../../../test/rule-tester';
import { mountPropagation } from './mount-propagation';

test('mount-propagation: Bidirectional pair removed; HostToContainer is fine', () => {
  const f = only(sec(WITH_VOLUMES), 'mount-propagation');
  assert.deepEqual(f.map(r), [[35, 10, 35, 41]]);
  assert.equal(roundTrip(WITH_VOLUMES, f[0]), WITH_VOLUMES.replace('          mountPropagation: Bidirectional\n', ''));
  assert.deepEqual(only(sec(WITH_VOLUMES.replace('Bidirectional', 'HostToContainer')), 'mount-propagation'), []);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(mountPropagation, {
  valid: [
    GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n      volumeMounts:\n        - name: scratch\n          mountPath: /scratch\n          mountPropagation: HostToContainer\n  volumes:\n    - name: scratch\n      emptyDir: {}\n'),
  ],
  invalid: [
    {
      code: GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n      volumeMounts:\n        - name: scratch\n          mountPath: /scratch\n          mountPropagation: Bidirectional\n  volumes:\n    - name: scratch\n      emptyDir: {}\n'),
      errors: [{ messageId: "message", range: [25, 10, 25, 41], args: {"container": "app", "volume": "scratch"} }],
      output: GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n      volumeMounts:\n        - name: scratch\n          mountPath: /scratch\n  volumes:\n    - name: scratch\n      emptyDir: {}\n'),
    },
  ],
});
