// Issue #17: the ready-made entries. The pre-commit hook's entry and the GitHub action's lint step
// are read from .pre-commit-hooks.yaml and action.yml and run locally, exactly as written (the
// action's `${{ inputs.* }}` filled from its defaults; no network, no docker).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../lsp/client';

const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

const DOCKERFILE = 'FROM ubuntu:latest\nRUN sudo apt-get update\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n';

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-ci-'));
  const files: Record<string, string> = { Dockerfile: DOCKERFILE, 'k8s/pod.yaml': POD, 'README.md': '# x\n', 'notes.txt': 'x\n', 'bindep.txt': 'gcc [platform:dpkg]\n' };
  for (const [p, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), text);
  }
  return dir;
}

/** A hook entry's command, with its first word resolved as npm resolves a package's bin. */
function command(entry: string): string[] {
  const [bin, ...rest] = entry.split(/\s+/);
  assert.ok(PKG.bin[bin], `package.json has no bin "${bin}"`);
  return [process.execPath, path.join(ROOT, PKG.bin[bin]), ...rest];
}

function lines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => /^\S+:\d+:\d+ /.test(l)).map((l) => l.split(' ').slice(0, 3).join(' '));
}

function ruleLines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => /^\S+:\d+:\d+ /.test(l)).map((l) => l.split(' ').slice(0, 3).join(' '));
}

test('pre-commit hooks: the files pattern picks Dockerfiles, manifests and bindep files; the entry lints them as one run', () => {
  const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; files: string; language: string; require_serial?: boolean }[];
  assert.deepEqual(hooks.map((h) => [h.id, h.language]), [['dockyard', 'node'], ['dockyard-system', 'system']]);
  const dir = workspace();
  for (const hook of hooks) {
    // pre-commit matches `files` (a Python regular expression, also valid in JavaScript) against the staged paths.
    const re = new RegExp(hook.files);
    const staged = ['Dockerfile', 'README.md', 'bindep.txt', 'k8s/pod.yaml', 'notes.txt', 'images/api/Dockerfile.ubuntu', 'values.yml', 'build.sh'].filter((p) => re.test(p));
    assert.deepEqual(staged, ['Dockerfile', 'bindep.txt', 'k8s/pod.yaml', 'images/api/Dockerfile.ubuntu', 'values.yml', 'build.sh'], hook.id);
    assert.equal(hook.require_serial, true);
    const present = staged.filter((p) => fs.existsSync(path.join(dir, p)));
    const [node, ...args] = command(hook.entry);
    const r = spawnSync(node, [...args, ...present], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(ruleLines(r.stdout), [
      'Dockerfile:1:6 warning root-user',
      'Dockerfile:1:6 warning unpinned-base-image',
      'Dockerfile:2:5 warning sudo-in-run',
      'Dockerfile:2:10 warning apt-update-without-install',
      'k8s/pod.yaml:5:1 information service-account-token',
      'k8s/pod.yaml:7:7 information missing-resource-limits',
      'k8s/pod.yaml:9:7 warning capabilities-not-dropped',
      'k8s/pod.yaml:9:7 warning privilege-escalation',
      'k8s/pod.yaml:9:7 warning run-as-root',
      'k8s/pod.yaml:9:7 warning seccomp-unconfined',
      'k8s/pod.yaml:9:7 information writable-root-filesystem',
      'k8s/pod.yaml:10:9 error privileged-container',
    ]);
  }
});

test('pre-commit entry without files lints what is staged in git (and nothing when nothing is)', () => {
  const dir = workspace();
  const git = (...a: string[]) => spawnSync('git', a, { cwd: dir, encoding: 'utf8' });
  assert.equal(git('init', '-q', '.').status, 0);
  const [node, ...args] = command('dockyard ci pre-commit');
  const none = spawnSync(node, args, { cwd: dir, encoding: 'utf8' });
  assert.equal(none.status, 0);
  assert.match(none.stdout, /^no staged files to lint$/m);
  assert.equal(git('add', 'k8s/pod.yaml').status, 0);
  const r = spawnSync(node, args, { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.ok(lines(r.stdout).every((l) => l.startsWith('k8s/pod.yaml:')), r.stdout);
  assert.match(r.stdout, /^1 file, 1 error/m);
});

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  if?: string;
}

test('action.yml: the lint step writes the SARIF the upload step reads and fails as configured', () => {
  const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }>; runs: { using: string; steps: Step[] } };
  assert.equal(action.runs.using, 'composite');
  const steps = action.runs.steps;
  const lint = steps.find((s) => s.id === 'lint')!;
  const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
  assert.ok(lint && upload, 'a lint step and an upload-sarif step');
  assert.ok(steps.indexOf(upload) > steps.indexOf(lint));
  const run = (inputs: Record<string, string>) => {
    const values = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default])), ...inputs };
    const expr = (s: string) => s.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, k: string) => values[k] ?? '');
    const env = Object.fromEntries(Object.entries(lint.env ?? {}).map(([k, v]) => [k, expr(v)]));
    const dir = workspace();
    const r = spawnSync('bash', ['--noprofile', '--norc', '-c', lint.run!], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', GITHUB_ACTION_PATH: ROOT, ...env } });
    return { r, dir, sarif: path.join(dir, expr(upload.with!.sarif_file)) };
  };
  const a = run({ paths: 'k8s Dockerfile' });
  assert.equal(a.r.status, 1, a.r.stderr);
  assert.ok(lines(a.r.stdout).includes('k8s/pod.yaml:10:9 error privileged-container') && lines(a.r.stdout).includes('Dockerfile:2:5 warning sudo-in-run'), a.r.stdout);
  const sarif = JSON.parse(fs.readFileSync(a.sarif, 'utf8'));
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs[0].results.length, lines(a.r.stdout).length);
  assert.ok(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'privileged-container'));
  assert.match(a.r.stderr, /SARIF written to dockyard\.sarif/);

  // fail-on never and extra lint options pass through; the SARIF goes where sarif-file says.
  const b = run({ 'fail-on': 'never', args: '--pss baseline', 'sarif-file': 'out/report.sarif', paths: 'k8s' });
  assert.equal(b.r.status, 0, b.r.stderr);
  fs.accessSync(b.sarif);
  assert.ok(b.sarif.endsWith(path.join('out', 'report.sarif')));
});
