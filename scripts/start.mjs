#!/usr/bin/env node
// `npm start`: Dockyard in a real VS Code in your browser.
//   build (production) → package the .vsix → ensure code-server (scripts/e2e/install-code-server.sh)
//   → install the .vsix into a fresh extensions folder → code-server on 127.0.0.1:<free port> with
//   the repository's examples/ folder → print the URL → run until Ctrl-C (stops code-server and
//   everything it started).
// Options:
//   --port N          listen on N instead of a free port (or PORT=N)
//   --workspace DIR   open DIR instead of examples/
//   --state DIR       extensions, user data, .vsix and log go here (default .e2e/start, gitignored)
//   --no-build        package the current dist/ as it is
//   --no-install      do not run the installer (fail if code-server is missing)
//   --trust           keep workspace trust on (the folder opens behind the trust dialog)
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
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
const known = new Set(['--port', '--workspace', '--state', '--no-build', '--no-install', '--trust', '--help', '-h']);
for (let i = 0; i < args.length; i++) {
  if (!known.has(args[i])) fail(`unknown option ${args[i]} (see --help)`);
  if (['--port', '--workspace', '--state'].includes(args[i])) i++;
}
if (flag('--help') || flag('-h')) {
  console.log('usage: npm start -- [--port N] [--workspace DIR] [--state DIR] [--no-build] [--no-install] [--trust]');
  process.exit(0);
}

const root = cs.repoRoot;
const state = resolve(opt('--state') ?? join(root, '.e2e/start'));
const workspace = resolve(opt('--workspace') ?? join(root, 'examples'));
const portArg = opt('--port') ?? process.env.PORT;
const port = portArg ? Number(portArg) : undefined;
if (portArg && !(Number.isInteger(port) && port > 0 && port < 65536)) fail(`bad port ${portArg}`);
if (!existsSync(workspace)) fail(`workspace folder ${workspace} does not exist`);

const t0 = Date.now();
const say = (m) => console.log(`[start +${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

if (!flag('--no-build')) {
  say('building (production)');
  const b = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--production'], { stdio: 'inherit', cwd: root });
  if (b.status !== 0) fail('build failed');
}
const vsix = join(state, `dockyard-${cs.packageVersion()}.vsix`);
say(`packaging ${vsix}`);
cs.packageVsix(vsix);

let entry = cs.codeServerEntry();
if (flag('--no-install')) {
  if (!entry) fail(`code-server is not installed in ${cs.e2eHome()}: run scripts/e2e/install-code-server.sh`);
} else {
  say('checking code-server, Chromium and their packages (scripts/e2e/install-code-server.sh)');
  entry = cs.runInstaller();
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
  server = await cs.startCodeServer({ entry, workspace, extensionsDir, userDataDir, port, trust: !flag('--trust'), logFile });
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}

console.log('');
console.log(`  Dockyard is running in VS Code (code-server) at:`);
console.log('');
console.log(`    ${server.folderUrl}`);
console.log('');
console.log('  Open it in a browser. Press Ctrl-C to stop.');
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
