// `npm test`: type-check, then run every bundled test file with node's test runner. Prints the
// runner's own summary and a plain `N passed, N failed` line, so an empty run is visible.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', root, '--noEmit'], { stdio: 'inherit' });
if (tsc.status !== 0) {
  console.error('type-check failed');
  process.exit(tsc.status ?? 1);
}

const only = process.argv.slice(2);
const files = [];
const walk = (d) => {
  for (const e of readdirSync(d).sort()) {
    const p = join(d, e);
    if (statSync(p).isDirectory()) walk(p);
    else if (e.endsWith('.test.js')) files.push(p);
  }
};
if (existsSync(join(root, 'out/test'))) walk(join(root, 'out/test'));
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
if (!selected.length) {
  console.error('no test files found (did the build run?)');
  process.exit(1);
}
mkdirSync(join(root, 'out'), { recursive: true });
const tap = join(root, 'out/test-results.tap');
const r = spawnSync(
  process.execPath,
  ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...selected],
  { stdio: 'inherit', cwd: root, env: { ...process.env, DOCKYARD_ROOT: root } },
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
