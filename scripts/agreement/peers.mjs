#!/usr/bin/env node
// Agreement with Polaris and kube-linter on their own test manifests (issue #13).
//
//   node scripts/agreement/peers.mjs --polaris <polaris checkout> --kube-linter <kube-linter checkout>
//        [--check ID]... [--json FILE] [--pss baseline|restricted] [--k8s-version X.Y] [--strict]
//
// Every peer check that a Dockyard rule names in its `equivalents` (`polaris:<id>`,
// `kube-linter:<name>`) is run through Dockyard: the same service the CLI uses (server/src/cli/service.ts,
// bundled here with esbuild into out/agreement/peers.cjs), one service per peer file so that no other
// file's objects are in its workspace (the peers judge each file alone too). Findings of any severity
// of the rules mapped to the check count; suppressions (Dockyard's and the migrated kube-linter /
// Polaris annotations) apply as they do for users.
//
// Polaris: test/checks/<check>/success*.yaml and failure*.yaml (the `mutated*` files are the
// expected output of Polaris' fixes, not inputs). Polaris judges a file: a failure file agrees when
// at least one mapped rule reports in it, a success file when none does.
//
// kube-linter: e2etests/bats-tests.sh, each `@test` that lints one file of tests/checks with
// `--include <check>` (or a `--config` whose `checks.include` names the check). It states the
// reports: their number and, for the first ones, "<Kind>: <message>"; reports come in the file's
// object order. kube-linter judges objects, so the runner does too: the expected reports are laid
// over the file's objects in order (a report goes to an object of its kind; one that names
// `container "x"` to an object with that container; an object may get several reports), choosing,
// among the layouts that fit, the one closest to Dockyard's answer. An object agrees when it has
// reports and a mapped rule reports on it, or has none and no mapped rule does.
//
// A check whose mapped rule documents its difference (`docs.differences`, listed in docs/rules.md) is
// marked; `--strict` exits 1 when a case differs under a check without one.
//
// Nothing here is vendored: the peers' files are read from the checkouts given, at run time.
import { bundleAndLoad } from '../lib/bundle.mjs';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments, parse as parseYaml } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function usage(msg) {
  if (msg) console.error(msg);
  console.error('usage: node scripts/agreement/peers.mjs [--polaris DIR] [--kube-linter DIR] [--check ID]... [--json FILE] [--pss baseline|restricted] [--k8s-version X.Y] [--strict]');
  process.exit(2);
}

const opts = { checks: [] };
{
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i++) {
    const v = () => a[++i] ?? usage(`${a[i - 1]} needs a value`);
    if (a[i] === '--polaris') opts.polaris = path.resolve(v());
    else if (a[i] === '--kube-linter') opts.kubeLinter = path.resolve(v());
    else if (a[i] === '--check') opts.checks.push(v());
    else if (a[i] === '--json') opts.json = path.resolve(v());
    else if (a[i] === '--pss') opts.pss = v();
    else if (a[i] === '--k8s-version') opts.k8sVersion = v();
    else if (a[i] === '--strict') opts.strict = true;
    else usage(`unknown argument ${a[i]}`);
  }
  if (!opts.polaris && !opts.kubeLinter) usage('name at least one peer checkout');
  for (const d of [opts.polaris, opts.kubeLinter]) if (d && !existsSync(d)) usage(`no such folder: ${d}`);
  if (opts.polaris && !existsSync(path.join(opts.polaris, 'test', 'checks'))) usage(`${opts.polaris}: no test/checks folder (is it a Polaris checkout?)`);
  if (opts.kubeLinter && !existsSync(path.join(opts.kubeLinter, 'e2etests', 'bats-tests.sh'))) usage(`${opts.kubeLinter}: no e2etests/bats-tests.sh (is it a kube-linter checkout?)`);
}


const core = await bundleAndLoad({ entry: 'scripts/agreement/peers-entry.ts', outfile: path.join(ROOT, 'out', 'agreement', 'peers.cjs') });

