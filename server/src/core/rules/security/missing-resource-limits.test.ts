import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, roundTrip, sec, del } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { missingResourceLimits } from './missing-resource-limits';

test('missing-resource-limits: configured defaults, requests respected, partial limits', () => {
  const none = GOOD.replace('      resources:\n        limits:\n          cpu: 500m\n          memory: 128Mi\n', '');
  const f = only(sec(none, { resources: { defaultCpuLimit: '1', defaultMemoryLimit: '1Gi' } }), 'missing-resource-limits');
  assert.deepEqual(f.map(r), [[11, 6, 11, 15]]);
  assert.equal(
    roundTrip(none, f[0], { config: { resources: { defaultCpuLimit: '1', defaultMemoryLimit: '1Gi' } } }),
    none.replace('      image: nginx:1.27\n', '      image: nginx:1.27\n      resources:\n        limits:\n          cpu: "1"\n          memory: "1Gi"\n'),
  );
  const reqs = GOOD.replace('        limits:\n          cpu: 500m\n          memory: 128Mi\n', '        requests:\n          cpu: "2"\n          memory: 64Mi\n');
  const g = only(sec(reqs), 'missing-resource-limits');
  assert.deepEqual(g.map(r), [[13, 6, 13, 15]]);
  assert.equal(roundTrip(reqs, g[0]), reqs.replace('          memory: 64Mi\n', '          memory: 64Mi\n        limits:\n          cpu: "2"\n          memory: "512Mi"\n'));
  const partial = del(GOOD, '          cpu: 500m');
  const h = only(sec(partial), 'missing-resource-limits');
  assert.deepEqual(h.map(r), [[14, 8, 14, 14]]);
  assert.equal(h[0].message.id, 'rule.missing-resource-limits.messageCpu');
  assert.equal(roundTrip(partial, h[0]), partial.replace('          memory: 128Mi\n', '          memory: 128Mi\n          cpu: "500m"\n'));
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(missingResourceLimits, {
  valid: [
    GOOD,
  ],
  invalid: [
    {
      code: GOOD.replace('          memory: 128Mi\n      securityContext:\n', '      securityContext:\n'),
      errors: [{ messageId: "messageMemory", range: [14, 8, 14, 14], args: {"container": "app"}, severity: "information" }],
    },
  ],
});
