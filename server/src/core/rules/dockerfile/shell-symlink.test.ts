import { ruleTester } from '../../../../../test/rule-tester';
import { shellSymlink } from './shell-symlink';

ruleTester(shellSymlink, {
  valid: ['FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN ln -s /opt/app/bin/app /usr/local/bin/app\n'],
  invalid: [{ code: 'FROM debian:12\nRUN ln -sfv /bin/bash /bin/sh\n', errors: [{ messageId: 'message', range: [1, 4, 1, 29], severity: 'warning' }], output: null }],
});
