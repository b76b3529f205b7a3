import { test, describe } from 'node:test';
import { only, r, lintWorkspace as workspace } from '../../../../../test/helpers';
import { GOOD, roundTrip, sec, del } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { serviceAccountToken } from './service-account-token';

test('service-account-token: missing → the spec key, true → the pair; fix sets false', () => {
  const missing = del(GOOD, '  automountServiceAccountToken: false');
  const f = only(sec(missing), 'service-account-token');
  assert.deepEqual(f.map(r), [[4, 0, 4, 4]]);
  assert.equal(roundTrip(missing, f[0]), GOOD);
  const yes = GOOD.replace('automountServiceAccountToken: false', 'automountServiceAccountToken: true');
  const g = only(sec(yes), 'service-account-token');
  assert.deepEqual(g.map(r), [[5, 2, 5, 36]]);
  assert.equal(roundTrip(yes, g[0]), GOOD);
});

describe('service-account-token: the ServiceAccount the pod uses', () => {
  const pod = (sa: string, extra = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: apps\nspec:\n${sa}${extra}  containers:\n    - name: app\n      image: registry.example.com/app:1.0\n`;
  const account = (name: string, auto: string, ns = 'apps') => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nautomountServiceAccountToken: ${auto}\n`;
  test('an account with automountServiceAccountToken: false in another file satisfies the pod', () => {
    const files = { '/ws/sa.yaml': account('runner', 'false'), '/ws/pod.yaml': pod('  serviceAccountName: runner\n') };
    assert.deepEqual(only(workspace(files, '/ws/pod.yaml'), 'service-account-token'), []);
  });
  test('the default account, another namespace, an account that mounts, and a pod that asks for the token', () => {
    assert.deepEqual(only(workspace({ '/ws/sa.yaml': account('default', 'false'), '/ws/pod.yaml': pod('') }, '/ws/pod.yaml'), 'service-account-token'), []);
    const otherNs = only(workspace({ '/ws/sa.yaml': account('runner', 'false', 'other'), '/ws/pod.yaml': pod('  serviceAccountName: runner\n') }, '/ws/pod.yaml'), 'service-account-token');
    assert.deepEqual(otherNs.map(r), [[5, 0, 5, 4]]);
    assert.equal(only(workspace({ '/ws/sa.yaml': account('runner', 'true'), '/ws/pod.yaml': pod('  serviceAccountName: runner\n') }, '/ws/pod.yaml'), 'service-account-token').length, 1);
    const asks = only(workspace({ '/ws/sa.yaml': account('runner', 'false'), '/ws/pod.yaml': pod('  serviceAccountName: runner\n', '  automountServiceAccountToken: true\n') }, '/ws/pod.yaml'), 'service-account-token');
    assert.deepEqual(asks.map((x) => [r(x), x.message.id]), [[[7, 2, 7, 36], 'rule.service-account-token.messageTrue']]);
  });
  test('the fix lands in the right document of a multi-document file', () => {
    const text = account('x', 'true') + '---\n' + pod('');
    const [f] = only(workspace({ '/ws/a.yaml': text }, '/ws/a.yaml'), 'service-account-token');
    assert.deepEqual(r(f), [12, 0, 12, 4]);
    const edit = f.fixes![0].edits[0];
    assert.equal(edit.range.start.line, 13);
  });
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(serviceAccountToken, {
  valid: [
    GOOD,
  ],
  invalid: [
    {
      code: GOOD.replace('  automountServiceAccountToken: false\n', '  automountServiceAccountToken: true\n'),
      errors: [{ messageId: "messageTrue", range: [5, 2, 5, 36] }],
      output: GOOD,
    },
    {
      name: "missing: on the spec key",
      code: GOOD.replace('  automountServiceAccountToken: false\n  securityContext:\n', '  securityContext:\n'),
      errors: [{ messageId: "message", range: [4, 0, 4, 4] }],
    },
  ],
});
