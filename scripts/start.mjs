#!/usr/bin/env node
// `npm start`: Dockyard in a real VS Code in your browser.
//   build (production) → package the .vsix → ensure code-server (scripts/e2e/install-code-server.sh
//   --serve-only: Debian build headers and ripgrep, asked for before using root; code-server into
//   ~/.cache/dockyard-e2e) → install the .vsix into a fresh extensions folder → code-server on
//   127.0.0.1:<free port> with a copy of examples/ (.e2e/start/workspace, so the repository's own
//   files stay as they are) → print the URL → run until Ctrl-C (stops code-server and everything it
//   started). Chromium, Neovim and Emacs are for the end-to-end tests only: not installed here.
// Options:
//   --port N          listen on N instead of a free port (or PORT=N)
//   --workspace DIR   open DIR instead of the copy of examples/
//   --state DIR       extensions, user data, .vsix and log go here (default .e2e/start, gitignored)
//   --no-build        package the current dist/ as it is
//   --no-install      do not run the installer (fail if code-server is missing)
//   --yes             install missing Debian packages without asking (as root or through sudo)
//   --trust           keep workspace trust on (the folder opens behind the trust dialog)
// DOCKYARD_PASSWORD=… asks for that password in the browser (code-server --auth password).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { join, resolve } from 'node:path';
import * as cs from './e2e/code-server.mjs';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (!v || v.startsWith('--')) fail(`${name} needs a value`);
  return v;
};
const flag = (name) => args.includes(name);
function fail(msg) {
  console.error(`npm start: ${msg}`);
  process.exit(1);
}
const known = new Set(['--port', '--workspace', '--state', '--no-build', '--no-install', '--yes', '--trust', '--help', '-h']);
for (let i = 0; i < args.length; i++) {
  if (!known.has(args[i])) fail(`unknown option ${args[i]} (see --help)`);
  if (['--port', '--workspace', '--state'].includes(args[i])) i++;
}
if (flag('--help') || flag('-h')) {
  console.log('usage: npm start -- [--port N] [--workspace DIR] [--state DIR] [--no-build] [--no-install] [--yes] [--trust]');
  process.exit(0);
}

const root = cs.repoRoot;
const state = resolve(opt('--state') ?? join(root, '.e2e/start'));
// By default a copy of examples/ (made once, kept between runs): what you try there, the scaffold
// wizards included, never writes into the repository.
const workspace = resolve(opt('--workspace') ?? join(state, 'workspace'));
if (!opt('--workspace') && !existsSync(workspace)) cpSync(join(root, 'examples'), workspace, { recursive: true });
const portArg = opt('--port') ?? process.env.PORT;
const port = portArg ? Number(portArg) : undefined;
if (portArg && !(Number.isInteger(port) && port > 0 && port < 65536)) fail(`bad port ${portArg}`);
if (!existsSync(workspace)) fail(`workspace folder ${workspace} does not exist`);

const t0 = Date.now();
const say = (m) => console.log(`[start +${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

let entry = cs.codeServerEntry();
if (flag('--no-install')) {
  if (!entry) fail(`code-server is not installed in ${cs.e2eHome()}: run scripts/e2e/install-code-server.sh`);
} else {
  await debianPackages();
  say(`checking code-server ${cs.CODE_SERVER_VERSION} in ${cs.e2eHome()} (scripts/e2e/install-code-server.sh --serve-only; the first install builds native modules: a few minutes)`);
  entry = cs.runInstaller({ args: ['--serve-only', '--no-apt'] });
}

if (!flag('--no-build')) {
  say('building (production)');
  const b = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--production'], { stdio: 'inherit', cwd: root });
  if (b.status !== 0) fail('build failed');
}
const vsix = join(state, `dockyard-${cs.packageVersion()}.vsix`);
say(`packaging ${vsix}`);
cs.packageVsix(vsix);

/**
 * The Debian packages code-server needs: say which and why, and ask before using root (or print
 * the command when nobody can answer).
 */
async function debianPackages() {
  const r = spawnSync('bash', [cs.installer, '--serve-only', '--missing-apt'], { encoding: 'utf8' });
  const missing = (r.stdout ?? '').trim().split(/\s+/).filter((p) => p && p !== '?');
  if (!missing.length) return;
  const asRoot = process.getuid?.() === 0;
  const command = `${asRoot ? '' : 'sudo '}apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  console.log('');
  console.log(`  code-server needs Debian packages that are missing: ${missing.join(' ')}`);
  console.log('  (the headers its native modules build against when it is installed, and ripgrep for its search;');
  console.log('  Chromium, Neovim and Emacs are only for `npm run test:e2e` and are not installed here).');
  console.log(`  Installing them needs root: ${command}`);
  console.log('');
  if (!flag('--yes')) {
    if (!process.stdin.isTTY) fail('run that command (or `npm start -- --yes`), then `npm start` again');
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = (await rl.question(`  Run it now${asRoot ? '' : ' (sudo may ask for your password)'}? [y/N] `)).trim().toLowerCase();
    rl.close();
    if (answer !== 'y' && answer !== 'yes') fail(`not installing; run \`${command}\` yourself, then \`npm start\` again`);
  }
  say('installing the Debian packages');
  const i = spawnSync('bash', [cs.installer, '--serve-only'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (i.status !== 0) fail('installing the Debian packages failed');
}

const extensionsDir = join(state, 'extensions');
const userDataDir = join(state, 'user-data');
rmSync(extensionsDir, { recursive: true, force: true });
if (!existsSync(join(userDataDir, 'User/settings.json'))) cs.writeUserSettings(userDataDir);
say(`installing the .vsix into ${extensionsDir}`);
cs.installVsix(entry, vsix, extensionsDir, userDataDir);

const logFile = join(state, 'code-server.log');
say(`starting code-server ${cs.CODE_SERVER_VERSION} on ${workspace} (log: ${logFile})`);
let server;
try {
  server = await cs.startCodeServer({ entry, workspace, extensionsDir, userDataDir, port, trust: !flag('--trust'), logFile, password: process.env.DOCKYARD_PASSWORD || undefined });
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}

console.log('');
console.log(`  Dockyard is running in VS Code (code-server) at:`);
console.log('');
console.log(`    ${server.folderUrl}`);
console.log('');
console.log('  Open it in a browser. Press Ctrl-C to stop.');
console.log(`  It listens on 127.0.0.1 only. From another machine: ssh -L ${new URL(server.url).port}:127.0.0.1:${new URL(server.url).port} <this host>`);
console.log(`  then open the same URL there. ${process.env.DOCKYARD_PASSWORD ? 'A password is required (DOCKYARD_PASSWORD).' : 'No password: anyone who can reach the port on this machine can use VS Code (and its terminal) as you; DOCKYARD_PASSWORD=… adds one.'}`);
console.log('');

let stopping = false;
const shutdown = async (sig) => {
  if (stopping) return;
  stopping = true;
  say(`${sig}: stopping code-server`);
  await server.stop();
  say('stopped');
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));
const { code, signal } = await server.exited;
if (!stopping) {
  console.error(`code-server exited on its own (code ${code}, signal ${signal}); last output:\n${server.log().slice(-4000)}`);
  await server.stop();
  process.exit(code || 1);
}
