import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import * as patched from 'dockerfile-ast';
import type { Argument, From, Instruction, Onbuild } from 'dockerfile-ast';
import { DockerfileModel, argumentsOf } from '../../../server/src/core/model/dockerfile';
import { dockerfile } from '../../../scripts/bench/generate.mjs';
import { listPatches, patchProblems, pristineCopy } from '../../../scripts/patch-deps.mjs';
import { repoSeeds } from '../../robustness/seeds';

/**
 * dockerfile-ast is patched at install time (patches/dockerfile-ast+0.7.1.patch, applied by
 * scripts/patch-deps.mjs from npm's prepare) with speed-ups that must change no result. These
 * tests compare the installed, patched library with the library as published: a copy of the package
 * with the patch applied in reverse (out/pristine-<pid>/, under the project so its own requires
 * resolve from node_modules), loaded beside it. A whole parse (every zero-argument getter of every
 * instruction, flag, argument, property, heredoc …) must be the same on every fixture and example
 * Dockerfile, edge cases, the benchmark-shaped Dockerfile and generated text.
 */
const ROOT = process.env.DOCKYARD_ROOT ?? join(__dirname, '..', '..', '..', '..');
const PRISTINE_DIR = join(ROOT, 'out', `pristine-${process.pid}`, 'dockerfile-ast');
pristineCopy('dockerfile-ast', PRISTINE_DIR, ROOT);
after(() => rmSync(join(PRISTINE_DIR, '..'), { recursive: true, force: true }));
const pristine = createRequire(join(PRISTINE_DIR, 'package.json'))(join(PRISTINE_DIR, 'lib', 'main.js')) as typeof patched;
assert.notEqual(pristine.DockerfileParser, patched.DockerfileParser, 'the pristine copy is a separate module');

/** Every Dockerfile among the fixtures and examples (by name, as the detector sees them). */
const FILES = repoSeeds()
  .filter((s) => /(^|\/)([^/]*\.)?(dockerfile|containerfile)(\.[^/]*)?$/i.test(s.origin))
  .map((s) => s.origin);

const EDGE_CASES = [
  'FROM alpine\nRUN echo a \\\n  b \\\n  # comment inside\n  c\n',
  'FROM alpine\r\nRUN echo a \\\r\n  b\r\nCOPY --from=x a b\r\n',
  '# escape=`\nFROM mcr.microsoft.com/windows\nRUN echo a `\n  b ``c `$d\nCOPY a` b c\n',
  'FROM alpine\nRUN echo \\$HOME \\\\ \\"q\\" a\\ b\n',
  'FROM alpine\nRUN echo a\\ \t \n  b\nRUN x \\  \\\n y\n',
  'FROM alpine\nRUN echo a \\',
  'FROM alpine\nRUN a\\',
  'FROM alpine\nRUN \\\n\\\n\\\n',
  'FROM alpine\nONBUILD RUN apt-get install -y x \\\n  && rm -rf /var/lib/apt/lists/*\nONBUILD COPY a b\n',
  'FROM alpine\nRUN <<EOF\necho hi\nEOF\nRUN cat <<-EOT > /f\n\tx\n\tEOT\n',
  'FROM alpine\nENV A=1 B="two words" C=3\\ 4\nLABEL "a b"=c d=e\nARG X="y z"\n',
  'FROM alpine\nRUN ["sh", "-c", "echo \\"a b\\""]\nCMD [ "a" , "b" ]\nSHELL ["powershell", "-Command"]\n',
  'FROM alpine\nRUN echo a\\\n#c\n#d\n  b\\\n\n  c\n',
  'FROM alpine\nHEALTHCHECK --interval=5s CMD curl -f http://x/ || exit 1\nEXPOSE 80/tcp 443\n',
];

const piece = fc.constantFrom('a', 'b', '=', '$', '"', "'", '#', ' ', '  ', '\t', '\\', '`', '\n', '\r\n', '\r', '\\\n', '\\ \n', '`\n', '--x=', '[', ']', ',', '<<EOF', 'EOF', 'https://example.com/a/rather/long/path/to/some-archive-1.2.3.tar.gz');
const keyword = fc.constantFrom('RUN', 'COPY', 'ADD', 'ENV', 'ARG', 'LABEL', 'FROM', 'CMD', 'ONBUILD RUN', 'HEALTHCHECK', 'SHELL', 'EXPOSE', 'WORKDIR', 'run');
const line = fc.tuple(keyword, fc.array(piece, { maxLength: 30 })).map(([k, ps]) => `${k} ${ps.join('')}`);
const GENERATED_FILE = fc.tuple(fc.boolean(), fc.array(line, { minLength: 1, maxLength: 6 })).map(([backtick, ls]) => (backtick ? '# escape=`\n' : '') + ls.join('\n'));

function allInstructions(lib: typeof patched, text: string): Instruction[] {
  const out: Instruction[] = [];
  for (const ins of lib.DockerfileParser.parse(text).getInstructions()) {
    out.push(ins);
    if (ins.getKeyword() === 'ONBUILD') {
      const t = (ins as Onbuild).getTriggerInstruction();
      if (t) out.push(t);
    }
  }
  return out;
}

const shape = (args: { getValue(): string; getRange(): unknown }[]) => args.map((a) => ({ value: a.getValue(), range: a.getRange() }));

function assertSame(text: string): void {
  const expected = allInstructions(pristine, text);
  const actual = allInstructions(patched, text);
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < actual.length; i++) {
    const want = shape(expected[i].getArguments());
    const what = `arguments of ${JSON.stringify(expected[i].getTextContent())} in ${JSON.stringify(text)}`;
    const raw = (ins: Instruction) => shape((ins as unknown as { getRawArguments(): Argument[] }).getRawArguments());
    assert.deepEqual(raw(actual[i]), raw(expected[i]), what);
    assert.deepEqual(shape(actual[i].getArguments()), want, what);
    assert.deepEqual(shape([...argumentsOf(actual[i])]), want, 'argumentsOf = getArguments');
    assert.equal(actual[i].getKeyword(), expected[i].getKeyword());
  }
}

