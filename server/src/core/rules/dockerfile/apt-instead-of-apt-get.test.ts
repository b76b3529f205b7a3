import { ruleTester } from '../../../../../test/rule-tester';
import { aptInsteadOfAptGet } from './apt-instead-of-apt-get';

ruleTester(aptInsteadOfAptGet, {
  valid: ['FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-cache policy curl\n', { name: 'apt as an argument', code: 'FROM debian:12\nRUN echo apt install\n' }],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt install -y curl\n',
      errors: [{ messageId: 'message', range: [1, 4, 1, 7], args: { replacement: 'apt-get' }, severity: 'warning' }],
      output: 'FROM debian:12\nRUN apt-get install -y curl\n',
    },
    { name: 'apt search → apt-cache', code: 'FROM debian:12\nRUN apt search curl\n', errors: [{ messageId: 'message', args: { replacement: 'apt-cache' } }], output: 'FROM debian:12\nRUN apt-cache search curl\n' },
    { name: 'apt list: no fix', code: 'FROM debian:12\nRUN apt list --installed\n', errors: [{ messageId: 'message' }], output: null },
  ],
});
