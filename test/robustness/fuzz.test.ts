/**
 * Property-based fuzzing of the analysis core (fast-check): random and mutated YAML, Dockerfiles,
 * shell scripts and bindep files, seeded from examples/ and the test fixtures. For every input:
 *   - analyze() does not throw and no rule throws (the analyzer's rule-error logger stays silent);
 *   - every finding, related and fix-edit range lies inside the document with start ≤ end; the
 *     edits of one fix do not overlap; every message id is in the catalog with its placeholders;
 *   - (opt-in, DOCKYARD_FUZZ_TIME_BOUND_MS) the analysis finishes within that bound;
 *   - the same input gives the same findings twice in fresh analyzers, and once in an analyzer
 *     that first saw an edited version (the per-document cache equals a fresh analysis);
 *   - hover, completion, inlay hints and code lenses do not throw and stay inside the document.
 * Size: DOCKYARD_FUZZ_RUNS (default 120 runs per property; e.g. 10000 for a long run).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as fs from 'node:fs';
import type { AnalyzeInput } from '../../server/src/core/engine';
import { mergeConfig } from '../../server/src/core/config/config';
import { createRegistry } from '../../server/src/core/rules';
import { CONFIGS, checkFeatures, checkFindings, freshAnalyzer, InvariantError, TIME_BOUND_MS, timed, type RuleError } from './invariants';
import { generatedSeeds, isChartTemplate, repoSeeds, type Seed } from './seeds';

const RUNS = Number(process.env.DOCKYARD_FUZZ_RUNS ?? 120);
const FC_SEED = process.env.DOCKYARD_FUZZ_SEED ? Number(process.env.DOCKYARD_FUZZ_SEED) : undefined;
const SEEDS: Seed[] = [...repoSeeds(), ...generatedSeeds()];
const IDS = new Set(createRegistry().ids());
const stats = { inputs: 0, analyses: 0, maxMs: 0, maxInput: '', maxText: '', findings: 0, fixes: 0 };

function describeErrors(errors: RuleError[]): string {
  return errors.map((e) => `rule ${e.rule} threw: ${e.error instanceof Error ? e.error.stack : String(e.error)}`).join('\n');
}

/** Runs every invariant on one input; throws (with the input) on the first violation. */
function checkInput(input: AnalyzeInput, configIndex: number, variantText: string, featureAt: number): void {
  stats.inputs++;
  const partial = CONFIGS[configIndex % CONFIGS.length];
  const config = mergeConfig(partial);
  const errors: RuleError[] = [];
  const repro = () => `\n  path: ${input.path}\n  config: ${JSON.stringify(partial)}\n  text: ${JSON.stringify(input.text)}`;
  const run = (a: ReturnType<typeof freshAnalyzer>, i: AnalyzeInput) => {
    let r;
    try {
      r = timed(() => a.analyze(i, config));
    } catch (e) {
      throw new InvariantError(`analyze threw: ${e instanceof Error ? e.stack : String(e)}${repro()}`);
    }
    stats.analyses++;
    if (r.ms > stats.maxMs) {
      stats.maxMs = r.ms;
      stats.maxInput = `${i.path} (${i.text.length} chars)`;
      stats.maxText = i.text;
    }
    if (r.ms > TIME_BOUND_MS) throw new InvariantError(`analysis took ${r.ms.toFixed(0)} ms (bound ${TIME_BOUND_MS})${repro()}`);
    if (errors.length) throw new InvariantError(`${describeErrors(errors)}${repro()}`);
    return r.value.findings;
  };
  const a1 = freshAnalyzer(errors);
  const first = run(a1, input);
  checkFindings(input, first, IDS);
  stats.findings += first.length;
  stats.fixes += first.filter((f) => f.fixes?.length).length;
  const second = run(freshAnalyzer(errors), input);
  assert.deepEqual(second, first, `two fresh analyses differ${repro()}`);
  // A cached analyzer that saw another version of the file first.
  const cached = freshAnalyzer(errors);
  const variant = { ...input, text: variantText };
  checkFindings(variant, run(cached, variant), IDS);
  const third = run(cached, input);
  assert.deepEqual(third, first, `the cached analysis after an edit differs from a fresh one\n  edited version: ${JSON.stringify(variantText)}${repro()}`);
  checkFeatures(input, a1, partial, featureAt);
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const TOKENS = ['\n', ' ', '  ', '\t', ':', ': ', '- ', '-', '---\n', '...\n', '#', '# ', '"', "'", '{', '}', '[', ']', ',', '&a ', '*a', '!!str ', '|', '>-', '\\', '$', '{{ .Values.x }}', '{{', '}}', 'true', 'null', '0', '-1', 'é', '😀', '\r\n', '\r', '\u00a0', '\ufeff'];
const insertArb = fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 3 }));
const editsArb = fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 8 }), ins: insertArb }), { maxLength: 5 });

