#!/usr/bin/env node
// Doubling benchmark (issue #12): is the analysis linear in the input, and is its memory bounded by
// the input? For every kind of hostile input below, a generated file at sizes n, 2n, 4n, 8n goes
// through the core in-process (the esbuild bundle of scripts/bench/core-entry.ts: Analyzer +
// rules); the time per doubling should grow ~2× (target ≤ 2.3×), never 4×.
//
//   npm run bench -- --only doubling                 (part of the full `npm run bench`)
//   node scripts/bench/doubling.mjs [--kinds df-stages,bindep] [--runs 3] [--scale 0.5]
//                                   [--cli-lines 200000]   (the CLI's peak RSS on a big Dockerfile)
//
// Every (kind, size) runs in its own node process (so peak RSS is that size's own): one warm-up
// analysis, then --runs timed ones (median reported), each with a new Analyzer and a text made
// unique by a trailing comment (the loci caches key by text). Heap = heap still used after the
// last analysis with its result alive (after a full GC), minus the heap before it; RSS = the
// process's peak resident set size (process.resourceUsage().maxRSS, generation included).
import { bundle } from '../lib/bundle.mjs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SELF = fileURLToPath(import.meta.url);
const CORE = path.join(ROOT, 'out', 'bench', 'core.cjs');

// ---------------------------------------------------------------------------------------------
// Inputs: text(n) for each kind. `n` is the kind's own unit (stages, lines, characters, depth …).

const rep = (n, f) => {
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
};

