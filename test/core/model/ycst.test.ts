import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildFromCst } from '../../../server/src/core/model/ycst';
import { toValue } from '../../../server/src/core/model/ynode';
import { parseYaml, parseYamlComposed } from '../../../server/src/core/model/yparse';
import { splitDocuments } from '../../../server/src/core/model/yaml';
import { ROOT } from '../../lsp/client';
import { kubernetesManifest, manifestFiles } from '../../../scripts/bench/generate.mjs';

/**
 * The CST path (ycst.ts) must build exactly the tree the Composer path builds (node kinds, values,
 * styles, sources, ranges, flow flags, anchors) whenever it accepts a text, and must give up on
 * every text the library reports an error or a warning for.
 */

/** undefined when the CST path gave up or matched the Composer path; otherwise what differs. */
function mismatch(text: string): { accepted: boolean; problem?: string } {
  if (buildFromCst(text) === undefined) return { accepted: false };
  const fast = parseYaml(text);
  const slow = parseYamlComposed(text);
  if (slow.errors.length) return { accepted: true, problem: `accepted a text yaml rejects: ${slow.errors[0].message}` };
  if (slow.warnings.length) return { accepted: true, problem: `accepted a text yaml warns about: ${slow.warnings[0].message}` };
  if (fast.reader !== slow.reader) return { accepted: true, problem: `reader ${fast.reader} vs ${slow.reader}` };
  const a = JSON.stringify(fast.contents);
  const b = JSON.stringify(slow.contents);
  if (a !== b) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return { accepted: true, problem: `trees differ at ${a.slice(Math.max(0, i - 80), i + 40)}\n   vs ${b.slice(Math.max(0, i - 80), i + 40)}` };
  }
  if (JSON.stringify(toValue(fast.contents, fast.reader)) !== JSON.stringify(toValue(slow.contents, slow.reader))) return { accepted: true, problem: 'values differ' };
  return { accepted: true };
}

function accepts(text: string): void {
  const m = mismatch(text);
  assert.ok(m.accepted, `the CST path gave up on:\n${text}`);
  assert.equal(m.problem, undefined, `${m.problem}\n${text}`);
}

test('CST path: the same tree as the Composer for the constructs manifests use', () => {
  const cases = [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x  # the name\n  labels: {app: x, "tier": web}\n',
    '---\n# leading comment\na: b\n',
    // Plain scalars on one line: a `#` without a space before it is part of the value.
    'a: b#c\nd: e # f\ng: h#i #j\nk: -1:2\nl: ~\nm: "q"  # c\n',
    // A `...` marker ends the document (openstack-helm ends every file so).
    'a: 1\n...\n',
    'a:\n  b: 1\n# c\n...\n',
    'a:\n  - x\n... # end\n# after\n\n',
    '- 1\n...',
    '--- # marker comment\na: 1\n',
    'a:\n  - e\n  - f: 1\n    g: [1, "x"]\nh:\nk: {}\n',
    'a:\n- x\n-\n  y: 2\n-\nb: 1\n',
    '- a: 1\n  b: 2\n- c\n\n\n',
    '  - indented root\n  - two\n',
    'a:   # comment\n  b: 1\nh:  # cc\nk: 1\n',
    'a: b\n\n# c\n\nd: e\n',
    'a:\n  x: 1\n# at the parent indent\nd: e\n',
    'a:\n  # above x\n  x: 1\n',
    'a:\n  x: 1\n  # owned by the inner map\nd: e\n',
    'a:\n  x: 1\n\nd:\n- 1\n\n\ne:\n\n\nf: 1\n',
    'a: [ 1 , b ]\nb: { x: [1] , y: {} }\nc: ["x" , \'y\' ]\nd: [ -1, 2 ]\n',
    'a: [1,\n  2]\n',
    "a: 'it''s'  \nb: \"q\\\"\\\\ \\n\\t\\/x\" # c\n",
    'c:   \nd: 1\n',
    'e: ~\nf: 0x1F\ng: 0o17\nh: .inf\ni: 1e3\nj: -.5\nk: TRUE\nl: Null\nm: 1.50\nn: -1\no: +2\np: 007\nq: .NaN\n',
    'apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: yes\n  mode: 0644\n  on: off\n  1: 2\n',
    '"x": 1\n\'y\': 2\n80: http://example.com:80/x\ntrue: yes\n',
    'l: |\n  x\n\n  y\nm: 1\n',
    'a: |\n  x\n\n\nb: >-\n  f\n  g\n\n  h\nc: |+\n  k\n\nd: |\ne: 1\n',
    'script: |-\n  #!/bin/sh\n  set -e\n    indented more\n  # a shell comment\nnext: 1\n',
    '- |\n  in a sequence\n- >-\n  folded\n  item\n',
    'a: x#not-a-comment\nb: "#quoted" # comment\nc: a - b\nd: key:value\n',
    'a: multi\n  line plain\n',
    'a: "multi\n  line"\n',
    '- - nested\n',
    'a:\n',
    'plain root scalar\n',
    'on:\n  push:\njobs:\n  b: {}\n',
    '- hosts: all\n  become: yes\n',
  ];
  for (const c of cases) accepts(c);
});

