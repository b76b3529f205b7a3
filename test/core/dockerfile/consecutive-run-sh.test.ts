// consecutive-run's merge, executed: the merged RUN behaves like the separate RUNs under /bin/sh. Kept
// outside the rule's folder because it starts processes (the core's files may not import node:child_process).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintD, only } from './df-helpers';
import { DockerfileModel } from '../../../server/src/core/model/dockerfile';
import { runShell } from '../../../server/src/core/model/dockerfile-run';
import { applyFix } from '../../helpers';

const merge = (text: string) => {
  const f = only(lintD(text), 'consecutive-run');
  assert.equal(f.length, 1, 'one finding');
  return f[0];
};

test('consecutive-run: the merged RUN behaves like the separate RUNs (run with /bin/sh)', { skip: process.platform === 'win32' }, () => {
  const cwd = mkdtempSync(join(tmpdir(), 'dockyard-run-'));
  const sh = (script: string) => {
    const p = spawnSync('/bin/sh', ['-c', script], { cwd, encoding: 'utf8' });
    return { out: p.stdout, ok: p.status === 0 };
  };
  /** Each RUN in a fresh shell, the build stopping at the first failure. */
  const separate = (scripts: string[]) => {
    let out = '';
    for (const s of scripts) {
      const res = sh(s);
      out += res.out;
      if (!res.ok) return { out, ok: false };
    }
    return { out, ok: true };
  };
  const runsOf = (dockerfile: string) => {
    const model = new DockerfileModel(dockerfile);
    return model.instructions.filter((i) => i.getKeyword() === 'RUN').map((i) => runShell(model, i).script!.text);
  };
  const sequences: string[][] = [
    ['echo a || echo b', 'echo c'],
    ['false || echo b', 'echo c'],
    ['echo a; false', 'echo never'],
    ['false; echo a', 'echo b || echo c'],
    ['echo a', 'false || echo recovered; echo after'],
    ['cd / && echo in-root', 'pwd | grep -c dockyard-run'],
    ['X=1; echo set', 'echo "X=[$X]"'],
    ['set -e; true', 'false; echo still-runs'],
    ['exit 0', 'echo after-exit'],
    ['echo one', 'echo two', 'false', 'echo never'],
    ['f() { echo fn; }; f', 'type f >/dev/null 2>&1 || echo no-f'],
  ];
  for (const seq of sequences) {
    const text = 'FROM debian:12\n' + seq.map((s) => `RUN ${s}\n`).join('') + '# comment kept\n';
    const fixed = applyFix(text, merge(text));
    const merged = runsOf(fixed);
    assert.equal(merged.length, 1, fixed);
    assert.deepEqual(sh(merged[0]), separate(seq), `${JSON.stringify(seq)} → ${merged[0]}`);
  }
});
