import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, roundTrip, sec } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { seccompUnconfined } from './seccomp-unconfined';

test('seccomp-unconfined: Unconfined at pod and container level, fixed to RuntimeDefault (quick fix)', () => {
  const text = GOOD.replace('type: RuntimeDefault', 'type: Unconfined').replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        seccompProfile: {type: Unconfined}\n');
  for (const pss of ['baseline', 'restricted'] as const) {
    const f = only(sec(text, { pss }), 'seccomp-unconfined');
    assert.deepEqual(f.map(r), [[9, 6, 9, 22], [20, 25, 20, 41]], pss);
    assert.equal(f[0].fixes![0].tier, 'review');
  }
  const f = only(sec(text), 'seccomp-unconfined');
  assert.equal(roundTrip(text, f[0]), text.replace('      type: Unconfined', '      type: RuntimeDefault'));
  assert.equal(roundTrip(text, f[1]), text.replace('{type: Unconfined}', '{type: RuntimeDefault}'));
});

test('seccomp-unconfined: missing profile is flagged only at restricted; fix-all sets it on the pod', () => {
  const text = GOOD.replace('    seccompProfile:\n      type: RuntimeDefault\n', '');
  assert.deepEqual(only(sec(text, { pss: 'baseline' }), 'seccomp-unconfined'), []);
  const f = only(sec(text), 'seccomp-unconfined');
  assert.deepEqual(f.map(r), [[15, 6, 15, 21]]);
  assert.equal(f[0].fixes![0].tier, 'safe');
  assert.equal(roundTrip(text, f[0]), text.replace('    runAsNonRoot: true\n', '    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n'));
  // a container's own Localhost profile is enough
  const own = text.replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        seccompProfile:\n          type: Localhost\n          localhostProfile: profiles/app.json\n');
  assert.deepEqual(only(sec(own), 'seccomp-unconfined'), []);
  // Windows pods are exempt from the restricted part
  assert.deepEqual(only(sec(text.replace('spec:\n', 'spec:\n  os: {name: windows}\n')), 'seccomp-unconfined'), []);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(seccompUnconfined, {
  valid: [
    GOOD,
    {
      name: "baseline: a missing profile is fine",
      code: GOOD.replace('    seccompProfile:\n      type: RuntimeDefault\n  containers:\n', '  containers:\n'),
      config: {"pss": "baseline"},
    },
  ],
  invalid: [
    {
      code: GOOD.replace('      type: RuntimeDefault\n', '      type: Unconfined\n'),
      errors: [{ messageId: "messageUnconfinedPod", range: [9, 6, 9, 22] }],
      output: GOOD,
    },
    {
      name: "restricted: no profile anywhere",
      code: GOOD.replace('    seccompProfile:\n      type: RuntimeDefault\n  containers:\n', '  containers:\n'),
      errors: [{ messageId: "messageMissing", range: [15, 6, 15, 21], args: {"container": "app"} }],
    },
  ],
});
