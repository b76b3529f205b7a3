import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { DockerfileParser, type Argument, type From, type Instruction, type Onbuild } from 'dockerfile-ast';
import { argumentsOf, installDockerfileAstSpeedups, SPEEDUPS_FOR_VERSION, originalRawArguments, rawArguments, withoutDockerfileAstSpeedups } from '../../../server/src/core/model/dockerfile-ast-speed';
import { DockerfileModel } from '../../../server/src/core/model/dockerfile';
import { dockerfile } from '../../../scripts/bench/generate.mjs';

/**
 * The dockerfile-ast speed-ups change no result: the rewritten tokeniser gives the library's values
 * and ranges, the memoized getArguments/getKeyword answer what the library answers, and a whole
 * parse (every zero-argument getter of every instruction, flag, argument, property, heredoc …) is
 * the same with and without them.
 */
installDockerfileAstSpeedups();

const ROOT = process.env.DOCKYARD_ROOT ?? join(__dirname, '..', '..', '..', '..');
const FILES = [
  'test/fixtures/loci/glance/Dockerfile',
  'test/fixtures/loci/Dockerfile.base',
  'test/fixtures/loci/cinder/Dockerfile',
  'test/fixtures/scaffold/glance-image/Dockerfile',
  'examples/images/insecure/Dockerfile',
  'examples/images/glance/Dockerfile',
];

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

function allInstructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  for (const ins of DockerfileParser.parse(text).getInstructions()) {
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
  for (const ins of allInstructions(text)) {
    const internals = ins as unknown as Parameters<typeof rawArguments>[0];
    const expected = shape(originalRawArguments.call(internals));
    assert.deepEqual(shape(rawArguments(internals)), expected, `tokens of ${JSON.stringify(ins.getTextContent())} in ${JSON.stringify(text)}`);
    assert.deepEqual(shape((internals as unknown as { getRawArguments(): Argument[] }).getRawArguments()), expected);
    assert.deepEqual(shape([...argumentsOf(ins)]), shape(ins.getArguments()), 'argumentsOf = getArguments');
  }
}

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
  const expected = withoutDockerfileAstSpeedups(() => describe(DockerfileParser.parse(text)));
  assert.deepEqual(describe(DockerfileParser.parse(text)), expected, `parse of ${JSON.stringify(text)}`);
}

test('whole parse: the same with and without the speed-ups (real, edge-case, benchmark-shaped Dockerfiles)', () => {
  for (const f of FILES) assertSameParse(readFileSync(join(ROOT, f), 'utf8'));
  for (const text of EDGE_CASES) assertSameParse(text);
  assertSameParse(dockerfile({ instructions: 150 }));
});

test('whole parse: the same with and without the speed-ups (fast-check)', () => {
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
  assert.deepEqual(ours, withoutDockerfileAstSpeedups(() => answers(DockerfileParser.parse(text).getInstructions()[0] as From)));
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

test('the dockerfile-ast speed-ups are installed for the release they were checked against (a new release needs this suite re-run against it)', () => {
  const { version } = JSON.parse(readFileSync(require.resolve('dockerfile-ast/package.json'), 'utf8')) as { version: string };
  assert.equal(version, SPEEDUPS_FOR_VERSION, 'dockerfile-ast was updated: re-check dockerfile-ast-speed.ts against it, then move SPEEDUPS_FOR_VERSION');
});
