import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DockerfileModel } from '../../../server/src/core/model/dockerfile';
import { runShell } from '../../../server/src/core/model/dockerfile-run';
import { simpleCommands } from '../../../server/src/core/util/shell';
import { found } from './df-helpers';

function runs(text: string) {
  const model = new DockerfileModel(text);
  return model.instructions.filter((i) => i.getKeyword() === 'RUN').map((i) => ({ model, run: runShell(model, i) }));
}

test('runShell: the text /bin/sh -c gets, with continuation comments dropped, and ranges back in the Dockerfile', () => {
  const text = 'FROM a:1\nRUN --mount=type=cache,target=/root/.cache apt-get update && \\\n    # why\n\n    sudo apt-get install -y x\n';
  const [{ run }] = runs(text);
  assert.equal(run.form, 'shell');
  assert.equal(run.script!.text, 'apt-get update &&     sudo apt-get install -y x');
  assert.deepEqual(run.flags.map((f) => f.getName()), ['mount']);
  const sudo = simpleCommands(run.script!.list)[1].words[0];
  assert.deepEqual(run.range(sudo), { start: { line: 4, character: 4 }, end: { line: 4, character: 8 } });
  // memoized per document version
  const model = new DockerfileModel(text);
  const ins = model.instructions[1];
  assert.equal(runShell(model, ins), runShell(model, ins));
});

test('runShell: the escape directive\'s continuation character', () => {
  const text = '# escape=`\nFROM a:1\nRUN echo a `\n    && sudo make\n';
  const [{ run }] = runs(text);
  assert.equal(run.script!.text, 'echo a     && sudo make');
  assert.deepEqual(found(text, 'sudo-in-run'), [['rule.sudo-in-run.message', [3, 7, 3, 11]]]);
});

test('runShell: RUN <<EOF runs the body; RUN cmd <<EOF keeps the heredoc as data; exec form and other shells have no script', () => {
  const text = 'FROM a:1\nRUN <<EOF\nset -e\nsudo make\nEOF\nRUN cat <<EOT > /x\nsudo is data here\nEOT\nRUN ["sudo", "x"]\nRUN <<EOF\n#!/usr/bin/env python3\nprint("sudo")\nEOF\nSHELL ["cmd", "/S", "/C"]\nRUN sudo x\n';
  const r = runs(text).map((x) => x.run);
  assert.deepEqual(r.map((x) => x.form), ['heredoc', 'shell', 'exec', 'other', 'other']);
  assert.equal(r[0].script!.text, 'set -e\nsudo make\n');
  assert.deepEqual(found(text, 'sudo-in-run'), [['rule.sudo-in-run.message', [3, 0, 3, 4]]]);
});

test('runShell: a stage FROM an earlier stage inherits its SHELL', () => {
  const text = 'FROM a:1 AS win\nSHELL ["powershell", "-Command"]\nFROM win\nRUN sudo x\nFROM a:1\nRUN sudo y\n';
  assert.deepEqual(runs(text).map((x) => x.run.form), ['other', 'shell']);
  assert.deepEqual(found(text, 'sudo-in-run'), [['rule.sudo-in-run.message', [5, 4, 5, 8]]]);
});
