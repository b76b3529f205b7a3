import { ruleTester } from '../../../../../test/rule-tester';
import { emptyContinuationLine } from './empty-continuation-line';

ruleTester(emptyContinuationLine, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9 \\\n    # a comment line is fine\n    && echo ok\n',
    { name: 'blank lines between instructions', code: 'FROM alpine:3.20\n\nRUN echo a\n\nRUN echo b\n' },
    { name: 'heredoc bodies keep their blank lines', code: 'FROM alpine:3.20\nRUN <<EOF\necho a\n\necho b\nEOF\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN echo a \\\n\n    && echo b\n',
      errors: [{ messageId: 'message', range: [2, 0, 2, 0], severity: 'warning' }],
      output: 'FROM alpine:3.20\nRUN echo a \\\n    && echo b\n',
    },
  ],
});
