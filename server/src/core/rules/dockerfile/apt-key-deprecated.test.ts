import { ruleTester } from '../../../../../test/rule-tester';
import { aptKeyDeprecated } from './apt-key-deprecated';

ruleTester(aptKeyDeprecated, {
  valid: ['FROM debian:12\nRUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /etc/apt/keyrings/example.gpg\n'],
  invalid: [{ code: 'FROM debian:12\nRUN curl -fsSL https://example.com/key.asc | apt-key add -\n', errors: [{ messageId: 'message', range: [1, 45, 1, 52], severity: 'warning' }], output: null }],
});
