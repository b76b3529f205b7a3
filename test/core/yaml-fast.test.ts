import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { fastPlainValue, parseYamlFast, yamlFastPath } from '../../server/src/core/model/yaml-fast';
import { splitDocuments } from '../../server/src/core/model/yaml';
import { Analyzer } from '../../server/src/core/engine';
import { createRegistry } from '../../server/src/core/rules';
import { mergeConfig } from '../../server/src/core/config/config';
import { ROOT } from '../lsp/client';
import { kubernetesManifest, manifestFiles } from '../../scripts/bench/generate.mjs';

/**
 * The block-YAML fast path must build exactly the tree `yaml` builds (node kinds, values, scalar
 * types, formats, sources, ranges, flow flags, document range) whenever it accepts a text, and
 * must give up on everything else.
 */

function slow(text: string) {
  return parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: true, logLevel: 'error' });
}

type N = unknown;
function diff(a: N, b: N, at = '$'): string | undefined {
  if (isPair(a) || isPair(b)) {
    if (!isPair(a) || !isPair(b)) return `${at}: pair vs not`;
    return diff(a.key, b.key, `${at}.key`) ?? diff(a.value, b.value, `${at}.value`);
  }
  if (a === null || b === null) return a === b ? undefined : `${at}: null vs node`;
  const kind = (n: N) => (isMap(n) ? 'map' : isSeq(n) ? 'seq' : isScalar(n) ? 'scalar' : typeof n);
  if (kind(a) !== kind(b)) return `${at}: ${kind(a)} vs ${kind(b)}`;
  const ra = JSON.stringify((a as { range?: unknown }).range);
  const rb = JSON.stringify((b as { range?: unknown }).range);
  if (isScalar(a) && isScalar(b)) {
    for (const k of ['value', 'type', 'format', 'minFractionDigits', 'source', 'tag'] as const) {
      if (!Object.is(a[k], b[k])) return `${at}.${k}: ${JSON.stringify(a[k])} vs ${JSON.stringify(b[k])}`;
    }
    return ra === rb ? undefined : `${at}.range: ${ra} vs ${rb}`;
  }
  const ca = a as { flow?: boolean; items: N[] };
  const cb = b as { flow?: boolean; items: N[] };
  if (!!ca.flow !== !!cb.flow) return `${at}.flow`;
  if (ra !== rb) return `${at}.range: ${ra} vs ${rb}`;
  if (ca.items.length !== cb.items.length) return `${at}: ${ca.items.length} vs ${cb.items.length} items`;
  for (let i = 0; i < ca.items.length; i++) {
    const d = diff(ca.items[i], cb.items[i], `${at}[${i}]`);
    if (d) return d;
  }
  return undefined;
}

/** undefined when the fast path gave up or matched `yaml`; otherwise what differs. */
function mismatch(text: string): { accepted: boolean; problem?: string } {
  const f = parseYamlFast(text);
  if (!f) return { accepted: false };
  const s = slow(text);
  if (s.errors.length) return { accepted: true, problem: `accepted a text yaml rejects: ${s.errors[0].message}` };
  if (s.warnings.length) return { accepted: true, problem: `accepted a text yaml warns about: ${s.warnings[0].message}` };
  const problem =
    diff(f.contents, s.contents) ??
    (JSON.stringify(f.range) !== JSON.stringify(s.range) ? `doc.range ${JSON.stringify(f.range)} vs ${JSON.stringify(s.range)}` : undefined) ??
    (JSON.stringify(f.toJS()) !== JSON.stringify(s.toJS()) ? 'toJS differs' : undefined) ??
    (JSON.stringify(fastPlainValue(f)!.value) !== JSON.stringify(s.toJS()) ? 'fastPlainValue differs from toJS' : undefined);
  return { accepted: true, problem };
}

function accepts(text: string): void {
  const m = mismatch(text);
  assert.ok(m.accepted, `fast path gave up on:\n${text}`);
  assert.equal(m.problem, undefined, `${m.problem}\n${text}`);
}

