import { ruleTester } from '../../../../../test/rule-tester';
import { reservedStageName } from './reserved-stage-name';

ruleTester(reservedStageName, {
  valid: ['FROM scratch\nFROM alpine:3.20 AS base\n'],
  invalid: [{ code: 'FROM alpine:3.20 AS scratch\n', errors: [{ messageId: 'message', range: [0, 20, 0, 27], args: { name: 'scratch' }, severity: 'warning' }], output: null }],
});
