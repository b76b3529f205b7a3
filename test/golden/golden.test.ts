// Golden comparison (issue #11): the findings (rule, range, message, severity) and every fix of every
// fixture and example, plus what `dockyard fix --dry-run` does to each group, compared with the
// snapshot in golden.json. The snapshot was first written by Dockyard 0.1 (before the core
// redesign); a change of behaviour shows as a diff of golden.json in the commit that makes it.
// Update on purpose: DOCKYARD_GOLDEN=update npm test -- golden
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintFolder } from './adapter';
import { spawnSync } from 'node:child_process';

const root = process.env.DOCKYARD_ROOT ?? path.resolve(__dirname, '../../..');
const GROUPS = [
  'examples',
  'test/fixtures/helm',
  'test/fixtures/loci',
  'test/fixtures/scaffold',
  'test/fixtures/security',
  'test/fixtures/golden',
  'test/e2e/fixtures/workspace',
];
const snapshotPath = path.join(root, 'test/golden/golden.json');

// The built CLI as a process (bundling cli.ts into a test would run its main).
async function cli(args: string[], cwd: string): Promise<string> {
  const r = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return r.stdout + r.stderr;
}

async function snapshot(): Promise<Record<string, unknown>> {
  const snap: Record<string, unknown> = {};
  for (const g of GROUPS) {
    const dir = path.join(root, g);
    if (!fs.existsSync(dir)) continue;
    snap[g] = { findings: await lintFolder(dir), fixDryRun: (await cli(['fix', '--dry-run', '--fail-on', 'never', '.'], dir)).split('\n') };
  }
  return snap;
}

test('golden: findings and fixes on every fixture and example match golden.json', async () => {
  const now = await snapshot();
  if (process.env.DOCKYARD_GOLDEN === 'update' || !fs.existsSync(snapshotPath)) {
    fs.writeFileSync(snapshotPath, JSON.stringify(now, null, 1) + '\n');
    if (process.env.CI) assert.fail('golden.json was missing in CI');
    return;
  }
  const before = JSON.parse(fs.readFileSync(snapshotPath, 'utf8'));
  for (const g of new Set([...Object.keys(before), ...Object.keys(now)])) {
    assert.deepEqual(now[g], before[g], `group ${g} differs from golden.json (DOCKYARD_GOLDEN=update to accept a deliberate change)`);
  }
});
