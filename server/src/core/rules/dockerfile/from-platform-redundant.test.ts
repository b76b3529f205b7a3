import { ruleTester } from '../../../../../test/rule-tester';
import { fromPlatformRedundant } from './from-platform-redundant';

ruleTester(fromPlatformRedundant, {
  valid: ['FROM alpine:3.20\n', 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n'],
  invalid: [
    {
      code: 'FROM --platform=$TARGETPLATFORM alpine:3.20 AS base\n',
      errors: [{ messageId: 'message', range: [0, 5, 0, 31], args: { platform: '$TARGETPLATFORM' }, severity: 'information' }],
      output: 'FROM alpine:3.20 AS base\n',
    },
  ],
});