type Edit = { at: number; del: number; ins: string };
function applyEditList(text: string, edits: Edit[]): string {
  for (const e of edits) {
    const start = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
    text = text.slice(0, start) + e.ins + text.slice(Math.min(text.length, start + e.del));
  }
  return text;
}

const K8S_KEYS = [
  'apiVersion', 'kind', 'metadata', 'name', 'namespace', 'labels', 'annotations', 'spec', 'template', 'containers', 'initContainers',
  'ephemeralContainers', 'image', 'securityContext', 'privileged', 'runAsUser', 'runAsNonRoot', 'capabilities', 'add', 'drop', 'hostNetwork',
  'hostPID', 'hostIPC', 'volumes', 'hostPath', 'path', 'ports', 'containerPort', 'hostPort', 'resources', 'limits', 'requests', 'cpu', 'memory',
  'env', 'value', 'valueFrom', 'secretKeyRef', 'replicas', 'selector', 'matchLabels', 'serviceAccountName', 'automountServiceAccountToken',
  'allowPrivilegeEscalation', 'readOnlyRootFilesystem', 'seccompProfile', 'type', 'volumeMounts', 'mountPath', 'command', 'args',
  'imagePullPolicy', 'livenessProbe', 'readinessProbe', 'jobTemplate', 'schedule', 'data', 'stringData', 'rules', 'subjects', 'roleRef', 'verbs',
  'apiGroups', 'dockyard.io/ignore', 'procMount', 'sysctls', 'appArmorProfile', 'seLinuxOptions', 'windowsOptions', 'hostProcess', 'x',
];
const K8S_VALUES = [
  'v1', 'apps/v1', 'batch/v1', 'extensions/v1beta1', 'policy/v1beta1', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job', 'Service',
  'ConfigMap', 'Secret', 'ReplicaSet', 'PodTemplate', 'true', 'false', '0', '1', '"x"', '[]', '{}', '[ALL]', '[SYS_ADMIN, NET_RAW]', 'SYS_ADMIN',
  '/', '/var/run/docker.sock', '/etc', 'nginx', 'nginx:latest', 'nginx@sha256:' + 'a'.repeat(64), '{{ .Values.image }}', '&a x', '*a', '!!str 1',
  '|', '>', 'null', '~', '-1', '1e3', '0x1f', '500m', '1Gi', '"quoted: string"', "'single'", 'Unconfined', 'RuntimeDefault', 'Localhost', '65534',
  '# dockyard-ignore privileged-container: reason', '# dockyard-ignore', '',
];
const k8sLine = fc
  .tuple(fc.nat({ max: 5 }), fc.constantFrom('', '- ', '-'), fc.constantFrom(...K8S_KEYS), fc.constantFrom(': ', ':', ' ', ': [', ': {'), fc.constantFrom(...K8S_VALUES))
  .map(([indent, dash, key, sep, value]) => '  '.repeat(indent) + dash + key + sep + value);
