// scripts/agreement/peers.mjs (issue #13): Dockyard over Polaris' and kube-linter's own test manifests.
// The peers' checkouts are stood in for by small trees written here, laid out as theirs are (Polaris:
// test/checks/<check>/success*.yaml / failure*.yaml; kube-linter: e2etests/bats-tests.sh naming
// tests/checks/<file>.yml and its expected reports). No peer file is copied and nothing is fetched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../lsp/client';

const SCRIPT = path.join(ROOT, 'scripts/agreement/peers.mjs');

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-peers-'));
  for (const [p, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), text);
  }
  return dir;
}

const pod = (name: string, extra: string, container = 'web') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${extra}  containers:\n    - name: ${container}\n      image: registry.example/web:1.4\n`;
const workload = (kind: string, apiVersion: string, name: string, container: string, hostPID: boolean) =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      hostPID: ${hostPID}\n      containers:\n        - name: ${container}\n          image: registry.example/${container}:2.0\n`;

const POLARIS = {
  'test/checks/hostPIDSet/success.yaml': pod('quiet', ''),
  'test/checks/hostPIDSet/failure.yaml': pod('nosy', '  hostPID: true\n'),
  // Written by Polaris' fixes, not an input: never read.
  'test/checks/hostPIDSet/mutated.yaml': pod('nosy', '  hostPID: true\n'),
  // Expected to fail, but nothing in it shares the host's processes: a disagreement.
  'test/checks/hostPIDSet/failure.other.yaml': pod('other', '  hostPID: false\n'),
  'test/checks/insecureCapabilities/success.mixed-case.yaml': pod('caps', '').replace('      image: registry.example/web:1.4\n', '      image: registry.example/web:1.4\n      securityContext:\n        capabilities:\n          drop: [All]\n'),
  'test/checks/insecureCapabilities/check.yaml': 'not: a manifest\n',
};

const BATS = `#!/usr/bin/env bats

@test "host-pid" {
  tmp="tests/checks/host-pid.yml"
  cmd="\${KUBE_LINTER_BIN} lint --include host-pid --do-not-auto-add-defaults --format json \${tmp}"
  run \${cmd}

  [ "$status" -eq 1 ]

  message1=$(get_value_from "\${lines[0]}" '.Reports[0].Object.K8sObject.GroupVersionKind.Kind + ": " + .Reports[0].Diagnostic.Message')
  count=$(get_value_from "\${lines[0]}" '.Reports | length')

  [[ "\${message1}" == "Deployment: container \\"api\\" shares the host's process namespace" ]]
  [[ "\${count}" == "1" ]]
}

@test "unrelated" {
  tmp="tests/checks/unrelated.yml"
  cmd="\${KUBE_LINTER_BIN} lint --include no-such-check --do-not-auto-add-defaults --format json \${tmp}"
}
`;

const KUBE_LINTER = {
  'e2etests/bats-tests.sh': BATS,
  'tests/checks/host-pid.yml': [
    workload('Deployment', 'apps/v1', 'dont-fire', 'api', false),
    // Same kind and container name: the report goes to it only because it names container "api" of the object Dockyard reports.
    workload('Deployment', 'apps/v1', 'fire', 'api', true),
    // kube-linter expects one report: Dockyard's finding on this one is a disagreement.
    workload('DeploymentConfig', 'apps.openshift.io/v1', 'also', 'worker', true),
  ].join('---\n'),
};

test('peer agreement: per file for Polaris, per object for kube-linter, documented differences marked, --strict fails on the others', () => {
  const polaris = tree(POLARIS);
  const kubeLinter = tree(KUBE_LINTER);
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-peers-out-')), 'r.json');
  const args = [SCRIPT, '--polaris', polaris, '--kube-linter', kubeLinter, '--check', 'hostPIDSet', '--check', 'insecureCapabilities', '--check', 'host-pid', '--json', out, '--strict'];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  // --strict: cases differ under checks without a documented difference.
  assert.equal(r.status, 1, r.stderr);
  const { rows } = JSON.parse(fs.readFileSync(out, 'utf8')) as {
    rows: { peer: string; check: string; rules: string[]; files: number; cases: number; agree: number; documented?: string; disagreements: { file: string; object?: string; expected: string; dockyard: string[] }[] }[];
  };
  const brief = rows.map((x) => [x.peer, x.check, x.rules.join(','), x.files, x.cases, x.agree, !!x.documented]);
  assert.deepEqual(brief, [
    ['polaris', 'hostPIDSet', 'host-namespace', 3, 3, 2, false],
    ['polaris', 'insecureCapabilities', 'capabilities-not-dropped', 1, 1, 0, true],
    ['kube-linter', 'host-pid', 'host-namespace', 1, 3, 2, false],
  ]);
  assert.deepEqual(rows[0].disagreements, [{ file: 'test/checks/hostPIDSet/failure.other.yaml', expected: 'failure (a finding)', dockyard: ['no finding of host-namespace'] }]);
  assert.deepEqual(rows[1].disagreements.map((d) => [d.file, d.expected, d.dockyard.length]), [['test/checks/insecureCapabilities/success.mixed-case.yaml', 'success (no finding)', 1]]);
  assert.match(rows[1].disagreements[0].dockyard[0], /^capabilities-not-dropped \(line 11\): Container "web" does not drop ALL capabilities\.$/);
  assert.deepEqual(rows[2].disagreements.map((d) => [d.file, d.object, d.expected]), [['tests/checks/host-pid.yml', 'DeploymentConfig also (line 25)', 'no report']]);
  assert.match(r.stdout, /^\| polaris \| hostPIDSet \| host-namespace \| 3 \| 3 \| 2 \| 1 \|  \|$/m);
  assert.match(r.stdout, /^4 of 7 cases agree \(polaris: a file; kube-linter: an object\); 1 differ under a check whose difference the rule documents \(docs\/rules\.md\), 2 under one it does not\.$/m);

  // Only the documented difference left: --strict passes.
  const ok = spawnSync(process.execPath, [SCRIPT, '--polaris', polaris, '--check', 'insecureCapabilities', '--strict'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
});

test('peer agreement: a checkout without the peer\'s test layout is a usage error, not an empty agreement', () => {
  const empty = tree({ 'README.md': 'nothing here\n' });
  const r = spawnSync(process.execPath, [SCRIPT, '--polaris', empty], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no test\/checks folder/);
});
