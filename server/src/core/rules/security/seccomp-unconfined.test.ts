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

/** A Windows pod with Unconfined on the pod and on its container. */
const WINDOWS_UNCONFINED = GOOD.replace('spec:\n', 'spec:\n  os: {name: windows}\n')
  .replace('      type: RuntimeDefault\n', '      type: Unconfined\n')
  .replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        seccompProfile: {type: Unconfined}\n');
/** A container profile without a type (the pod's is RuntimeDefault). */
const CONTAINER_NO_TYPE = GOOD.replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        seccompProfile:\n          localhostProfile: profiles/app.json\n');

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(seccompUnconfined, {
  valid: [
    GOOD,
    {
      name: "baseline: a missing profile is fine",
      code: GOOD.replace('    seccompProfile:\n      type: RuntimeDefault\n  containers:\n', '  containers:\n'),
      config: {"pss": "baseline"},
    },
    {
      name: "restricted: Windows pods are exempt from both parts (PSA's restricted check replaces the baseline one)",
      code: WINDOWS_UNCONFINED,
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
    {
      name: "baseline: Windows pods are checked",
      code: WINDOWS_UNCONFINED,
      config: { pss: 'baseline' },
      errors: [
        { messageId: 'messageUnconfinedPod', range: [10, 6, 10, 22] },
        { messageId: 'messageUnconfined', range: [21, 25, 21, 41], args: { container: 'app' } },
      ],
      output: WINDOWS_UNCONFINED.replace('      type: Unconfined\n', '      type: RuntimeDefault\n').replace('{type: Unconfined}', '{type: RuntimeDefault}'),
    },
    {
      name: 'baseline: any type other than RuntimeDefault or Localhost is forbidden, not only Unconfined',
      code: GOOD.replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        seccompProfile: {type: unconfined}\n'),
      config: { pss: 'baseline' },
      errors: [{ messageId: 'messageType', range: [20, 25, 20, 41], args: { container: 'app', type: 'unconfined' } }],
      output: GOOD.replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        seccompProfile: {type: RuntimeDefault}\n'),
    },
    {
      name: 'baseline: a pod profile without a type',
      code: GOOD.replace('    seccompProfile:\n      type: RuntimeDefault\n', '    seccompProfile: {}\n'),
      config: { pss: 'baseline' },
      errors: [{ messageId: 'messageNoTypePod', range: [8, 4, 8, 18] }],
      output: GOOD.replace('    seccompProfile:\n      type: RuntimeDefault\n', '    seccompProfile: {type: RuntimeDefault}\n'),
    },
    {
      name: "restricted: a container's own profile without a type is not saved by the pod's RuntimeDefault",
      code: CONTAINER_NO_TYPE,
      errors: [{ messageId: 'messageNoType', range: [20, 8, 20, 22], args: { container: 'app' } }],
      output: CONTAINER_NO_TYPE.replace('          localhostProfile: profiles/app.json\n', '          localhostProfile: profiles/app.json\n          type: Localhost\n'),
    },
    {
      name: "restricted: a forbidden pod type is reported once, on the pod's pair",
      code: GOOD.replace('      type: RuntimeDefault\n', '      type: Foo\n'),
      errors: [{ messageId: 'messageTypePod', range: [9, 6, 9, 15], args: { type: 'Foo' } }],
      output: GOOD,
    },
  ],
});
