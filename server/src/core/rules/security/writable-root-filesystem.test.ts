import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, roundTrip, sec, del } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { writableRootFilesystem } from './writable-root-filesystem';

test('writable-root-filesystem: missing or false', () => {
  const missing = del(GOOD, '        readOnlyRootFilesystem: true');
  const f = only(sec(missing), 'writable-root-filesystem');
  assert.deepEqual(f.map(r), [[17, 6, 17, 21]]);
  assert.equal(f[0].severity, 'information');
  assert.equal(roundTrip(missing, f[0]), missing + '        readOnlyRootFilesystem: true\n');
  const no = GOOD.replace('readOnlyRootFilesystem: true', 'readOnlyRootFilesystem: false');
  const g = only(sec(no), 'writable-root-filesystem');
  assert.deepEqual(g.map(r), [[19, 8, 19, 37]]);
  assert.equal(roundTrip(no, g[0]), GOOD);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(writableRootFilesystem, {
  valid: [
    GOOD,
  ],
  invalid: [
    {
      code: GOOD.replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: false\n'),
      errors: [{ messageId: "messageFalse", range: [19, 8, 19, 37], severity: "information" }],
      output: GOOD,
    },
  ],
});