export const KINDS = {
  'df-stages': {
    what: 'Dockerfile stages (FROM + RUN + COPY --from each)',
    path: '/ws/Dockerfile',
    n: 2500,
    text: (n) => ['ARG BASE=ubuntu:22.04', ...rep(n, (i) => `FROM ${i % 3 === 0 ? '${BASE}' : i % 3 === 1 ? `s${i - 1}` : 'debian:12'} AS s${i}\nRUN echo ${i} && apt-get install -y curl\nCOPY --from=s${Math.max(0, i - 1)} /a /b`)].join('\n') + '\n',
  },
  'df-instructions': {
    what: 'Dockerfile instructions in one stage',
    path: '/ws/Dockerfile',
    n: 10000,
    text: (n) =>
      ['FROM ubuntu:22.04', ...rep(n, (i) => [`RUN apt-get update && apt-get install -y pkg${i} && rm -rf /var/lib/apt/lists/*`, `COPY src${i} /app/${i}`, `ENV V${i}=x${i}`, `LABEL l${i}="v ${i}"`, `ARG A${i}=${i}`][i % 5])].join('\n') + '\n',
  },
  'run-continuations': {
    what: 'one RUN, continuation lines',
    path: '/ws/Dockerfile',
    n: 10000,
    text: (n) => `FROM ubuntu:22.04\nRUN apt-get update \\\n${rep(n, (i) => `    && apt-get install -y pkg${i} \\\n`).join('')}    && true\n`,
  },
  'run-and-chain': {
    what: 'one RUN line, `&&` chain length',
    path: '/ws/Dockerfile',
    n: 20000,
    text: (n) => `FROM ubuntu:22.04\nRUN ${rep(n, (i) => `echo ${i}`).join(' && ')}\n`,
  },
  'run-line-length': {
    what: 'one RUN line, characters (one long word with expansions)',
    path: '/ws/Dockerfile',
    n: 250000,
    text: (n) => {
      const unit = 'ab$HOME/c${X:-d}"q q"';
      return `FROM ubuntu:22.04\nRUN echo ${unit.repeat(Math.ceil(n / unit.length)).slice(0, n).replace(/[$\\{"]+$/, '')}x\n`;
    },
  },
  'run-nested-subst': {
    what: '500 RUNs, nested `$(` depth (parser limit 100)',
    path: '/ws/Dockerfile',
    n: 12,
    text: (n) => `FROM ubuntu:22.04\n${rep(500, (i) => `RUN echo ${'$(echo '.repeat(n)}x${i}${')'.repeat(n)}\n`).join('')}`,
  },
  'from-expansions': {
    what: 'one FROM, unclosed `${A:-` expansions',
    path: '/ws/Dockerfile',
    n: 100000,
    text: (n) => `ARG A=x\nFROM ${'${A:-'.repeat(n)}\nRUN echo\n`,
  },
  'helm-open-braces': {
    what: 'one YAML line of `{{ ` without `}}` (Helm detection)',
    path: '/ws/k8s.yaml',
    n: 100000,
    text: (n) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: braces\ndata:\n  v: "${'{{ '.repeat(n)}"\n`,
  },
  'shell-lines': {
    what: 'build script lines (`docker build --build-arg …`)',
    path: '/ws/build.sh',
    n: 1000,
    text: (n) =>
      '#!/bin/bash\nset -e\n' +
      rep(n, (i) => `docker build https://opendev.org/openstack/loci.git --build-arg PROJECT=nova --build-arg PROJECT_REF=stable/2024.${i % 2 + 1} --build-arg PROFILES="fluent apache" --build-arg FROM=loci-base:ubuntu_jammy --tag nova-${i}:latest\n`).join(''),
  },
  bindep: {
    what: 'bindep lines',
    path: '/ws/bindep.txt',
    n: 10000,
    text: (n) => rep(n, (i) => [`pkg${i} [platform:dpkg]`, `lib${i}-dev [platform:rpm test]`, `tool${i} [!platform:redhat apache]`, `# comment ${i}`, `python3-x${i} [platform:dpkg fluent]`][i % 5]).join('\n') + '\n',
  },
  'compose-services': {
    what: 'compose services with build args',
    path: '/ws/docker-compose.yaml',
    n: 500,
    text: (n) =>
      'services:\n' +
      rep(n, (i) => `  nova${i}:\n    image: loci/nova-${i}:latest\n    build:\n      context: https://opendev.org/openstack/loci.git\n      args:\n        PROJECT: nova\n        PROJECT_REF: stable/2024.1\n        PROFILES: "fluent apache"\n        FROM: loci-base:ubuntu_jammy\n`).join(''),
  },
  'helm-actions': {
    what: 'Helm template actions in one manifest',
    path: '/ws/chart/templates/cm.yaml',
    helm: true,
    n: 5000,
    text: (n) =>
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include "app.fullname" . }}\ndata:\n' +
      rep(n, (i) => (i % 10 === 0 ? `  {{- if .Values.f${i} }}\n  k${i}: {{ .Values.v${i} | quote }}\n  {{- end }}\n` : `  k${i}: {{ .Values.v${i} | default "x" | quote }}\n`)).join(''),
  },
  'yaml-documents': {
    what: 'YAML documents per file (ConfigMaps)',
    path: '/ws/k8s.yaml',
    n: 1000,
    text: (n) => rep(n, (i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n  namespace: shop\ndata:\n  a: "1"\n  b: "${i}"\n`).join('---\n'),
  },
  'yaml-depth': {
    what: 'YAML nesting depth (flow mappings; guard at 256)',
    path: '/ws/k8s.yaml',
    n: 30,
    // 200 documents, each nested n deep: bytes grow linearly with n.
    text: (n) => rep(200, (i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep${i}\n  annotations: ${'{k: '.repeat(n)}x${'}'.repeat(n)}\n`).join('---\n'),
  },
  'yaml-long-scalar': {
    what: 'one long YAML scalar (characters)',
    path: '/ws/k8s.yaml',
    n: 1000000,
    text: (n) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: long\ndata:\n  v: "${'abc def '.repeat(Math.ceil(n / 8)).slice(0, n)}"\n`,
  },
};

// ---------------------------------------------------------------------------------------------
// Child: one (kind, size)

function child(kind, n, runs) {
  const core = createRequire(import.meta.url)(CORE);
  const k = KINDS[kind];
  const base = k.text(n);
  const config = core.mergeConfig({});
  const registry = core.createRegistry();
  let errors = 0;
  const once = (i) => {
    const text = base + `# r${i}\n`;
    const a = new core.Analyzer(registry, () => errors++);
    const t0 = performance.now();
    const r = a.analyze({ path: k.path, text, helmChartTemplate: k.helm }, config);
    return { ms: performance.now() - t0, r, a };
  };
  once(0);
  const times = [];
  for (let i = 1; i <= runs; i++) times.push(once(i).ms);
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const last = once(runs + 1);
  global.gc?.();
  const heap = process.memoryUsage().heapUsed - before;
  const findings = last.r.findings.length;
  times.sort((a, b) => a - b);
  const ms = times[times.length >> 1];
  process.stdout.write(JSON.stringify({ kind, n, bytes: base.length, ms, heapMB: heap / 1048576, rssMB: process.resourceUsage().maxRSS / 1024, findings, errors }) + '\n');
  void last.a;
}

// ---------------------------------------------------------------------------------------------
// Parent

function buildCore() {
  return bundle({ entry: 'scripts/bench/core-entry.ts', outfile: CORE, minify: true });
}

function measure(kind, n, runs) {
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--stack-size=984', SELF, '--child', kind, String(n), String(runs)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = r.stdout.trim().split('\n').pop();
  try {
    return JSON.parse(line);
  } catch {
    return { kind, n, ms: NaN, heapMB: NaN, rssMB: NaN, findings: 0, errors: 0, failed: (r.stderr || `exit ${r.status} ${r.signal ?? ''}`).trim().split('\n').slice(-3).join(' ') };
  }
}