/** The documented difference of a mapped rule from a peer check (`docs.differences`), if any. */
function documented(tool, check, rules) {
  for (const id of rules) {
    const r = core.ALL_RULES.find((x) => x.id === id);
    const text = r?.docs?.differences?.[`${tool}:${check}`];
    if (text) return `${id}: ${text}`;
  }
  return undefined;
}

/** tool → peer check → Dockyard rule ids that list it in `equivalents`. */
function mapping() {
  const out = { polaris: new Map(), 'kube-linter': new Map() };
  for (const r of core.ALL_RULES) {
    for (const e of r.equivalents ?? []) {
      const i = e.indexOf(':');
      const tool = e.slice(0, i);
      if (!out[tool]) continue;
      const check = e.slice(i + 1);
      if (!out[tool].has(check)) out[tool].set(check, []);
      if (!out[tool].get(check).includes(r.id)) out[tool].get(check).push(r.id);
    }
  }
  return out;
}

/** Dockyard's findings on one file, linted alone (its own workspace). */
async function lintAlone(file) {
  const stderr = [];
  const service = core.createCliService({ cwd: path.dirname(file), lang: 'en', pss: opts.pss, k8sVersion: opts.k8sVersion }, (s) => stderr.push(s));
  const r = await service.lint([file]);
  if (r.errors.length) throw new Error(`${file}: ${r.errors.map((e) => e.reason).join(', ')}`);
  const f = r.files[0];
  return { text: f?.text ?? readFileSync(file, 'utf8'), findings: f?.findings ?? [], stderr };
}

const render = (f) => `${f.rule} (line ${f.range.start.line + 1}): ${core.t(f.message.id, f.message.args, 'en')}`;

