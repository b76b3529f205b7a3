import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, roundTrip, sec, del } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { runAsRoot } from './run-as-root';

test('run-as-root: runAsUser 0 (pod and container), runAsNonRoot false, missing everywhere', () => {
  const zero = GOOD.replace('    runAsNonRoot: true\n', '    runAsNonRoot: true\n    runAsUser: 0\n').replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        runAsUser: 0\n');
  const f = only(sec(zero), 'run-as-root');
  assert.deepEqual(f.map(r), [[8, 4, 8, 16], [21, 8, 21, 20]]);
  assert.deepEqual(f.map((x) => x.message.id), ['rule.run-as-root.messageUserPod', 'rule.run-as-root.messageUser']);
  assert.equal(f[0].fixes, undefined);
  const no = GOOD.replace('    runAsNonRoot: true\n', '    runAsNonRoot: false\n');
  const g = only(sec(no), 'run-as-root');
  assert.deepEqual(g.map(r), [[7, 4, 7, 23]]);
  assert.equal(roundTrip(no, g[0]), GOOD);
  const missing = del(GOOD, '    runAsNonRoot: true');
  const h = only(sec(missing), 'run-as-root');
  assert.deepEqual(h.map(r), [[16, 6, 16, 21]]);
  assert.equal(roundTrip(missing, h[0]), missing.replace('  securityContext:\n    seccompProfile:', '  securityContext:\n    seccompProfile:').replace('      type: RuntimeDefault\n', '      type: RuntimeDefault\n    runAsNonRoot: true\n'));
  // A container-level true is enough; container false beats pod true (the container wins).
  const containerTrue = missing.replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        runAsNonRoot: true\n');
  assert.deepEqual(only(sec(containerTrue), 'run-as-root'), []);
  const containerFalse = GOOD.replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        runAsNonRoot: false\n');
  assert.deepEqual(only(sec(containerFalse), 'run-as-root').map(r), [[20, 8, 20, 27]]);
});

test('run-as-root: hostUsers: false pods are exempt from policy 1.35 on', () => {
  const text = del(GOOD, '    runAsNonRoot: true').replace('spec:\n', 'spec:\n  hostUsers: false\n');
  assert.deepEqual(only(sec(text), 'run-as-root'), []);
  assert.equal(only(sec(text, { kubernetes: { version: '1.34' } }), 'run-as-root').length, 1);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(runAsRoot, {
  valid: [
    GOOD,
    {
      name: "hostUsers: false pods are exempt (policy 1.35+)",
      code: GOOD.replace('  automountServiceAccountToken: false\n  securityContext:\n    runAsNonRoot: true\n', '  hostUsers: false\n  automountServiceAccountToken: false\n  securityContext:\n'),
    },
  ],
  invalid: [
    {
      code: GOOD.replace('    runAsNonRoot: true\n', '    runAsNonRoot: false\n'),
      errors: [{ messageId: "messageNonRootFalsePod", range: [7, 4, 7, 23] }],
      output: GOOD,
    },
    {
      name: "runAsUser 0: no fix",
      code: GOOD.replace('        capabilities:\n', '        runAsUser: 0\n        capabilities:\n'),
      errors: [{ messageId: "messageUser", range: [20, 8, 20, 20] }],
      output: null,
    },
  ],
});
