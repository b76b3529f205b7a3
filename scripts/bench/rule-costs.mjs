#!/usr/bin/env node
// Time of each rule on the benchmark inputs, to tell rule owners where analysis time goes.
//
//   node scripts/bench/rule-costs.mjs [k8s|dockerfile] [--runs 9] [--top 15]
//
// For every rule: median CPU time of a fresh analysis with only that rule enabled, minus the median of
// a fresh analysis with no rule (parse, split, suppressions). Data a rule memoizes on the model and
// shares with others (containers, shell parses) is charged to each rule alone here, so the column
// does not add up to the full analysis; the full analysis is printed for reference.
import { bundleAndLoad } from '../lib/bundle.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { dockerfile, kubernetesManifest } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const opt = (n, d) => (argv.includes(n) ? Number(argv[argv.indexOf(n) + 1]) : d);
const what = argv.find((a) => !a.startsWith('--') && Number.isNaN(Number(a))) ?? 'k8s';
const RUNS = opt('--runs', 9);
const TOP = opt('--top', 15);
const outfile = path.join(ROOT, 'out', 'bench', 'rule-costs.cjs');
const core = await bundleAndLoad({ contents: `export { Analyzer } from './server/src/core/engine'; export { RuleRegistry } from './server/src/core/rules/registry'; export { ALL_RULES, ENGINE_IDS } from './server/src/core/rules'; export { mergeConfig } from './server/src/core/config/config';`, outfile });
const input = what === 'k8s' ? { path: '/ws/big.yaml', text: kubernetesManifest({ docs: 300 }) } : { path: '/ws/Dockerfile', text: dockerfile({ instructions: 2000 }) };
const config = core.mergeConfig({ coexistence: { yamlSyntax: 'always', dockerfileSyntax: 'always' } });
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
// Every configuration once per round, rounds interleaved; a full GC before each measurement.
const configs = [{ id: '(no rules)', rules: [] }, { id: '(all rules)', rules: core.ALL_RULES }, ...core.ALL_RULES.map((r) => ({ id: r.id, target: r.target, rules: [r] }))];
for (const c of configs) c.registry = new core.RuleRegistry(c.rules, core.ENGINE_IDS);
const times = new Map(configs.map((c) => [c, []]));
const counts = new Map();
for (let round = 0; round <= RUNS; round++) {
  for (const c of configs) {
    const a = new core.Analyzer(c.registry);
    gc();
    // CPU time, not wall time: this machine's load should not count.
    const t0 = process.cpuUsage();
    const n = a.analyze(input, config).findings.length;
    const d = process.cpuUsage(t0);
    const ms = (d.user + d.system) / 1000;
    if (round) times.get(c).push(ms);
    counts.set(c, n);
  }
}
const base = { ms: median(times.get(configs[0])), n: counts.get(configs[0]) };
const all = { ms: median(times.get(configs[1])), n: counts.get(configs[1]) };
const rows = configs.slice(2).map((c) => ({ id: c.id, target: c.target, ms: median(times.get(c)) - base.ms, findings: counts.get(c) - base.n }));
rows.sort((a, b) => b.ms - a.ms);
console.log(`${what}: ${input.text.split('\n').length} lines; no rules ${base.ms.toFixed(1)} ms; all ${core.ALL_RULES.length} rules ${all.ms.toFixed(1)} ms (${all.n} findings); median of ${RUNS}\n`);
for (const r of rows.slice(0, TOP)) console.log(`${r.ms.toFixed(1).padStart(8)} ms  ${String(r.findings).padStart(5)} findings  ${r.id} (${r.target})`);
