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
    {
      name: 'StageNameCasing: references are case-insensitive, only the declaration changes',
      code: 'FROM debian:12 AS Build\nFROM debian:12\nCOPY --from=Build /a /a\n',
      errors: [{ messageId: 'stageName', range: [0, 18, 0, 23], args: { name: 'Build', expected: 'build' } }],
      output: 'FROM debian:12 AS build\nFROM debian:12\nCOPY --from=Build /a /a\n',
    },
    { name: 'ExposeProtoCasing', code: 'FROM debian:12\nEXPOSE 80/TCP 53/udp\n', errors: [{ messageId: 'exposeProtocol', range: [1, 10, 1, 13], args: { protocol: 'TCP', expected: 'tcp' } }], output: 'FROM debian:12\nEXPOSE 80/tcp 53/udp\n' },
    { name: 'FromAsCasing', code: 'FROM debian:12 as builder\n', errors: [{ messageId: 'fromAs', range: [0, 15, 0, 17], args: { as: 'as', from: 'FROM', expected: 'AS' } }], output: 'FROM debian:12 AS builder\n' },
  ],
});