/** The objects of a YAML text: documents with a kind, their 0-based line span, kind, name, container names. */
function objectsOf(text) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (off) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const out = [];
  let prevEnd = 0;
  for (const d of parseAllDocuments(text)) {
    // A document's lines run from the end of the one before (its `---` included) to its own end.
    const start = lineOf(prevEnd);
    const end = lineOf(Math.max(d.range[2] - 1, d.range[0]));
    prevEnd = d.range[2];
    let v;
    try {
      v = d.toJS({ maxAliasCount: 100 });
    } catch {
      v = undefined;
    }
    if (!v || typeof v !== 'object' || typeof v.kind !== 'string') continue;
    const containers = new Set();
    const walk = (n, depth) => {
      if (!n || typeof n !== 'object' || depth > 64) return;
      if (Array.isArray(n)) return n.forEach((x) => walk(x, depth + 1));
      for (const [k, x] of Object.entries(n)) {
        if (/^(initContainers|containers|ephemeralContainers)$/.test(k) && Array.isArray(x)) for (const c of x) if (c && typeof c.name === 'string') containers.add(c.name);
        walk(x, depth + 1);
      }
    };
    walk(v, 0);
    out.push({ start, end, first: lineOf(d.contents?.range?.[0] ?? d.range[0]), kind: v.kind, name: v.metadata?.name ?? '', containers });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Polaris

async function polaris(map) {
  const base = path.join(opts.polaris, 'test', 'checks');
  if (!existsSync(base)) usage(`${opts.polaris}: no test/checks folder (is it a Polaris checkout?)`);
  const rows = [];
  for (const [check, rules] of [...map.polaris].sort(([a], [b]) => a.localeCompare(b))) {
    if (opts.checks.length && !opts.checks.includes(check)) continue;
    const dir = path.join(base, check);
    const row = { peer: 'polaris', check, rules, files: 0, cases: 0, agree: 0, disagreements: [] };
    rows.push(row);
    if (!existsSync(dir)) {
      row.note = 'no test manifests';
      continue;
    }
    for (const name of readdirSync(dir).sort()) {
      if (!/^(success|failure)[^/]*\.ya?ml$/.test(name)) continue;
      const file = path.join(dir, name);
      const expected = name.startsWith('failure');
      const { findings } = await lintAlone(file);
      const fired = findings.filter((f) => rules.includes(f.rule));
      row.files++;
      row.cases++;
      if (fired.length > 0 === expected) row.agree++;
      else row.disagreements.push({ file: path.relative(opts.polaris, file), expected: expected ? 'failure (a finding)' : 'success (no finding)', dockyard: fired.length ? fired.map(render) : ['no finding of ' + rules.join(', ')] });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// kube-linter

/** The `@test` blocks of kube-linter's e2e bats file: file, checks, expected reports. */
function batsTests(root) {
  const bats = path.join(root, 'e2etests', 'bats-tests.sh');
  if (!existsSync(bats)) usage(`${root}: no e2etests/bats-tests.sh (is it a kube-linter checkout?)`);
  const text = readFileSync(bats, 'utf8');
  const tests = [];
  const unq = (s) => s.replace(/\\(.)/g, '$1');
  for (const m of text.matchAll(/^@test "([^"]+)" \{\n([\s\S]*?)\n\}/gm)) {
    const [, name, body] = m;
    const tmp = /^\s*tmp="([^"]+)"/m.exec(body)?.[1];
    const cmd = /^\s*cmd="([^\n]*)"$/m.exec(body)?.[1] ?? '';
    if (!tmp || !/\blint\b/.test(cmd) || /--ignore-paths|--output/.test(cmd)) continue;
    let checks = [...cmd.matchAll(/--include ([\w-]+)/g)].map((x) => x[1]);
    const config = /--config (\S+)/.exec(cmd)?.[1];
    if (config) {
      try {
        checks.push(...(parseYaml(readFileSync(path.join(root, config), 'utf8'))?.checks?.include ?? []));
      } catch {
        /* an unreadable config names no check */
      }
    }
    checks = [...new Set(checks)];
    const count = Number(/\[\[ "\$\{count\}" == "(\d+)" \]\]/.exec(body)?.[1] ?? NaN);
    const reports = [];
    for (const r of body.matchAll(/\[\[ "\$\{message(\d+)\}" (==|=~) "((?:[^"\\]|\\.)*)" \]\]/g)) {
      const msg = unq(r[3]);
      const colon = msg.indexOf(': ');
      reports[Number(r[1]) - 1] = { kind: colon > 0 ? msg.slice(0, colon) : undefined, message: msg, container: /container "([^"]+)"/i.exec(msg)?.[1] };
    }
    tests.push({ name, file: tmp, checks, count, reports });
  }
  return tests;
}

/**
 * Lays the expected reports over the objects in order (see the header), choosing the layout with the
 * fewest objects whose answer differs from Dockyard's. Returns, per object, whether it gets reports
 * and which, or undefined when no layout fits (more reports than can be placed).
 */
function layout(objects, reports, fires) {
  const n = objects.length;
  const m = reports.length;
  const fits = (o, r) => (!r.kind || r.kind === o.kind) && (!r.container || o.containers.has(r.container));
  const INF = Infinity;
  const cost = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(INF));
  const back = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(-1));
  cost[0][0] = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= m; j++) {
      if (cost[i][j] === INF) continue;
      const none = cost[i][j] + (fires[i] ? 1 : 0);
      if (none < cost[i + 1][j]) [cost[i + 1][j], back[i + 1][j]] = [none, j];
      const some = cost[i][j] + (fires[i] ? 0 : 1);
      for (let k = j; k < m && fits(objects[i], reports[k]); k++) {
        if (some < cost[i + 1][k + 1]) [cost[i + 1][k + 1], back[i + 1][k + 1]] = [some, j];
      }
    }
  }
  if (cost[n][m] === INF) return undefined;
  const out = new Array(n);
  for (let i = n, j = m; i > 0; i--) {
    const j0 = back[i][j];
    out[i - 1] = reports.slice(j0, j);
    j = j0;
  }
  return out;
}

