import { test, describe } from 'node:test';
import { lint, only, r, applyFix } from '../../../../../test/helpers';
import type { Finding } from '../../types';
import assert from 'node:assert/strict';
import { SCHEMA_RULES, k8s, GOOD_DEPLOYMENT, WEB_DEPLOYMENT_PULL as WEB_PULL } from '../../../../../test/core/kubernetes/helpers';
import { ruleTester } from '../../../../../test/rule-tester';
import { schemaUnknownField } from './schema-unknown-field';

describe('schema-unknown-field', () => {
  const text = GOOD_DEPLOYMENT.replace('      containers:', '      contaienrs:');

  test('reports the exact key with a did-you-mean and renames it', () => {
    const all = lint(text);
    const f = only(all, 'schema-unknown-field');
    assert.equal(f.length, 1);
    assert.deepEqual(r(f[0]), [14, 6, 14, 16]);
    assert.equal(f[0].severity, 'error');
    assert.deepEqual(f[0].message, { id: 'rule.schema-unknown-field.suggest', args: { key: 'contaienrs', path: 'spec.template.spec', suggestion: 'containers' } });
    // and containers is then missing
    const req = only(all, 'schema-required');
    assert.deepEqual(req.map((x) => [r(x), x.message.args]), [[[12, 4, 12, 8], { key: 'containers', path: 'spec.template.spec' }]]);
    const fixed = applyFix(text, f[0]);
    assert.equal(fixed, GOOD_DEPLOYMENT);
    assert.deepEqual(k8s(lint(fixed)), []);
  });

  test('a field at the wrong level, without a close name: no fix', () => {
    const bad = GOOD_DEPLOYMENT.replace('      restartPolicy: Always\n', '      restartPolicy: Always\n      imagePullPolicy: Always\n');
    const f = only(lint(bad), 'schema-unknown-field');
    assert.equal(f.length, 1);
    assert.deepEqual(r(f[0]), [14, 6, 14, 21]);
    assert.deepEqual(f[0].message, { id: 'rule.schema-unknown-field.message', args: { key: 'imagePullPolicy', path: 'spec.template.spec' } });
    assert.equal(f[0].fixes, undefined);
  });

  test('quoted keys keep their quotes; no rename when the suggested key exists', () => {
    const q = GOOD_DEPLOYMENT.replace('          image: nginx:1.27', '          "imagee": nginx:1.27');
    const f = only(lint(q), 'schema-unknown-field');
    assert.deepEqual(r(f[0]), [16, 10, 16, 18]);
    assert.equal(f[0].fixes![0].edits[0].newText, '"image"');
    assert.equal(applyFix(q, f[0]), GOOD_DEPLOYMENT.replace('image: nginx', '"image": nginx'));
    const dup = GOOD_DEPLOYMENT.replace('          image: nginx:1.27', '          image: nginx:1.27\n          imagee: x');
    const g = only(lint(dup), 'schema-unknown-field');
    assert.equal(g.length, 1);
    assert.equal(g[0].fixes, undefined);
  });

  test('unknown top-level field, in a flow mapping and in a sequence item', () => {
    const text2 = `apiVersion: v1
kind: ConfigMap
metadata: {name: c, lables: {a: b}}
data: {k: v}
dat: {}
`;
    const f = only(lint(text2), 'schema-unknown-field');
    assert.deepEqual(
      f.map((x) => [r(x), x.message.args]),
      [
        [[2, 20, 2, 26], { key: 'lables', path: 'metadata', suggestion: 'labels' }],
        [[4, 0, 4, 3], { key: 'dat', path: 'ConfigMap', suggestion: 'data' }],
      ],
    );
  });
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(schemaUnknownField, {
  valid: [
    WEB_PULL,
  ],
  invalid: [
    {
      code: WEB_PULL.replace('      containers:', '      contaienrs:'),
      errors: [{ messageId: "suggest", range: [13, 6, 13, 16] }],
      output: WEB_PULL,
    },
  ],
});