const k8sDoc = fc
  .tuple(fc.constantFrom('v1', 'apps/v1', 'batch/v1', 'policy/v1beta1', 'example.com/v1'), fc.constantFrom('Pod', 'Deployment', 'CronJob', 'DaemonSet', 'Service', 'Widget'), fc.array(fc.oneof({ weight: 9, arbitrary: k8sLine }, { weight: 1, arbitrary: fc.constantFrom('---', '# comment', '', '  ') }), { maxLength: 40 }), fc.boolean())
  .map(([v, k, lines, header]) => (header ? [`apiVersion: ${v}`, `kind: ${k}`, ...lines] : lines).join('\n') + '\n');

const DOCKER_INS = ['FROM', 'RUN', 'COPY', 'ADD', 'ENV', 'ARG', 'USER', 'WORKDIR', 'EXPOSE', 'CMD', 'ENTRYPOINT', 'LABEL', 'HEALTHCHECK', 'SHELL', 'VOLUME', 'ONBUILD', 'STOPSIGNAL', 'MAINTAINER', 'from', 'run', '#', '# syntax=docker/dockerfile:1', '# escape=`'];
const DOCKER_ARGS = [
  'ubuntu', 'ubuntu:24.04', 'loci/base:noble', 'quay.io/openstack.kolla/base', 'scratch', 'AS build', '--from=build', '--platform=$BUILDPLATFORM', 'apt-get install -y curl',
  'apt-get update', 'apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*', 'pip install x', 'curl -sSL https://x | sh',
  'sudo x', 'root', '0', '0:0', '1000', '/app', '8080', '8080/udp', '["a","b"]', '["a"', '\\', '&&', '${VAR}', '$VAR', '${VAR:-x}', '--chown=a:b', '.', '*', '--mount=type=cache,target=/x',
  'PROJECT=cinder', 'PROFILES="fluent ceph"', 'PROJECT_REF=stable/2025.1', 'WHEELS=loci/requirements:master-ubuntu_noble', '<<EOF', 'EOF', 'x=y z', '"', "'", '`', '',
];
const dockerLine = fc
  .tuple(fc.constantFrom(...DOCKER_INS), fc.array(fc.constantFrom(...DOCKER_ARGS), { maxLength: 4 }), fc.constantFrom('', ' ', '  ', '\t'))
  .map(([ins, args, lead]) => lead + [ins, ...args].join(' '));
const dockerDoc = fc.array(dockerLine, { maxLength: 40 }).map((ls) => ls.join('\n') + '\n');

const MISC_LINES = [
  'docker build --build-arg PROJECT=cinder --build-arg PROFILES="fluent ceph lvm" -t x .',
  'buildah bud --build-arg PROJECT=glance .',
  'docker build --build-arg PROJECT_REF=master --build-arg WHEELS=x .',
  '--build-arg DIST_PACKAGES="curl"',
  'libssl-dev [platform:dpkg]',
  'openssl-devel [platform:rpm !platform:dpkg test]',
  'python3-dev [compile platform:ubuntu-noble]',
  'ceph-common [ceph]',
  'pkg [',
  'pkg ]',
  '[platform:dpkg]',
  '!',
  '# comment',
  '#!/bin/bash',
  'set -eux',
  'x="$(cat)"',
  '\\',
  '',
];
const miscDoc = fc.array(fc.oneof(fc.constantFrom(...MISC_LINES), fc.string({ maxLength: 20 })), { maxLength: 30 }).map((ls) => ls.join('\n'));

const ANY_PATH = ['/ws/deploy/x.yaml', '/ws/chart/templates/x.yaml', '/ws/compose.yaml', '/ws/.github/workflows/build.yml', '/ws/Dockerfile', '/ws/images/x.dockerfile', '/ws/build.sh', '/ws/bindep.txt', '/ws/pydep.txt', '/ws/values.yaml'];
const LANGS = [undefined, 'yaml', 'helm', 'dockerfile', 'shellscript', 'bindep', 'plaintext'];

