import { ruleTester } from '../../../../../test/rule-tester';
import { chownAfterCopy } from './chown-after-copy';

ruleTester(chownAfterCopy, {
  valid: [
    'FROM debian:12\nCOPY --chown=app:app src /app\n',
    { name: 'another path', code: 'FROM debian:12\nCOPY src /app\nRUN chown -R app /data\n' },
    { name: 'more than the chown', code: 'FROM debian:12\nCOPY src /app\nRUN chown -R app /app && make\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nCOPY src /app/\nRUN chown -R app:app /app\nUSER app\n',
      errors: [{ messageId: 'message', range: [2, 4, 2, 25], args: { command: 'chown', value: 'app:app' }, severity: 'information' }],
      output: 'FROM debian:12\nCOPY --chown=app:app src /app/\nUSER app\n',
    },
    { name: 'chmod', code: 'FROM debian:12\nCOPY run.sh /run.sh\nRUN chmod 755 /run.sh\n', errors: [{ messageId: 'message', args: { command: 'chmod', value: '755' } }], output: 'FROM debian:12\nCOPY --chmod=755 run.sh /run.sh\n' },
  ],
});
