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

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-cli-mig-'));
  for (const [p, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), text);
  }
  return dir;
}

const DOCKERFILE = [
  'FROM ubuntu:24.04',
  '# hadolint ignore=DL3008,SC2086 # the mirror pins versions',
  'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
  'USER app',
  'CMD echo hi',
  '',
].join('\n');

test('lint --explain-suppressions: text lists each suppression (file:line, tool, code → rule, reason) and what it silenced', () => {
  const dir = workspace({ '.git/HEAD': 'ref', '.hadolint.yaml': 'ignored:\n  - DL3025\n', 'img/Dockerfile': DOCKERFILE });
  const r = run(['lint', '--explain-suppressions', 'img'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    r.stdout,
    [
      'img/Dockerfile:2:1 hint unknown-code-in-suppression hadolint check SC2086 has no Dockyard equivalent: this part of the suppression silences nothing in Dockyard.',
      '1 file, 0 errors, 0 warnings, 1 info',
      'Suppressed (2 findings):',
      'img/Dockerfile:2 hadolint comment: DL3008 → unpinned-os-package; SC2086 → no Dockyard equivalent (reason: the mirror pins versions)',
      '  img/Dockerfile:3:66 information unpinned-os-package apt-get install installs curl without a version (write <package>=<version>).',
      '.hadolint.yaml:2 hadolint config: DL3025 → cmd-shell-form (reason: migrated from hadolint)',
      '  img/Dockerfile:5:5 warning cmd-shell-form CMD in shell form runs under /bin/sh -c, which does not pass signals on; use the JSON form.',
      '',
    ].join('\n'),
  );
  // Without the flag: the same findings, no explanation.
  assert.ok(!run(['lint', 'img'], dir).stdout.includes('Suppressed'));
});

test('lint --explain-suppressions --format json: a `suppressed` list per file', () => {
  const dir = workspace({ '.git/HEAD': 'ref', 'img/Dockerfile': DOCKERFILE });
  const r = run(['lint', '--explain-suppressions', '--format', 'json', 'img'], dir);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.files[0].suppressed, [
    {
      rule: 'unpinned-os-package',
      severity: 'information',
      message: 'apt-get install installs curl without a version (write <package>=<version>).',
      range: { start: { line: 2, character: 65 }, end: { line: 2, character: 69 } },
      by: { file: 'img/Dockerfile', line: 2, tool: 'hadolint', form: 'comment', codes: ['DL3008'], reason: 'the mirror pins versions', migrated: true },
    },
  ]);
  const plain = JSON.parse(run(['lint', '--format', 'json', 'img'], dir).stdout);
  assert.equal(plain.files[0].suppressed, undefined);
});

test('dockyard rules --format json: ids, severities, categories, fix tiers and equivalents', () => {
  const dir = workspace({});
  const r = run(['rules', '--format', 'json'], dir);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { version: number; rules: { id: string; category: string; defaultSeverity: string; fixTiers: string[]; equivalents: string[]; summary: string }[] };
  assert.equal(out.version, 1);
  const byId = new Map(out.rules.map((x) => [x.id, x]));
  assert.deepEqual(byId.get('cmd-shell-form'), {
    id: 'cmd-shell-form',
    category: 'dockerfile',
    defaultSeverity: 'warning',
    fixTiers: ['review'],
    equivalents: ['hadolint:DL3025', 'buildkit:JSONArgsRecommended'],
    summary: 'CMD or ENTRYPOINT in shell form instead of the JSON (exec) form.',
    docs: 'https://github.com/dockyard-dev/dockyard/blob/main/docs/rules.md#cmd-shell-form',
  });
  assert.equal(byId.get('privileged-container')!.defaultSeverity, 'error');
  assert.ok(byId.get('privileged-container')!.equivalents.includes('kube-linter:privileged-container'));
  assert.deepEqual(byId.get('unknown-code-in-suppression')!.fixTiers, []);
  const text = run(['rules'], dir);
  assert.ok(text.stdout.includes('cmd-shell-form warning dockerfile fix:review [hadolint:DL3025, buildkit:JSONArgsRecommended] — CMD or ENTRYPOINT in shell form instead of the JSON (exec) form.\n'));
  assert.match(text.stdout, new RegExp(`\\n${out.rules.length} rules\\n$`));
  assert.equal(run(['rules', '--format', 'sarif'], dir).code, 2);
});
