import { ruleTester } from '../../../../../test/rule-tester';
import { envLegacyFormat } from './env-legacy-format';

ruleTester(envLegacyFormat, {
  valid: ['FROM alpine:3.20\nENV DEPS="curl git make"\nENV A=1 B=2\n'],
  invalid: [
    { code: 'FROM alpine:3.20\nENV DEPS curl\n', errors: [{ messageId: 'message', range: [1, 4, 1, 13], args: { name: 'DEPS', value: 'curl' }, severity: 'warning' }], output: 'FROM alpine:3.20\nENV DEPS=curl\n' },
    { name: 'several words are quoted', code: 'FROM alpine:3.20\nENV DEPS curl git make\n', errors: [{ messageId: 'message' }], output: 'FROM alpine:3.20\nENV DEPS="curl git make"\n' },
  ],
});
