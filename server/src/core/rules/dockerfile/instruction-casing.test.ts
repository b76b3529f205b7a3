import { ruleTester } from '../../../../../test/rule-tester';
import { instructionCasing } from './instruction-casing';

ruleTester(instructionCasing, {
  valid: ['FROM alpine:3.20 AS base\nRUN echo hi\n', { name: 'all lower case', code: 'from alpine:3.20 as base\nrun echo hi\n' }],
  invalid: [
    {
      code: 'FROM alpine:3.20\nFrom alpine:3.20\nrun echo hi\n',
      errors: [
        { messageId: 'message', range: [1, 0, 1, 4], args: { keyword: 'From', expected: 'FROM' }, severity: 'information' },
        { messageId: 'message', range: [2, 0, 2, 3], args: { keyword: 'run', expected: 'RUN' } },
      ],
      output: 'FROM alpine:3.20\nFROM alpine:3.20\nRUN echo hi\n',
    },
    { name: 'FromAsCasing', code: 'FROM debian:12 as builder\n', errors: [{ messageId: 'fromAs', range: [0, 15, 0, 17], args: { as: 'as', from: 'FROM', expected: 'AS' } }], output: 'FROM debian:12 AS builder\n' },
  ],
});
