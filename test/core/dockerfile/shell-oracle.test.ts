import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syntax, type Node } from 'mvdan-sh';
import fc from 'fast-check';
import { parseShell, simpleCommands } from '../../../server/src/core/util/shell';
import { RUN_CORPUS } from './shell-corpus';

/**
 * Differential test: our parser against mvdan/sh (the parser behind shfmt, GopherJS build
 * mvdan-sh@0.10.1, a devDependency only). For every input both must find the same simple commands
 * with the same words at the same offsets.
 */
const parser = syntax.NewParser(syntax.Variant(syntax.LangBash));

type Cmd = string; // "start-end:start-end …" of the argv words, assignments first

function oracle(text: string): Cmd[] {
  const f = parser.Parse(text, '');
  const out: { at: number; key: Cmd }[] = [];
  const span = (n: Node) => `${n.Pos().Offset()}-${n.End().Offset()}`;
  syntax.Walk(f, (n) => {
    if (!n) return true;
    const ty = syntax.NodeType(n);
    if (ty === 'CallExpr') {
      const words = [...(n.Assigns as Node[]), ...(n.Args as Node[])];
      out.push({ at: words.length ? words[0].Pos().Offset() : n.Pos().Offset(), key: words.map(span).join(' ') });
    } else if (ty === 'DeclClause') {
      const words = [n.Variant as Node, ...(n.Args as Node[])];
      out.push({ at: words[0].Pos().Offset(), key: words.map(span).join(' ') });
    }
    return true;
  });
  return out.sort((a, b) => a.at - b.at).map((x) => x.key);
}

function ours(text: string): Cmd[] {
  const s = parseShell(text);
  assert.deepEqual(s.errors, [], `errors for ${JSON.stringify(text)}`);
  return simpleCommands(s.list).map((c) => [...c.assignments, ...c.words].map((w) => `${w.start}-${w.end}`).join(' '));
}

test('shell parser agrees with mvdan/sh on every real RUN line of the corpus', () => {
  for (const text of RUN_CORPUS) {
    assert.deepEqual(ours(text), oracle(text), text);
  }
});

test('shell parser agrees with mvdan/sh on generated scripts (fast-check)', () => {
  const word = fc.constantFrom(
    'echo', 'apt-get', 'install', '-y', '--no-install-recommends', 'curl', '"a b"', "'c d'", '$HOME', '${X:-y}', '"$(id -u)"',
    '`date`', 'a\\ b', '/var/lib/apt/lists/*', 'x=1', '"${A}"b', '$((1+2))', '{a,b}', 'done', 'if', '}', 'a#b', '"#"',
  );
  const simple = fc.tuple(fc.constantFrom('ls', 'make', 'sudo', 'FOO=1 env', 'cd'), fc.array(word, { maxLength: 4 }), fc.constantFrom('', ' >/dev/null', ' 2>&1', ' <in', ' >>"$LOG"')).map(([n, ws, r]) => [n, ...ws].join(' ') + r);
  const pipeline = fc.array(simple, { minLength: 1, maxLength: 3 }).map((cs) => cs.join(' | '));
  const andOr = fc.tuple(pipeline, fc.array(fc.tuple(fc.constantFrom(' && ', ' || '), pipeline), { maxLength: 3 })).map(([p, rest]) => p + rest.map(([o, q]) => o + q).join(''));
  const compound = fc.oneof(
    andOr,
    andOr.map((a) => `{ ${a}; }`),
    andOr.map((a) => `( ${a} )`),
    fc.tuple(andOr, andOr).map(([a, b]) => `if ${a}; then ${b}; fi`),
    fc.tuple(andOr, andOr, andOr).map(([a, b, c]) => `if ${a}; then ${b}; else ${c}; fi`),
    andOr.map((a) => `for x in 1 2 "$Y"; do ${a}; done`),
    fc.tuple(andOr, andOr).map(([a, b]) => `while ${a}; do ${b}; done`),
    andOr.map((a) => `case "$x" in a|b) ${a};; *) true;; esac`),
    andOr.map((a) => `echo "$(${a})"`),
  );
  const script = fc.array(fc.tuple(compound, fc.constantFrom('; ', ' && ', ' || ', '\n', ' & ')), { minLength: 1, maxLength: 4 }).map((items) => items.map(([c, s], i) => c + (i < items.length - 1 ? s : '')).join(''));
  fc.assert(
    fc.property(script, (text) => {
      assert.deepEqual(ours(text), oracle(text), text);
    }),
    { numRuns: 40, seed: 42 },
  );
});
