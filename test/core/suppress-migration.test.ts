import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, type HostContext } from '../../server/src/core/engine';
import { createRegistry } from '../../server/src/core/rules';
import { mergeConfig, type PartialConfig } from '../../server/src/core/config/config';
import type { Finding } from '../../server/src/core/types';
import { only, r } from '../helpers';

/** Migrated suppressions (issue #14): hadolint pragmas and config, kube-linter and Polaris annotations. */
function analyze(text: string, path: string, config: PartialConfig = {}, extra: { hadolint?: { path: string; text: string }; host?: HostContext } = {}) {
  const a = new Analyzer(createRegistry(), (rule, _p, e) => {
    throw new Error(`rule ${rule} threw: ${String(e)}`);
  });
  return a.analyze({ path, text, hadolintConfig: extra.hadolint ? () => extra.hadolint : undefined }, mergeConfig(config), extra.host);
}
const ids = (fs: Finding[]) => fs.map((f) => f.rule).sort();

const APT = 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*';

test('hadolint ignore= silences the mapped rules on the next instruction only, with the trailing comment as reason', () => {
  const text = ['FROM ubuntu:24.04', '# hadolint ignore=DL3008,DL3015 # the mirror pins versions', APT, APT, 'USER app', ''].join('\n');
  const a = analyze(text, '/ws/Dockerfile');
  // Line 2 is silenced; the same instruction on line 3 is not (hadolint: the next line only).
  assert.deepEqual(only(a.findings, 'unpinned-os-package').map((f) => f.range.start.line), [3]);
  assert.deepEqual(only(a.findings, 'apt-install-recommends').map((f) => f.range.start.line), [3]);
  assert.deepEqual(
    a.silenced!.map((x) => [x.finding.rule, x.finding.range.start.line, x.by.tool, x.by.form, x.by.line, x.by.reason]).sort(),
    [
      ['apt-install-recommends', 2, 'hadolint', 'comment', 1, 'the mirror pins versions'],
      ['unpinned-os-package', 2, 'hadolint', 'comment', 1, 'the mirror pins versions'],
    ],
  );
  assert.deepEqual(a.silenced![0].by.codes, [
    { code: 'DL3008', rules: ['unpinned-os-package'] },
    { code: 'DL3015', rules: ['apt-install-recommends'] },
  ]);
  // A migrated pragma counts as a suppression with a reason: nothing about it is reported.
  assert.equal(only(a.findings, 'suppression-without-reason').length, 0);
});

test('hadolint ignore= with another comment line in between does not apply (as in hadolint)', () => {
  const text = ['FROM ubuntu:24.04', '# hadolint ignore=DL3008', '# install curl', APT, 'USER app', ''].join('\n');
  assert.deepEqual(only(analyze(text, '/ws/Dockerfile').findings, 'unpinned-os-package').map((f) => f.range.start.line), [3]);
});

test('hadolint global ignore= silences the file; stage ignore= the stage after it', () => {
  const global = ['# hadolint global ignore=DL3008', 'FROM ubuntu:24.04 AS a', APT, 'FROM ubuntu:24.04', APT, 'USER app', ''].join('\n');
  assert.equal(only(analyze(global, '/ws/Dockerfile').findings, 'unpinned-os-package').length, 0);
  const stage = ['FROM ubuntu:24.04 AS a', APT, '# hadolint stage ignore=DL3008', 'FROM ubuntu:24.04', APT, 'COPY --from=a /x /x', 'USER app', ''].join('\n');
  const a = analyze(stage, '/ws/Dockerfile');
  assert.deepEqual(only(a.findings, 'unpinned-os-package').map((f) => f.range.start.line), [1]);
  assert.deepEqual(a.silenced!.map((x) => [x.finding.rule, x.finding.range.start.line, x.by.form]), [['unpinned-os-package', 4, 'stage-comment']]);
});

test('a hadolint code no rule maps to is a hint at the pragma; a ShellCheck code too', () => {
  const text = ['FROM ubuntu:24.04', '# hadolint ignore=DL3008,SC2086,DL9999', APT, 'USER app', ''].join('\n');
  const hints = only(analyze(text, '/ws/Dockerfile').findings, 'unknown-code-in-suppression');
  assert.deepEqual(hints.map((f) => [f.severity, r(f), f.message.args]), [
    ['hint', [1, 0, 1, 38], { tool: 'hadolint', code: 'SC2086' }],
    ['hint', [1, 0, 1, 38], { tool: 'hadolint', code: 'DL9999' }],
  ]);
});