test('yaml fast path: builds the same tree as yaml for the constructs manifests use', () => {
  const cases = [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x  # the name\n  labels: {app: x, "tier": web}\n',
    '---\n# leading comment\na: b\n',
    '--- # marker comment\na: 1\n',
    'a:\n  - e\n  - f: 1\n    g: [1, "x"]\nh:\nk: {}\n',
    'a:\n- x\n-\n  y: 2\n-\nb: 1\n',
    '- a: 1\n  b: 2\n- c\n\n\n',
    '  - indented root\n  - two\n',
    'a:   # comment\n  b: 1\nh:  # cc\nk: 1\n',
    'a: b\n\n# c\n\nd: e\n',
    'a:\n  x: 1\n# at the parent indent\nd: e\n',
    'a:\n  # above x\n  x: 1\n',
    'a:\n  x: 1\n\nd:\n- 1\n\n\ne:\n\n\nf: 1\n',
    'a: [ 1 , b ]\nb: { x: [1] , y: {} }\nc: ["x" , \'y\' ]\nd: [ -1, 2 ]\n',
    "a: 'it''s'  \nb: \"q\\\"\\\\ \\n\\t\\/x\" # c\n",
    'c:   \nd: 1\n',
    'e: ~\nf: 0x1F\ng: 0o17\nh: .inf\ni: 1e3\nj: -.5\nk: TRUE\nl: Null\nm: 1.50\nn: -1\no: +2\np: 007\nq: .NaN\n',
    '"x": 1\n\'y\': 2\n80: http://example.com:80/x\ntrue: yes\n',
    '__proto__: 1\ntoString: 2\n~: null key\n1.0: float key\n',
    'a: 1\nb: 2\na: 3\nconstructor: x\nhasOwnProperty: y\nvalueOf: {}\n',
    'l: |\n  x\n\n  y\nm: 1\n',
    'a: |\n  x\n\n\nb: >-\n  f\n  g\n\n  h\nc: |+\n  k\n\nd: |\ne: 1\n',
    'script: |-\n  #!/bin/sh\n  set -e\n    indented more\n  # a shell comment\nnext: 1\n',
    'f: >\n\n  leading blank\n  folded\n\n\n  two blanks\n',
    '- |\n  in a sequence\n- >-\n  folded\n  item\n',
    'a: x#not-a-comment\nb: "#quoted" # comment\nc: a - b\nd: key:value\n',
    'image: registry.example.com:5000/openstack/cinder:2025.2-noble\nargs: ["--config-file", "/etc/cinder/cinder.conf"]\n',
  ];
  for (const c of cases) accepts(c);
});

test('yaml fast path: gives up on what it does not handle exactly (yaml parses those)', () => {
  const cases = [
    'a: &x 1\nb: *x\n', // anchors, aliases
    'a: !!str 1\n', // tags
    '%YAML 1.2\n---\na: 1\n', // directives
    'a: multi\n  line plain\n', // multi-line plain
    'a: "multi\n  line"\n', // multi-line quoted
    '? complex\n: key\n',
    'a:\tb\n', // tabs
    'a: 1\r\nb: 2\r\n', // CR
    'a: "\\u00e9"\n', // escapes beyond the common ones
    'a:\n  x: 1\n  # owned by the inner map\nd: e\n', // yaml folds this comment into a range
    'a: 1\n  # more indented than what follows\nb: 2\n',
    'a: b: c\n', // an error
    'a: 1\n b: 2\n', // an error
    '', // empty document
    '# only a comment\n',
    'plain root scalar\n',
    'a: [1,\n  2]\n', // multi-line flow
    'a: [1, 2,]\n', // trailing comma
    'a: |2\n   x\n', // explicit indentation indicator
    'a: |\n  x', // block scalar without its last line break
    '- - nested\n',
    'a:\n', // an empty value at the very end
    'a: 1\n...\n',
  ];
  for (const c of cases) {
    assert.equal(parseYamlFast(c), undefined, `should give up on ${JSON.stringify(c)}`);
    slow(c); // and yaml copes
  }
});

function walk(dir: string, out: string[]): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

function corpus(): { name: string; text: string }[] {
  const files = [...walk(path.join(ROOT, 'test/fixtures'), []), ...walk(path.join(ROOT, 'examples'), [])];
  const out = files.map((f) => ({ name: path.relative(ROOT, f), text: fs.readFileSync(f, 'utf8') }));
  out.push({ name: 'bench:300 docs', text: kubernetesManifest({ docs: 300 }) as string });
  for (const f of manifestFiles(60) as { path: string; text: string }[]) out.push({ name: `bench:${f.path}`, text: f.text });
  return out;
}

test('yaml fast path: every fixture and example document it accepts matches yaml; it accepts all generated manifests', () => {
  let total = 0;
  let accepted = 0;
  for (const { name, text } of corpus()) {
    for (const c of splitDocuments(text)) {
      total++;
      const m = mismatch(c.text);
      assert.equal(m.problem, undefined, `${name} document ${c.index}: ${m.problem}`);
      if (m.accepted) accepted++;
      else if (name.startsWith('bench:')) assert.fail(`${name} document ${c.index}: the fast path gave up on a generated manifest`);
    }
  }
  console.log(`# yaml fast path: ${accepted} of ${total} fixture documents take it`);
  assert.ok(accepted > total * 0.9, `${accepted} of ${total}`);
});

