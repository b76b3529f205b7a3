#!/usr/bin/env node
// Agreement with Pod Security Admission's own test fixtures (issue #13).
//
//   node scripts/agreement/psa.mjs <testdata-dir> [--versions 1.35,1.36,1.37] [--require 1.35,1.36,1.37]
//                                   [--wrap pod,deployment,cronjob,...] [--json FILE] [--cli dist/cli.js]
//
// <testdata-dir> is pod-security-admission's `test/testdata` (a checkout of
// github.com/kubernetes/pod-security-admission or kubernetes/staging/src/k8s.io/pod-security-admission):
// `{baseline,restricted}/v1.N/{pass,fail}/*.yaml`. PSA's fixtures_test.go writes every directory
// whole: the fixtures of v1.N are the generators registered at v1.N or the nearest older version,
// applied to the minimal valid pod of v1.N, and PSA evaluates them at policy version v1.N. So each
// directory stands alone and is linted once, with `--k8s-version 1.N`; nothing is inherited.
//
// Levels. A Dockyard rule belongs to a PSS level through its `pss:<level>/<check>` equivalents
// (`dockyard rules --format json`; the same level the rule's `pss` field gives the engine).
// - baseline fixtures are linted with `--pss baseline` (restricted-only rules do not run); a fail
//   fixture agrees when at least one rule with a `pss:baseline/*` equivalent reports a finding, a pass
//   fixture when none does;
// - restricted fixtures are linted with `--pss restricted`; a fail fixture agrees when at least one
//   rule with any `pss:*` equivalent reports, a pass fixture when none does.
// Findings of rules without a PSS equivalent (image tags, limits, the token) are ignored.
// Stricter, reported beside it: "own control" counts the fail fixtures found by a rule mapped to the
// very check the fixture was written for (its file name, e.g. `procmount_restricted1` →
// `pss:restricted/procMount`).
//
// --wrap: besides the Pods as written (`pod`), lint each fixture as the pod template of a workload
// (`deployment`, `statefulset`, `daemonset`, `replicaset`, `replicationcontroller`, `job`, `cronjob`,
// `podtemplate`): the pod's annotations and spec move into the template, as PSA's own
// test/run.go does with a Deployment for every fixture. One table row per level, version and kind.
//
// The CLI is run as a user runs it (built `dist/cli.js`, one thread, an empty configuration so no
// .dockyard.yaml around the fixtures changes the result). Versions `--k8s-version` refuses (below
// 1.25) are listed as not selectable. Exit 1 when a version in --require (default:
// every version evaluated) has a disagreement, 2 on a usage error.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LEVELS = ['baseline', 'restricted'];

/** Where each kind keeps its pod template (the pod's metadata and spec go to `template`). */
const WRAPS = {
  deployment: ['apps/v1', 'Deployment'],
  statefulset: ['apps/v1', 'StatefulSet'],
  daemonset: ['apps/v1', 'DaemonSet'],
  replicaset: ['apps/v1', 'ReplicaSet'],
  replicationcontroller: ['v1', 'ReplicationController'],
  job: ['batch/v1', 'Job'],
  cronjob: ['batch/v1', 'CronJob'],
  podtemplate: ['v1', 'PodTemplate'],
};

/** The fixture's Pod as the pod template of `kind` (a key of WRAPS), as YAML text. */
function wrapPod(text, kind) {
  const pod = YAML.parse(text);
  const [apiVersion, k] = WRAPS[kind];
  const name = String(pod.metadata?.name ?? 'fixture').replace(/_/g, '-');
  const labels = { app: name };
  const template = { metadata: { labels, ...(pod.metadata?.annotations ? { annotations: pod.metadata.annotations } : {}) }, spec: pod.spec ?? {} };
  const selector = { matchLabels: labels };
  let body;
  if (k === 'PodTemplate') body = { template };
  else if (k === 'Job') body = { spec: { template } };
  else if (k === 'CronJob') body = { spec: { schedule: '0 * * * *', jobTemplate: { spec: { template } } } };
  else if (k === 'ReplicationController') body = { spec: { selector: labels, template } };
  else if (k === 'StatefulSet') body = { spec: { serviceName: name, selector, template } };
  else body = { spec: { selector, template } };
  return YAML.stringify({ apiVersion, kind: k, metadata: { name }, ...body });
}