test('not a pragma: lower-case codes, another word, Dockyard syntax', () => {
  for (const line of ['# hadolint ignore=dl3008', '# hadolint ignores=DL3008', '# hadolintignore=DL3008', '# hadolint: ignore DL3008']) {
    const text = ['FROM ubuntu:24.04', line, APT, 'USER app', ''].join('\n');
    assert.equal(only(analyze(text, '/ws/Dockerfile').findings, 'unpinned-os-package').length, 1, line);
  }
});

test('.hadolint.yaml ignored: silences the file, located in the config file; the line comment is the reason', () => {
  const hadolint = { path: '/ws/.hadolint.yaml', text: 'failure-threshold: warning\nignored:\n  - DL3008 # pinned by the mirror\n  - DL3015\n' };
  const text = ['FROM ubuntu:24.04', APT, 'USER app', ''].join('\n');
  const a = analyze(text, '/ws/img/Dockerfile', {}, { hadolint });
  assert.equal(only(a.findings, 'unpinned-os-package').length, 0);
  assert.equal(only(a.findings, 'apt-install-recommends').length, 0);
  assert.deepEqual(
    a.silenced!.map((x) => [x.finding.rule, x.by.file, x.by.line, x.by.form, x.by.reason]).sort(),
    [
      ['apt-install-recommends', '/ws/.hadolint.yaml', 3, 'config', ''],
      ['unpinned-os-package', '/ws/.hadolint.yaml', 2, 'config', 'pinned by the mirror'],
    ],
  );
  // Without the config the findings come back (the cache is keyed by the config's text).
  assert.equal(only(analyze(text, '/ws/img/Dockerfile').findings, 'unpinned-os-package').length, 1);
  // A broken file silences nothing.
  assert.equal(only(analyze(text, '/ws/img/Dockerfile', {}, { hadolint: { path: '/ws/.hadolint.yaml', text: 'ignored: [DL3008\n' } }).findings, 'unpinned-os-package').length, 1);
});

test('suppressions.requireReason: migrated suppressions without a written reason are reported', () => {
  const hadolint = { path: '/ws/.hadolint.yaml', text: 'ignored:\n  - DL3015\n' };
  const text = ['FROM ubuntu:24.04', '# hadolint ignore=DL3008', APT, 'USER app', ''].join('\n');
  const a = analyze(text, '/ws/Dockerfile', { suppressions: { requireReason: true } }, { hadolint });
  const s = only(a.findings, 'suppression-without-reason');
  assert.deepEqual(s.map((f) => [r(f), f.message.id, f.message.args]), [
    [[0, 0, 0, 0], 'rule.suppression-without-reason.config', { file: '/ws/.hadolint.yaml', line: 2, codes: 'DL3015' }],
    [[1, 0, 1, 24], 'rule.suppression-without-reason.migrated', { tool: 'hadolint', codes: 'DL3008' }],
  ]);
  // Still suppressions: the findings stay silenced.
  assert.equal(only(a.findings, 'unpinned-os-package').length, 0);
  const withReason = text.replace('ignore=DL3008', 'ignore=DL3008 # pinned by the mirror');
  assert.equal(only(analyze(withReason, '/ws/Dockerfile', { suppressions: { requireReason: true } }).findings, 'suppression-without-reason').length, 0);
  // Off (the default): no finding about them.
  assert.equal(only(analyze(text, '/ws/Dockerfile', {}, { hadolint }).findings, 'suppression-without-reason').length, 0);
});

