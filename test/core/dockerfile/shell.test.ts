import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  changesShellStateForTest,
  joinContinuations,
  OffsetMap,
  parseShell,
  pipelines,
  simpleCommands,
  unwrapCommand,
  type ShellList,
} from './shell-exports';

const argv = (text: string) => simpleCommands(parseShell(text).list).map((c) => c.words.map((w) => w.value ?? `<${w.text}>`));

test('simple commands: argv values after quote removal; expansions keep their text', () => {
  assert.deepEqual(argv(`echo "a b" 'c d' e\\ f $HOME "x$Y" plain`), [['echo', 'a b', 'c d', 'e f', '<$HOME>', '<"x$Y">', 'plain']]);
  assert.deepEqual(argv(`printf $'a\\tb' $"x"`), [['printf', 'a\tb', 'x']]);
  const s = parseShell('FOO=1 BAR="x y" make -j4 >/dev/null 2>&1');
  const c = simpleCommands(s.list)[0];
  assert.deepEqual(c.assignments.map((w) => w.text), ['FOO=1', 'BAR="x y"']);
  assert.deepEqual(c.words.map((w) => [w.text, w.start, w.end]), [['make', 16, 20], ['-j4', 21, 24]]);
  assert.deepEqual(c.redirects.map((r) => [r.fd ?? '', r.op, r.target?.text, r.start, r.end]), [['', '>', '/dev/null', 25, 35], ['2', '>&', '1', 36, 40]]);
});

test('lists, and-or and pipelines keep their operators and separators', () => {
  const s = parseShell('a | b && c || d; e & f\ng');
  const items = s.list.items;
  assert.deepEqual(items.map((i) => i.separator?.op ?? ''), [';', '&', '\n', '']);
  assert.deepEqual(items[0].andOr.ops, ['&&', '||']);
  assert.deepEqual(items[0].andOr.pipelines.map((p) => p.commands.length), [2, 1, 1]);
  assert.deepEqual(pipelines(s.list).map((p) => s.text.slice(p.start, p.end)), ['a | b']);
  assert.equal(parseShell('! grep -q x f').list.items[0].andOr.pipelines[0].negated, true);
  // && / || and | may be followed by line breaks
  assert.deepEqual(argv('a &&\n  b ||\n c |\n d'), [['a'], ['b'], ['c'], ['d']]);
});

test('compound commands: commands inside are found; reserved words only in command position', () => {
  const text = 'if [ -f x ]; then echo done; elif true; then :; else for i in 1 2; do echo $i; done; fi; while false; do break; done; until a; do b; done; case $x in a|b) c;; (d) e;& *) f;;& esac; { g; } ; ( h ) ; k() { l; } ; function m { n; }; [[ -n $x && $y < 3 ]]; (( i++ ))';
  const s = parseShell(text);
  assert.deepEqual(s.errors, []);
  assert.deepEqual(
    simpleCommands(s.list).map((c) => c.words[0]?.value),
    ['[', 'echo', 'true', ':', 'echo', 'false', 'break', 'a', 'b', 'c', 'e', 'f', 'g', 'h', 'l', 'n'],
  );
  const kinds = s.list.items.map((i) => i.andOr.pipelines[0].commands[0].type);
  assert.deepEqual(kinds, ['if', 'while', 'until', 'case', 'group', 'subshell', 'function', 'function', 'test', 'arith']);
});

test('substitutions: $(…), backticks, <(…), nested quotes, arithmetic with substitutions', () => {
  const text = 'echo "v=$(uname -m | tr a b)" `id -u` $(( $(nproc) + 1 )) <(sort f) "${X:-$(pwd)}"';
  const s = parseShell(text);
  assert.deepEqual(s.errors, []);
  assert.deepEqual(simpleCommands(s.list).map((c) => c.words[0].value), ['echo', 'uname', 'tr', 'id', 'nproc', 'sort', 'pwd']);
  const uname = simpleCommands(s.list)[1];
  assert.equal(text.slice(uname.start, uname.end), 'uname -m');
  // case patterns with ) inside $( )
  assert.deepEqual(argv('x=$(case a in a) echo in;; esac); echo out'), [[], ['echo', 'in'], ['echo', 'out']]);
});

