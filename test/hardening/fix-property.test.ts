// Issue #12 (byte-safe fixes): a property test over generated manifests. Random Pods and Deployments
// with insecure fields, written in block, flow, mixed and JSON forms, with inline comments, CRLF
// line ends and a BOM, go through every offered fix (each alone) and through fix-all (the service's
// fixText, safe and review tiers). Every result must: apply every edit of the fix (no edits of one fix
// overlap), keep the BOM, the line ends, JSON-ness and every comment the fix does not remove with
// its line, parse without errors (the same YAML library and Dockyard's reader), and lose the finding
// it fixed. Seeded: the same cases every run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { diffLines } from 'diff';
import { DockyardService, type ServiceHost } from '../../server/src/core/service';
import { mergeConfig, type PartialConfig } from '../../server/src/core/config/config';
import { createRegistry } from '../../server/src/core/rules';
import { applyEdits, LineIndex } from '../../server/src/core/text';
import type { Finding, TextEdit } from '../../server/src/core/types';
import { mulberry32 } from '../../scripts/bench/generate.mjs';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type Form = 'block' | 'flow' | 'mixed' | 'json' | 'json-compact';

const CASES = Number(process.env.DOCKYARD_FIX_CASES ?? 200);
const registry = createRegistry();
const PATH = '/ws/manifest.yaml';

function memoryHost(): ServiceHost {
  return {
    readFile: () => {
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    },
    stat: () => ({ error: 'ENOENT' }),
    realPath: (p) => p,
    listFolder: () => undefined,
    isUnderChartTemplates: () => false,
    findConfig: (_p, overrides: PartialConfig) => ({ config: mergeConfig(overrides), problems: [] }),
  };
}

// ---------------------------------------------------------------------------------------------
// Generation

