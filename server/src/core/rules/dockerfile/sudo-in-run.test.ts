import { ruleTester } from '../../../../../test/rule-tester';
import { sudoInRun } from './sudo-in-run';
import { test } from 'node:test';
import { found, fixAndRelint, lintD, only, r } from '../../../../../test/core/dockerfile/df-helpers';
import assert from 'node:assert/strict';

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

test('sudo-in-run: on the word, fix removes it with its harmless options and following blanks', () => {
  const text = 'FROM debian:12\nRUN sudo apt-get update && \\\n    sudo -E apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN sudo -u app make\n';
  const f = only(lintD(text), 'sudo-in-run');
  assert.deepEqual(f.map(r), [[1, 4, 1, 8], [2, 4, 2, 8], [3, 4, 3, 8]]);
  fixAndRelint(text, f[0], text.replace('RUN sudo apt-get update', 'RUN apt-get update'));
  fixAndRelint(text, f[1], text.replace('    sudo -E apt-get', '    apt-get'));
  assert.equal(f[2].fixes, undefined); // -u app changes the user: no automatic fix
  assert.deepEqual(found('FROM debian:12\nRUN echo sudo; visudo -c\n', 'sudo-in-run'), []);
});
