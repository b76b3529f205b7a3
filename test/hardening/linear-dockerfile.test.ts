// Issue #12: work linear in the input, guarded by counting work instead of timing it. Every
// Dockerfile rule runs on the model of a file with N and 2N stages; the reads of the model's stage
// and instruction lists (the loops a rule does) may grow about twice, not four times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DockerfileModel } from '../../server/src/core/model/dockerfile';
import { createRegistry } from '../../server/src/core/rules';
import { mergeConfig } from '../../server/src/core/config/config';
import { WorkspaceIndex } from '../../server/src/core/workspace';

/** A model whose stage and instruction arrays count every element read. */
function countingModel(text: string): { model: DockerfileModel; reads: () => number } {
  const model = new DockerfileModel(text);
  let reads = 0;
  const count = <T extends object>(arr: T[]): T[] =>
    new Proxy(arr, {
      get(target, prop, receiver) {
        if (typeof prop === 'string' && /^\d+$/.test(prop)) reads++;
        return Reflect.get(target, prop, receiver);
      },
    });
  const m = model as unknown as { _stages?: unknown[]; _instructions?: unknown[] };
  const stages = model.stages.map((s) => ({ ...s, instructions: count(s.instructions) }));
  m._stages = count(stages);
  m._instructions = count(model.instructions);
  return { model, reads: () => reads };
}

function stagesText(n: number): string {
  const out = ['ARG BASE=ubuntu', 'ARG TAG'];
  for (let i = 0; i < n; i++) out.push(i % 3 === 0 ? `FROM \${BASE} AS s${i}` : i % 3 === 1 ? `FROM s${i - 1} AS s${i}` : `FROM debian:12 AS s${i}`, `RUN echo ${i} && apt-get install -y curl`, `COPY --from=s${Math.max(0, i - 1)} /a /b`);
  return out.join('\n') + '\n';
}

test('every Dockerfile rule reads the model linearly in the number of stages', () => {
  const registry = createRegistry();
  const config = mergeConfig();
  const workspace = new WorkspaceIndex();
  const bad: string[] = [];
  for (const rule of registry.of('dockerfile')) {
    const work = (n: number) => {
      const { model, reads } = countingModel(stagesText(n));
      rule.check({ model, config, path: '/ws/Dockerfile', workspace, report: () => undefined } as never);
      return reads();
    };
    const small = work(400);
    const large = work(800);
    if (large > 2.5 * Math.max(small, 1)) bad.push(`${rule.id}: ${small} reads for 400 stages, ${large} for 800`);
  }
  assert.deepEqual(bad, []);
});