test('CST path: gives up on what it does not mirror (the Composer parses those)', () => {
  const cases = [
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    '%YAML 1.2\n---\na: 1\n',
    '? complex\n: key\n',
    'a:\tb\n',
    'a: 1\r\nb: 2\r\n',
    'a: b: c\n',
    'a: 1\n b: 2\n',
    '',
    '# only a comment\n',
    'a: [1, 2,]\n',
    'a: [1, # c\n  2]\n',
    '...\na: 1\n',
    'a: 1\n...\nb: 2\n',
    'a: 1\n...\n...\n',
    'a: 1\n... x\n',
    'a: "unterminated\n',
    'a: [1, 2\n',
    // A plain scalar on one line that the library reports (its first character, a comment without a space).
    'a: @x\n',
    'a: `x`\n',
    '- ,x\n',
    'a: %x\n',
    '- @x # c\n',
  ];
  for (const c of cases) {
    assert.equal(buildFromCst(c), undefined, `should give up on ${JSON.stringify(c)}`);
    parseYamlComposed(c);
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

test('CST path: every fixture and example document it accepts matches the Composer; it accepts all generated manifests', () => {
  let total = 0;
  let accepted = 0;
  for (const { name, text } of corpus()) {
    for (const c of splitDocuments(text)) {
      total++;
      const m = mismatch(c.text);
      assert.equal(m.problem, undefined, `${name} document ${c.index}: ${m.problem}`);
      if (m.accepted) accepted++;
      else if (name.startsWith('bench:')) assert.fail(`${name} document ${c.index}: the CST path gave up on a generated manifest`);
    }
  }
  console.log(`# CST path: ${accepted} of ${total} fixture documents take it`);
  assert.ok(accepted > total * 0.8, `${accepted} of ${total}`);
});

test('CST path: seeded mutation fuzz never disagrees with the Composer', () => {
  let seed = 20261206;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const chunks: string[] = [];
  for (const { text } of corpus()) for (const c of splitDocuments(text)) chunks.push(c.text);
  const lines = ['', '   ', '#c', '  # c', '    # c', '- x', '  - x', 'k: v', '  k: v', '    k: v', 'k: |', 'k: >-', 'k: |+', '  k:', '-', '  -', 'k: [a, b]', 'k: {a: 1}', "k: 'a''b'", 'k: "a\\"b"', 'k: -1', 'k: 1.0', 'k: ~', 'k: x # y', '...', '  text', '  #', '- k: v', '  - k: v', '      deeper', 'k: { a: [1 , 2] , b: "x" }', 'k: [a,', '  b]', 'k: yes', 'on: 0644', '- [x: 1]', 'k: {a: }', 'k: [ ]', '? x', ': y', 'k: &a v', 'k: *a'];
  const mutations: ((ls: string[], i: number) => void)[] = [
    (ls, i) => ls.splice(i, 0, ' '.repeat(Math.floor(rnd() * 8)) + '# c'),
    (ls, i) => ls.splice(i, 0, ''),
    (ls, i) => ls.splice(i, 0, ' '.repeat(1 + Math.floor(rnd() * 6))),
    (ls, i) => (ls[i] += pick(['  ', ' # t', ':', ' ', '  #x', ' |', ' >', ',', ']', '}', ' [', ' {', '"', "'"])),
    (ls, i) => ls.splice(i, 1),
    (ls, i) => ls.splice(i, 0, ls[i] ?? ''),
    (ls, i) => (ls[i] = ' '.repeat(Math.floor(rnd() * 3)) + (ls[i] ?? '')),
    (ls, i) => (ls[i] = (ls[i] ?? '').replace(/^ {1,2}/, '')),
    (ls, i) => ls.splice(i, 0, ' '.repeat(2 * Math.floor(rnd() * 4)) + pick(lines)),
    (ls, i) => (ls[i] = (ls[i] ?? '').replace(/\|[-+]?|>[-+]?/, pick(['|', '|-', '|+', '>', '>-', '>+', '|2']))),
    (ls, i) => {
      const l = ls[i] ?? '';
      const at = Math.floor(rnd() * (l.length + 1));
      ls[i] = l.slice(0, at) + pick([':', '-', '#', ' ', '"', "'", '[', ']', '{', '}', ',', '?', '&', '*', '!', '|', '>', '%', '@', '`']) + l.slice(at);
    },
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
  console.log(`# CST path fuzz: ${accepted} of ${N} mutated documents took it, all equal to the Composer`);
  assert.ok(accepted > N / 4, `the fuzz exercised the CST path too rarely: ${accepted}`);
});

test('parseYaml: a text of comments and blank lines only is the Composer\'s empty document (without composing)', () => {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pieces = ['', '   ', '#c', '  # c', '#', '# a: b', '# ---', '\uE000', 'x', '---', '...', '%YAML 1.2', '#c\t', ' #'];
  let blank = 0;
  for (let k = 0; k < 3000; k++) {
    const text = Array.from({ length: Math.floor(rnd() * 6) }, () => pieces[Math.floor(rnd() * pieces.length)]).join('\n') + (rnd() < 0.5 ? '\n' : '');
    for (const reader of [undefined, 'kubernetes'] as const) assert.deepStrictEqual(parseYaml(text, reader), parseYamlComposed(text, reader), JSON.stringify(text));
    if (/^(\s*(#.*)?\n?)*$/.test(text)) blank++;
  }
  assert.ok(blank > 100, `${blank}`);
});
