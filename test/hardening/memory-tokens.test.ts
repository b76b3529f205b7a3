// Issue #12 (memory): a RUN of a million words kept two positions and a range per word (dockerfile-ast's
// tokens), and the parser copied every argument twice more while looking for flags and heredocs.
// patches/dockerfile-ast+0.7.1.patch makes an argument's range when it is first read; these tests
// count the ranges made (no timing, no memory measurement).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DockerfileParser, type Run } from 'dockerfile-ast';
import { Analyzer } from '../../server/src/core/engine';
import { mergeConfig } from '../../server/src/core/config/config';
import { createRegistry } from '../../server/src/core/rules';
import { DockerfileModel, argumentsOf } from '../../server/src/core/model/dockerfile';

interface Lazy {
  rangeOrNull?: unknown;
}

/** How many of the instruction's tokens have made their range (own `range` data properties count as made). */
function madeRanges(args: readonly object[]): number {
  let n = 0;
  for (const a of args) {
    const own = Object.getOwnPropertyDescriptor(a, 'range');
    if (own || (a as Lazy).rangeOrNull !== undefined) n++;
  }
  return n;
}

const WORDS = 5000;
const longRun = `FROM ubuntu:22.04\nRUN ${Array.from({ length: WORDS / 2 }, (_, i) => `echo${i}`).join(' && ')}\nUSER app\n`;

test('a long RUN keeps its words without a range each: the whole analysis makes ranges for a handful of them', () => {
  const result = new Analyzer(createRegistry()).analyze({ path: '/ws/Dockerfile', text: longRun }, mergeConfig({}));
  const model = result.dockerfile as DockerfileModel;
  assert.ok(model instanceof DockerfileModel);
  const tokens = argumentsOf(model.instructions[1]);
  assert.equal(tokens.length, WORDS - 1);
  assert.ok(madeRanges(tokens) <= 10, `${madeRanges(tokens)} of ${tokens.length} tokens made their range`);
});

test('ranges made on first read are the positions the library gave before (line, character of both ends)', () => {
  const text = 'FROM ubuntu:22.04\nRUN --mount=type=cache,target=/var/cache/apt \\\n    apt-get update && \\\n    apt-get install -y "a b" c\\ d\n';
  const run = DockerfileParser.parse(text).getInstructions()[1] as Run;
  const args = run.getArguments().map((a) => [a.getValue(), a.getRange()]);
  assert.deepEqual(args, [
    ['apt-get', { start: { line: 2, character: 4 }, end: { line: 2, character: 11 } }],
    ['update', { start: { line: 2, character: 12 }, end: { line: 2, character: 18 } }],
    ['&&', { start: { line: 2, character: 19 }, end: { line: 2, character: 21 } }],
    ['apt-get', { start: { line: 3, character: 4 }, end: { line: 3, character: 11 } }],
    ['install', { start: { line: 3, character: 12 }, end: { line: 3, character: 19 } }],
    ['-y', { start: { line: 3, character: 20 }, end: { line: 3, character: 22 } }],
    // (what the published dockerfile-ast 0.7.1 returns for this text, checked against the unpatched library)
    ['"a', { start: { line: 3, character: 23 }, end: { line: 3, character: 25 } }],
    ['b"', { start: { line: 3, character: 26 }, end: { line: 3, character: 28 } }],
    ['c', { start: { line: 3, character: 29 }, end: { line: 3, character: 30 } }],
    ['d', { start: { line: 3, character: 32 }, end: { line: 3, character: 33 } }],
  ]);
  assert.equal(run.getFlags()[0].getName(), 'mount');
  assert.deepEqual(run.getFlags()[0].getRange(), { start: { line: 1, character: 4 }, end: { line: 1, character: 44 } });
});

test('parsing a long RUN and looking for its flags makes the ranges of its first and last words only', () => {
  const run = DockerfileParser.parse(longRun).getInstructions()[1] as Run;
  const tokens = argumentsOf(run);
  assert.deepEqual(run.getFlags(), []);
  // The first and the last (the arguments' range, read by the JSONInstruction constructor).
  assert.equal(madeRanges(tokens), 2);
});
