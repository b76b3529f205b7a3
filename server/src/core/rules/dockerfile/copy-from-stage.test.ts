import { ruleTester } from '../../../../../test/rule-tester';
import { copyFromStage } from './copy-from-stage';

ruleTester(copyFromStage, {
  valid: [
    'FROM scratch AS build\nRUN ["make"]\nFROM alpine:3.20\nCOPY --from=build /out /out\nCOPY --from=0 /a /a\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n',
    { name: 'any case', code: 'FROM debian:12 AS Build\nFROM debian:12\nCOPY --from=build /a /a\n' },
  ],
  invalid: [
    { name: 'an unknown name (DL3022)', code: 'FROM debian:12 AS build\nFROM debian:12\nCOPY --from=biuld /a /a\n', errors: [{ messageId: 'unknown', range: [2, 12, 2, 17], args: { from: 'biuld' }, severity: 'warning' }], output: null },
    { name: 'itself (DL3023)', code: 'FROM debian:12 AS build\nCOPY --from=build /a /b\n', errors: [{ messageId: 'self', range: [1, 12, 1, 17], severity: 'error' }] },
    { name: 'its own number and a later stage', code: 'FROM debian:12\nCOPY --from=0 /a /b\nCOPY --from=later /a /b\nFROM debian:12 AS later\n', errors: [{ messageId: 'self' }, { messageId: 'later', args: { from: 'later' } }] },
  ],
});
