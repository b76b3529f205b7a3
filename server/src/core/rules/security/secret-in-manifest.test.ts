import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { sec } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { secretInManifest } from './secret-in-manifest';

test('secret-in-manifest: literal data/stringData; empty values do not count', () => {
  const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: aHVudGVyMg==\n  empty: ""\nstringData:\n  user: ""\n`;
  const f = only(sec(text), 'secret-in-manifest');
  assert.deepEqual(f.map(r), [[4, 0, 4, 4]]);
  assert.deepEqual(f[0].message.args, { name: 'db', field: 'data', count: 1, keys: 'password' });
  assert.deepEqual(only(sec(`apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: kubernetes.io/service-account-token\n`), 'secret-in-manifest'), []);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(secretInManifest, {
  valid: [
    `apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
data: {}
`,
  ],
  invalid: [
    {
      code: `apiVersion: v1
kind: Secret
metadata:
  name: db
stringData:
  password: hunter2
`,
      errors: [{ messageId: "message", range: [4, 0, 4, 10], args: {"name": "db", "count": 1, "field": "stringData", "keys": "password"} }],
    },
  ],
});
