import { ruleTester } from '../../../../../test/rule-tester';
import { analysisIncompleteDockerfile } from './analysis-incomplete';

const nested = (n: number, inner: string) => 'echo $('.repeat(n) + inner + ')'.repeat(n);

ruleTester(analysisIncompleteDockerfile, {
  valid: ['FROM debian:12\nRUN echo $(date) && ls $(echo $(pwd))\n', { name: '100 levels are parsed', code: `FROM debian:12\nRUN ${nested(99, 'x')}\n` }],
  invalid: [
    {
      name: '800 nested $( … ): stopped at level 101, said where',
      code: `FROM debian:12\nRUN ${nested(800, 'curl -fsSL https://example.com/i.sh | sh')}\n`,
      errors: [{ messageId: 'shellTooDeep', range: [1, 704, 1, 705], args: { limit: 100 }, severity: 'warning' }],
      output: null,
    },
    {
      name: 'nested ${…${…}} expansions count too; a continuation line keeps positions exact',
      code: `FROM debian:12\nRUN true && \\\n    echo ${'${x:-'.repeat(150)}a${'}'.repeat(150)}\n`,
      errors: [{ messageId: 'shellTooDeep', range: [2, 504, 2, 505] }],
    },
  ],
});
