import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, roundTrip, sec } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { hostProcess } from './host-process';

test('host-process: pod and container windowsOptions.hostProcess: true', () => {
  const text = GOOD.replace('    runAsNonRoot: true\n', '    runAsNonRoot: true\n    windowsOptions:\n      hostProcess: true\n      runAsUserName: "NT AUTHORITY\\\\SYSTEM"\n');
  const f = only(sec(text), 'host-process');
  assert.deepEqual(f.map(r), [[9, 6, 9, 23]]);
  assert.equal(roundTrip(text, f[0]), text.replace('      hostProcess: true\n', ''));
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(hostProcess, {
  valid: [
    GOOD.replace('        capabilities:\n', '        windowsOptions:\n          hostProcess: false\n        capabilities:\n'),
  ],
  invalid: [
    {
      code: GOOD.replace('        capabilities:\n', '        windowsOptions:\n          hostProcess: true\n        capabilities:\n'),
      errors: [{ messageId: "message", range: [21, 10, 21, 27], args: {"container": "app"} }],
    },
  ],
});
