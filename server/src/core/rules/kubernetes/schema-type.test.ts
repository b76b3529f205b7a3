import { test, describe } from 'node:test';
import { lint, only, r } from '../../../../../test/helpers';
import assert from 'node:assert/strict';
import { GOOD_DEPLOYMENT, WEB_DEPLOYMENT_PULL as WEB_PULL } from '../../../../../test/core/kubernetes/helpers';
import { ruleTester } from '../../../../../test/rule-tester';
import { schemaType } from './schema-type';

describe('schema-type', () => {
  test('string where an integer is expected: the value range', () => {
    const text = GOOD_DEPLOYMENT.replace('replicas: 3', 'replicas: "3"');
    const f = only(lint(text), 'schema-type');
    assert.equal(f.length, 1);
    assert.deepEqual(r(f[0]), [6, 12, 6, 15]);
    assert.deepEqual(f[0].message, { id: 'rule.schema-type.message', args: { path: 'spec.replicas', expected: 'integer', actual: 'string' } });
  });

  test('a <…> placeholder to fill in is not judged; other strings are', () => {
    assert.deepEqual(only(lint(GOOD_DEPLOYMENT.replace('replicas: 3', 'replicas: <ADD REPLICAS Here>')), 'schema-type'), []);
    assert.deepEqual(only(lint(GOOD_DEPLOYMENT.replace('replicas: 3', 'replicas: "<n>"')), 'schema-type'), []);
    const f = only(lint(GOOD_DEPLOYMENT.replace('replicas: 3', 'replicas: <3>x')), 'schema-type');
    assert.deepEqual(f.map((x) => [r(x), x.message.args]), [[[6, 12, 6, 16], { path: 'spec.replicas', expected: 'integer', actual: 'string' }]]);
  });

  test('object where a list is expected, list where an IntOrString is expected', () => {
    const text = GOOD_DEPLOYMENT.replace(/          ports:\n            - containerPort: 8080\n              protocol: TCP\n/, '          ports:\n            containerPort: 8080\n');
    const f = only(lint(text), 'schema-type');
    assert.deepEqual(f.map((x) => [r(x), x.message.args]), [[[18, 10, 18, 15], { path: 'spec.template.spec.containers[0].ports', expected: '[]ContainerPort', actual: 'object' }]]);
    const svc = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n    - port: 80\n      targetPort: [1]\n';
    const g = only(lint(svc), 'schema-type');
    assert.deepEqual(g.map((x) => [r(x), x.message.args]), [[[6, 18, 6, 21], { path: 'spec.ports[0].targetPort', expected: 'IntOrString', actual: 'array' }]]);
  });

  test('yes/on/NO are booleans as kubectl reads them (YAML 1.1); a quoted "yes" is a string', () => {
    // Deliberate change (issue #11): 0.1 read YAML 1.2 and reported `paused: yes` as a string.
    for (const v of ['yes', 'on', 'NO', 'Off', 'y']) {
      const text = GOOD_DEPLOYMENT.replace('  replicas: 3\n', `  replicas: 3\n  paused: ${v}\n`);
      assert.deepEqual(only(lint(text), 'schema-type'), [], v);
    }
    const text = GOOD_DEPLOYMENT.replace('  replicas: 3\n', '  replicas: 3\n  paused: "yes"\n');
    const f = only(lint(text), 'schema-type');
    assert.deepEqual(f.map((x) => [r(x), x.message.args]), [[[7, 10, 7, 15], { path: 'spec.paused', expected: 'boolean', actual: 'string' }]]);
  });
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(schemaType, {
  valid: [
    WEB_PULL,
    WEB_PULL.replace('        app: web\n    spec:', '        app: web\n        enabled: "yes"\n    spec:'),
  ],
  invalid: [
    {
      code: WEB_PULL.replace('      app: web\n  template:', '      app: web\n  replicas: "3"\n  template:'),
      errors: [{ messageId: "message", range: [8, 12, 8, 15] }],
    },
    {
      name: "the Norway problem: quote it",
      code: WEB_PULL.replace('        app: web\n    spec:', '        app: web\n        enabled: yes\n    spec:'),
      errors: [{ messageId: "readAsBoolean", range: [12, 17, 12, 20] }],
      output: WEB_PULL.replace('        app: web\n    spec:', '        app: web\n        enabled: "yes"\n    spec:'),
    },
  ],
});
