/**
 * `npm start` (scripts/start.mjs): packages the extension, installs it into a fresh extensions
 * folder, serves the workspace with code-server on a free loopback port, prints the URL, and on
 * Ctrl-C (SIGINT) stops code-server and everything it started. Run with --no-build (the test build
 * is already in dist/) and --no-install (the installer is .ci/run's job).
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageVersion } from '../../scripts/e2e/code-server.mjs';
import { ROOT, skipReason } from './workbench';

const skip = skipReason();

describe('npm start', { skip: skip ?? false, timeout: 6 * 60_000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'dockyard-start-'));
  let child: ChildProcess | undefined;
  let out = '';

  after(() => {
    if (child?.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }
    rmSync(tmp, { recursive: true, force: true });
  });

  it('serves the workspace with Dockyard installed and stops cleanly on Ctrl-C', { timeout: 5 * 60_000 }, async () => {
    const workspace = join(tmp, 'workspace');
    cpSync(join(ROOT, 'test/e2e/fixtures/workspace'), workspace, { recursive: true });
    const state = join(tmp, 'state');
    child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs'), '--no-build', '--no-install', '--state', state, '--workspace', workspace], {
      cwd: ROOT,
      detached: true, // own group, so after() can clean up whatever is left if an assertion fails
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const c = child;
    c.stdout!.on('data', (d) => (out += String(d)));
    c.stderr!.on('data', (d) => (out += String(d)));
    const exited = new Promise<number | null>((r) => c.once('exit', (code) => r(code)));

    // The URL line, printed once code-server answers.
    const url = await new Promise<string>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`no URL within 4 min:\n${out}`)), 4 * 60_000);
      const check = () => {
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          res(m[1]);
        }
      };
      c.stdout!.on('data', check);
      void exited.then((code) => {
        clearTimeout(timer);
        rej(new Error(`npm start exited (${code}) before printing a URL:\n${out}`));
      });
    });
    assert.equal(new URL(url).searchParams.get('folder'), workspace);
    const base = new URL('/', url).toString();
    assert.equal((await fetch(`${base}healthz`)).status, 200);
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<html/i);

    // The packaged extension is what got installed, into the state folder's fresh extensions dir.
    assert.ok(existsSync(join(state, `dockyard-${packageVersion()}.vsix`)), readdirSync(state).join(', '));
    assert.ok(readdirSync(join(state, 'extensions')).some((d) => d.startsWith('dockyard-dev.dockyard-')), readdirSync(join(state, 'extensions')).join(', '));

    process.kill(c.pid!, 'SIGINT');
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('timeout'), 30_000).unref())]);
    assert.equal(code, 0, `exit after SIGINT: ${code}\n${out}`);
    assert.match(out, /stopped/);
    // code-server (and its extension host and language server) went with it: the port is closed.
    await assert.rejects(fetch(`${base}healthz`, { signal: AbortSignal.timeout(5_000) }));
    // Nothing of its process group is left (code-server runs in a group of its own: the port check above).
    assert.throws(() => process.kill(-c.pid!, 0), /ESRCH/);
  });
});

describe('npm start and root', () => {
  it('says which Debian packages it needs and why, and without a terminal to ask prints the command instead of using root', { timeout: 60_000 }, () => {
    const tmp = mkdtempSync(join(tmpdir(), 'dockyard-start-ask-'));
    try {
      // A dpkg-query that knows no package: every package code-server needs is "missing".
      const bin = join(tmp, 'bin');
      mkdirSync(bin);
      writeFileSync(join(bin, 'dpkg-query'), '#!/bin/sh\nexit 1\n');
      chmodSync(join(bin, 'dpkg-query'), 0o755);
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts/start.mjs'), '--no-build', '--state', join(tmp, 'state')], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'], // no terminal: nobody to ask
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
        timeout: 50_000,
      });
      const out = r.stdout + r.stderr;
      assert.equal(r.status, 1, out);
      const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
      assert.match(out, /code-server needs Debian packages that are missing: libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep\n/);
      assert.match(out, /the headers its native modules build against .* ripgrep for its search/);
      assert.ok(out.includes(`Installing them needs root: ${sudo}apt-get install -y --no-install-recommends libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep\n`), out);
      assert.match(out, /npm start: run that command \(or `npm start -- --yes`\), then `npm start` again/);
      // Chromium and the editors are for the tests only.
      assert.doesNotMatch(out, /apt-get install[^\n]*(chromium|neovim|emacs)/);
      // The default workspace is a copy of examples/, not the repository's folder.
      assert.deepEqual(readdirSync(join(tmp, 'state/workspace')).sort(), readdirSync(join(ROOT, 'examples')).sort());
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
