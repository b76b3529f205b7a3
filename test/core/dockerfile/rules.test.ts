import { test } from 'node:test';
import { found } from './df-helpers';
import assert from 'node:assert/strict';

test('suppression: a comment above a multi-line RUN silences a finding on its continuation line', () => {
  const text = 'FROM debian:12\n# dockyard-ignore sudo-in-run: the base image sets USER app\nRUN apt-get update && \\\n    sudo apt-get install -y x && rm -rf /var/lib/apt/lists/*\n';
  assert.deepEqual(found(text, 'sudo-in-run'), []);
  assert.deepEqual(found(text, 'suppression-without-reason'), []);
  assert.deepEqual(found(text.replace('# dockyard-ignore sudo-in-run: the base image sets USER app\n', ''), 'sudo-in-run'), [['rule.sudo-in-run.message', [2, 4, 2, 8]]]);
});

test('ONBUILD triggers are checked like the instructions they become', () => {
  const text = 'FROM debian:12\nONBUILD RUN curl -s https://x | sh\nONBUILD ADD https://x/y /y\n';
  assert.deepEqual(found(text, 'pipe-to-shell'), [['rule.pipe-to-shell.message', [1, 12, 1, 34]]]);
  assert.deepEqual(found(text, 'add-remote-url'), [['rule.add-remote-url.message', [2, 12, 2, 23]]]);
});
