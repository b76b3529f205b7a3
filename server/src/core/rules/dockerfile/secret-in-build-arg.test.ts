import { test } from 'node:test';
import { lintD, only, r } from '../../../../../test/core/dockerfile/df-helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { secretInBuildArg } from './secret-in-build-arg';

test('secret-in-build-arg: secret-looking names with literal values, on the NAME=value token', () => {
  const text = [
    'ARG GITHUB_TOKEN=ghp_abc123',
    'FROM alpine:3.20',
    'ARG DB_PASSWORD',
    'ARG API_KEY=',
    'ENV dbPassword=hunter2 MODE=prod',
    'ENV AWS_SECRET_ACCESS_KEY wJalrXUtnFEMI',
    'ENV PASSWORD_FILE=/run/secrets/pw TOKEN=$TOKEN SECRET_ENABLED=false PWD=/app',
    'ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D',
  ].join('\n');
  const f = only(lintD(text), 'secret-in-build-arg');
  assert.deepEqual(f.map((x) => [r(x), x.message.args]), [
    [[0, 4, 0, 27], { instruction: 'ARG', name: 'GITHUB_TOKEN' }],
    [[4, 4, 4, 22], { instruction: 'ENV', name: 'dbPassword' }],
    [[5, 4, 5, 39], { instruction: 'ENV', name: 'AWS_SECRET_ACCESS_KEY' }],
  ]);
  assert.equal(f[0].severity, 'error');
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(secretInBuildArg, {
  valid: [
    `FROM alpine:3.20
ARG DB_PASSWORD
ENV PASSWORD_FILE=/run/secrets/pw
`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
ARG GITHUB_TOKEN=ghp_abc123
`,
      errors: [{ messageId: "message", range: [1, 4, 1, 27], args: {"instruction": "ARG", "name": "GITHUB_TOKEN"}, severity: "error" }],
    },
  ],
});