test('the fixtures and examples hold Dockerfiles to compare', () => {
  assert.ok(FILES.length >= 8, `found ${FILES.join(', ')}`);
});

test('tokeniser: same arguments and ranges as dockerfile-ast on real Dockerfiles', () => {
  for (const f of FILES) assertSame(readFileSync(join(ROOT, f), 'utf8'));
});

test('tokeniser: same arguments and ranges on escapes, continuations, comments, CRLF, heredocs', () => {
  for (const text of EDGE_CASES) assertSame(text);
});

test('tokeniser: same arguments and ranges on the benchmark-shaped Dockerfile', () => {
  assertSame(dockerfile({ instructions: 600 }));
});

test('tokeniser: same arguments and ranges on generated text (fast-check)', () => {
  fc.assert(
    fc.property(GENERATED_FILE, (text) => {
      assertSame(text);
    }),
    { numRuns: 1500 },
  );
});

/**
 * Everything a parse exposes: every zero-argument `get*`/`is*` method of the Dockerfile, its
 * instructions and what they return (arguments, flags, properties, heredocs, variables, trigger
 * instructions …), recursively, as plain data.
 */
function describe(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => describe(v, depth));
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, describe(v, depth)]));
  }
  const name = proto?.constructor?.name ?? '?';
  if (name === 'FullTextDocument' || name === 'Dockerfile' && depth > 0 || depth > 4) return `<${name}>`;
  const out: Record<string, unknown> = { class: name.replace(/\d+$/, '') };
  const methods = new Set<string>();
  for (let p = proto; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const k of Object.getOwnPropertyNames(p)) {
      const fn = (p as Record<string, unknown>)[k];
      if (typeof fn === 'function' && fn.length === 0 && /^(get|is|has)[A-Z]/.test(k) && k !== 'getTextDocument') methods.add(k);
    }
  }
  for (const k of [...methods].sort()) {
    try {
      out[k] = describe((value as Record<string, () => unknown>)[k](), depth + 1);
    } catch (e) {
      out[k] = `throws ${(e as Error).message}`;
    }
  }
  return out;
}

function assertSameParse(text: string): void {
  const expected = describe(pristine.DockerfileParser.parse(text));
  assert.deepEqual(describe(patched.DockerfileParser.parse(text)), expected, `parse of ${JSON.stringify(text)}`);
}

test('whole parse: the same patched and as published (real, edge-case, benchmark-shaped Dockerfiles)', () => {
  for (const f of FILES) assertSameParse(readFileSync(join(ROOT, f), 'utf8'));
  for (const text of EDGE_CASES) assertSameParse(text);
  assertSameParse(dockerfile({ instructions: 150 }));
});

test('whole parse: the same patched and as published (fast-check)', () => {
  fc.assert(
    fc.property(GENERATED_FILE, (text) => {
      assertSameParse(text);
    }),
    { numRuns: 400 },
  );
});

test('memoized arguments: a caller that changes a range it got does not change the next answer', () => {
  const text = 'FROM registry.example.com:5000/team/app:1.2@sha256:abc AS build\n';
  const answers = (from: From) => {
    const before = JSON.stringify(from.getImageRange());
    const name = from.getImageNameRange(); // dockerfile-ast moves the ends of the range it got from getImageRange()
    const registry = from.getRegistryRange();
    return { before, name, registry, after: JSON.stringify(from.getImageRange()), image: from.getImageName() };
  };
  const ours = answers(new DockerfileModel(text).instructions[0] as From);
  assert.equal(ours.after, ours.before);
  assert.deepEqual(ours, answers(pristine.DockerfileParser.parse(text).getInstructions()[0] as From));
});

test('memoized getArguments: a copy per call, equal to a fresh tokenisation', () => {
  const model = new DockerfileModel('FROM alpine\nRUN --mount=type=cache,target=/x apt-get install -y curl\nCOPY --chown=1:1 a b /c/\n');
  for (const ins of model.instructions) {
    const first = ins.getArguments();
    const values = first.map((a) => a.getValue());
    first.length = 0; // a caller mutating its array must not change the next answer
    assert.deepEqual(
      ins.getArguments().map((a) => a.getValue()),
      values,
    );
  }
  const run = model.instructions[1];
  assert.deepEqual(
    run.getArguments().map((a) => a.getValue()),
    ['apt-get', 'install', '-y', 'curl'],
  );
  assert.equal(run.getKeyword(), 'RUN');
  assert.equal(model.instructions[2].getKeyword(), 'COPY');
});

test('the installed dockerfile-ast is the release the patch was made for, with the patch applied (the build checks the same)', () => {
  const { version } = JSON.parse(readFileSync(require.resolve('dockerfile-ast/package.json'), 'utf8')) as { version: string };
  const patch = listPatches(ROOT).find((p) => p.name === 'dockerfile-ast');
  assert.ok(patch, 'patches/dockerfile-ast+<version>.patch');
  assert.equal(version, patch.version, 'dockerfile-ast was updated: remake the patch for it (patches/README.md) and re-run this suite');
  assert.deepEqual(patchProblems(ROOT), []);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string>; scripts: Record<string, string> };
  assert.equal(pkg.devDependencies['dockerfile-ast'], patch.version, 'pinned to the exact release');
  assert.match(pkg.scripts.prepare, /patch-deps\.mjs/);
});
