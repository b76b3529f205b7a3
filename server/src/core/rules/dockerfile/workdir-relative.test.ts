import { ruleTester } from '../../../../../test/rule-tester';
import { workdirRelative } from './workdir-relative';

ruleTester(workdirRelative, {
  valid: [
    'FROM debian:12\nWORKDIR /usr/src/app\n',
    { name: 'relative after an absolute one', code: 'FROM debian:12\nWORKDIR /usr/src\nWORKDIR app\n' },
    { name: 'absolute in the stage built on', code: 'FROM debian:12 AS base\nWORKDIR /app\nFROM base\nWORKDIR sub\n' },
    { name: 'variables are not judged', code: 'FROM debian:12\nWORKDIR $HOME\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nWORKDIR usr/src/app\n', errors: [{ messageId: 'message', range: [1, 8, 1, 19], args: { path: 'usr/src/app' }, severity: 'warning' }], output: null },
    { name: 'a new stage from an image starts over', code: 'FROM debian:12\nWORKDIR /app\nFROM debian:12\nWORKDIR app\n', errors: [{ messageId: 'message', range: [3, 8, 3, 11] }] },
  ],
});
