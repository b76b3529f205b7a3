import { test } from 'node:test';
import { lintD, only, r } from '../../../../../test/core/dockerfile/df-helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { pipeToShell } from './pipe-to-shell';

test('pipe-to-shell: curl/wget into a shell through pipes, wrappers, continuations and substitutions', () => {
  const text = [
    'FROM debian:12',
    'RUN curl -fsSL https://get.example.com | sh',
    'RUN apt-get update && \\',
    '    wget -qO- https://x.io/i.sh \\',
    '      | sudo -E bash -s -- --yes',
    'RUN sh -c "$(curl -fsSL https://x.io/i.sh)"',
    'RUN bash <(curl -s https://x.io/setup)',
    'RUN if true; then curl -s https://x | env sh; fi',
    // not: downloads to a file, pipes into a non-shell, bash -c with a literal script
    'RUN curl -fsSLo /tmp/i.sh https://x && sh /tmp/i.sh',
    'RUN curl -s https://x | tar -xz',
    'RUN wget https://x/i.sh | sh',
    'RUN curl -s https://x | bash -c "cat > /f"',
    "RUN echo 'curl https://x | sh'",
  ].join('\n');
  const f = only(lintD(text), 'pipe-to-shell');
  assert.deepEqual(f.map((x) => [r(x), x.message.args]), [
    [[1, 4, 1, 43], { fetcher: 'curl', shell: 'sh' }],
    [[3, 4, 4, 32], { fetcher: 'wget', shell: 'bash' }],
    [[5, 4, 5, 43], { fetcher: 'curl', shell: 'sh' }],
    [[6, 4, 6, 38], { fetcher: 'curl', shell: 'bash' }],
    [[7, 18, 7, 44], { fetcher: 'curl', shell: 'sh' }],
  ]);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(pipeToShell, {
  valid: [
    `FROM debian:12
RUN curl -fsSLo /tmp/i.sh https://x && sh /tmp/i.sh
`,
    `FROM debian:12
RUN curl -s https://x | tar -xz
`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN curl -fsSL https://get.example.com | sh
`,
      errors: [{ messageId: "message", range: [1, 4, 1, 43], args: {"fetcher": "curl", "shell": "sh"} }],
    },
  ],
});