async function kubeLinter(map) {
  const tests = batsTests(opts.kubeLinter);
  const rows = [];
  for (const [check, rules] of [...map['kube-linter']].sort(([a], [b]) => a.localeCompare(b))) {
    if (opts.checks.length && !opts.checks.includes(check)) continue;
    const row = { peer: 'kube-linter', check, rules, files: 0, cases: 0, agree: 0, disagreements: [] };
    rows.push(row);
    const mine = tests.filter((t) => t.checks.length === 1 && t.checks[0] === check);
    if (!mine.length) {
      row.note = 'no e2e test';
      continue;
    }
    for (const t of mine) {
      const file = path.join(opts.kubeLinter, t.file);
      if (!existsSync(file) || statSync(file).isDirectory()) {
        row.note = `${t.file} is not a file`;
        continue;
      }
      const { text, findings } = await lintAlone(file);
      const objects = objectsOf(text);
      const count = Number.isFinite(t.count) ? t.count : t.reports.length;
      const reports = Array.from({ length: count }, (_, i) => t.reports[i] ?? { message: '(not stated)' });
      const fired = objects.map((o) => findings.filter((f) => rules.includes(f.rule) && f.range.start.line >= o.start && f.range.start.line <= o.end));
      const fires = fired.map((f) => f.length > 0);
      row.files++;
      const placed = layout(objects, reports, fires);
      const rel = path.relative(opts.kubeLinter, file);
      if (!placed) {
        row.cases += objects.length;
        row.disagreements.push({ file: rel, expected: `${count} report(s) that cannot be laid over the file's objects: ${reports.map((r) => r.message).join(' | ')}`, dockyard: findings.filter((f) => rules.includes(f.rule)).map(render) });
        continue;
      }
      objects.forEach((o, i) => {
        row.cases++;
        const expected = placed[i].length > 0;
        if (expected === fires[i]) row.agree++;
        else
          row.disagreements.push({
            file: rel,
            object: `${o.kind} ${o.name} (line ${o.first + 1})`,
            expected: expected ? `reported: ${placed[i].map((r) => r.message).join(' | ')}` : 'no report',
            dockyard: fired[i].length ? fired[i].map(render) : ['no finding of ' + rules.join(', ')],
          });
      });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------

const map = mapping();
const rows = [...(opts.polaris ? await polaris(map) : []), ...(opts.kubeLinter ? await kubeLinter(map) : [])];

for (const r of rows) r.documented = documented(r.peer, r.check, r.rules);
const lines = ['| peer | check | Dockyard rules | files | cases | agree | disagree | documented difference |', '|---|---|---|---|---|---|---|---|'];
for (const r of rows) lines.push(`| ${r.peer} | ${r.check} | ${r.rules.join(', ')} | ${r.files} | ${r.cases} | ${r.agree} | ${r.disagreements.length}${r.note ? ` (${r.note})` : ''} | ${r.documented ? 'yes' : ''} |`);
const total = rows.reduce((a, r) => ({ cases: a.cases + r.cases, agree: a.agree + r.agree, documented: a.documented + (r.documented ? r.disagreements.length : 0) }), { cases: 0, agree: 0, documented: 0 });
const undocumented = total.cases - total.agree - total.documented;
lines.push(
  '',
  `${total.agree} of ${total.cases} cases agree (polaris: a file; kube-linter: an object); ${total.documented} differ under a check whose difference the rule documents (docs/rules.md), ${undocumented} under one it does not.`,
);
const dis = rows.filter((r) => r.disagreements.length);
if (dis.length) lines.push('', 'Disagreements:');
for (const r of dis) {
  lines.push('', `${r.peer} ${r.check} (${r.rules.join(', ')})${r.documented ? ' — documented difference' : ''}:`);
  for (const d of r.disagreements) {
    lines.push(`- ${d.file}${d.object ? ` — ${d.object}` : ''}`, `    expected: ${d.expected}`, ...d.dockyard.map((x, i) => `    ${i ? '         ' : 'dockyard:'} ${x}`));
  }
}
console.log(lines.join('\n'));
if (opts.json) writeFileSync(opts.json, JSON.stringify({ rows }, null, 2) + '\n');
if (opts.strict && undocumented > 0) process.exit(1);
