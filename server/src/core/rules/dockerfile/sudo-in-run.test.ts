import { ruleTester } from '../../../../../test/rule-tester';
import { sudoInRun } from './sudo-in-run';

ruleTester(sudoInRun, {
  valid: ['FROM debian:12\nRUN apt-get update\n', { name: 'a word that only contains sudo', code: 'FROM debian:12\nRUN echo sudo-less\n' }],
  invalid: [
    {
      code: 'FROM debian:12\nRUN sudo apt-get update\n',
      errors: [{ messageId: 'message', range: [1, 4, 1, 8], severity: 'warning' }],
      output: 'FROM debian:12\nRUN apt-get update\n',
    },
    {
      name: 'harmless options go with it',
      code: 'FROM debian:12\nRUN sudo -E make install && echo done\n',
      errors: [{ messageId: 'message' }],
      output: 'FROM debian:12\nRUN make install && echo done\n',
    },
    {
      name: 'sudo -u changes the user: reported, not fixed',
      code: 'FROM debian:12\nRUN sudo -u app make\n',
      errors: [{ messageId: 'message' }],
      output: null,
    },
  ],
});
