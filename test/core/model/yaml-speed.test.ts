import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import * as bundled from 'yaml';
import { kubernetesManifest } from '../../../scripts/bench/generate.mjs';
import { patchProblems, pristineCopy } from '../../../scripts/patch-deps.mjs';
import { lexer, parser } from '../../../scripts/patches/yaml-generators.mjs';
import { repoSeeds } from '../../robustness/seeds';

/**
 * `yaml` is patched at install time (patches/yaml+2.9.1.patch, made by
 * scripts/patches/yaml-generators.mjs): its Lexer and Parser collect tokens in an array instead of
 * passing each through a chain of generators. The tokens must be the same. These tests compare the
 * installed, patched library (the platform-neutral build bundled here, as in the product, and the
 * Node build) with the library as published: a copy of the package with the patch applied in
 * reverse (out/pristine-<pid>/yaml), on every YAML fixture and example, edge cases, a generated
 * manifest and a fuzz, through every public entry that reads the patched code: `Lexer.lex`,
 * `Parser.parse` (whole and fed in pieces, with a LineCounter), `Parser.next`/`end`, and
 * `parseAllDocuments` (values, errors, warnings, ranges).
 */
type Yaml = typeof bundled;
const ROOT = process.env.DOCKYARD_ROOT ?? join(__dirname, '..', '..', '..', '..');
const PRISTINE_DIR = join(ROOT, 'out', `pristine-${process.pid}`, 'yaml');
pristineCopy('yaml', PRISTINE_DIR, ROOT);
after(() => rmSync(join(PRISTINE_DIR, '..'), { recursive: true, force: true }));
const pristine = createRequire(join(PRISTINE_DIR, 'package.json'))(join(PRISTINE_DIR, 'dist', 'index.js')) as Yaml;
/** The installed Node build (scripts and tools that import `yaml` under Node get this one). */
const installedNode = createRequire(join(ROOT, 'package.json'))(join(ROOT, 'node_modules', 'yaml', 'dist', 'index.js')) as Yaml;
assert.notEqual(pristine.Parser, bundled.Parser, 'the pristine copy is a separate module');
assert.notEqual(pristine.Parser, installedNode.Parser, 'the pristine copy is a separate module');

const YAML_NAME = /\.(ya?ml|tpl)$/i;
const FILES = repoSeeds()
  .filter((s) => YAML_NAME.test(s.origin))
  .map((s) => s.origin);

const EDGE_CASES = [
  '',
  '\n',
  'a',
  'a: 1',
  '# only a comment',
  '\ufeffa: 1\n',
  '%YAML 1.2\n---\na: 1\n...\n%TAG ! tag:example.com,2000:\n--- !foo\nb: 2\n',
  '---\n---\n...\n...\n',
  'a: &x [1, 2, {b: c, "d": \'e\'}]\nf: *x\n<<: *x\n? complex key\n: value\n',
  'flow: {a: [b, {c: d}], e: }\nbad: [a, b\nworse: {a: b\n',
  'lit: |+\n  keep\n\n\nfold: >-\n  folded\n  text\n\n  more\nind: |2\n    two\n',
  'q: "multi\n  line \\"escaped\\" \\u263A"\ns: \'it\'\'s\n  folded\'\n',
  'unterminated: "abc\n',
  "unterminated: 'abc\n",
  'a:\n\t- tab\n',
  'a: 1\r\nb:\r\n  - c\r\n  - d\r\n',
  'a: b: c\n- x\n  - y\n: z\n',
  '- a\n-\n- - b\n  - c\n- k: v\n  l: w\n',
  'k: !!str 1\nt: !local x\n!!map {a: b}: c\n',
  'a: 1 # comment\n#c\n  # indented\nb: # after colon\n  c\n',
  '{{ if .Values.x }}\nkey: {{ .Values.y | quote }}\n{{- end }}\n',
  'long: ' + 'x'.repeat(5000) + '\n',
  'a:\n' + '  '.repeat(60) + 'b: 1\n',
  '[' .repeat(200) + ']'.repeat(200),
  '- '.repeat(300) + 'x\n',
  'key: value\n...\n# trailer\n',
  'a: `b`\nc: @d\ne: %f\n',
  ': no key\n? \n',
];

/** The CST of `text` and the line starts the parser reports, fed whole or in pieces. */
function cst(lib: Yaml, text: string, pieces?: number[]): string {
  const lc = new lib.LineCounter();
  const parser = new lib.Parser(lc.addNewLine);
  const tokens: unknown[] = [];
  if (!pieces) tokens.push(...parser.parse(text));
  else {
    let at = 0;
    for (const n of pieces) {
      tokens.push(...parser.parse(text.slice(at, at + n), true));
      at += n;
    }
    tokens.push(...parser.parse(text.slice(at), false));
  }
  return JSON.stringify({ tokens, lines: lc.lineStarts });
}

