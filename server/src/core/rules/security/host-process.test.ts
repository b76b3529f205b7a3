import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, roundTrip, sec } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';

test('host-process: pod and container windowsOptions.hostProcess: true', () => {
  const text = GOOD.replace('    runAsNonRoot: true\n', '    runAsNonRoot: true\n    windowsOptions:\n      hostProcess: true\n      runAsUserName: "NT AUTHORITY\\\\SYSTEM"\n');
  const f = only(sec(text), 'host-process');
  assert.deepEqual(f.map(r), [[9, 6, 9, 23]]);
  assert.equal(roundTrip(text, f[0]), text.replace('      hostProcess: true\n', ''));
});
