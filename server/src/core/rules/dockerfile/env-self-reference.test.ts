import { ruleTester } from '../../../../../test/rule-tester';
import { envSelfReference } from './env-self-reference';

ruleTester(envSelfReference, {
  valid: [
    'FROM alpine:3.20\nENV A=1\nENV B=$A\n',
    { name: 'defined before: the old value is meant', code: 'FROM alpine:3.20\nENV PATH=/opt/bin:$PATH DIR=/x\nARG V\nENV V=2 W=$V\n' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nENV A=1 B=${A}/x\n', errors: [{ messageId: 'message', range: [1, 10, 1, 16], args: { name: 'A' }, severity: 'warning' }], output: null },
  ],
});
