import { test } from 'node:test';
import { lintD, only, r } from '../../../../../test/core/dockerfile/df-helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { sensitiveFileCopy } from './sensitive-file-copy';

test('sensitive-file-copy: credentials by path, on the source argument', () => {
  const text = [
    'FROM alpine:3.20',
    'COPY .kube/config /root/.kube/config',
    'COPY id_rsa id_ed25519.pub /root/',
    'ADD .ssh /root/.ssh',
    'COPY ./.aws/credentials /root/.aws/credentials',
    'COPY .env .env.example /app/',
    'COPY --chown=app certs/server.key tls.pem /etc/tls/',
    'COPY --from=build /root/.netrc /root/',
    'COPY ["secrets/.env.production", "/app/"]',
    'COPY src/ package.json keys.txt /app/',
  ].join('\n');
  const f = only(lintD(text), 'sensitive-file-copy');
  assert.deepEqual(f.map((x) => [x.message.id.split('.').pop(), r(x)]), [
    ['kubeconfig', [1, 5, 1, 17]],
    ['sshKey', [2, 5, 2, 11]],
    ['sshDir', [3, 4, 3, 8]],
    ['aws', [4, 5, 4, 23]],
    ['envFile', [5, 5, 5, 9]],
    ['keyFile', [6, 17, 6, 33]],
    ['keyFile', [6, 34, 6, 41]],
    ['credentialsFile', [7, 18, 7, 30]],
    ['envFile', [8, 6, 8, 31]],
  ]);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(sensitiveFileCopy, {
  valid: [
    `FROM alpine:3.20
COPY src/ package.json /app/
`,
    `FROM alpine:3.20
COPY .env.example /app/
`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
COPY .kube/config /root/.kube/config
`,
      errors: [{ messageId: "kubeconfig", range: [1, 5, 1, 17], args: {"instruction": "COPY", "path": ".kube/config"}, severity: "error" }],
    },
    {
      code: `FROM alpine:3.20
ADD .ssh /root/.ssh
`,
      errors: [{ messageId: "sshDir", range: [1, 4, 1, 8] }],
    },
  ],
});