test('yaml fast path: seeded mutation fuzz (comments, blank lines, indentation, scalars, block headers) never disagrees with yaml', () => {
  let seed = 20261125;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const chunks: string[] = [];
  for (const { text } of corpus()) for (const c of splitDocuments(text)) chunks.push(c.text);
  const lines = ['', '   ', '#c', '  # c', '    # c', '- x', '  - x', 'k: v', '  k: v', '    k: v', 'k: |', 'k: >-', 'k: |+', '  k:', '-', '  -', 'k: [a, b]', 'k: {a: 1}', "k: 'a''b'", 'k: "a\\"b"', 'k: -1', 'k: 1.0', 'k: ~', 'k: x # y', '...', '  text', '  #', '- k: v', '  - k: v', '      deeper', 'k: { a: [1 , 2] , b: "x" }'];
  const mutations: ((ls: string[], i: number) => void)[] = [
    (ls, i) => ls.splice(i, 0, ' '.repeat(Math.floor(rnd() * 8)) + '# c'),
    (ls, i) => ls.splice(i, 0, ''),
    (ls, i) => ls.splice(i, 0, ' '.repeat(1 + Math.floor(rnd() * 6))),
    (ls, i) => (ls[i] += pick(['  ', ' # t', ':', ' ', '  #x', ' |', ' >'])),
    (ls, i) => ls.splice(i, 1),
    (ls, i) => ls.splice(i, 0, ls[i] ?? ''),
    (ls, i) => (ls[i] = ' '.repeat(Math.floor(rnd() * 3)) + (ls[i] ?? '')),
    (ls, i) => (ls[i] = (ls[i] ?? '').replace(/^ {1,2}/, '')),
    (ls, i) => ls.splice(i, 0, ' '.repeat(2 * Math.floor(rnd() * 4)) + pick(lines)),
    (ls, i) => (ls[i] = (ls[i] ?? '').replace(/\|[-+]?|>[-+]?/, pick(['|', '|-', '|+', '>', '>-', '>+']))),
  ];
  let accepted = 0;
  const N = 4000;
  for (let k = 0; k < N; k++) {
    const ls = pick(chunks).split('\n');
    const m = 1 + Math.floor(rnd() * 3);
    for (let j = 0; j < m; j++) pick(mutations)(ls, Math.floor(rnd() * ls.length));
    const text = ls.join('\n');
    const r = mismatch(text);
    assert.equal(r.problem, undefined, `${r.problem}\n--- input ---\n${text}`);
    if (r.accepted) accepted++;
  }
  console.log(`# yaml fast path fuzz: ${accepted} of ${N} mutated documents took the fast path, all equal to yaml`);
  assert.ok(accepted > N / 4, `the fuzz exercised the fast path too rarely: ${accepted}`);
});

test('yaml fast path: whole analyses (findings, ranges, fixes) are the same with and without it', () => {
  const config = mergeConfig();
  const run = (name: string, text: string) => {
    const a = new Analyzer(createRegistry(), (rule, _p, e) => {
      throw new Error(`rule ${rule} threw: ${String(e)}`);
    });
    return JSON.stringify(a.analyze({ path: `/ws/${name.replace(/[:/]/g, '_')}`, text }, config).findings.map((f) => ({ ...f, fixes: f.fixes })));
  };
  let files = 0;
  for (const { name, text } of corpus()) {
    if (!/\.ya?ml$/.test(name) && !name.startsWith('bench:')) continue;
    files++;
    let slowFindings: string;
    try {
      yamlFastPath.enabled = false;
      slowFindings = run(name, text);
    } finally {
      yamlFastPath.enabled = true;
    }
    assert.equal(run(name, text), slowFindings, name);
  }
  assert.ok(files > 100, `${files} files`);
});

test("the model's node predicates (prototype checks) agree with yaml's own on every node of every fixture, parsed either way", async () => {
  const Y = await import('yaml');
  const mine = await import('../../server/src/core/model/yaml-api');
  const names = ['isMap', 'isSeq', 'isScalar', 'isPair', 'isAlias', 'isCollection', 'isNode', 'isDocument'] as const;
  let checked = 0;
  const visit = (n: unknown, depth = 0): void => {
    if (depth > 300) return;
    for (const name of names) assert.equal((mine[name] as (x: unknown) => boolean)(n), (Y[name] as (x: unknown) => boolean)(n), `${name} on a ${(n as object | null)?.constructor?.name ?? typeof n}`);
    checked++;
    if (Y.isPair(n)) {
      visit(n.key, depth + 1);
      visit(n.value, depth + 1);
    } else if (Y.isCollection(n)) for (const it of n.items) visit(it, depth + 1);
  };
  const set = Y.parseDocument('!!set\n? a\n', { logLevel: 'error' }).contents;
  const omap = Y.parseDocument('!!omap\n- a: 1\n', { logLevel: 'error' }).contents;
  for (const v of [null, undefined, 0, 'x', {}, [], set, omap, new Y.Alias('a'), new Y.Document()]) visit(v);
  for (const { text } of corpus()) {
    for (const c of splitDocuments(text)) {
      const docs = [slow(c.text), parseYamlFast(c.text)];
      for (const d of docs) if (d) visit(d), visit(d.contents);
    }
  }
  assert.ok(checked > 10_000, `${checked} nodes`);
});
