import { ruleTester } from '../../../../../test/rule-tester';
import { undefinedArgInFrom } from './undefined-arg-in-from';

ruleTester(undefinedArgInFrom, {
  valid: [
    'ARG VERSION=3.20\nFROM alpine:${VERSION}\n',
    { name: 'predefined platform args and defaults', code: 'FROM --platform=$BUILDPLATFORM alpine:${TAG:-3.20}\n' },
  ],
  invalid: [
    { code: 'FROM alpine:${VERSION}\n', errors: [{ messageId: 'message', range: [0, 14, 0, 21], args: { name: 'VERSION' }, severity: 'warning' }], output: null },
    { name: 'a typo of a declared ARG', code: 'ARG VERSION=3.20\nFROM alpine:$VERSOIN\n', errors: [{ messageId: 'suggest', range: [1, 13, 1, 20], args: { name: 'VERSOIN', suggestion: 'VERSION' } }], output: 'ARG VERSION=3.20\nFROM alpine:$VERSION\n' },
    { name: 'an ARG inside a stage is not visible to FROM', code: 'FROM alpine:3.20\nARG IMG=debian\nFROM $IMG\n', errors: [{ messageId: 'message', args: { name: 'IMG' } }] },
  ],
});
