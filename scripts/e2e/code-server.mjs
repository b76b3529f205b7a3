// Shared by `npm start` (scripts/start.mjs) and the end-to-end tests (test/e2e/): where the
// code-server / playwright-core install lives, packaging the .vsix, installing it, and running
// code-server on a free loopback port with clean shutdown of its whole process group.
// Plain Node APIs only; the types are in code-server.d.mts.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM = process.env.DOCKYARD_CHROMIUM || '/usr/bin/chromium';
/** Flags from shared/E2E.md (playwright adds its own headless flag). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'];

/**
 * The repository root: DOCKYARD_ROOT, else the nearest folder above the running script (or the
 * working directory) whose package.json is Dockyard's. (No import.meta: the tests bundle this
 * file into CommonJS.)
 */
function findRoot() {
  if (process.env.DOCKYARD_ROOT) return resolve(process.env.DOCKYARD_ROOT);
  for (const start of [process.argv[1], process.cwd()]) {
    if (!start) continue;
    for (let d = resolve(start); ; d = dirname(d)) {
      try {
        if (JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')).name === 'dockyard') return d;
      } catch {}
      if (dirname(d) === d) break;
    }
  }
  throw new Error('cannot find the Dockyard repository root: set DOCKYARD_ROOT');
}
export const repoRoot = findRoot();
export const installer = join(repoRoot, 'scripts/e2e/install-code-server.sh');

export function e2eHome() {
  return process.env.DOCKYARD_E2E_HOME || join(homedir(), '.cache/dockyard-e2e');
}

/** code-server's entry script (run it with `node`), or undefined when it is not installed. */
export function codeServerEntry() {
  const p = join(e2eHome(), 'code-server/node_modules/code-server/out/node/entry.js');
  return existsSync(p) && existsSync(join(e2eHome(), 'code-server/.complete')) ? p : undefined;
}

/** Path of the installed playwright-core package, or undefined. */
export function playwrightCorePath() {
  const base = join(e2eHome(), 'playwright/package.json');
  if (!existsSync(base)) return undefined;
  try {
    return createRequire(base).resolve('playwright-core');
  } catch {
    return undefined;
  }
}

/** What is missing to run the browser end-to-end tests (empty when all is there). */
export function missingPrerequisites() {
  const missing = [];
  if (!codeServerEntry()) missing.push(`code-server ${CODE_SERVER_VERSION} (in ${join(e2eHome(), 'code-server')})`);
  if (!playwrightCorePath()) missing.push(`playwright-core (in ${join(e2eHome(), 'playwright')})`);
  if (!existsSync(CHROMIUM)) missing.push(`Chromium (${CHROMIUM})`);
  return missing;
}

/** Runs the installer (apt packages, code-server, playwright-core); throws when it fails. */
export function runInstaller(opts = {}) {
  const r = spawnSync('bash', [installer, ...(opts.args ?? [])], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${installer} failed (exit ${r.status ?? r.signal})`);
  const entry = codeServerEntry();
  if (!entry) throw new Error(`${installer} finished but code-server is not in ${e2eHome()}`);
  return entry;
}

/** Packages the current dist/ into a .vsix with vsce (no rebuild). */
export function packageVsix(outFile) {
  mkdirSync(dirname(outFile), { recursive: true });
  const vsce = join(repoRoot, 'node_modules/@vscode/vsce/vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', outFile], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0 || !existsSync(outFile)) throw new Error(`vsce package failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return outFile;
}

/**
 * No extension marketplace: code-server would otherwise query open-vsx.org (there is no network
 * here, and the tests install the .vsix from a file). An empty gallery disables it.
 */
export const OFFLINE_ENV = { EXTENSIONS_GALLERY: '{}' };

/** Settings that keep the workbench quiet and deterministic (no welcome page, tips, update checks). */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
};

/** Creates `<userDataDir>/User/settings.json` (code-server keeps user settings on the server side). */
export function writeUserSettings(userDataDir, settings = {}) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
}

/** Installs a .vsix into an extensions folder with code-server's own CLI. */
export function installVsix(entry, vsix, extensionsDir, userDataDir) {
  mkdirSync(extensionsDir, { recursive: true });
  const r = spawnSync(process.execPath, [entry, '--config', configFile(userDataDir), '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix, '--force'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
    env: { ...process.env, ...OFFLINE_ENV },
  });
  const out = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0 || !/successfully installed/i.test(out)) throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${out}`);
  return out.trim();
}

function configFile(userDataDir) {
  // An explicit config file keeps code-server away from the user's ~/.config/code-server.
  mkdirSync(userDataDir, { recursive: true });
  const f = join(userDataDir, 'code-server.yaml');
  if (!existsSync(f)) writeFileSync(f, 'auth: none\ncert: false\n');
  return f;
}

export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => res(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts code-server on 127.0.0.1:<free port> in its own process group and waits until /healthz
 * answers. `trust: false` leaves workspace trust on (the folder opens behind the trust dialog).
 */
export async function startCodeServer(o) {
  const port = o.port ?? (await freePort());
  const args = [
    o.entry,
    '--config', configFile(o.userDataDir),
    // A password (`o.password`, passed in the PASSWORD environment variable as code-server reads
    // it) or none: the server listens on the loopback interface only either way.
    '--auth', o.password ? 'password' : 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(o.trust === false ? [] : ['--disable-workspace-trust']),
    // The display language (needs an installed language pack for it, as in VS Code).
    ...(o.locale ? ['--locale', o.locale] : []),
    '--extensions-dir', o.extensionsDir,
    '--user-data-dir', o.userDataDir,
    o.workspace,
  ];
  const child = spawn(process.execPath, args, {
    detached: true, // own process group: stop() kills code-server and everything it started
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...OFFLINE_ENV, ...(o.env ?? {}), ...(o.password ? { PASSWORD: o.password } : {}) },
  });
  let log = '';
  const logStream = o.logFile ? (mkdirSync(dirname(o.logFile), { recursive: true }), createWriteStream(o.logFile)) : undefined;
  const onData = (d) => {
    const s = d.toString();
    log = (log + s).slice(-20_000);
    logStream?.write(s);
    o.onOutput?.(s);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = false;
  const exitedP = new Promise((r) => child.once('exit', (code, signal) => {
    exited = true;
    r({ code, signal });
  }));

  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    if (!exited && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      const done = await Promise.race([exitedP.then(() => true), sleep(10_000).then(() => false)]);
      if (!done) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
        await Promise.race([exitedP, sleep(5_000)]);
      }
    }
    // Stragglers in the group (extension host, language server, pty host) even after the parent left.
    if (child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }
    logStream?.end();
  };

  const deadline = Date.now() + (o.timeoutMs ?? 120_000);
  for (;;) {
    if (exited) throw new Error(`code-server exited before it was ready:\n${log}`);
    try {
      const r = await fetch(`${url}healthz`, { signal: AbortSignal.timeout(2_000) });
      if (r.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url}healthz within ${o.timeoutMs ?? 120_000} ms:\n${log}`);
    }
    await sleep(250);
  }
  return {
    port,
    url,
    folderUrl: `${url}?folder=${encodeURIComponent(o.workspace)}`,
    child,
    log: () => log,
    exited: exitedP,
    stop,
  };
}

/** The `version` field of the repository's package.json. */
export function packageVersion() {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
}
