import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, roundTrip, sec } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { dangerousCapability } from './dangerous-capability';

test('dangerous-capability: entries outside the baseline list, removed one by one', () => {
  const text = GOOD.replace('drop: [ALL]', 'drop: [ALL]\n          add:\n            - NET_ADMIN # for tc\n            - CHOWN\n            - CAP_SYS_ADMIN');
  const f = only(sec(text), 'dangerous-capability');
  assert.deepEqual(f.map(r), [[23, 14, 23, 23], [25, 14, 25, 27]]);
  assert.deepEqual(f.map((x) => x.message.args!.capability), ['NET_ADMIN', 'CAP_SYS_ADMIN']);
  assert.equal(roundTrip(text, f[0], { pss: 'baseline' } as never), text.replace('            - NET_ADMIN # for tc\n', ''));
  const flow = GOOD.replace('drop: [ALL]', 'drop: [ALL]\n          add: [SYS_PTRACE, NET_BIND_SERVICE]');
  const g = only(sec(flow), 'dangerous-capability');
  assert.deepEqual(g.map(r), [[22, 16, 22, 26]]);
  assert.equal(roundTrip(flow, g[0]), flow.replace('[SYS_PTRACE, NET_BIND_SERVICE]', '[NET_BIND_SERVICE]'));
});

/** A Windows pod (spec.os.name: windows) whose container adds SYS_ADMIN. */
const WINDOWS_SYS_ADMIN = GOOD.replace('spec:\n', 'spec:\n  os: {name: windows}\n').replace('          drop: [ALL]\n', '          drop: [ALL]\n          add: [SYS_ADMIN]\n');

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(dangerousCapability, {
  valid: [
    GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n          add: [NET_BIND_SERVICE]\n'),
    {
      name: "restricted: a Windows pod is exempt (PSA's restricted capabilities check replaces the baseline one and admits Windows pods)",
      code: WINDOWS_SYS_ADMIN,
    },
  ],
  invalid: [
    {
      code: GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n          add: [SYS_PTRACE, NET_BIND_SERVICE]\n'),
      errors: [{ messageId: "message", range: [22, 16, 22, 26] }],
      output: GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n          add: [NET_BIND_SERVICE]\n'),
    },
    {
      name: 'baseline: the baseline check applies to Windows pods too',
      code: WINDOWS_SYS_ADMIN,
      config: { pss: 'baseline' },
      errors: [{ messageId: 'message', range: [23, 16, 23, 25], args: { container: 'app', capability: 'SYS_ADMIN' } }],
      output: WINDOWS_SYS_ADMIN.replace('          add: [SYS_ADMIN]\n', '          add: []\n'),
    },
  ],
});
