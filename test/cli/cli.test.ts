import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../lsp/client';

const CLI = path.join(ROOT, 'dist/cli.js');

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
    - name: app # main container
      image: nginx:1.27
      securityContext:
        privileged: true
`;

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-cli-'));
  for (const [p, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), text);
  }
  return dir;
}

test('lint text output, 1-based positions, exit 1 on an error', () => {
  const dir = workspace({ 'k8s/pod.yaml': POD, 'notes.txt': 'ignored' });
  const r = run(['lint', '.'], dir);
  assert.equal(r.code, 1);
  const first = r.stdout.split('\n').find((l) => l.includes('privileged-container'));
  assert.equal(first, 'k8s/pod.yaml:10:9 error privileged-container Container "app" runs privileged (securityContext.privileged: true).');
});

test('lint exit 0 when nothing is at or above --fail-on, and --fail-on never', () => {
  const dir = workspace({ 'ok.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: {}\n', 'pod.yaml': POD });
  assert.equal(run(['lint', 'ok.yaml'], dir).code, 0);
  assert.equal(run(['lint', '--fail-on', 'never', 'pod.yaml'], dir).code, 0);
});

test('JSON output has the documented shape with 0-based ranges', () => {
  const dir = workspace({ 'pod.yaml': POD });
  const r = run(['lint', '--format', 'json', 'pod.yaml', './pod.yaml', dir], dir);
  const j = JSON.parse(r.stdout);
  assert.equal(j.version, 1);
  assert.equal(j.files.length, 1, 'a file named twice and reached through its folder is reported once');
  assert.equal(j.files[0].path, 'pod.yaml');
  const d = j.files[0].diagnostics.find((x: { rule: string }) => x.rule === 'privileged-container');
  assert.deepEqual(d, {
    rule: 'privileged-container',
    severity: 'error',
    message: 'Container "app" runs privileged (securityContext.privileged: true).',
    range: { start: { line: 9, character: 8 }, end: { line: 9, character: 24 } },
    fixable: true,
  });
});

test('SARIF 2.1.0 with one rule per id and 1-based regions', () => {
  const dir = workspace({ 'pod.yaml': POD });
  const s = JSON.parse(run(['lint', '--format=sarif', 'pod.yaml'], dir).stdout);
  assert.equal(s.version, '2.1.0');
  const run0 = s.runs[0];
  assert.equal(run0.tool.driver.name, 'dockyard');
  const ids = run0.tool.driver.rules.map((x: { id: string }) => x.id);
  assert.deepEqual(ids, [...new Set(ids)].sort());
  const rule = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'privileged-container');
  assert.match(rule.helpUri, /#privileged-container$/);
  assert.ok(rule.help.text.length > 20);
  const res = run0.results.find((x: { ruleId: string }) => x.ruleId === 'privileged-container');
  assert.equal(res.level, 'error');
  assert.equal(run0.tool.driver.rules[res.ruleIndex].id, 'privileged-container');
  assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 10, startColumn: 9, endLine: 10, endColumn: 25 });
  assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'pod.yaml');
});

test('usage errors and unreadable paths exit 2 with a message; other paths still reported', () => {
  const dir = workspace({ 'pod.yaml': POD });
  const bad = run(['lint', '--format', 'xml', 'pod.yaml'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /invalid value "xml" for --format/);
  assert.equal(run(['lint', '--bogus'], dir).code, 2);
  assert.equal(run(['frobnicate'], dir).code, 2);
  const missing = run(['lint', 'nope.yaml', 'pod.yaml'], dir);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read nope\.yaml: ENOENT/);
  assert.match(missing.stdout, /privileged-container/);
});

test('fix applies quick fixes in place keeping comments; --dry-run prints a diff and writes nothing', () => {
  const dir = workspace({ 'pod.yaml': POD });
  // Plain fix: the safe tier only (seccomp RuntimeDefault); privileged is a review fix.
  const safe = run(['fix', '--dry-run', 'pod.yaml'], dir);
  assert.match(safe.stdout, /^\+      type: RuntimeDefault$/m);
  assert.doesNotMatch(safe.stdout, /privileged: false/);
  assert.match(safe.stdout, /fixes need review and were not applied \(--unsafe applies them\)/);
  const dry = run(['fix', '--unsafe', '--dry-run', 'pod.yaml'], dir);
  assert.match(dry.stdout, /^-        privileged: true$/m);
  assert.match(dry.stdout, /^\+        privileged: false$/m);
  assert.equal(fs.readFileSync(path.join(dir, 'pod.yaml'), 'utf8'), POD);
  assert.equal(run(['fix', '--rule', 'privileged-container', 'pod.yaml'], dir).stdout.split('\n')[0], 'no fixable findings');
  assert.equal(fs.readFileSync(path.join(dir, 'pod.yaml'), 'utf8'), POD);
  const r = run(['fix', '--unsafe', '--rule', 'privileged-container', 'pod.yaml'], dir);
  assert.match(r.stdout, /pod\.yaml: applied 1 fix\b/);
  assert.equal(fs.readFileSync(path.join(dir, 'pod.yaml'), 'utf8'), POD.replace('privileged: true', 'privileged: false'));
  assert.equal(JSON.parse(run(['lint', '--format', 'json', 'pod.yaml'], dir).stdout).files[0].diagnostics.filter((d: { rule: string }) => d.rule === 'privileged-container').length, 0);
});

test('.dockyard.yaml found upward turns a rule off; --config and --pss override', () => {
  const dir = workspace({ '.dockyard.yaml': 'rules:\n  privileged-container: off\n', 'a/b/pod.yaml': POD, 'other.yaml': 'rules:\n  privileged-container: warning\n' });
  assert.equal(run(['lint', 'a'], dir).code, 0);
  const w = run(['lint', '--config', 'other.yaml', '--format', 'json', 'a'], dir);
  const d = JSON.parse(w.stdout).files[0].diagnostics.find((x: { rule: string }) => x.rule === 'privileged-container');
  assert.equal(d.severity, 'warning');
});

test('--lang zh-cn renders catalog messages in Chinese where translated; ids unchanged', () => {
  const dir = workspace({ 'ok.yaml': 'a: 1\n' });
  const r = run(['lint', '--lang', 'zh-cn', 'ok.yaml'], dir);
  assert.equal(r.stdout.trim(), '1 个文件，未发现问题');
});

test('.gitignore and node_modules are skipped when walking', () => {
  const dir = workspace({ '.gitignore': 'build/\n*.gen.yaml\n', 'build/pod.yaml': POD, 'x.gen.yaml': POD, 'node_modules/m/pod.yaml': POD, 'keep/pod.yaml': POD });
  const j = JSON.parse(run(['lint', '--format', 'json', '.'], dir).stdout);
  assert.deepEqual(j.files.map((f: { path: string }) => f.path), ['keep/pod.yaml']);
});

test('binary and non-UTF-8 files give a clear finding, not a crash', () => {
  const dir = workspace({ 'ok.yaml': 'a: 1\n' });
  fs.writeFileSync(path.join(dir, 'bin.yaml'), Buffer.from([0x61, 0x3a, 0x00, 0xff, 0xfe, 0x01]));
  fs.writeFileSync(path.join(dir, 'latin.yaml'), Buffer.from('name: caf\xe9\n', 'latin1'));
  const j = JSON.parse(run(['lint', '--format', 'json', '.'], dir).stdout);
  const by = Object.fromEntries(j.files.map((f: { path: string; diagnostics: { rule: string }[] }) => [f.path, f.diagnostics.map((d) => d.rule)]));
  assert.deepEqual(by['bin.yaml'], ['binary-file']);
  assert.deepEqual(by['latin.yaml'], ['file-encoding']);
});

test('fix --help describes the tiers; fix keeps a BOM and leaves a file that is not UTF-8 alone', () => {
  const dir = workspace({ 'pod.yaml': POD });
  const help = run(['fix', '--help'], dir);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: dockyard fix /);
  assert.match(help.stdout, /--unsafe/);
  fs.writeFileSync(path.join(dir, 'pod.yaml'), '\uFEFF' + POD);
  fs.writeFileSync(path.join(dir, 'latin1.yaml'), Buffer.from(POD.replace('demo', 'd\xe9mo'), 'latin1'));
  const latin1 = fs.readFileSync(path.join(dir, 'latin1.yaml'));
  const r = run(['fix', '--fail-on', 'never', '.'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /latin1\.yaml: not valid UTF-8, left as it is/);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'latin1.yaml')), latin1);
  const fixed = fs.readFileSync(path.join(dir, 'pod.yaml'), 'utf8');
  assert.ok(fixed.startsWith('\uFEFFapiVersion: v1\n'), 'BOM kept');
  assert.match(fixed, /type: RuntimeDefault/);
  assert.match(fixed, /privileged: true/, 'a review fix is not applied without --unsafe');
});
