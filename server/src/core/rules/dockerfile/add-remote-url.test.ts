import { ruleTester } from '../../../../../test/rule-tester';
import { addRemoteUrl } from './add-remote-url';
import { test } from 'node:test';
import { lintD, only, r } from '../../../../../test/core/dockerfile/df-helpers';
import assert from 'node:assert/strict';

ruleTester(addRemoteUrl, {
  valid: [
    'FROM alpine:3.20\nADD app.tar.gz /opt/\n',
    { name: '--checksum verifies the download', code: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tar.gz /a\n' },
    { name: 'COPY never downloads', code: 'FROM alpine:3.20\nCOPY https-notes.txt /notes\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nADD https://example.com/tool.tar.gz /opt/\n',
      errors: [{ messageId: 'message', range: [1, 4, 1, 35], args: { url: 'https://example.com/tool.tar.gz' }, severity: 'warning' }],
      output: null,
    },
    {
      name: 'every URL source of a multi-source ADD; JSON form',
      code: 'FROM alpine:3.20\nADD ["http://a.example/x", "local", "HTTPS://b.example/y", "/dst/"]\n',
      errors: [
        { messageId: 'message', range: [1, 5, 1, 25], args: { url: 'http://a.example/x' } },
        { messageId: 'message', range: [1, 36, 1, 57], args: { url: 'HTTPS://b.example/y' } },
      ],
    },
    { name: 'ONBUILD triggers too', code: 'FROM alpine:3.20\nONBUILD ADD https://example.com/x /x\n', errors: [{ messageId: 'message', range: [1, 12, 1, 33] }] },
  ],
});

test('add-remote-url: http(s) sources without --checksum, on the URL', () => {
  const text = 'FROM alpine:3.20\nADD https://example.com/a.tar.gz http://x.org/b /opt/\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/c /c\nADD local.tgz /opt/\nCOPY https.txt /x\n';
  const f = only(lintD(text), 'add-remote-url');
  assert.deepEqual(f.map((x) => [r(x), x.message.args]), [
    [[1, 4, 1, 32], { url: 'https://example.com/a.tar.gz' }],
    [[1, 33, 1, 47], { url: 'http://x.org/b' }],
  ]);
  assert.equal(f[0].severity, 'warning');
});