/** Peak RSS of `node dist/cli.js lint` on a generated Dockerfile of `lines` lines (MB), and its wall time. */
export function cliPeak(lines) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-doubling-'));
  const file = path.join(dir, 'Dockerfile');
  fs.writeFileSync(file, KINDS['df-instructions'].text(lines - 1));
  const hook = path.join(dir, 'rss.cjs');
  fs.writeFileSync(hook, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(path.join(dir, 'rss'))}, String(process.resourceUsage().maxRSS)));\n`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-r', hook, path.join(ROOT, 'dist', 'cli.js'), 'lint', '--fail-on', 'never', '--format', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  let rssMB = NaN;
  try {
    rssMB = Number(fs.readFileSync(path.join(dir, 'rss'), 'utf8')) / 1024;
  } catch {}
  fs.rmSync(dir, { recursive: true, force: true });
  return { lines, ms, rssMB, code: r.status };
}

const TARGET = 2.3;

/**
 * Runs every kind (or `opts.kinds`) at n, 2n, 4n, 8n; prints the table; returns the rows.
 * `row` (optional) receives run.mjs-style summary rows (one per kind: the worst ratio).
 */
export async function benchDoubling(opts = {}) {
  const runs = opts.runs ?? 3;
  const scale = opts.scale ?? 1;
  const kinds = opts.kinds ?? Object.keys(KINDS);
  const log = opts.log ?? ((s) => process.stderr.write(s + '\n'));
  if (!opts.skipBuild) await buildCore();
  const all = [];
  for (const kind of kinds) {
    const k = KINDS[kind];
    if (!k) throw new Error(`unknown kind ${kind}; known: ${Object.keys(KINDS).join(', ')}`);
    const base = Math.max(1, Math.round(k.n * scale));
    log(`doubling: ${kind} — ${k.what}`);
    let prev;
    const rows = [];
    for (const n of [base, base * 2, base * 4, base * 8]) {
      const m = measure(kind, n, runs);
      m.ratio = prev && prev.ms > 0 ? m.ms / prev.ms : undefined;
      rows.push(m);
      log(`  n=${n}: ${fmtMs(m.ms)}${m.ratio ? ` (×${m.ratio.toFixed(2)})` : ''}, heap ${m.heapMB?.toFixed(1)} MB, peak RSS ${m.rssMB?.toFixed(0)} MB, ${m.findings} findings${m.failed ? ` FAILED: ${m.failed}` : ''}`);
      prev = m;
    }
    // Small sizes are noisy: judge the kind by the last two doublings.
    const worst = Math.max(...rows.slice(2).map((r) => r.ratio ?? 0));
    all.push({ kind, what: k.what, rows, worst, pass: Number.isFinite(worst) && worst <= TARGET && !rows.some((r) => r.failed) });
    opts.row?.({ bench: `Doubling: ${kind} (${rows.at(-1).n}: ${fmtMs(rows.at(-1).ms)}, ${rows.at(-1).rssMB?.toFixed(0)} MB RSS)`, value: +worst.toFixed(2), unit: '×', target: `≤ ${TARGET}× per doubling`, pass: all.at(-1).pass });
  }
  if (opts.cliLines) {
    const c = cliPeak(opts.cliLines);
    log(`CLI lint of a ${opts.cliLines}-line Dockerfile: ${fmtMs(c.ms)}, peak RSS ${c.rssMB.toFixed(0)} MB (exit ${c.code})`);
    all.cli = c;
    opts.row?.({ bench: `CLI lint, ${opts.cliLines}-line Dockerfile: peak RSS (${fmtMs(c.ms)})`, value: c.rssMB, unit: 'MB', target: '≤ 600 MB', pass: c.rssMB <= 600 });
  }
  console.log(table(all));
  return all;
}

function fmtMs(ms) {
  return !Number.isFinite(ms) ? 'n/a' : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

export function table(all) {
  const head = ['input', 'size', 'bytes', 'ms', 'ratio', 'heap MB', 'peak RSS MB', ''];
  const body = [];
  for (const k of all) {
    k.rows.forEach((r, i) =>
      body.push([
        i === 0 ? k.kind : '',
        String(r.n),
        r.bytes !== undefined ? String(r.bytes) : '',
        fmtMs(r.ms),
        r.ratio ? `${r.ratio.toFixed(2)}×` : '',
        Number.isFinite(r.heapMB) ? r.heapMB.toFixed(1) : 'n/a',
        Number.isFinite(r.rssMB) ? r.rssMB.toFixed(0) : 'n/a',
        i === k.rows.length - 1 ? (k.pass ? 'PASS' : 'MISS') : r.failed ? 'FAILED' : '',
      ]),
    );
  }
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const right = new Set([1, 2, 3, 4, 5, 6]);
  const line = (cells) => cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ');
  return [`Doubling (target ≤ ${TARGET}× per doubling, judged on the last two)`, line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  const argv = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
  };
  if (argv[0] === '--child') {
    child(argv[1], Number(argv[2]), Number(argv[3]));
  } else {
    const kinds = opt('--kinds', undefined)?.split(',');
    benchDoubling({ kinds, runs: Number(opt('--runs', 3)), scale: Number(opt('--scale', 1)), cliLines: Number(opt('--cli-lines', 0)) || undefined }).catch((e) => {
      console.error(e);
      process.exit(1);
    });
  }
}