function usage(msg) {
  process.stderr.write(`${msg}\nusage: node scripts/agreement/psa.mjs <testdata-dir> [--versions 1.N,...] [--require 1.N,...] [--wrap pod,deployment,...] [--json FILE] [--cli FILE]\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const o = { dir: undefined, versions: undefined, require: undefined, json: undefined, wrap: ['pod'], cli: path.join(ROOT, 'dist', 'cli.js') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i] ?? usage(`${a} needs a value`);
    if (a === '--versions') o.versions = new Set(next().split(','));
    else if (a === '--require') o.require = new Set(next().split(','));
    else if (a === '--json') o.json = next();
    else if (a === '--wrap') {
      o.wrap = next().split(',');
      for (const w of o.wrap) if (w !== 'pod' && !WRAPS[w]) usage(`--wrap ${w}: one of pod, ${Object.keys(WRAPS).join(', ')}`);
    }
    else if (a === '--cli') o.cli = path.resolve(next());
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (o.dir) usage('one testdata directory only');
    else o.dir = path.resolve(a);
  }
  if (!o.dir) usage('missing <testdata-dir>');
  if (!fs.existsSync(path.join(o.dir, 'baseline'))) usage(`${o.dir} has no baseline/ folder (give PSA's test/testdata)`);
  if (!fs.existsSync(o.cli)) usage(`${o.cli} is missing: run npm run build first`);
  return o;
}

function cli(o, args) {
  try {
    return execFileSync(process.execPath, [o.cli, ...args], { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    // lint exits 1 when it found errors; its JSON is on stdout all the same.
    if (e.stdout && e.status === 1) return e.stdout;
    // A usage error naming --k8s-version's range: a version Dockyard does not offer.
    if (e.status === 2 && /Kubernetes 1\.\d+ is not supported/.test(e.stderr)) return undefined;
    throw new Error(`dockyard ${args.join(' ')} failed (${e.status}): ${e.stderr}`);
  }
}

/** rule id → { levels: Set of PSS levels, checks: Set of `level/check` in lower case }. */
function pssRules(o) {
  const list = JSON.parse(cli(o, ['rules', '--format', 'json']));
  const rules = Array.isArray(list) ? list : list.rules;
  const out = new Map();
  for (const r of rules) {
    for (const e of r.equivalents ?? []) {
      const m = /^pss:(baseline|restricted)\/(.+)$/.exec(e);
      if (!m) continue;
      const x = out.get(r.id) ?? { levels: new Set(), checks: new Set() };
      x.levels.add(m[1]);
      x.checks.add(m[2].toLowerCase());
      out.set(r.id, x);
    }
  }
  return out;
}

/** The check a fixture was written for, from its file name (`capabilities_baseline2` → `capabilities`). */
function fixtureCheck(file) {
  const base = path.basename(file, '.yaml').replace(/\d+$/, '');
  return base.replace(/_(baseline|restricted)$/, '');
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  const rules = pssRules(o);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-psa-'));
  const config = path.join(tmp, 'empty.dockyard.yaml');
  fs.writeFileSync(config, '{}\n');
  const rows = [];
  try {
    for (const level of LEVELS) {
      const versions = fs
        .readdirSync(path.join(o.dir, level))
        .filter((d) => /^v1\.\d+$/.test(d))
        .map((d) => Number(d.slice(3)))
        .sort((a, b) => a - b);
      for (const minor of versions) {
        const version = `1.${minor}`;
        if (o.versions && !o.versions.has(version)) continue;
        const vdir = path.join(o.dir, level, `v${version}`);
        const fixtures = [];
        for (const expected of ['pass', 'fail']) {
          const d = path.join(vdir, expected);
          if (!fs.existsSync(d)) continue;
          for (const f of fs.readdirSync(d).filter((f) => f.endsWith('.yaml')).sort()) fixtures.push({ fixture: path.join(d, f), expected });
        }
        for (const kind of o.wrap) {
          // Each fixture as linted: the file itself, or its wrapped copy in the temporary folder.
          const files = fixtures.map(({ fixture, expected }) => {
            if (kind === 'pod') return { fixture, file: fixture, expected };
            const file = path.join(tmp, kind, level, `v${version}`, expected, path.basename(fixture));
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, wrapPod(fs.readFileSync(fixture, 'utf8'), kind));
            return { fixture, file, expected };
          });
          const row = { level, version, kind, fixtures: files.length, agreeing: 0, pass: [0, 0], fail: [0, 0], ownControl: [0, 0], disagreements: [] };
          rows.push(row);
          const args = ['lint', '--format', 'json', '--fail-on', 'never', '--jobs', '1', '--config', config, '--pss', level, '--k8s-version', version];
          const text = cli(o, [...args, ...files.map((f) => f.file)]);
          row.selectable = text !== undefined;
          if (!row.selectable) continue;
          const out = JSON.parse(text);
          const byPath = new Map(out.files.map((f) => [path.resolve(f.path), f.diagnostics]));
          for (const { fixture, file, expected } of files) {
            const diags = byPath.get(path.resolve(file)) ?? [];
            const hits = [...new Set(diags.map((d) => d.rule).filter((id) => rules.get(id)?.levels.has(level) || (level === 'restricted' && rules.has(id))))].sort();
            const agrees = expected === 'fail' ? hits.length > 0 : hits.length === 0;
            const tally = row[expected];
            tally[1]++;
            if (agrees) {
              tally[0]++;
              row.agreeing++;
            } else {
              row.disagreements.push({ file: path.relative(o.dir, fixture), kind, expected, rules: hits });
            }
            if (expected === 'fail') {
              const check = fixtureCheck(fixture);
              row.ownControl[1]++;
              if (hits.some((id) => [...rules.get(id).checks].some((c) => c === check))) row.ownControl[0]++;
            }
          }
        }
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  print(rows);
  if (o.json) fs.writeFileSync(o.json, JSON.stringify({ rows }, null, 2) + '\n');
  const required = rows.filter((r) => r.selectable && (!o.require || o.require.has(r.version)));
  if (o.require) for (const v of o.require) if (!rows.some((r) => r.version === v && r.selectable)) usage(`--require ${v}: no such selectable version in the testdata`);
  process.exitCode = required.some((r) => r.disagreements.length) ? 1 : 0;
}

function print(rows) {
  const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
  const lines = ['| level | version | as | fixtures | agreeing | pass | fail | fail by own control |', '|---|---|---|---:|---:|---:|---:|---:|'];
  for (const r of rows) {
    if (!r.selectable) {
      lines.push(`| ${r.level} | ${r.version} | ${r.kind} | ${r.fixtures} | not selectable (outside --k8s-version's range) | | | |`);
      continue;
    }
    lines.push(
      `| ${r.level} | ${r.version} | ${r.kind} | ${r.fixtures} | ${r.agreeing} (${pct(r.agreeing, r.fixtures)}) | ${r.pass[0]}/${r.pass[1]} | ${r.fail[0]}/${r.fail[1]} | ${r.ownControl[0]}/${r.ownControl[1]} |`,
    );
  }
  const dis = rows.flatMap((r) => r.disagreements.map((d) => `- ${d.file}${d.kind === 'pod' ? '' : ` (as ${d.kind})`}: expected ${d.expected}; Dockyard's PSS rules: ${d.rules.length ? d.rules.join(', ') : 'none'}`));
  process.stdout.write(lines.join('\n') + '\n' + (dis.length ? `\nDisagreements (${dis.length}):\n${dis.join('\n')}\n` : '\nNo disagreements.\n'));
}

main();