const POD = (annotations: string, podTemplateAnnotations = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: demo
${annotations ? `  annotations:\n${annotations}` : ''}spec:
  selector: {matchLabels: {app: demo}}
  template:
    metadata:
      labels: {app: demo}
${podTemplateAnnotations ? `      annotations:\n${podTemplateAnnotations}` : ''}    spec:
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            privileged: true
`;

test('kube-linter ignore-check annotation silences the rules listing that check; its value is the reason', () => {
  const a = analyze(POD('    ignore-check.kube-linter.io/privileged-container: "LVM needs the host devices"\n'), '/ws/d.yaml');
  assert.equal(only(a.findings, 'privileged-container').length, 0);
  const x = a.silenced!.find((s) => s.finding.rule === 'privileged-container')!;
  assert.deepEqual([x.by.tool, x.by.form, x.by.line, x.by.reason, r({ range: x.by.range } as Finding)], ['kube-linter', 'annotation', 5, 'LVM needs the host devices', [5, 4, 5, 52]]);
  assert.ok(only(a.findings, 'run-as-root').length > 0, 'other rules still run');
});

test('kube-linter.io/ignore-all silences every rule with a kube-linter equivalent', () => {
  const a = analyze(POD('    kube-linter.io/ignore-all: "vendor chart"\n'), '/ws/d.yaml');
  assert.equal(only(a.findings, 'privileged-container').length, 0);
  assert.equal(only(a.findings, 'run-as-root').length, 0);
  assert.ok(a.findings.length > 0, 'rules without a kube-linter equivalent still report');
});

test('Polaris <check>-exempt silences when "true" only, with the migrated reason', () => {
  const yes = analyze(POD('    polaris.fairwinds.com/runAsPrivileged-exempt: "true"\n'), '/ws/d.yaml');
  assert.equal(only(yes.findings, 'privileged-container').length, 0);
  assert.deepEqual(yes.silenced!.map((x) => [x.finding.rule, x.by.tool, x.by.reason]), [['privileged-container', 'polaris', '']]);
  const no = analyze(POD('    polaris.fairwinds.com/runAsPrivileged-exempt: "false"\n'), '/ws/d.yaml');
  assert.equal(only(no.findings, 'privileged-container').length, 1);
  // Polaris gives no reason: with requireReason it is reported.
  const strict = analyze(POD('    polaris.fairwinds.com/runAsPrivileged-exempt: "true"\n'), '/ws/d.yaml', { suppressions: { requireReason: true } });
  assert.deepEqual(only(strict.findings, 'suppression-without-reason').map((f) => [r(f), f.message.args]), [[[5, 4, 5, 48], { tool: 'polaris', codes: 'runAsPrivileged' }]]);
});

test('annotations on the pod template are not honoured (kube-linter and Polaris read the object\'s own)', () => {
  const a = analyze(POD('', '        ignore-check.kube-linter.io/privileged-container: "x"\n'), '/ws/d.yaml');
  assert.equal(only(a.findings, 'privileged-container').length, 1);
});

test('an unknown kube-linter check is a hint at the annotation key', () => {
  const a = analyze(POD('    ignore-check.kube-linter.io/no-such-check: "x"\n'), '/ws/d.yaml');
  assert.deepEqual(only(a.findings, 'unknown-code-in-suppression').map((f) => [r(f), f.severity, f.message.args]), [[[5, 4, 5, 45], 'hint', { tool: 'kube-linter', code: 'no-such-check' }]]);
});

test('a List item\'s kube-linter annotation silences that item only', () => {
  const item = (name: string, ann: string) => `  - apiVersion: v1
    kind: Pod
    metadata:
      name: ${name}
${ann}    spec:
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            privileged: true
`;
  const text = `apiVersion: v1\nkind: List\nitems:\n${item('a', '      annotations:\n        ignore-check.kube-linter.io/privileged-container: "ok"\n')}${item('b', '')}`;
  const a = analyze(text, '/ws/list.yaml');
  const p = only(a.findings, 'privileged-container');
  assert.equal(p.length, 1);
  assert.ok(p[0].range.start.line > 14, 'the finding left is item b\'s');
  assert.deepEqual(a.silenced!.filter((x) => x.finding.rule === 'privileged-container').map((x) => x.by.line), [8]);
});

test('Dockyard comments are listed as silencers too (with their tool absent: Dockyard)', () => {
  const text = ['FROM ubuntu:24.04', '# dockyard-ignore unpinned-os-package: mirror', APT, 'USER app', ''].join('\n');
  const a = analyze(text, '/ws/Dockerfile');
  assert.deepEqual(a.silenced!.map((x) => [x.finding.rule, x.by.tool, x.by.reason]), [['unpinned-os-package', undefined, 'mirror']]);
});

test('coexistence.buildkitChecks: with Docker DX the BuildKit-equivalent findings are hidden, not lost', () => {
  const text = ['FROM ubuntu:24.04', 'MAINTAINER me', 'USER app', 'CMD echo hi', ''].join('\n');
  const dx = analyze(text, '/ws/Dockerfile', {}, { host: { buildkitChecksElsewhere: true } });
  assert.deepEqual(ids(dx.findings), []);
  assert.deepEqual(ids(dx.hidden!), ['cmd-shell-form', 'maintainer-deprecated']);
  assert.ok(dx.hidden!.every((f) => f.fixes?.length), 'their fixes are kept');
  const always = analyze(text, '/ws/Dockerfile', { coexistence: { buildkitChecks: 'always' } }, { host: { buildkitChecksElsewhere: true } });
  assert.deepEqual(ids(always.findings), ['cmd-shell-form', 'maintainer-deprecated']);
  const never = analyze(text, '/ws/Dockerfile', { coexistence: { buildkitChecks: 'never' } });
  assert.deepEqual(ids(never.findings), []);
  const noDx = analyze(text, '/ws/Dockerfile');
  assert.deepEqual(ids(noDx.findings), ['cmd-shell-form', 'maintainer-deprecated']);
});
