import { ruleTester } from '../../../../../test/rule-tester';
import { copyDestinationNotDirectory } from './copy-destination-not-directory';

ruleTester(copyDestinationNotDirectory, {
  valid: ['FROM debian:12\nCOPY package.json yarn.lock my_app/\nCOPY a /b\n', { name: 'a variable destination', code: 'FROM debian:12\nCOPY a b $DEST\n' }],
  invalid: [
    {
      code: 'FROM debian:12\nCOPY package.json yarn.lock my_app\n',
      errors: [{ messageId: 'message', range: [1, 28, 1, 34], args: { instruction: 'COPY', count: 2, dest: 'my_app' }, severity: 'error' }],
      output: 'FROM debian:12\nCOPY package.json yarn.lock my_app/\n',
    },
    { name: 'JSON form', code: 'FROM debian:12\nADD ["a", "b", "/dst"]\n', errors: [{ messageId: 'message', range: [1, 15, 1, 21] }], output: 'FROM debian:12\nADD ["a", "b", "/dst/"]\n' },
  ],
});
