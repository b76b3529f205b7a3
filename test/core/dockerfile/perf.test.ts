import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/core/engine';
import { createRegistry } from '../../../server/src/core/rules';
import { mergeConfig } from '../../../server/src/core/config/config';
import { parseShell, simpleCommands } from '../../../server/src/core/util/shell';
import { RUN_CORPUS } from './shell-corpus';

/** A benchmark-shaped Dockerfile: `n` instructions, half RUNs (apt, continuations, pipes, loops), a stage every 400. */
export function generateDockerfile(n: number): string {
  const lines = ['ARG FROM=ubuntu:jammy', 'FROM ${FROM} AS build'];
  const tpl = [
    'RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates git && rm -rf /var/lib/apt/lists/*',
    'COPY scripts /opt/loci/scripts',
    'ENV PATH=/usr/local/bin:$PATH',
    'RUN pip install --no-cache-dir "pip${PIP_VERSION_CONSTRAINT}" \\\n    && useradd -u 42424 -g 42424 nova',
    'WORKDIR /opt',
    'RUN curl -fsSL https://example.com/x.sh | sh -',
    'LABEL a=b',
    'RUN set -ex; for f in a b c; do echo "$f"; done',
  ];
  let i = 0;
  while (lines.length < n) {
    lines.push(tpl[i++ % tpl.length]);
    if (i % 400 === 0) lines.push(`FROM build AS s${i}`);
  }
  return lines.join('\n') + '\n';
}

/** CPU milliseconds (user + system) of the median of `runs` runs: robust on a busy machine. */
function cpuMs(fn: () => unknown, runs = 3): number {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    fn();
    const d = process.cpuUsage(c);
    xs.push((d.user + d.system) / 1000);
  }
  return xs.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

test('performance: a 2,000-instruction Dockerfile is analysed (CPU time printed)', () => {
  const cfg = mergeConfig();
  const analyze = (text: string) => new Analyzer(createRegistry()).analyze({ path: '/ws/Dockerfile', text }, cfg);
  const small = generateDockerfile(2000);
  const big = generateDockerfile(4000);
  analyze(small);
  const t2 = cpuMs(() => analyze(small));
  const t4 = cpuMs(() => analyze(big));
  console.log(`Analyzer.analyze CPU: 2,000 instructions ${t2.toFixed(1)} ms, 4,000 instructions ${t4.toFixed(1)} ms`);
  const findings = analyze(small).findings;
  assert.ok(findings.length > 400, 'the benchmark file has findings to report');
  // Printed, not asserted: timings never decide a test on shared cores (linearity is guarded by work
  // counts in test/hardening/linear-dockerfile.test.ts and measured by `npm run bench`).
});

test('performance: the shell parser reads 2,000 RUN texts (CPU time printed)', () => {
  const texts = Array.from({ length: 2000 }, (_, i) => RUN_CORPUS[i % RUN_CORPUS.length]);
  const ms = cpuMs(() => {
    for (const t of texts) simpleCommands(parseShell(t).list);
  });
  console.log(`parseShell + simpleCommands: ${texts.length} RUN texts ${ms.toFixed(1)} ms`);
});