function manifest(rng: () => number, i: number): { [k: string]: Json } {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rng() * xs.length)];
  const maybe = (p: number) => rng() < p;
  const container = (n: number): { [k: string]: Json } => {
    const c: { [k: string]: Json } = { name: `c${n}`, image: pick(['nginx:1.25', 'registry.example.com/app:1.2.3', 'busybox:1.36']) };
    if (maybe(0.3)) c.ports = [{ containerPort: 8080, ...(maybe(0.5) ? { hostPort: 8080 } : {}) }];
    if (maybe(0.8)) {
      const sc: { [k: string]: Json } = {};
      if (maybe(0.4)) sc.privileged = true;
      if (maybe(0.4)) sc.allowPrivilegeEscalation = pick([true, false]);
      if (maybe(0.3)) sc.capabilities = maybe(0.5) ? { add: ['SYS_ADMIN', 'NET_RAW'] } : { drop: ['NET_RAW'] };
      if (maybe(0.3)) sc.runAsUser = pick([0, 1000]);
      if (maybe(0.2)) sc.readOnlyRootFilesystem = false;
      if (maybe(0.2)) sc.seccompProfile = { type: pick(['Unconfined', 'RuntimeDefault']) };
      c.securityContext = sc;
    }
    if (maybe(0.3)) c.resources = { limits: { cpu: '1' } };
    return c;
  };
  const spec: { [k: string]: Json } = { containers: Array.from({ length: 1 + Math.floor(rng() * 2) }, (_, n) => container(n)) };
  if (maybe(0.3)) spec.hostNetwork = true;
  if (maybe(0.2)) spec.hostPID = true;
  if (maybe(0.5)) {
    const psc: { [k: string]: Json } = {};
    if (maybe(0.6)) psc.runAsNonRoot = pick([true, false]);
    if (maybe(0.3)) psc.seccompProfile = { type: 'Unconfined' };
    spec.securityContext = psc;
  }
  if (maybe(0.3)) spec.volumes = [{ name: 'h', hostPath: { path: '/var/run/docker.sock' } }];
  if (maybe(0.5)) {
    return { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}` }, spec };
  }
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `d${i}` },
    spec: { selector: { matchLabels: { app: `d${i}` } }, template: { metadata: { labels: { app: `d${i}` } }, spec } },
  };
}

const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;
const scalar = (v: Json): string =>
  typeof v === 'string' ? (PLAIN.test(v) && !/^(true|false|null|yes|no|on|off)$/i.test(v) ? v : JSON.stringify(v)) : String(v);

function flow(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}: ${flow(x)}`).join(', ')}}`;
  return scalar(v);
}

/** Block YAML; from `flowAt` levels deep, collections are written in flow style. Comments after some lines. */
function block(v: { [k: string]: Json }, rng: () => number, unit: number, flowAt: number, comments: { n: number }): string {
  const out: string[] = [];
  const comment = () => (rng() < 0.3 ? ` # note ${++comments.n}` : '');
  const isEmpty = (x: Json) => (Array.isArray(x) ? x.length === 0 : x !== null && typeof x === 'object' && Object.keys(x).length === 0);
  // One `key: value` at column `col`; `lead` is '- ' for the first pair of a sequence item, '  ' for the others ('' in a map).
  const pair = (k: string, x: Json, col: number, lead: string, depth: number): void => {
    const line = `${' '.repeat(col)}${lead}${k}:`;
    const keyCol = col + lead.length;
    if (x === null || typeof x !== 'object' || depth >= flowAt || isEmpty(x)) {
      out.push(`${line} ${x !== null && typeof x === 'object' ? flow(x) : scalar(x)}${comment()}`);
      return;
    }
    out.push(`${line}${comment()}`);
    if (Array.isArray(x)) {
      for (const item of x) {
        if (item !== null && typeof item === 'object' && !Array.isArray(item) && depth + 1 < flowAt && !isEmpty(item)) {
          Object.entries(item).forEach(([k2, x2], j) => pair(k2, x2, keyCol + unit, j === 0 ? '- ' : '  ', depth + 2));
        } else out.push(`${' '.repeat(keyCol + unit)}- ${item !== null && typeof item === 'object' ? flow(item) : scalar(item)}${comment()}`);
      }
      return;
    }
    for (const [k2, x2] of Object.entries(x)) pair(k2, x2, keyCol + unit, '', depth + 1);
  };
  for (const [k, x] of Object.entries(v)) pair(k, x, 0, '', 0);
  return out.join('\n') + '\n';
}

interface Case {
  text: string;
  form: Form;
  crlf: boolean;
  bom: boolean;
  seed: number;
}