/** The tokens through the public step-by-step API: `Lexer.lex`, then `Parser.next` per lexeme and `end`. */
function stepwise(lib: Yaml, text: string): string {
  const parser = new lib.Parser();
  const tokens: unknown[] = [];
  for (const lexeme of new lib.Lexer().lex(text)) tokens.push(...parser.next(lexeme));
  tokens.push(...parser.end());
  return JSON.stringify(tokens);
}

function documents(lib: Yaml, text: string): string {
  return JSON.stringify(
    lib.parseAllDocuments(text, { uniqueKeys: false, logLevel: 'silent' }).map((d) => ({
      // As text: a self-referencing alias (`&a [*a]`) makes a circular value.
      js: attempt(() => JSON.stringify(d.toJS({ maxAliasCount: 100 }))),
      range: d.range,
      errors: d.errors.map((e) => [e.code, e.pos, e.message]),
      warnings: d.warnings.map((e) => [e.code, e.pos, e.message]),
      text: d.errors.length ? null : attempt(() => String(d)),
    })),
  );
}

/** A value, or the message it throws with (an unresolved alias, too many aliases). */
function attempt(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    return `throws ${(e as Error).message}`;
  }
}

function assertSame(text: string, what = JSON.stringify(text.slice(0, 80))): void {
  const lexed = JSON.stringify([...new pristine.Lexer().lex(text)]);
  const whole = cst(pristine, text);
  const steps = stepwise(pristine, text);
  const docs = documents(pristine, text);
  for (const [name, lib] of [['bundled', bundled], ['node', installedNode]] as const) {
    assert.equal(JSON.stringify([...new lib.Lexer().lex(text)]), lexed, `${name} Lexer.lex on ${what}`);
    assert.equal(cst(lib, text), whole, `${name} Parser.parse on ${what}`);
    assert.equal(stepwise(lib, text), steps, `${name} Parser.next/end on ${what}`);
    assert.equal(documents(lib, text), docs, `${name} parseAllDocuments on ${what}`);
  }
  // Fed in pieces (an editor's incremental input): the same as the published library fed the same way.
  const n = Math.max(1, Math.floor(text.length / 3));
  const pieces = [n, 1, n];
  assert.equal(cst(bundled, text, pieces), cst(pristine, text, pieces), `Parser.parse in pieces on ${what}`);
}

test('yaml is installed as the patch expects (version, every file patched)', () => {
  assert.deepEqual(
    patchProblems(ROOT).filter((p: string) => p.includes('yaml')),
    [],
  );
  assert.equal(typeof (new bundled.Parser() as unknown as { parseAll?: unknown }).parseAll, 'function', 'the bundled build is the patched one');
  assert.equal(typeof (new pristine.Parser() as unknown as { parseAll?: unknown }).parseAll, 'undefined', 'the pristine copy is the published one');
});

test('the patch is what scripts/patches/yaml-generators.mjs makes of the published files (both builds)', () => {
  for (const build of ['dist', 'browser/dist']) {
    for (const [name, make] of [['lexer', lexer], ['parser', parser]] as const) {
      const published = readFileSync(join(PRISTINE_DIR, build, 'parse', `${name}.js`), 'utf8');
      const installed = readFileSync(join(ROOT, 'node_modules', 'yaml', build, 'parse', `${name}.js`), 'utf8');
      assert.notEqual(installed, published, `${build}/parse/${name}.js is patched`);
      assert.equal(make(published), installed, `${build}/parse/${name}.js`);
    }
  }
});

test('the fixtures and examples hold YAML to compare', () => {
  assert.ok(FILES.length >= 50, `found ${FILES.length}`);
});

test('same tokens, CST and documents as the published yaml on every YAML fixture and example', () => {
  for (const f of FILES) assertSame(readFileSync(join(ROOT, f), 'utf8'), f);
});

test('same tokens, CST and documents on edge cases: directives, flow, block scalars, errors, tabs, CRLF, BOM, depth', () => {
  for (const text of EDGE_CASES) assertSame(text);
});

test('same tokens, CST and documents on a generated 60-document manifest', () => {
  assertSame(kubernetesManifest({ docs: 60 }), 'generated manifest');
});

const piece = fc.constantFrom('&a [*a', 'a', 'b: ', 'c:', '- ', '-', '? ', ': ', '  ', '\t', '\n', '\r\n', '#x', ' #y', '"', "'", '\\', '|', '>-', '|+2', '&a ', '*a', '!t ', '!!str ', '[', ']', '{', '}', ', ', '---', '...', '%YAML 1.2', '{{ .Values.x }}', '\ufeff', 'yes', '0644');
const GENERATED = fc.array(piece, { maxLength: 40 }).map((ps) => ps.join(''));

test('same tokens, CST and documents on generated text (fast-check)', () => {
  fc.assert(
    fc.property(GENERATED, (text) => {
      assertSame(text);
    }),
    { numRuns: 1200 },
  );
});
