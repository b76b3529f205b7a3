import { ruleTester } from '../../../../../test/rule-tester';
import { useraddHighUid } from './useradd-high-uid';

ruleTester(useraddHighUid, {
  valid: ['FROM debian:12\nRUN useradd luser\n', 'FROM debian:12\nRUN useradd -u 12345 luser\n', 'FROM debian:12\nRUN useradd -l -u 123456 luser\n', 'FROM debian:12\nRUN useradd --no-log-init --uid=123456 luser\n'],
  invalid: [
    { code: 'FROM debian:12\nRUN useradd -u 123456 luser\n', errors: [{ messageId: 'message', range: [1, 4, 1, 11], args: { uid: '123456' }, severity: 'warning' }], output: 'FROM debian:12\nRUN useradd -l -u 123456 luser\n' },
  ],
});
