import { ruleTester } from '../../../../../test/rule-tester';
import { aptInstallRecommends } from './apt-install-recommends';

ruleTester(aptInstallRecommends, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends python=2.7 && rm -rf /var/lib/apt/lists/*\n',
    { name: 'the APT option', code: 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl=8.1\n' },
    { name: 'a build stage that does not ship', code: 'FROM debian:12 AS build\nRUN apt-get install -y gcc=12\nFROM scratch\nCOPY --from=build /out /out\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y python=2.7\n',
      errors: [{ messageId: 'message', range: [1, 22, 1, 37], args: { command: 'apt-get' }, severity: 'information' }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y python=2.7\n',
    },
    {
      name: 'a stage the final stage builds on ships',
      code: 'FROM debian:12 AS base\nRUN apt install -y curl\nFROM base\n',
      errors: [{ messageId: 'message', range: [1, 4, 1, 15], args: { command: 'apt' } }],
      output: 'FROM debian:12 AS base\nRUN apt install --no-install-recommends -y curl\nFROM base\n',
    },
  ],
});
