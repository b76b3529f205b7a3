import { ruleTester } from '../../../../../test/rule-tester';
import { cdInRun } from './cd-in-run';

ruleTester(cdInRun, {
  valid: [
    'FROM debian:12\nWORKDIR /usr/src/app\nRUN make\n',
    { name: 'cd in a subshell is scoping', code: 'FROM debian:12\nRUN (cd sub && make) && make install\n' },
    { name: 'a word, not a command', code: 'FROM debian:12\nRUN echo cd /tmp\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN cd /usr/src/app && git clone git@example.com:x/y.git\n', errors: [{ messageId: 'message', range: [1, 4, 1, 19], args: { path: '/usr/src/app' }, severity: 'information' }], output: null },
  ],
});
