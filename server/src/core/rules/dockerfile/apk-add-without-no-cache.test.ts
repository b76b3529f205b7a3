import { ruleTester } from '../../../../../test/rule-tester';
import { apkAddWithoutNoCache } from './apk-add-without-no-cache';

ruleTester(apkAddWithoutNoCache, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache python3=3.12.3-r0\n',
    { name: 'cache removed in the same RUN', code: 'FROM alpine:3.20\nRUN apk update && apk add curl=8.9 && rm -rf /var/cache/apk/*\n' },
    { name: 'cache mount', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl=8.9\n' },
    { name: 'build stage only COPY --from\'d', code: 'FROM alpine:3.20 AS build\nRUN apk add gcc=13\nFROM alpine:3.20\nCOPY --from=build /out /out\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN apk update && apk add python3=3.12.3-r0\n',
      errors: [{ messageId: 'message', range: [1, 18, 1, 25], severity: 'information' }],
      output: 'FROM alpine:3.20\nRUN apk update && apk add --no-cache python3=3.12.3-r0\n',
    },
  ],
});
