import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, sec } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { selinuxOptions } from './selinux-options';

test('selinux-options: type outside the set, user and role; container_engine_t from 1.31', () => {
  const text = GOOD.replace('    runAsNonRoot: true\n', '    runAsNonRoot: true\n    seLinuxOptions:\n      type: container_engine_t\n      level: "s0:c123,c456"\n')
    .replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        seLinuxOptions:\n          type: spc_t\n          user: system_u\n          role: ""\n');
  const f = only(sec(text), 'selinux-options');
  assert.deepEqual(f.map(r), [[24, 10, 24, 21], [25, 10, 25, 24]]);
  assert.equal(f[0].fixes, undefined);
  assert.deepEqual(only(sec(text, { kubernetes: { version: '1.30' } }), 'selinux-options').map(r), [[9, 6, 9, 30], [24, 10, 24, 21], [25, 10, 25, 24]]);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(selinuxOptions, {
  valid: [
    GOOD.replace('        capabilities:\n', '        seLinuxOptions:\n          type: container_t\n          level: "s0:c123,c456"\n        capabilities:\n'),
  ],
  invalid: [
    {
      code: GOOD.replace('        capabilities:\n', '        seLinuxOptions:\n          type: spc_t\n          user: system_u\n        capabilities:\n'),
      errors: [{ messageId: "messageType", range: [21, 10, 21, 21] }, { messageId: "messageUserRole", range: [22, 10, 22, 24], args: {"container": "app", "field": "user", "value": "system_u"} }],
      output: null,
    },
  ],
});
