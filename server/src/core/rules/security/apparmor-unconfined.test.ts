import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, roundTrip, sec } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { apparmorUnconfined } from './apparmor-unconfined';

test('apparmor-unconfined: field (pod and container) and legacy annotation', () => {
  const text = GOOD.replace('  name: demo\n', '  name: demo\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: unconfined\n    container.apparmor.security.beta.kubernetes.io/side: localhost/k8s-side\n')
    .replace('    runAsNonRoot: true\n', '    runAsNonRoot: true\n    appArmorProfile:\n      type: Unconfined\n')
    .replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        appArmorProfile: {type: RuntimeDefault}\n');
  const f = only(sec(text), 'apparmor-unconfined');
  assert.deepEqual(f.map(r), [[5, 4, 5, 66], [12, 6, 12, 22]]);
  assert.equal(roundTrip(text, f[1]), text.replace('      type: Unconfined', '      type: RuntimeDefault'));
  assert.equal(roundTrip(text, f[0]), text.replace('/app: unconfined', '/app: runtime/default'));
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(apparmorUnconfined, {
  valid: [
    GOOD,
    GOOD.replace('  containers:\n', '    appArmorProfile:\n      type: RuntimeDefault\n  containers:\n'),
  ],
  invalid: [
    {
      code: GOOD.replace('  containers:\n', '    appArmorProfile:\n      type: Unconfined\n  containers:\n'),
      errors: [{ messageId: "messagePod", range: [11, 6, 11, 22] }],
    },
    {
      name: 'a pod profile without a type (PSA compares the empty type)',
      code: GOOD.replace('  containers:\n', '    appArmorProfile: {}\n  containers:\n'),
      errors: [{ messageId: 'messageNoTypePod', range: [10, 4, 10, 19] }],
      output: GOOD.replace('  containers:\n', '    appArmorProfile: {type: RuntimeDefault}\n  containers:\n'),
    },
    {
      name: 'a container profile with a localhostProfile but no type',
      code: GOOD.replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        appArmorProfile:\n          localhostProfile: k8s-app\n'),
      config: { pss: 'baseline' },
      errors: [{ messageId: 'messageNoType', range: [20, 8, 20, 23], args: { container: 'app' } }],
      output: GOOD.replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        appArmorProfile:\n          localhostProfile: k8s-app\n          type: Localhost\n'),
    },
  ],
});
