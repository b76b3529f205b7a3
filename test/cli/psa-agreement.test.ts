// scripts/agreement/psa.mjs (issue #13): agreement with Pod Security Admission's test fixtures, run
// here on a small tree laid out like PSA's test/testdata with manifests written for this test (PSA's
// own fixtures are not vendored; the script runs on a checkout of them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../lsp/client';

const SCRIPT = path.join(ROOT, 'scripts/agreement/psa.mjs');

const pod = (name: string, spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
const BASE = '  containers:\n  - name: app\n    image: example.org/app:1.0\n';
const RESTRICTED =
  '  securityContext:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n' +
  BASE +
  '    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop: [ALL]\n';

function tree(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-psa-testdata-'));
  const put = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  // Below the versions --k8s-version takes: listed, not evaluated.
  put('baseline/v1.24/pass/base.yaml', pod('base', BASE));
  put('baseline/v1.36/pass/base.yaml', pod('base', BASE));
  put('baseline/v1.36/fail/hostnamespaces0.yaml', pod('hostnamespaces0', '  hostPID: true\n' + BASE));
  // A sysctl safe only from policy 1.37: PSA 1.36 rejects it, so this "pass" fixture disagrees.
  put('baseline/v1.36/pass/sysctls0.yaml', pod('sysctls0', '  securityContext:\n    sysctls:\n    - {name: net.ipv4.tcp_notsent_lowat, value: "16384"}\n' + BASE));
  put('baseline/v1.37/pass/sysctls0.yaml', pod('sysctls0', '  securityContext:\n    sysctls:\n    - {name: net.ipv4.tcp_notsent_lowat, value: "16384"}\n' + BASE));
  put('restricted/v1.37/pass/base.yaml', pod('base', RESTRICTED));
  put('restricted/v1.37/pass/windows0.yaml', pod('windows0', '  os: {name: windows}\n  securityContext:\n    runAsNonRoot: true\n' + BASE));
  put('restricted/v1.37/fail/allowprivilegeescalation0.yaml', pod('allowprivilegeescalation0', RESTRICTED.replace('allowPrivilegeEscalation: false', 'allowPrivilegeEscalation: true')));
  // Found, but by a baseline rule (privileged-container) as well as by its own check.
  put('restricted/v1.37/fail/privileged0.yaml', pod('privileged0', RESTRICTED.replace('      allowPrivilegeEscalation: false\n', '      privileged: true\n')));
  return dir;
}

function run(args: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('psa agreement: per level and version, the disagreement named with the rule that fired; exit 1', () => {
  const dir = tree();
  const json = path.join(dir, 'out.json');
  const r = run([dir, '--json', json]);
  assert.equal(r.code, 1, r.stderr);
  const rows = JSON.parse(fs.readFileSync(json, 'utf8')).rows as { level: string; version: string; kind: string; selectable: boolean; fixtures: number; agreeing: number; pass: number[]; fail: number[]; ownControl: number[]; disagreements: unknown[] }[];
  assert.deepEqual(
    rows.map((x) => [x.level, x.version, x.kind, x.selectable, x.fixtures, x.agreeing, x.pass, x.fail, x.ownControl]),
    [
      ['baseline', '1.24', 'pod', false, 1, 0, [0, 0], [0, 0], [0, 0]],
      ['baseline', '1.36', 'pod', true, 3, 2, [1, 2], [1, 1], [1, 1]],
      ['baseline', '1.37', 'pod', true, 1, 1, [1, 1], [0, 0], [0, 0]],
      ['restricted', '1.37', 'pod', true, 4, 4, [2, 2], [2, 2], [2, 2]],
    ],
  );
  assert.deepEqual(rows[1].disagreements, [{ file: 'baseline/v1.36/pass/sysctls0.yaml', kind: 'pod', expected: 'pass', rules: ['unsafe-sysctl'] }]);
  assert.match(r.stdout, /\| baseline \| 1\.36 \| pod \| 3 \| 2 \(66\.7%\) \| 1\/2 \| 1\/1 \| 1\/1 \|/);
  assert.match(r.stdout, /- baseline\/v1\.36\/pass\/sysctls0\.yaml: expected pass; Dockyard's PSS rules: unsafe-sysctl/);
  assert.match(r.stdout, /\| baseline \| 1\.24 \| pod \| 1 \| not selectable/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('psa agreement: --require judges only the named versions; --wrap lints each fixture as a workload template', () => {
  const dir = tree();
  const json = path.join(dir, 'out.json');
  const r = run([dir, '--versions', '1.37', '--require', '1.37', '--wrap', 'pod,cronjob', '--json', json]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const rows = JSON.parse(fs.readFileSync(json, 'utf8')).rows as { level: string; kind: string; agreeing: number; fixtures: number }[];
  assert.deepEqual(
    rows.map((x) => [x.level, x.kind, x.agreeing, x.fixtures]),
    [
      ['baseline', 'pod', 1, 1],
      ['baseline', 'cronjob', 1, 1],
      ['restricted', 'pod', 4, 4],
      ['restricted', 'cronjob', 4, 4],
    ],
  );
  assert.match(r.stdout, /No disagreements\./);
  assert.equal(run([dir, '--wrap', 'nosuchkind']).code, 2);
  fs.rmSync(dir, { recursive: true, force: true });
});
