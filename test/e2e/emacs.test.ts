/**
 * Emacs 28 (Debian's `emacs-nox`) with eglot 1.9 (`elpa-eglot`) and the yaml/dockerfile modes, in
 * batch mode, with the init.el of docs/editors.md: diagnostics of a manifest and a Dockerfile
 * (exact rule ids and lines, through Flymake), a code action chosen from eglot's menu, a code
 * lens's command executed by the server, settings from eglot-workspace-configuration. The driver
 * is test/e2e/emacs-driver.el.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docBlock, editorSkip, RESULTS, ROOT, workspace } from './editors-common';

const skip = editorSkip('emacs', 'emacs-nox elpa-eglot elpa-yaml-mode elpa-dockerfile-mode');

test('Emacs + eglot with the configuration of docs/editors.md: diagnostics, a code action, a code lens command', { skip, timeout: 180_000 }, () => {
  const ws = workspace('dockyard-emacs-');
  const results = join(RESULTS, 'emacs');
  mkdirSync(results, { recursive: true });
  try {
    // A project root for eglot (project.el finds it by VCS): one server for both files.
    spawnSync('git', ['init', '-q'], { cwd: ws.dir });
    const init = join(ws.dir, 'init.el');
    writeFileSync(init, docBlock('emacs-eglot'));
    const outFile = join(results, 'result.json');
    rmSync(outFile, { force: true });
    // --batch skips what a normal start does before init.el: activating the installed packages.
    const r = spawnSync('emacs', ['--batch', '--eval', '(package-activate-all)', '-l', init, '-l', join(ROOT, 'test/e2e/emacs-driver.el')], {
      cwd: ws.dir,
      encoding: 'utf8',
      timeout: 150_000,
      env: { ...process.env, HOME: ws.home, PATH: `${ws.bin}:${process.env.PATH}`, DOCKYARD_OUT: outFile },
    });
    writeFileSync(join(results, 'emacs.log'), `${r.stdout}\n${r.stderr}`);
    const out = JSON.parse(readFileSync(outFile, 'utf8'));
    assert.equal(out.error, undefined, `${out.error}\nsteps: ${out.steps}\n${r.stderr.slice(-3000)}`);
    assert.equal(r.status, 0, r.stderr.slice(-3000));
    assert.equal(out.podMode, 'yaml-mode');
    assert.equal(out.dockerfileMode, 'dockerfile-mode');

    const ids = (ds: { code: string; line: number }[]) => ds.map((d) => `${d.code}@${d.line}`);
    // missing-resource-limits off and pss restricted from eglot-workspace-configuration.
    assert.deepEqual(ids(out.podDiagnostics), [
      'capabilities-not-dropped@10',
      'privilege-escalation@10',
      'run-as-root@10',
      'seccomp-unconfined@10',
      'writable-root-filesystem@10',
      'privileged-container@11',
    ]);
    assert.deepEqual(out.podDiagnostics.find((d: { code: string }) => d.code === 'privileged-container'), {
      code: 'privileged-container',
      line: 11,
      col: 9,
      type: 'eglot-error',
      text: 'dockyard [privileged-container]: Container "app" runs privileged (securityContext.privileged: true).',
    });
    assert.deepEqual(ids(out.podAfter), ['capabilities-not-dropped@10', 'privilege-escalation@10', 'run-as-root@10', 'seccomp-unconfined@10', 'writable-root-filesystem@10']);
    assert.match(readFileSync(join(ws.dir, 'deploy/pod.yaml'), 'utf8'), /^ {8}privileged: false$/m);

    assert.deepEqual(ids(out.dockerfileDiagnostics), ['apt-update-without-install@2', 'consecutive-run@2']);
    assert.deepEqual(out.lenses, [
      { line: 1, title: '2 layers in stage #1', command: 'dockyard.server.showRuleDocs' },
      { line: 1, title: 'Image: 2 layers', command: 'dockyard.server.showRuleDocs' },
    ]);
    assert.equal(out.lensResult, 'layer-count');
    assert.equal(out.messages.length, 1);
    assert.match(out.messages[0], /^layer-count: A stage with more layers .* Documentation: \S+\/docs\/rules\.md:\d+$/);
  } finally {
    if (!process.env.DOCKYARD_E2E_KEEP) rmSync(ws.dir, { recursive: true, force: true });
  }
});
