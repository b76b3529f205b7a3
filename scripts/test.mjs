// `npm test`: type-check, then run every bundled test file with node's test runner, except the
// real-editor suites (test/e2e, test/vscode). `npm run test:e2e` (`--e2e`) runs only those, with
// missing prerequisites a failure (DOCKYARD_E2E=1). Prints the runner's own summary and a plain
// `N passed, N failed` line, so an empty run is visible. Other arguments select files by substring
// (of a bundle's path or of a test file it holds).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const e2e = argv.includes('--e2e');
const only = argv.filter((a) => a !== '--e2e');
const isEditorSuite = (f) => /[\\/]out[\\/]test[\\/](e2e|vscode)[\\/]/.test(f);

// The type-check belongs to the fast suite (the editor suites run the same, already checked code).
if (!e2e) {
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', root, '--noEmit'], { stdio: 'inherit' });
  if (tsc.status !== 0) {
    console.error('type-check failed');
    process.exit(tsc.status ?? 1);
  }
}

const files = [];
const walk = (d) => {
  for (const e of readdirSync(d).sort()) {
    const p = join(d, e);
    if (statSync(p).isDirectory()) walk(p);
    else if (e.endsWith('.test.js')) files.push(p);
  }
};
if (existsSync(join(root, 'out/test'))) walk(join(root, 'out/test'));
// A folder's test files are one bundle (scripts/build.mjs); its first line names them, so a
// selection by a test file's name runs the bundle that holds it.
const members = (f) => {
  const fd = openSync(f, 'r');
  const head = Buffer.alloc(4096);
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const first = head.toString('utf8', 0, n).split('\n', 1)[0];
  return first.startsWith('// dockyard test group: ') ? first.slice('// dockyard test group: '.length).split(' ') : [];
};
const selected = files.filter((f) => isEditorSuite(f) === e2e && (!only.length || only.some((o) => f.includes(o) || members(f).some((m) => m.includes(o)))));
if (!selected.length) {
  console.error('no test files found (did the build run?)');
  process.exit(1);
}
mkdirSync(join(root, 'out'), { recursive: true });
const tap = join(root, e2e ? 'out/test-results-e2e.tap' : 'out/test-results.tap');
const r = spawnSync(
  process.execPath,
  // One test file per core (node's default leaves one core idle); the editor suites run one at a time.
  ['--test', `--test-concurrency=${e2e ? 1 : Math.max(2, availableParallelism())}`, '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...selected],
  { stdio: 'inherit', cwd: root, env: { ...process.env, DOCKYARD_ROOT: root, ...(e2e ? { DOCKYARD_E2E: '1' } : {}) } },
);
let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(tap)) {
  const t = readFileSync(tap, 'utf8');
  passed = Number(/^# pass (\d+)/m.exec(t)?.[1] ?? 0);
  failed = Number(/^# fail (\d+)/m.exec(t)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(t)?.[1] ?? 0);
  skipped = Number(/^# skipped (\d+)/m.exec(t)?.[1] ?? 0);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(r.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
