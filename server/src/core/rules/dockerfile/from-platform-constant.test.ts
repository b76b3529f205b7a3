import { ruleTester } from '../../../../../test/rule-tester';
import { fromPlatformConstant } from './from-platform-constant';

ruleTester(fromPlatformConstant, {
  valid: [
    'FROM alpine:3.20 AS base\n',
    { name: 'a variable', code: 'FROM --platform=${BUILDPLATFORM} alpine:3.20 AS base\n' },
    { name: 'per-platform stages', code: 'FROM --platform=linux/amd64 alpine:3.20 AS build_amd64\nFROM --platform=linux/arm64 alpine:3.20 AS build_arm64\n' },
  ],
  invalid: [{ code: 'FROM --platform=linux/amd64 alpine:3.20 AS base\n', errors: [{ messageId: 'message', range: [0, 16, 0, 27], args: { platform: 'linux/amd64' }, severity: 'warning' }], output: null }],
});
