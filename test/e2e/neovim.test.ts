/**
 * Neovim 0.7 (Debian's `neovim`), headless, with the init.lua of docs/editors.md: diagnostics of a
 * manifest and a Dockerfile (exact rule ids and lines), a code action chosen from the menu, a code
 * lens run (the server's own command: no "Language server does not support command"), settings
 * pushed in on_init (missing-resource-limits off). The driver is test/e2e/neovim-driver.lua.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { docBlock, editorSkip, RESULTS, ROOT, workspace, DOCKERFILE } from './editors-common';

const skip = editorSkip('nvim', 'neovim');

test('Neovim 0.7 with the configuration of docs/editors.md: diagnostics, a code action, a code lens', { skip, timeout: 180_000 }, () => {
  const ws = workspace('dockyard-nvim-');
  const results = join(RESULTS, 'neovim');
  mkdirSync(results, { recursive: true });
  try {
    const init = join(ws.dir, 'init.lua');
    writeFileSync(init, docBlock('neovim-0.7'));
    const outFile = join(results, 'result.json');
    rmSync(outFile, { force: true });
    const r = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', init, '-c', `luafile ${join(ROOT, 'test/e2e/neovim-driver.lua')}`], {
      cwd: ws.dir,
      encoding: 'utf8',
      timeout: 150_000,
      env: { ...process.env, HOME: ws.home, XDG_CONFIG_HOME: join(ws.home, '.config'), XDG_DATA_HOME: join(ws.home, '.local/share'), XDG_STATE_HOME: join(ws.home, '.local/state'), XDG_CACHE_HOME: join(ws.home, '.cache'), PATH: `${ws.bin}:${process.env.PATH}`, DOCKYARD_OUT: outFile },
    });
    const log = join(ws.home, '.cache/nvim/lsp.log');
    try {
      copyFileSync(log, join(results, 'lsp.log'));
    } catch {}
    const out = JSON.parse(readFileSync(outFile, 'utf8'));
    assert.equal(out.error, undefined, `${out.error}\nsteps: ${out.steps}\nstderr: ${r.stderr}`);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(out.podFiletype, 'yaml');
    assert.equal(out.dockerfileFiletype, 'dockerfile');

    const ids = (ds: { code: string; line: number }[]) => ds.map((d) => `${d.code}@${d.line}`);
    // pss restricted from the settings pushed in on_init; missing-resource-limits off from them too.
    assert.deepEqual(ids(out.podDiagnostics), [
      'capabilities-not-dropped@10',
      'privilege-escalation@10',
      'run-as-root@10',
      'seccomp-unconfined@10',
      'writable-root-filesystem@10',
      'privileged-container@11',
    ]);
    assert.deepEqual(out.podDiagnostics.find((d: { code: string }) => d.code === 'privileged-container'), { code: 'privileged-container', line: 11, col: 9, severity: 1, message: 'Container "app" runs privileged (securityContext.privileged: true).' });
    // After "Set privileged to false" and :write — on disk too.
    assert.deepEqual(ids(out.podAfter), ['capabilities-not-dropped@10', 'privilege-escalation@10', 'run-as-root@10', 'seccomp-unconfined@10', 'writable-root-filesystem@10']);
    assert.match(readFileSync(join(ws.dir, 'deploy/pod.yaml'), 'utf8'), /^ {8}privileged: false$/m);

    assert.deepEqual(ids(out.dockerfileDiagnostics), ['apt-update-without-install@2', 'consecutive-run@2']);
    assert.deepEqual(out.lenses, [
      { line: 1, title: '2 layers in stage #1', command: 'dockyard.server.showRuleDocs' },
      { line: 1, title: 'Image: 2 layers', command: 'dockyard.server.showRuleDocs' },
    ]);
    // The lens ran on the server: its message, and no "does not support command" warning.
    assert.equal(out.messages.length, 1);
    assert.match(out.messages[0], new RegExp(`^layer-count: .* Documentation: ${join(ROOT, 'docs/rules.md').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+$`));
    assert.deepEqual(out.notes, [], 'no warnings ("does not support command", "not supported by any of the servers")');
    // The merge was offered on the first RUN.
    assert.deepEqual(out.dockerfileAfter, DOCKERFILE.replace('RUN apt-get update\nRUN make', 'RUN apt-get update \\\n    && make').split('\n').slice(0, -1));
  } finally {
    if (!process.env.DOCKYARD_E2E_KEEP) rmSync(ws.dir, { recursive: true, force: true });
  }
});
