#!/usr/bin/env node
// Benchmark of Kubernetes diagnostics through the whole analyzer (every rule, the engine's
// per-document cache, cross-resource rules), against the YAML parse it rests on.
//
//   node scripts/build.mjs --no-tests && node scripts/bench/k8s.mjs [--docs 300] [--runs 15] [--edits 60] [--json]
//
// Generates a multi-document manifest of Deployments, Services, ConfigMaps and StatefulSets
// (~10,000 lines for 300 documents) and measures (medians):
//   parse        yaml.parseAllDocuments(text)
//   full         Analyzer.analyze() of the file by a fresh analyzer (schema store warm)
//   first        the very first analyze() of the process (schema files read, validators compiled)
//   edit         analyze() after changing one value inside one document (same analyzer): only that
//                document is parsed and checked again; the others come from the cache
//   edit+line    analyze() after inserting a line inside one document (every later document moves)
// Targets (issue 3): full <= 2 x parse; edit median <= 5 ms.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { kubernetesManifest } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DOCS = arg('--docs', 300);
const RUNS = arg('--runs', 15);
const EDITS = arg('--edits', 60);
const JSON_OUT = process.argv.includes('--json');

const outfile = path.join(ROOT, 'out', 'bench', 'k8s.cjs');
await build({
  stdin: {
    contents: `
      export { Analyzer } from './server/src/core/engine';
      export { createRegistry } from './server/src/core/rules';
      export { mergeConfig } from './server/src/core/config/config';
      export { parseAllDocuments } from 'yaml';
    `,
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile,
  logLevel: 'warning',
});
// The bundle finds dist/schema through DOCKYARD_ROOT (it does not live in dist/).
process.env.DOCKYARD_ROOT = ROOT;
const { Analyzer, createRegistry, mergeConfig, parseAllDocuments } = createRequire(import.meta.url)(outfile);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];
/** Wall time and CPU time (user + system, this process) in ms: on a loaded machine the CPU time is the steadier number. */
const cpu = [];
const time = (fn) => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  return [wall, r];
};
const lastCpu = () => cpu[cpu.length - 1];

// The same generated manifest as `npm run bench` (scripts/bench/generate.mjs).
const text = kubernetesManifest({ docs: DOCS });
const lines = text.split('\n').length;
const config = mergeConfig();
const path0 = '/bench/manifest.yaml';
const newAnalyzer = () =>
  new Analyzer(createRegistry(), (rule, _p, e) => {
    throw new Error(`rule ${rule} threw: ${e instanceof Error ? e.stack : e}`);
  });

const [first, firstRes] = time(() => newAnalyzer().analyze({ path: path0, text }, config));
const findings = firstRes.findings;

const parse = [];
const full = [];
const parseCpu = [];
const fullCpu = [];
for (let r = 0; r < RUNS + 2; r++) {
  const [tp] = time(() => parseAllDocuments(text));
  const cp = lastCpu();
  const a = newAnalyzer();
  const [tf] = time(() => a.analyze({ path: path0, text }, config));
  if (r >= 2) {
    parse.push(tp);
    full.push(tf);
    parseCpu.push(cp);
    fullCpu.push(lastCpu());
  }
}

// Edits inside one document (the middle one), each producing a new text.
const a = newAnalyzer();
a.analyze({ path: path0, text }, config);
const mid = text.indexOf('kind: Deployment', Math.floor(text.length / 2));
const at = text.indexOf('  replicas: ', mid);
const lineEnd = text.indexOf('\n', at);
const edit = [];
const editCpu = [];
for (let e = 0; e < EDITS + 3; e++) {
  const edited = text.slice(0, at) + `  replicas: ${10 + e}` + text.slice(lineEnd);
  const [te] = time(() => a.analyze({ path: path0, text: edited }, config));
  if (e >= 3) {
    edit.push(te);
    editCpu.push(lastCpu());
  }
}
// Line insertions (every later document shifts: their cached findings are re-based).
const b = newAnalyzer();
b.analyze({ path: path0, text }, config);
const editLine = [];
const editLineCpu = [];
for (let e = 0; e < EDITS + 3; e++) {
  const edited = text.slice(0, lineEnd + 1) + `  minReadySeconds: ${e}\n`.repeat(1 + (e % 2)) + text.slice(lineEnd + 1);
  const [te] = time(() => b.analyze({ path: path0, text: edited }, config));
  if (e >= 3) {
    editLine.push(te);
    editLineCpu.push(lastCpu());
  }
}

const result = {
  documents: DOCS,
  lines,
  bytes: text.length,
  findings: findings.length,
  parseMs: +median(parse).toFixed(2),
  fullMs: +median(full).toFixed(2),
  ratio: +(median(full) / median(parse)).toFixed(2),
  firstMs: +first.toFixed(2),
  editMedianMs: +median(edit).toFixed(2),
  editP90Ms: +p90(edit).toFixed(2),
  editLineMedianMs: +median(editLine).toFixed(2),
  editLineP90Ms: +p90(editLine).toFixed(2),
  cpu: {
    parseMs: +median(parseCpu).toFixed(2),
    fullMs: +median(fullCpu).toFixed(2),
    ratio: +(median(fullCpu) / median(parseCpu)).toFixed(2),
    editMedianMs: +median(editCpu).toFixed(2),
    editLineMedianMs: +median(editLineCpu).toFixed(2),
  },
};
if (JSON_OUT) console.log(JSON.stringify(result));
else {
  console.log(`k8s bench: ${DOCS} documents, ${lines} lines, ${(text.length / 1024).toFixed(0)} KB, ${findings.length} findings`);
  console.log(`  parseAllDocuments   ${result.parseMs} ms (median of ${RUNS})`);
  console.log(`  analyze (full)      ${result.fullMs} ms  = ${result.ratio} x parse  (target <= 2)`);
  console.log(`  analyze (1st, cold) ${result.firstMs} ms  (schema files read once per process)`);
  console.log(`  edit in one doc     ${result.editMedianMs} ms median, ${result.editP90Ms} ms p90  (target <= 5)`);
  console.log(`  insert a line       ${result.editLineMedianMs} ms median, ${result.editLineP90Ms} ms p90`);
  const c = result.cpu;
  console.log(`  CPU time (medians): parse ${c.parseMs} ms, full ${c.fullMs} ms = ${c.ratio} x, edit ${c.editMedianMs} ms, insert a line ${c.editLineMedianMs} ms`);
}
