import { ruleTester } from '../../../../../test/rule-tester';
import { addRemoteUrl } from './add-remote-url';

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