test('heredocs: bodies are data, not commands; quoted and <<- delimiters; several on a line', () => {
  const text = "cat <<EOF > /x && echo ok\nrm -rf /\nEOF\ncat <<-'E2' <<\"E3\"\n\tbody\n\tE2\nmore\nE3\necho end";
  const s = parseShell(text);
  assert.deepEqual(s.errors, []);
  assert.deepEqual(simpleCommands(s.list).map((c) => c.words.map((w) => w.value)), [['cat'], ['echo', 'ok'], ['cat'], ['echo', 'end']]);
  const h = simpleCommands(s.list)[0].redirects[0].heredoc!;
  assert.deepEqual([h.delimiter, h.quoted, h.stripTabs, text.slice(h.body.start, h.body.end)], ['EOF', false, false, 'rm -rf /\n']);
  const [h2, h3] = simpleCommands(s.list)[2].redirects.map((r) => r.heredoc!);
  assert.deepEqual([h2.delimiter, h2.quoted, h2.stripTabs, text.slice(h2.body.start, h2.body.end)], ['E2', true, true, '\tbody\n']);
  assert.deepEqual([h3.delimiter, h3.quoted, text.slice(h3.body.start, h3.body.end)], ['E3', true, 'more\n']);
  assert.equal(parseShell('cat <<EOF\nnever closed').errors[0].message, 'here-document delimited by "EOF" is not closed');
});

test('comments end at the line end; # inside a word is literal', () => {
  assert.deepEqual(argv('echo a#b "#" # comment ; rm -rf /\necho c'), [['echo', 'a#b', '#'], ['echo', 'c']]);
});

test('never throws; bad input gives errors and a best-effort tree', () => {
  const bad = parseShell('if then fi ) ;; echo ok');
  assert.ok(bad.errors.length > 0);
  assert.ok(argv('if then fi ) ;; echo ok').some((a) => a[0] === 'echo'));
  assert.deepEqual(parseShell('echo "unterminated').errors.map((e) => e.message), ['unterminated double quote']);
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '"', "'", '$', '(', ')', '{', '}', '`', '\\', '\n', '|', '&', ';', '<', '>', '#', 'if', 'fi', 'do', 'done', 'case', 'esac', 'in', ')') }), (s) => {
      const r = parseShell(s);
      for (const c of simpleCommands(r.list)) for (const w of c.words) assert.ok(w.start >= 0 && w.end <= s.length && w.start < w.end);
    }),
    { numRuns: 2000, seed: 7 },
  );
});

test('unwrapCommand looks through sudo/env/exec/nice wrappers', () => {
  const first = (t: string) => {
    const c = simpleCommands(parseShell(t).list)[0];
    return c.words[unwrapCommand(c)]?.value;
  };
  assert.equal(first('sudo -E -u root apt-get install x'), 'apt-get');
  assert.equal(first('env -i PATH=/bin A=1 sh -c x'), 'sh');
  assert.equal(first('exec nice -n 10 nohup make'), 'make');
  assert.equal(first('timeout 10 curl x'), 'curl');
  assert.equal(first('sudo'), undefined);
});

test('changesShellState: cd/export/set/assignments/loops leak; subshells and pipelines do not', () => {
  const st = (t: string) => changesShellStateForTest(parseShell(t).list);
  for (const t of ['cd /x', 'a && export X=1', 'set -e', 'X=1', 'f() { :; }', 'for i in 1; do :; done', 'if a; then cd /; fi', '{ umask 022; }', 'exit 0', '. /etc/profile', 'echo ${X:=1}']) {
    assert.equal(st(t), true, t);
  }
  for (const t of ['make && make install', '(cd /x && make)', 'cd /x | cat', 'FOO=1 make', 'echo "$(cd /x; pwd)"', 'apt-get update || true']) {
    assert.equal(st(t), false, t);
  }
});

test('joinContinuations: BuildKit joining, comment and empty lines dropped, offsets map back', () => {
  const src = 'RUN apt-get update && \\\n    # comment\n\n    apt-get install -y x \\  \n    && echo done\nRUN next\n';
  const start = 4;
  const j = joinContinuations(src, start, src.indexOf('\nRUN next'), '\\');
  assert.equal(j.text, 'apt-get update &&     apt-get install -y x     && echo done');
  assert.equal(j.next, src.indexOf('\nRUN next'));
  const at = j.text.indexOf('install');
  assert.equal(src.slice(j.map.toSource(at), j.map.toSource(at + 7, true)), 'install');
  const done = j.text.indexOf('done');
  assert.equal(src.slice(j.map.toSource(done), j.map.toSource(done + 4, true)), 'done');
  // the escape directive's character
  const w = joinContinuations('a `\n  b\nc', 0, 9, '`');
  assert.equal(w.text, 'a   b');
  // CRLF
  assert.equal(joinContinuations('a \\\r\n b\r\nc', 0, 11).text, 'a  b');
});

test('OffsetMap maps span ends across run boundaries', () => {
  const m = new OffsetMap();
  m.push(10, 5); // derived 0-5 → 10-15
  m.push(20, 5); // derived 5-10 → 20-25
  assert.deepEqual([m.toSource(0), m.toSource(4), m.toSource(5), m.toSource(9)], [10, 14, 20, 24]);
  assert.equal(m.toSource(5, true), 15); // an end at the boundary stays on the first run
  assert.deepEqual(m.spanToSource({ start: 3, end: 7 }), { start: 13, end: 22 });
  assert.equal(m.length, 10);
});

export type { ShellList };
