import { ruleTester } from '../../../../../test/rule-tester';
import { aptUpdateWithoutInstall } from './apt-update-without-install';

ruleTester(aptUpdateWithoutInstall, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    { name: 'update and upgrade', code: 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n',
      errors: [{ messageId: 'message', range: [1, 4, 1, 18], args: { command: 'apt-get' }, severity: 'warning' }],
      output: null,
    },
  ],
});
