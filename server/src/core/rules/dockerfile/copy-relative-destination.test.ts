import { ruleTester } from '../../../../../test/rule-tester';
import { copyRelativeDestination } from './copy-relative-destination';

ruleTester(copyRelativeDestination, {
  valid: [
    'FROM python:3.12\nWORKDIR /usr/src/app\nCOPY . .\n',
    { name: 'absolute destination', code: 'FROM python:3.12\nCOPY app.py /app/\n' },
    { name: 'WORKDIR inherited from the stage built on', code: 'FROM python:3.12 AS base\nWORKDIR /app\nFROM base\nCOPY . .\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12\nCOPY . my/app/\n', errors: [{ messageId: 'message', range: [1, 7, 1, 14], args: { instruction: 'COPY', dest: 'my/app/' }, severity: 'warning' }], output: null },
  ],
});
