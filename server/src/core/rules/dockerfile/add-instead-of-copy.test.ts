import { ruleTester } from '../../../../../test/rule-tester';
import { addInsteadOfCopy } from './add-instead-of-copy';

ruleTester(addInsteadOfCopy, {
  valid: [
    'FROM debian:12\nCOPY requirements.txt /usr/src/app/\n',
    { name: 'archives, URLs, git', code: 'FROM debian:12\nADD app.tar.gz /opt/\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/x /x\nADD git@github.com:moby/buildkit.git /src\n' },
    { name: 'a variable source is not judged', code: 'FROM debian:12\nADD $SRC /opt/\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nADD requirements.txt /usr/src/app/\n',
      errors: [{ messageId: 'message', range: [1, 0, 1, 3], args: { count: 1 }, severity: 'information' }],
      output: 'FROM debian:12\nCOPY requirements.txt /usr/src/app/\n',
    },
    { name: 'flags kept, lower case kept', code: 'FROM debian:12\nadd --chown=1000 a b /dst/\n', errors: [{ messageId: 'message', args: { count: 2 } }], output: 'FROM debian:12\ncopy --chown=1000 a b /dst/\n' },
  ],
});
