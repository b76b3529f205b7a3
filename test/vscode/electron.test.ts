/**
 * The @vscode/test-electron suite: desktop VS Code (Electron) loads the extension from the
 * repository (extensionDevelopmentPath) and runs test/vscode/extension.suite.ts in its extension
 * host, on a temp copy of test/e2e/fixtures/workspace.
 *
 * VS Code itself is never downloaded here (CI has no network): set VSCODE_EXECUTABLE to a local
 * VS Code (e.g. /usr/share/code/code, or `Code.exe`), or DOCKYARD_VSCODE_DOWNLOAD=1 on a machine
 * with network to let @vscode/test-electron fetch one (DOCKYARD_VSCODE_VERSION, default stable).
 * Otherwise the test skips with that message. The same suite runs inside code-server in
 * test/vscode/code-server.test.ts, which needs no download.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = process.env.DOCKYARD_ROOT ?? join(__dirname, '../../..');
const SUITE = join(ROOT, 'out/test/vscode/extension.suite.js');
const executable = process.env.VSCODE_EXECUTABLE || undefined;
const download = process.env.DOCKYARD_VSCODE_DOWNLOAD === '1';
const skip =
  executable || download
    ? false
    : 'no VS Code available: set VSCODE_EXECUTABLE to a local VS Code executable (or DOCKYARD_VSCODE_DOWNLOAD=1 where there is network); the same suite runs in code-server in test/vscode/code-server.test.ts';

/** Electron needs a display on Linux: start Xvfb when there is none and it is installed. */
function ensureDisplay(): { env: Record<string, string>; stop: () => void } {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return { env: {}, stop: () => undefined };
  if (spawnSync('sh', ['-c', 'command -v Xvfb'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('no X display for VS Code (DISPLAY is unset) and Xvfb is not installed: apt-get install xvfb, or run under xvfb-run');
  }
  const display = `:${90 + (process.pid % 100)}`;
  const xvfb: ChildProcess = spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  return { env: { DISPLAY: display }, stop: () => xvfb.kill('SIGTERM') };
}

test('extension suite in VS Code (Electron, @vscode/test-electron)', { skip, timeout: 10 * 60_000 }, async () => {
  assert.ok(existsSync(SUITE), `${SUITE} is missing: run node scripts/build.mjs`);
  if (executable) assert.ok(existsSync(executable), `VSCODE_EXECUTABLE=${executable} does not exist`);
  const display = ensureDisplay();
  const tmp = mkdtempSync(join(tmpdir(), 'dockyard-vscode-'));
  try {
    const workspace = join(tmp, 'workspace');
    cpSync(join(ROOT, 'test/e2e/fixtures/workspace'), workspace, { recursive: true });
    const { runTests } = await import('@vscode/test-electron');
    const code = await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : { version: process.env.DOCKYARD_VSCODE_VERSION ?? 'stable' }),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      extensionTestsEnv: { ...display.env },
      launchArgs: [
        workspace,
        '--disable-extensions', // only Dockyard (the one under development); no Red Hat YAML etc.
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
        '--user-data-dir', join(tmp, 'user-data'),
        '--extensions-dir', join(tmp, 'extensions'),
      ],
    });
    assert.equal(code, 0, `VS Code exited with ${code}`);
  } finally {
    display.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
});
