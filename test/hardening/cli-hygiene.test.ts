// Issue #12: CLI hygiene. `dockyard … | head -1` ends quietly; --k8s-version accepts the versions
// Dockyard has data for, says which data a version falls back to, rejects the rest with the range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { checkKubernetesVersion } from '../../server/src/core/config/settings';

const ROOT = process.env.DOCKYARD_ROOT ?? path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });

test('lint | head -1: no EPIPE stack trace, the exit status of a process ended by SIGPIPE', () => {
  const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" lint --fail-on never --format sarif examples test/fixtures | head -1 >/dev/null`], { cwd: ROOT, encoding: 'utf8' });
  // The SARIF of examples/ and the fixtures is ~180 KB: far more than a pipe holds once head has left.
  assert.equal(r.stderr, '');
  assert.equal(r.status, 141);
});

test('--k8s-version: 1.25 to the newest are accepted; a schema fallback is said; others are usage errors naming the range', () => {
  assert.deepEqual(checkKubernetesVersion('1.35'), { version: '1.35' });
  assert.deepEqual(checkKubernetesVersion('v1.36.2'), { version: '1.36' });
  assert.deepEqual(checkKubernetesVersion('1.37'), { version: '1.37', schemaFrom: '1.36' });
  assert.deepEqual(checkKubernetesVersion('1.25'), { version: '1.25', schemaFrom: '1.35' });
  for (const bad of ['1.24', '1.50', '9.99', 'latest']) assert.ok('error' in checkKubernetesVersion(bad), bad);
  for (const bad of ['9.99', '1.50', '1.24']) {
    const r = cli('lint', '--k8s-version', bad, 'examples/deploy/insecure-pod.yaml');
    assert.equal(r.status, 2, bad);
    assert.match(r.stderr, new RegExp(`Kubernetes ${bad.replace('.', '\\.')} is not supported: Dockyard has data for 1\\.25 to 1\\.37`));
    assert.equal(r.stdout, '');
  }
  const ok = cli('lint', '--k8s-version', '1.30', '--fail-on', 'never', 'examples/deploy/insecure-pod.yaml');
  assert.equal(ok.status, 0);
  assert.match(ok.stderr, /^note: Kubernetes 1\.30: API lifecycle and Pod Security policy of 1\.30, schema of 1\.35 \(the nearest bundled\)\n$/);
});

test('lint --help and fix --help describe their own options', () => {
  const lint = cli('lint', '--help');
  assert.equal(lint.status, 0);
  assert.match(lint.stdout, /^Usage: dockyard lint/);
  assert.match(lint.stdout, /--jobs N/);
  const fix = cli('fix', '--help');
  assert.match(fix.stdout, /^Usage: dockyard fix/);
  assert.match(fix.stdout, /--unsafe/);
});
