// Issue #12: linear work on hostile Dockerfiles and build scripts, guarded by counting work (no timing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DockerfileModel } from '../../server/src/core/model/dockerfile';
import { runShell } from '../../server/src/core/model/dockerfile-run';
import { stageOfLine } from '../../server/src/core/model/dockerfile-stages';
import { SHELL_CACHE_BOUNDS, shellBuilds } from '../../server/src/core/loci/sources';
import { BoundedCache } from '../../server/src/core/util/bounded-cache';
import { createProviders } from '../../server/src/core/providers';

/** The caches belong to a service's providers: these tests use one of their own. */
const P = createProviders();

/** An array that counts every element read. */
function counting<T>(arr: T[], count: () => void): T[] {
  return new Proxy(arr, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && /^\d+$/.test(prop)) count();
      return Reflect.get(target, prop, receiver);
    },
  });
}

function shellStages(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`FROM debian:12 AS s${i}`, i % 2 ? 'SHELL ["/bin/bash", "-c"]' : 'SHELL ["pwsh", "-c"]', `RUN echo ${i}`);
  return out.join('\n') + '\n';
}

test('which shell a RUN goes through is looked up, not scanned: reads of the SHELL table grow n log n with the stages', () => {
  const work = (n: number) => {
    const model = new DockerfileModel(shellStages(n));
    const runs = model.instructions.filter((i) => i.getKeyword() === 'RUN');
    let reads = 0;
    runShell(model, runs[0]);
    const table = model.memo.get('shell:posix') as unknown[];
    assert.ok(Array.isArray(table), 'the SHELL table is memoized on the model');
    model.memo.set('shell:posix', counting(table, () => reads++));
    for (const r of runs.slice(1)) runShell(model, r);
    // pwsh stages are 'other', bash ones 'shell': the lookups still answer right.
    assert.equal(runShell(model, runs[1]).form, 'shell');
    assert.equal(runShell(model, runs[2]).form, 'other');
    return reads;
  };
  const small = work(500);
  const large = work(1000);
  assert.ok(large < 2.5 * small, `${small} reads for 500 stages, ${large} for 1000`);
});

test('stageOfLine is a binary search over the stages', () => {
  const model = new DockerfileModel(shellStages(1000));
  let reads = 0;
  (model as unknown as { _stages: unknown[] })._stages = counting(model.stages, () => reads++);
  assert.equal(stageOfLine(model, 0)?.index, 0);
  assert.equal(stageOfLine(model, 3 * 700 + 2)?.index, 700);
  assert.equal(stageOfLine(model, 3 * 999 + 2)?.index, 999);
  assert.ok(reads < 100, `${reads} reads of 1000 stages for 3 lookups`);
});

test('a build script over the cache bound is parsed once per analysis (turn), not once per caller, and not kept after it', async () => {
  const lines: string[] = ['#!/bin/sh'];
  // Enough builds that their estimated cost is over the shell cache's bound.
  const builds = Math.ceil(SHELL_CACHE_BOUNDS.maxBytes / 4096) + 10;
  for (let i = 0; i < builds; i++) lines.push(`docker build . --build-arg PROJECT=nova --build-arg PROFILES=fluent -t nova${i}`);
  const text = lines.join('\n') + '\n';
  const first = shellBuilds(text, P);
  assert.equal(first.length, builds);
  assert.equal(shellBuilds(text, P), first, 'a second caller in the same turn gets the same builds');
  await Promise.resolve();
  await new Promise((r) => setImmediate(r));
  assert.notEqual(shellBuilds(text, P), first, 'the next turn parses again: nothing kept it');
});

test('BoundedCache: oversizeForTurn keeps the entry for get only, until the microtasks run', async () => {
  const c = new BoundedCache<string, string>({ maxBytes: 10, maxEntries: 4, oversizeForTurn: true });
  assert.equal(c.set('big', 'B', 11), false);
  assert.equal(c.has('big'), false);
  assert.equal(c.bytes, 0);
  assert.equal(c.get('big'), 'B');
  await Promise.resolve();
  assert.equal(c.get('big'), undefined);
  const plain = new BoundedCache<string, string>({ maxBytes: 10, maxEntries: 4 });
  plain.set('big', 'B', 11);
  assert.equal(plain.get('big'), undefined);
});

test('analysis-incomplete parses only the RUNs long enough to nest too deep (the others are not kept parsed for it)', async () => {
  const { analysisIncompleteDockerfile } = await import('../../server/src/core/rules/meta/analysis-incomplete');
  const { mergeConfig } = await import('../../server/src/core/config/config');
  const { WorkspaceIndex } = await import('../../server/src/core/workspace');
  const lines = ['FROM debian:12'];
  for (let i = 0; i < 200; i++) lines.push(`RUN echo ${i} > /tmp/f${i}`);
  lines.push(`RUN echo ${'$(echo '.repeat(120)}x${')'.repeat(120)}`);
  const model = new DockerfileModel(lines.join('\n') + '\n');
  const found: unknown[] = [];
  analysisIncompleteDockerfile.check({ model, config: mergeConfig(), path: '/ws/Dockerfile', workspace: new WorkspaceIndex(), report: (f: unknown) => found.push(f) } as never);
  assert.equal(found.length, 1, 'the deep RUN is still reported');
  const parsed = model.memo.get('shell:byOffset') as Map<number, unknown> | undefined;
  assert.equal(parsed?.size, 1, 'only the one long RUN was parsed');
});

test('argumentsOf reads the memoized tokens: no copy of every argument per call (a million-word RUN was ~200 MB per call)', async () => {
  const { argumentsOf } = await import('../../server/src/core/model/dockerfile');
  const model = new DockerfileModel('FROM debian:12\nRUN --mount=type=cache,target=/c echo a && echo b\nCOPY --chown=1 a b\n');
  const [, run, copy] = model.instructions;
  const a1 = argumentsOf(run);
  const a2 = argumentsOf(run);
  assert.equal(a1[0], a2[0], 'the same Argument object');
  assert.deepEqual(a1.map((a) => a.getValue()), run.getArguments().map((a) => a.getValue()), 'flags left out, as getArguments()');
  assert.deepEqual(argumentsOf(copy).map((a) => a.getValue()), ['a', 'b']);
  assert.deepEqual(a1.map((a) => a.getRange()), run.getArguments().map((a) => a.getRange()));
});