function generate(seed: number): Case {
  const rng = mulberry32(seed);
  const forms: Form[] = ['block', 'flow', 'mixed', 'json', 'json-compact'];
  const form = forms[Math.floor(rng() * forms.length)];
  const docs = form.startsWith('json') ? 1 : 1 + Math.floor(rng() * 2);
  const parts: string[] = [];
  const comments = { n: 0 };
  for (let d = 0; d < docs; d++) {
    const m = manifest(rng, seed * 10 + d);
    if (form === 'json') parts.push(JSON.stringify(m, null, rng() < 0.5 ? 2 : 4) + '\n');
    else if (form === 'json-compact') parts.push(JSON.stringify(m) + '\n');
    else if (form === 'flow') parts.push(`apiVersion: ${m.apiVersion}\nkind: ${m.kind}\nmetadata: ${flow(m.metadata)}\nspec: ${flow(m.spec)}${rng() < 0.5 ? ` # note ${++comments.n}` : ''}\n`);
    else parts.push(block(m, rng, rng() < 0.7 ? 2 : 4, form === 'mixed' ? 2 + Math.floor(rng() * 4) : 99, comments));
  }
  let text = parts.join('---\n');
  const crlf = rng() < 0.3;
  const bom = rng() < 0.2;
  if (crlf) text = text.replace(/\n/g, '\r\n');
  if (bom) text = '\uFEFF' + text;
  return { text, form, crlf, bom, seed };
}

// ---------------------------------------------------------------------------------------------
// Checks

/** Comments (`# …` after a blank or at a line start) with their offsets. */
function comments(text: string): { at: number; text: string }[] {
  const out: { at: number; text: string }[] = [];
  const re = /(^|[ \t])(# note \d+)/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ at: m.index + m[1].length, text: m[2] });
  return out;
}

function checkResult(c: Case, before: string, after: string, edits: TextEdit[] | undefined, what: string): string[] {
  const problems: string[] = [];
  if (c.bom && !after.startsWith('\uFEFF')) problems.push('BOM lost');
  if (!c.bom && after.includes('\uFEFF')) problems.push('BOM added');
  if (c.crlf && /(^|[^\r])\n/.test(after)) problems.push('a bare LF in a CRLF file');
  if (!c.crlf && after.includes('\r')) problems.push('a CR in an LF file');
  if (c.form.startsWith('json')) {
    try {
      JSON.parse(after.replace(/^\uFEFF/, ''));
    } catch (e) {
      problems.push(`no longer JSON: ${(e as Error).message}`);
    }
  }
  const docs = parseAllDocuments(after.replace(/^\uFEFF/, ''));
  for (const d of Array.isArray(docs) ? docs : [docs]) for (const e of d.errors) problems.push(`YAML error: ${e.message.split('\n')[0]}`);
  // Comments survive unless the fix removed their whole line (a removed pair takes its comment along).
  if (edits) {
    const idx = new LineIndex(before);
    const spans = edits.map((e) => ({ start: idx.offsetAt(e.range.start), end: idx.offsetAt(e.range.end), text: e.newText }));
    for (const cm of comments(before)) {
      const ls = before.lastIndexOf('\n', cm.at - 1) + 1;
      let first = ls;
      while (before[first] === ' ' || before[first] === '\t' || before[first] === '\uFEFF') first++;
      const removedWithLine = spans.some((s) => s.start <= first && s.end >= cm.at + cm.text.length);
      if (!removedWithLine && !after.includes(cm.text)) problems.push(`comment "${cm.text}" lost`);
    }
  } else {
    // fix-all: a line that carried a comment and was rewritten (same indentation and key) keeps it.
    const parts = diffLines(before, after);
    for (let k = 0; k < parts.length; k++) {
      if (!parts[k].removed) continue;
      const added = parts[k + 1]?.added ? parts[k + 1].value.split(/\r?\n/) : [];
      for (const line of parts[k].value.split(/\r?\n/)) {
        const cm = /[ \t](# note \d+)/.exec(line);
        if (!cm) continue;
        const key = /^[ \t-]*("?[A-Za-z]+"?:)/.exec(line)?.[0];
        if (key && added.some((l) => l.startsWith(key) && !l.includes(cm[1]))) problems.push(`comment "${cm[1]}" lost from the rewritten line ${JSON.stringify(line)}`);
      }
    }
  }
  return problems.map((p) => `${what}: ${p}`);
}

function describe(c: Case): string {
  return `seed ${c.seed} (${c.form}${c.crlf ? ', CRLF' : ''}${c.bom ? ', BOM' : ''}):\n${c.text}`;
}

test(`fix property: ${CASES} generated manifests, every fix alone and fix-all keep the file's form and parse`, { timeout: 300_000 }, () => {
  const failures: string[] = [];
  let fixesTried = 0;
  let fixAllTried = 0;
  const forms = new Map<string, number>();
  const checker = new DockyardService({ host: memoryHost(), registry });
  for (let seed = 1; seed <= CASES; seed++) {
    const c = generate(seed);
    forms.set(c.form, (forms.get(c.form) ?? 0) + 1);
    const service = new DockyardService({ host: memoryHost(), registry, logRuleError: (rule, _p, e) => failures.push(`seed ${seed}: rule ${rule} threw ${String(e)}`) });
    const before = service.fixText(PATH, c.text, { maxRounds: 0 }).findings;
    const syntax = before.filter((f) => f.rule === 'yaml-syntax');
    if (syntax.length) {
      failures.push(`generator wrote invalid YAML, ${describe(c)}\n${syntax.map((f) => f.message).join('\n')}`);
      continue;
    }
    const count = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule).length;
    for (const f of before) {
      for (const fx of f.fixes ?? []) {
        if (fx.kind === 'ignore') continue;
        fixesTried++;
        const idx = new LineIndex(c.text);
        const spans = fx.edits.map((e) => [idx.offsetAt(e.range.start), idx.offsetAt(e.range.end)] as const).sort((a, b) => a[0] - b[0]);
        const what = `${f.rule} fix at ${f.range.start.line}:${f.range.start.character}`;
        const problems: string[] = [];
        for (let k = 1; k < spans.length; k++) if (spans[k][0] < spans[k - 1][1]) problems.push(`${what}: its edits overlap`);
        if (c.bom && spans.some((s) => s[0] === 0 && s[1] > 0)) problems.push(`${what}: an edit replaces the BOM`);
        const after = applyEdits(c.text, fx.edits);
        problems.push(...checkResult(c, c.text, after, fx.edits, what));
        if (!problems.length) {
          const left = checker.fixText(PATH, after, { maxRounds: 0 }).findings;
          if (count(left, 'yaml-syntax')) problems.push(`${what}: Dockyard's reader reports a syntax error`);
          if (count(left, f.rule) >= count(before, f.rule)) problems.push(`${what}: the finding is still there`);
        }
        if (problems.length) failures.push(`${problems.join('\n')}\n${describe(c)}--- after:\n${after}`);
      }
    }
    for (const unsafe of [false, true]) {
      fixAllTried++;
      const r = new DockyardService({ host: memoryHost(), registry }).fixText(PATH, c.text, { unsafe });
      const what = `fix-all${unsafe ? ' --unsafe' : ''}`;
      const problems = checkResult(c, c.text, r.text, undefined, what);
      if (count(r.findings, 'yaml-syntax')) problems.push(`${what}: Dockyard's reader reports a syntax error`);
      if (problems.length) failures.push(`${problems.join('\n')}\n${describe(c)}--- after:\n${r.text}`);
    }
    if (failures.length > 5) break;
  }
  assert.deepEqual(failures.slice(0, 3).map((f) => (f.length > 3000 ? f.slice(0, 3000) + ' …' : f)), []);
  // The generator covers every form, and fixes were really exercised.
  assert.deepEqual([...forms.keys()].sort(), ['block', 'flow', 'json', 'json-compact', 'mixed']);
  assert.ok(fixesTried > CASES, `only ${fixesTried} fixes tried`);
  assert.equal(fixAllTried, CASES * 2);
});

test('the seccomp fix on a flow-style pod spec lands in its securityContext, not after the closing brace', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: "nginx:1.25"}], securityContext: {runAsNonRoot: true}}\n';
  const service = new DockyardService({ host: memoryHost(), registry });
  const f = service.fixText(PATH, text, { maxRounds: 0 }).findings.find((x) => x.rule === 'seccomp-unconfined');
  assert.ok(f?.fixes?.length, 'seccomp-unconfined offers a fix');
  assert.equal(
    applyEdits(text, f.fixes[0].edits),
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: "nginx:1.25"}], securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}}\n',
  );
});

test('fixes in a JSON manifest write JSON (quoted keys), after the last member', () => {
  const text = '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {"name": "p"},\n  "spec": {\n    "containers": [{"name": "c", "image": "nginx:1.25", "securityContext": {"privileged": true}}]\n  }\n}\n';
  const r = new DockyardService({ host: memoryHost(), registry }).fixText(PATH, text, { unsafe: true });
  assert.doesNotThrow(() => JSON.parse(r.text), r.text);
  const pod = JSON.parse(r.text);
  assert.equal(pod.spec.containers[0].securityContext.privileged, false);
  assert.deepEqual(pod.spec.securityContext.seccompProfile, { type: 'RuntimeDefault' });
});
