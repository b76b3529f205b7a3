import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, roundTrip, sec } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { procMountUnmasked } from './proc-mount-unmasked';

test('proc-mount-unmasked: Unmasked pair set to Default; hostUsers: false relaxes baseline only', () => {
  const text = GOOD.replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        procMount: Unmasked\n');
  const f = only(sec(text), 'proc-mount-unmasked');
  assert.deepEqual(f.map(r), [[20, 8, 20, 27]]);
  assert.equal(roundTrip(text, f[0]), text.replace('procMount: Unmasked', 'procMount: Default'));
  const userns = text.replace('spec:\n', 'spec:\n  hostUsers: false\n');
  assert.deepEqual(only(sec(userns, { pss: 'baseline' }), 'proc-mount-unmasked'), []);
  assert.equal(only(sec(userns, { pss: 'baseline', kubernetes: { version: '1.34' } }), 'proc-mount-unmasked').length, 1);
  assert.equal(only(sec(userns), 'proc-mount-unmasked').length, 1);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(procMountUnmasked, {
  valid: [
    GOOD.replace('        capabilities:\n', '        procMount: Default\n        capabilities:\n'),
  ],
  invalid: [
    {
      code: GOOD.replace('        capabilities:\n', '        procMount: Unmasked\n        capabilities:\n'),
      errors: [{ messageId: "message", range: [20, 8, 20, 27], args: {"container": "app", "value": "Unmasked"} }],
      output: GOOD.replace('        capabilities:\n', '        procMount: Default\n        capabilities:\n'),
    },
  ],
});