const common = { numRuns: RUNS, seed: FC_SEED } as const;
const extra = { cfg: fc.nat({ max: CONFIGS.length - 1 }), variant: editsArb, featureAt: fc.double({ min: 0, max: 1, noNaN: true }) };

function withVariant(text: string, variant: Edit[]): string {
  const v = applyEditList(text, variant.length ? variant : [{ at: 0.5, del: 0, ins: '\n# edited\n' }]);
  return v === text ? text + '\n# edited\n' : v;
}

function input(path: string, text: string, languageId?: string): AnalyzeInput {
  return { path, text, languageId, helmChartTemplate: isChartTemplate(path) };
}

// ---------------------------------------------------------------------------------------------

test(`fuzz: every seed as it is (${SEEDS.length} files from examples/, fixtures and generators)`, () => {
  assert.ok(SEEDS.length >= 10, `too few seeds: ${SEEDS.map((s) => s.origin).join(', ')}`);
  SEEDS.forEach((s, i) => {
    // The default configuration, and one other in turn (the mutated-seed property mixes them all).
    checkInput(input(s.path, s.text), 0, withVariant(s.text, []), 0.37);
    checkInput(input(s.path, s.text), 1 + (i % (CONFIGS.length - 1)), withVariant(s.text, [{ at: 0.9, del: 1, ins: ' ' }]), 0.61);
  });
});

test('fuzz: mutated seeds', () => {
  fc.assert(
    fc.property(fc.nat({ max: SEEDS.length - 1 }), editsArb, extra.cfg, extra.variant, extra.featureAt, (si, edits, cfg, variant, at) => {
      const s = SEEDS[si];
      const text = applyEditList(s.text, edits);
      checkInput(input(s.path, text), cfg, withVariant(text, variant), at);
    }),
    common,
  );
});

test('fuzz: generated Kubernetes-like YAML streams', () => {
  fc.assert(
    fc.property(fc.array(k8sDoc, { minLength: 1, maxLength: 4 }), fc.constantFrom('/ws/deploy/x.yaml', '/ws/chart/templates/x.yaml', '/ws/x.yml'), extra.cfg, extra.variant, extra.featureAt, (docs, path, cfg, variant, at) => {
      const text = docs.join('---\n');
      checkInput(input(path, text), cfg, withVariant(text, variant), at);
    }),
    common,
  );
});

test('fuzz: generated Dockerfiles', () => {
  fc.assert(
    fc.property(dockerDoc, fc.constantFrom('/ws/Dockerfile', '/ws/images/cinder/Dockerfile', '/ws/x.dockerfile'), extra.cfg, extra.variant, extra.featureAt, (text, path, cfg, variant, at) => {
      checkInput(input(path, text), cfg, withVariant(text, variant), at);
    }),
    common,
  );
});

test('fuzz: shell scripts, bindep files and random text of any kind', () => {
  fc.assert(
    fc.property(
      fc.oneof(miscDoc, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 })),
      fc.constantFrom(...ANY_PATH),
      fc.constantFrom(...LANGS),
      extra.cfg,
      extra.variant,
      extra.featureAt,
      (text, path, lang, cfg, variant, at) => {
        checkInput(input(path, text, lang), cfg, withVariant(text, variant), at);
      },
    ),
    common,
  );
});

test('fuzz: summary', () => {
  assert.ok(stats.inputs > 0);
  console.log(
    `fuzz: ${stats.inputs} inputs, ${stats.analyses} analyses, ${stats.findings} findings (${stats.fixes} with fixes); slowest analysis ${stats.maxMs.toFixed(1)} ms on ${stats.maxInput}; ${SEEDS.length} seeds; ${RUNS} runs per property`,
  );
  if (process.env.DOCKYARD_FUZZ_SLOWEST) fs.writeFileSync(process.env.DOCKYARD_FUZZ_SLOWEST, stats.maxText);
});
