// Issue #17: older clusters. Every Kubernetes version from 1.25 to the newest selects its own API
// lifecycle and Pod Security policy; the schema falls back to the nearest bundled one, and says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { lint, only, r } from '../../helpers';
import { parseConfigObject } from '../../../server/src/core/config/config';
import { format } from '../../../server/src/core/messages/catalog';
import { ROOT } from '../../lsp/client';

const PSP = `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: restricted
spec:
  privileged: false
`;

const SYSCTL_POD = `apiVersion: v1
kind: Pod
metadata:
  name: s
spec:
  securityContext:
    sysctls:
      - name: net.ipv4.tcp_keepalive_time
        value: "60"
      - name: net.ipv4.tcp_rmem
        value: "4096 87380 16777216"
      - name: net.ipv4.tcp_slow_start_after_idle
        value: "0"
  containers:
    - name: a
      image: nginx:1.27
`;

test('1.25: policy/v1beta1 PodSecurityPolicy is removed (and at every later version)', () => {
  for (const version of ['1.25', '1.28', '1.36']) {
    const f = only(lint(PSP, '/ws/psp.yaml', { kubernetes: { version } }), 'removed-api');
    assert.equal(f.length, 1, version);
    assert.deepEqual(r(f[0]), [0, 12, 0, 26]);
    assert.equal(f[0].severity, 'error');
    assert.match(format(f[0].message), new RegExp(`^policy/v1beta1 PodSecurityPolicy is not served since Kubernetes 1\\.25 \\(selected: ${version.replace('.', '\\.')}\\) and has no replacement\\.`));
  }
});

test('Pod Security results follow the selected version (safe sysctls grew in 1.29, 1.32 and 1.37)', () => {
  const unsafe = (version: string) => only(lint(SYSCTL_POD, '/ws/pod.yaml', { kubernetes: { version } }), 'unsafe-sysctl').map((f) => [f.range.start.line, (f.message.args as { name?: string; sysctl?: string }) ?? {}]).map(([line]) => line);
  assert.deepEqual(unsafe('1.25'), [7, 9, 11]);
  assert.deepEqual(unsafe('1.28'), [7, 9, 11]);
  assert.deepEqual(unsafe('1.29'), [9, 11]);
  assert.deepEqual(unsafe('1.32'), [11]);
  assert.deepEqual(unsafe('1.36'), [11]);
  assert.deepEqual(unsafe('1.37'), []);
});

test('.dockyard.yaml kubernetes.version: 1.25-1.37 accepted, the schema fallback said; 1.24 and unquoted numbers are problems', () => {
  const ok = parseConfigObject({ kubernetes: { version: '1.28' } });
  assert.equal(ok.config.kubernetes?.version, '1.28');
  assert.deepEqual(ok.problems, [{ id: 'core.config.k8sSchemaFallback', args: { version: '1.28', schema: '1.35' } }]);
  assert.deepEqual(parseConfigObject({ kubernetes: { version: '1.36' } }).problems, []);
  const old = parseConfigObject({ kubernetes: { version: '1.24' } });
  assert.equal(old.config.kubernetes?.version, undefined);
  assert.deepEqual(old.problems, [{ id: 'core.config.badK8sVersion', args: { value: '1.24', oldest: '1.25', newest: '1.37' } }]);
  assert.equal(parseConfigObject({ kubernetes: { version: 1.3 } }).problems[0].id, 'core.config.badK8sVersion');
  assert.equal(parseConfigObject({ kubernetes: { version: 1.27 } }).config.kubernetes?.version, '1.27');
});

test('CLI: --k8s-version 1.25 reports PodSecurityPolicy as removed with the schema note; a .dockyard.yaml version is used and its fallback noted', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-k8s-'));
  fs.writeFileSync(path.join(dir, 'psp.yaml'), PSP);
  const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], { cwd: dir, encoding: 'utf8' });
  const a = cli('lint', '--k8s-version', '1.25', 'psp.yaml');
  assert.equal(a.status, 1);
  assert.match(a.stdout, /^psp\.yaml:1:13 error removed-api policy\/v1beta1 PodSecurityPolicy is not served since Kubernetes 1\.25 \(selected: 1\.25\)/m);
  assert.match(a.stderr, /^note: Kubernetes 1\.25: API lifecycle and Pod Security policy of 1\.25, schema of 1\.35 \(the nearest bundled\)$/m);
  const b = cli('lint', '--k8s-version', '1.24', 'psp.yaml');
  assert.equal(b.status, 2);
  assert.match(b.stderr, /Kubernetes 1\.24 is not supported: Dockyard has data for 1\.25 to 1\.37/);
  fs.writeFileSync(path.join(dir, '.dockyard.yaml'), 'kubernetes:\n  version: "1.26"\n');
  const c = cli('lint', 'psp.yaml');
  assert.match(c.stdout, /\(selected: 1\.26\)/);
  assert.match(c.stderr, /^\.dockyard\.yaml: note: kubernetes\.version 1\.26: API lifecycle and Pod Security policy of 1\.26, schema of 1\.35 \(the nearest bundled\)$/m);
});
