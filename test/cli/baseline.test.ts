// Issue #17: baselines. `dockyard lint --write-baseline` records the current findings by
// fingerprints that survive unrelated edits; `--baseline` reports only new ones; `--prune-baseline`
// reports (and with --write-baseline removes) stale entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../lsp/client';

const CLI = path.join(ROOT, 'dist/cli.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of examples/ in a temporary folder. */
function examplesCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-baseline-'));
  fs.cpSync(path.join(ROOT, 'examples'), dir, { recursive: true });
  return dir;
}

function edit(file: string, fn: (s: string) => string): void {
  fs.writeFileSync(file, fn(fs.readFileSync(file, 'utf8')));
}

function findingLines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => /^\S+:\d+:\d+ /.test(l));
}

test('baseline on examples/: one added insecure line is the only finding reported', () => {
  const dir = examplesCopy();
  const w = run(['lint', '--write-baseline', 'dockyard-baseline.json', '.'], dir);
  assert.equal(w.code, 0, w.stderr);
  assert.match(w.stdout, /^baseline: 38 finding\(s\) recorded in dockyard-baseline\.json$/m);
  const data = JSON.parse(fs.readFileSync(path.join(dir, 'dockyard-baseline.json'), 'utf8'));
  assert.equal(data.version, 1);
  const priv = data.findings.find((e: { rule: string }) => e.rule === 'privileged-container');
  assert.deepEqual(priv, {
    rule: 'privileged-container',
    path: 'deploy/insecure-pod.yaml',
    object: 'Pod/openstack/debug-tools',
    at: 'spec.containers[tools].securityContext.privileged',
    container: 'tools',
    value: 'privileged: true',
    count: 1,
  });

  // Everything known: nothing reported, exit 0.
  const same = run(['lint', '--baseline', 'dockyard-baseline.json', '.'], dir);
  assert.equal(same.code, 0, same.stdout + same.stderr);
  assert.deepEqual(findingLines(same.stdout), []);
  assert.match(same.stderr, /baseline: 38 finding\(s\) recorded in dockyard-baseline\.json not shown/);

  // One insecure line more: exactly its finding.
  edit(path.join(dir, 'deploy/insecure-pod.yaml'), (s) => s.replace('  hostPID: true\n', '  hostPID: true\n  hostIPC: true\n'));
  const one = run(['lint', '--baseline', 'dockyard-baseline.json', '.'], dir);
  assert.equal(one.code, 1);
  assert.deepEqual(findingLines(one.stdout), ['deploy/insecure-pod.yaml:10:3 error host-namespace The pod uses the host\'s namespace (hostIPC: true).']);
});

test('baseline: lines inserted above every finding (and between them) leave it matching', () => {
  const dir = examplesCopy();
  assert.equal(run(['lint', '--write-baseline', 'b.json', '.'], dir).code, 0);
  const header = '# a comment added above everything\n# and another one\n\n';
  for (const f of ['deploy/insecure-pod.yaml', 'deploy/cinder-api.yaml', 'deploy/glance-api.yaml']) {
    // Above the whole file and inside each object, above its findings.
    edit(path.join(dir, f), (s) => header + s.replace(/^spec:\n/gm, '# the spec\nspec:\n').replace(/^(\s+)containers:\n/gm, '$1# containers\n$1containers:\n'));
  }
  edit(path.join(dir, 'images/insecure/Dockerfile'), (s) => s.replace('FROM ubuntu:latest\n', '# a comment\nFROM ubuntu:latest\nLABEL org.opencontainers.image.title=insecure\n'));
  const r = run(['lint', '--baseline', 'b.json', '--prune-baseline', '.'], dir);
  assert.deepEqual(findingLines(r.stdout), []);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stderr, /baseline: no stale entries/);
});

test('baseline: equal fingerprints are counted; stale entries are reported and pruned', () => {
  const dir = examplesCopy();
  assert.equal(run(['lint', '--write-baseline', 'b.json', '.'], dir).code, 0);
  const df = path.join(dir, 'images/insecure/Dockerfile');
  // The same ADD twice: the baseline holds one, the second is new.
  edit(df, (s) => s.replace('ADD https://example.com/tools.tar.gz /opt/\n', 'ADD https://example.com/tools.tar.gz /opt/\nADD https://example.com/tools.tar.gz /opt/\n'));
  const dup = run(['lint', '--baseline', 'b.json', '.'], dir);
  assert.deepEqual(findingLines(dup.stdout), ['images/insecure/Dockerfile:5:5 warning add-remote-url ADD downloads https://example.com/tools.tar.gz without --checksum: the content is not verified.']);

  // privileged: true removed: its entry is stale.
  edit(path.join(dir, 'deploy/insecure-pod.yaml'), (s) => s.replace('        privileged: true\n', ''));
  const stale = run(['lint', '--baseline', 'b.json', '--prune-baseline', '.'], dir);
  assert.match(stale.stderr, /^baseline: stale entry: privileged-container deploy\/insecure-pod\.yaml Pod\/openstack\/debug-tools spec\.containers\[tools\]\.securityContext\.privileged "privileged: true" \(x1\)$/m);
  const before = JSON.parse(fs.readFileSync(path.join(dir, 'b.json'), 'utf8')).findings.length;
  const pruned = run(['lint', '--baseline', 'b.json', '--prune-baseline', '--write-baseline', 'b.json', '.'], dir);
  assert.match(pruned.stderr, /baseline: 1 stale entr\(ies\) removed, written to b\.json/);
  const after = JSON.parse(fs.readFileSync(path.join(dir, 'b.json'), 'utf8')).findings;
  assert.equal(after.length, before - 1);
  assert.ok(!after.some((e: { rule: string }) => e.rule === 'privileged-container'));
  // The pruned baseline does not absorb the new duplicate ADD.
  assert.deepEqual(findingLines(run(['lint', '--baseline', 'b.json', '.'], dir).stdout).length, 1);
});

test('baseline: a file that is not a baseline, or --prune-baseline alone, is a usage error', () => {
  const dir = examplesCopy();
  fs.writeFileSync(path.join(dir, 'bad.json'), '{"findings": 3}');
  const bad = run(['lint', '--baseline', 'bad.json', '.'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /bad\.json is not a Dockyard baseline/);
  assert.equal(run(['lint', '--baseline', 'missing.json', '.'], dir).code, 2);
  const alone = run(['lint', '--prune-baseline', '.'], dir);
  assert.equal(alone.code, 2);
  assert.match(alone.stderr, /--prune-baseline needs --baseline FILE/);
});
