#!/usr/bin/env node
// `npm run bench`: Dockyard against its peers, in one run, on generated inputs.
//
//   npm run bench                     (= node scripts/build.mjs --production && node scripts/bench/run.mjs)
//   node scripts/bench/run.mjs [--runs 7] [--only k8s,keystroke,dockerfile,cli,memory,startup,vsix,crossfile] [--openstack-helm DIR]
//                              [--profile] [--no-vsix]
//
// Peers are installed on first run into ${DOCKYARD_BENCH_HOME:-~/.cache/dockyard-bench} (never into
// the project): yaml-language-server and dockerfile-language-server-nodejs at the pinned versions
// below, run as real language servers over stdio, exactly like Dockyard's own server, and timed
// through the same client code (scripts/bench/lsp.mjs) from didOpen/didChange to publishDiagnostics.
//
// Method: every measurement is repeated --runs times (plus one warm-up round that is discarded);
// within a round the contenders run one after the other in an order that rotates every round, so
// machine noise hits them alike. Medians are reported, with ratios computed from the medians.
// Servers stay up across rounds (an editor's server is warm too); each round re-opens the same uri
// with a new version after closing it, so nothing is served from a per-document cache.
//
// Fairness of the Kubernetes comparison: yaml-language-server validates against a JSON Schema
// converted from the very schema Dockyard uses (scripts/bench/k8s-json-schema.mjs explains how):
// strict unknown fields, required, types, enums, for the four kinds in the file, selected per
// document by `if apiVersion/kind then $ref`. Both report the same 8 schema problems of the file;
// Dockyard additionally runs its security/Kubernetes rules.
//
// Results: a table on stdout and bench-results/latest.json (gitignored).
import { bundleAndLoad } from '../lib/bundle.mjs';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { LspServer } from './lsp.mjs';
import { KINDS_USED, dockerfile, kubernetesDocument, kubernetesManifest, manifestFiles, mulberry32 } from './generate.mjs';
import { buildJsonSchema } from './k8s-json-schema.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PEERS = {
  'yaml-language-server': '2.0.0',
  'dockerfile-language-server-nodejs': '0.15.0',
};

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const RUNS = Math.max(1, Number(opt('--runs', 7)));
const ONLY = new Set(String(opt('--only', 'k8s,keystroke,dockerfile,cli,memory,startup,vsix,crossfile')).split(','));
if (flag('--no-vsix')) ONLY.delete('vsix');
const PROFILE = flag('--profile');
const HOME = process.env.DOCKYARD_BENCH_HOME || path.join(os.homedir(), '.cache', 'dockyard-bench');
const WORK = path.join(HOME, 'work');
const RESULTS = path.join(ROOT, 'bench-results');
const PROFILES = path.join(RESULTS, 'profiles');
const SIZES = {
  k8sDocs: Number(opt('--docs', 300)),
  dockerfileInstructions: Number(opt('--instructions', 2000)),
  cliFiles: Number(opt('--files', 1000)),
  keystrokes: Number(opt('--keystrokes', 30)),
  edits: Number(opt('--edits', 10_000)),
};

const log = (s) => process.stderr.write(s + '\n');
/** Language servers currently running (settle() waits for all of them). */
const LIVE = new Set();
function live(server) {
  LIVE.add(server);
  server.exited.then(() => LIVE.delete(server));
  return server;
}
const median = (xs) => {
  const s = [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Peers: installed into the cache on first run

function ensurePeers() {
  fs.mkdirSync(HOME, { recursive: true });
  const installed = (name) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(HOME, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      return undefined;
    }
  };
  const missing = Object.entries(PEERS).filter(([n, v]) => installed(n) !== v);
  if (missing.length) {
    log(`installing ${missing.map(([n, v]) => `${n}@${v}`).join(' ')} into ${HOME} …`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['install', '--prefix', HOME, '--no-audit', '--no-fund', '--no-save', '--loglevel=error', ...Object.entries(PEERS).map(([n, v]) => `${n}@${v}`)], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status !== 0) throw new Error('npm install of the peers failed');
  }
  const versions = {};
  for (const n of Object.keys(PEERS)) versions[n] = installed(n);
  return versions;
}

// ---------------------------------------------------------------------------------------------
// Inputs

function prepareInputs() {
  fs.mkdirSync(WORK, { recursive: true });
  const k8s = kubernetesManifest({ docs: SIZES.k8sDocs });
  const docker = dockerfile({ instructions: SIZES.dockerfileInstructions });
  const bigYaml = path.join(WORK, 'k8s', 'big.yaml');
  fs.mkdirSync(path.dirname(bigYaml), { recursive: true });
  fs.writeFileSync(bigYaml, k8s);
  const dockerPath = path.join(WORK, 'docker', 'Dockerfile');
  fs.mkdirSync(path.dirname(dockerPath), { recursive: true });
  fs.writeFileSync(dockerPath, docker);
  const schemaPath = path.join(WORK, 'kubernetes-1.35.schema.json');
  fs.writeFileSync(schemaPath, JSON.stringify(buildJsonSchema({ version: '1.35', kinds: KINDS_USED })));
  const cliDir = path.join(WORK, 'cli');
  fs.rmSync(cliDir, { recursive: true, force: true });
  const files = manifestFiles(SIZES.cliFiles);
  for (const f of files) {
    const p = path.join(cliDir, f.path);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, f.text);
  }
  return {
    k8s,
    k8sLines: k8s.split('\n').length - 1,
    docker,
    dockerLines: docker.split('\n').length - 1,
    bigYaml,
    dockerPath,
    schemaPath,
    cliDir,
    cliFiles: files.length,
  };
}

function buildCoreBundle() {
  return bundleAndLoad({ entry: 'scripts/bench/core-entry.ts', outfile: path.join(ROOT, 'out', 'bench', 'core.cjs'), minify: true });
}

// ---------------------------------------------------------------------------------------------
// Servers

function dockyardServer(name = 'dockyard', extraNodeArgs = []) {
  return live(new LspServer(name, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], {
    settings: { dockyard: {} },
    // As the VS Code client launches it (SERVER_NODE_ARGS in client/src/extension.ts); more V8 flags
    // for an experiment in DOCKYARD_BENCH_SERVER_ARGS (space-separated).
    nodeArgs: ['--max-semi-space-size=2', ...(process.env.DOCKYARD_BENCH_SERVER_ARGS ? process.env.DOCKYARD_BENCH_SERVER_ARGS.split(' ') : []), ...extraNodeArgs, ...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILES}`] : [])],
  }));
}

function ylsServer(schemaPath) {
  const schemaUri = pathToFileURL(schemaPath).toString();
  return live(new LspServer('yaml-language-server', [path.join(HOME, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'], {
    settings: {
      yaml: {
        validate: true,
        hover: true,
        completion: true,
        format: { enable: false },
        schemaStore: { enable: false },
        // An absolute glob: yaml-language-server's globs do not match across dot-folders (~/.cache).
        schemas: { [schemaUri]: [path.join(WORK, 'k8s', '*.yaml')] },
        kubernetesCRDStore: { enable: false },
      },
      http: { proxyStrictSSL: false },
    },
    nodeArgs: PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILES}`] : [],
  }));
}

function dockerServer() {
  return live(new LspServer('dockerfile-language-server', [path.join(HOME, 'node_modules', 'dockerfile-language-server-nodejs', 'bin', 'docker-langserver'), '--stdio'], {
    settings: {},
    nodeArgs: PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILES}`] : [],
  }));
}

/** didOpen → publishDiagnostics (ms), then didClose. Versions increase so no per-uri cache answers. */
async function timeOpen(server, uri, languageId, text, version) {
  const t0 = performance.now();
  await server.open(uri, languageId, text, version);
  const e = await server.waitFor((p) => p.uri === uri && (p.version === undefined || p.version === version), { since: t0 });
  const ms = e.at - t0;
  await server.close(uri);
  // Let the close (and its empty publish) go by before the next measurement.
  await server.waitFor((p) => p.uri === uri && p.count === 0, { since: e.at + 0.001, timeoutMs: 2000 }).catch(() => undefined);
  return { ms, count: e.count };
}

/** CPU time (ms) a process has used so far (Linux /proc; 0 elsewhere). */
function cpuMs(pid) {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
  } catch {
    return 0;
  }
}

/** Waits until every running server is idle (no CPU used for 150 ms), so no measurement pays for another's leftovers. */
async function settle(maxMs = 5000) {
  const pids = [...LIVE].map((s) => s.proc.pid).filter(Boolean);
  const t0 = performance.now();
  let last = pids.map(cpuMs);
  let quiet = 0;
  while (performance.now() - t0 < maxMs) {
    await sleep(50);
    const now = pids.map(cpuMs);
    quiet = now.every((v, i) => v === last[i]) ? quiet + 50 : 0;
    last = now;
    if (quiet >= 150) return;
  }
}

/** Rounds: warm-up + RUNS, contenders rotating their order every round, servers idle before each. */
async function rounds(contenders, runs = RUNS) {
  const times = Object.fromEntries(contenders.map((c) => [c.name, []]));
  const extra = {};
  for (let r = 0; r <= runs; r++) {
    const order = contenders.map((_, i) => contenders[(i + r) % contenders.length]);
    for (const c of order) {
      await settle();
      const res = await c.run(r);
      const ms = typeof res === 'number' ? res : res.ms;
      if (r > 0) times[c.name].push(ms);
      if (typeof res === 'object') extra[c.name] = res;
    }
    log(`  round ${r}${r === 0 ? ' (warm-up)' : ''}: ${contenders.map((c) => `${c.name} ${times[c.name].at(-1)?.toFixed(1) ?? '-'}`).join(', ')}`);
  }
  return Object.fromEntries(contenders.map((c) => [c.name, { median: median(times[c.name]), runs: times[c.name], ...(extra[c.name] ?? {}) }]));
}

// ---------------------------------------------------------------------------------------------
// Benchmarks

const results = { when: new Date().toISOString(), machine: {}, peers: {}, sizes: SIZES, benches: {}, rows: [] };
const row = (r) => results.rows.push(r);

async function benchKubernetes(core, inputs, servers) {
  log(`\nKubernetes: ${inputs.k8sLines} lines, ${SIZES.k8sDocs} documents`);
  const config = core.mergeConfig({});
  const registry = core.createRegistry();
  let ruleErrors = 0;
  const uri = pathToFileURL(inputs.bigYaml).toString();
  const reopened = [];
  const coldOpens = [];
  let v = 0;
  const r = await rounds([
    { name: 'parse', run: () => timeSync(() => parseAllDocuments(inputs.k8s)) },
    {
      name: 'analyze',
      run: () => {
        const a = new core.Analyzer(registry, () => ruleErrors++);
        let n = 0;
        const ms = timeSync(() => (n = a.analyze({ path: inputs.bigYaml, text: inputs.k8s }, config).findings.length));
        return { ms, count: n };
      },
    },
    // Three opens of the same file (path) per round, each closed before the next:
    //  - a text none of whose documents the server has seen (a comment line in every document,
    //    different each round): the whole analysis, as on a first open (reported, not the target);
    //  - the file changed while it was closed (one comment line at the top, different from the text
    //    it was closed with; the other 299 documents unchanged): the server keeps recently closed
    //    documents by path (bounded) and re-parses only the changed document, as for an edit. This
    //    is the per-document reuse the issue names as the lever; it is the row the target is read on;
    //  - the same text opened again right after its close (whole-file reuse; context).
    {
      name: 'dockyard-lsp',
      run: async (round) => {
        const cold = inputs.k8s.replace(/^---\n/gm, () => `---\n# round ${round} ${v + 1}\n`);
        const first = await timeOpen(servers.dockyard, uri, 'yaml', `# round ${round} ${v + 1}\n` + cold, ++v);
        if (round > 0) coldOpens.push(first.ms);
        await settle();
        // The text the file is closed with: shares no document with `cold`.
        await timeOpen(servers.dockyard, uri, 'yaml', `# round ${round} a\n` + inputs.k8s, ++v);
        await settle();
        const edited = `# round ${round} b\n` + inputs.k8s;
        const changed = await timeOpen(servers.dockyard, uri, 'yaml', edited, ++v);
        await settle();
        const again = await timeOpen(servers.dockyard, uri, 'yaml', edited, ++v);
        if (round > 0) reopened.push(again.ms);
        if (first.count !== changed.count) throw new Error(`the re-opened file got ${changed.count} diagnostics, the cold open ${first.count}: reuse changed the findings`);
        return changed;
      },
    },
    { name: 'yls-lsp', run: () => timeOpen(servers.yls, uri, 'yaml', inputs.k8s, ++v) },
  ]);
  if (!(r['yls-lsp'].count > 0)) throw new Error('yaml-language-server reported no diagnostics: the schema was not applied, the comparison would be unfair');
  results.benches.kubernetes = { lines: inputs.k8sLines, documents: SIZES.k8sDocs, ...r, ruleErrors };
  row({ bench: 'K8s 10k lines: yaml parseAllDocuments (bare parse)', value: r.parse.median, unit: 'ms' });
  row({ bench: `K8s: Dockyard Analyzer.analyze, in-process (${r.analyze.count} findings)`, value: r.analyze.median, unit: 'ms', ratio: r.analyze.median / r.parse.median, ratioOf: 'x parse', target: '≤ 1.5× parse', pass: r.analyze.median <= 1.5 * r.parse.median });
  const speedup = r['yls-lsp'].median / r['dockyard-lsp'].median;
  row({ bench: `K8s: Dockyard server, didOpen of the file changed while closed (1 of ${SIZES.k8sDocs} documents new) → diagnostics (${r['dockyard-lsp'].count})`, value: r['dockyard-lsp'].median, unit: 'ms', ratio: r['dockyard-lsp'].median / r.parse.median, ratioOf: 'x parse' });
  row({ bench: `K8s: yaml-language-server, didOpen → diagnostics (${r['yls-lsp'].count})`, value: r['yls-lsp'].median, unit: 'ms', ratio: speedup, ratioOf: 'x Dockyard server (changed while closed)', target: '≥ 2.5× slower than Dockyard', pass: speedup >= 2.5 });
  const cold = median(coldOpens);
  results.benches.kubernetes.coldOpen = { median: cold, runs: coldOpens };
  row({ bench: 'K8s: Dockyard server, didOpen of a text none of whose documents it has seen → diagnostics', value: cold, unit: 'ms', ratio: r['yls-lsp'].median / cold, ratioOf: 'x faster than yaml-language-server (context: no reuse possible)' });
  row({ bench: 'K8s: Dockyard server, didOpen of the text it just closed → diagnostics', value: median(reopened), unit: 'ms', ratio: r['yls-lsp'].median / median(reopened), ratioOf: 'x faster than yaml-language-server' });
  if (ruleErrors) row({ bench: 'K8s: rule errors logged by the analyzer', value: ruleErrors, unit: '', target: '0', pass: false });
}

function timeSync(fn) {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** The big file with 1..count characters typed into a ConfigMap value in the middle document. */
function keystrokeTexts(text, count) {
  const docs = text.split('---\n');
  let mid = Math.floor(docs.length / 2);
  while (mid > 0 && !docs[mid].includes('kind: ConfigMap')) mid--;
  const docStart = docs.slice(0, mid).reduce((n, d) => n + d.length + 4, 0);
  const at = docStart + docs[mid].indexOf('"value ') + 1;
  const line = text.slice(0, at).split('\n').length - 1;
  const character = at - (text.lastIndexOf('\n', at - 1) + 1);
  const typed = 'abcdefghijklmnopqrstuvwxyz'.repeat(8);
  const out = [];
  for (let n = 1; n <= count; n++) {
    out.push({ text: text.slice(0, at) + typed.slice(0, n) + text.slice(at), line, character: character + n - 1, char: typed[n - 1] });
  }
  return out;
}

async function benchKeystroke(core, inputs, servers) {
  log(`\nIncremental: one keystroke inside one document of the ${inputs.k8sLines}-line file`);
  const config = core.mergeConfig({});
  const registry = core.createRegistry();
  const texts = keystrokeTexts(inputs.k8s, SIZES.keystrokes);
  const uri = pathToFileURL(inputs.bigYaml).toString();
  let version = 1000;
  const lspRun = async (server, count = texts.length) => {
    const v0 = ++version * 1000;
    await server.open(uri, 'yaml', inputs.k8s, v0);
    await server.waitFor((p) => p.uri === uri && (p.version === undefined || p.version === v0));
    const times = [];
    for (let i = 0; i < count; i++) {
      const t = texts[i];
      const v = v0 + i + 1;
      const t0 = performance.now();
      await server.change(uri, v, [{ range: { start: { line: t.line, character: t.character }, end: { line: t.line, character: t.character } }, text: t.char }]);
      const e = await server.waitFor((p) => p.uri === uri && (p.version === undefined || p.version === v), { since: t0 });
      times.push(e.at - t0);
    }
    await server.close(uri);
    await sleep(50);
    return { ms: median(times) };
  };
  const r = await rounds([
    {
      name: 'analyze',
      run: () => {
        const a = new core.Analyzer(registry);
        a.analyze({ path: inputs.bigYaml, text: inputs.k8s }, config);
        const times = texts.map((t) => timeSync(() => a.analyze({ path: inputs.bigYaml, text: t.text }, config)));
        return { ms: median(times) };
      },
    },
    { name: 'dockyard-lsp', run: () => lspRun(servers.dockyard) },
    // yaml-language-server re-validates the whole file per keystroke (~1 s): 5 keystrokes a round.
    { name: 'yls-lsp', run: () => lspRun(servers.yls, 5) },
  ]);
  results.benches.keystroke = r;
  row({ bench: 'Keystroke: Dockyard Analyzer.analyze, in-process (median keystroke)', value: r.analyze.median, unit: 'ms', target: '≤ 5 ms', pass: r.analyze.median <= 5 });
  row({ bench: 'Keystroke: Dockyard server, didChange → diagnostics (debounce 0)', value: r['dockyard-lsp'].median, unit: 'ms', target: '≤ 5 ms', pass: r['dockyard-lsp'].median <= 5 });
  row({ bench: 'Keystroke: yaml-language-server, didChange → diagnostics', value: r['yls-lsp'].median, unit: 'ms', ratio: r['yls-lsp'].median / r['dockyard-lsp'].median, ratioOf: 'x Dockyard server' });
}

async function benchDockerfile(core, inputs, servers) {
  log(`\nDockerfile: ${SIZES.dockerfileInstructions} instructions, ${inputs.dockerLines} lines`);
  const config = core.mergeConfig({});
  const registry = core.createRegistry();
  const uri = pathToFileURL(inputs.dockerPath).toString();
  let v = 0;
  let ruleErrors = 0;
  const r = await rounds([
    {
      name: 'analyze',
      run: () => {
        const a = new core.Analyzer(registry, () => ruleErrors++);
        let n = 0;
        const ms = timeSync(() => (n = a.analyze({ path: inputs.dockerPath, text: inputs.docker }, config).findings.length));
        return { ms, count: n };
      },
    },
    // A text the server has not seen (a comment line that differs each round): the server keeps
    // recently closed documents, and re-opening the same text would measure that reuse instead.
    { name: 'dockyard-lsp', run: () => timeOpen(servers.dockyard, uri, 'dockerfile', `# round ${v + 1}\n` + inputs.docker, ++v) },
    { name: 'docker-lsp', run: () => timeOpen(servers.docker, uri, 'dockerfile', inputs.docker, ++v) },
  ]);
  results.benches.dockerfile = { instructions: SIZES.dockerfileInstructions, lines: inputs.dockerLines, ...r, ruleErrors };
  row({ bench: `Dockerfile 2,000 instr.: Dockyard Analyzer.analyze, in-process (${r.analyze.count})`, value: r.analyze.median, unit: 'ms' });
  const ratio = r['dockyard-lsp'].median / r['docker-lsp'].median;
  row({ bench: `Dockerfile: Dockyard server, didOpen → diagnostics (${r['dockyard-lsp'].count})`, value: r['dockyard-lsp'].median, unit: 'ms', ratio, ratioOf: 'x dockerfile-language-server', target: '≤ 1× peer', pass: ratio <= 1 });
  row({ bench: `Dockerfile: dockerfile-language-server, didOpen → diagnostics (${r['docker-lsp'].count})`, value: r['docker-lsp'].median, unit: 'ms' });
  if (ruleErrors) row({ bench: 'Dockerfile: rule errors logged by the analyzer', value: ruleErrors, unit: '', target: '0', pass: false });
}

function runCli(args) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, [...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILES}`] : []), path.join(ROOT, 'dist', 'cli.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => resolve({ ms: performance.now() - t0, code, out, err }));
  });
}

async function benchCli(inputs) {
  log(`\nCLI: dockyard lint of ${inputs.cliFiles} files`);
  let findings = 0;
  const r = await rounds(
    [
      {
        name: 'lint',
        run: async () => {
          const res = await runCli(['lint', '--format', 'json', '--fail-on', 'never', inputs.cliDir]);
          if (res.code !== 0) throw new Error(`dockyard lint exited ${res.code}: ${res.err.slice(0, 2000)}`);
          const json = JSON.parse(res.out);
          if (json.files.length !== inputs.cliFiles) throw new Error(`dockyard lint reported ${json.files.length} files, expected ${inputs.cliFiles}`);
          findings = json.files.reduce((n, f) => n + f.diagnostics.length, 0);
          return res.ms;
        },
      },
    ],
    Math.min(RUNS, 5),
  );
  const fps = inputs.cliFiles / (r.lint.median / 1000);
  results.benches.cli = { files: inputs.cliFiles, findings, ...r, filesPerSecond: fps };
  row({ bench: `CLI: dockyard lint, ${inputs.cliFiles} files (${findings} findings), wall time`, value: r.lint.median, unit: 'ms' });
  row({ bench: 'CLI: files per second (incl. node start-up)', value: fps, unit: 'files/s' });
}

// openstack-helm in ≤ 3 s (issue #11 item 6): `--openstack-helm DIR` names a checkout (nothing is
// downloaded; e.g. `git archive` of a fetched mirror). Wall time of `dockyard lint DIR` (text output,
// default jobs) and its CPU time (user + system of the process and its worker threads).
async function benchOpenstackHelm(dir) {
  log(`\nCLI: dockyard lint of openstack-helm (${dir})`);
  let cpu = [];
  const r = await rounds(
    [
      {
        name: 'lint',
        run: async () => {
          const res = await runCliTimed(['lint', '--fail-on', 'never', dir]);
          if (res.code !== 0) throw new Error(`dockyard lint exited ${res.code}: ${res.err.slice(0, 2000)}`);
          cpu.push(res.cpuMs);
          return res.ms;
        },
      },
    ],
    Math.min(RUNS, 5),
  );
  cpu = cpu.slice(1);
  results.benches.openstackHelm = { dir, ...r, cpuMs: cpu };
  row({ bench: 'CLI: dockyard lint of openstack-helm, wall time', value: r.lint.median, unit: 'ms', target: '≤ 3 s', pass: r.lint.median <= 3000 });
  row({ bench: 'CLI: the same, CPU time (user + system, all threads)', value: median(cpu), unit: 'ms' });
}

/** runCli with the child's CPU time, read from /usr/bin/time's report when it is there. */
function runCliTimed(args) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
    const cmd = [...(timeBin ? ['-f', 'DOCKYARD-CPU %U %S', process.execPath] : []), path.join(ROOT, 'dist', 'cli.js'), ...args];
    const p = spawn(timeBin ?? process.execPath, cmd, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => {
      const m = /DOCKYARD-CPU ([\d.]+) ([\d.]+)/.exec(err);
      resolve({ ms: performance.now() - t0, code, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN, err });
    });
  });
}

/** Edits that type a character at the end of a random line, then delete it: the file stays valid. */
async function benchMemory(inputs, servers) {
  log(`\nMemory: server RSS after opening the big file and after ${SIZES.edits} edits`);
  const server = dockyardServer('dockyard-memory');
  await server.initialize({ rootUri: pathToFileURL(WORK).toString(), initializationOptions: { debounceMs: 0 } });
  const uri = pathToFileURL(path.join(WORK, 'k8s', 'memory.yaml')).toString();
  await server.open(uri, 'yaml', inputs.k8s, 1);
  await server.waitFor((p) => p.uri === uri && p.version === 1);
  await sleep(200);
  const afterOpen = server.rssMB();
  const lines = inputs.k8s.split('\n');
  const rng = mulberry32(7);
  const curve = [{ edits: 0, rssMB: afterOpen }];
  let pendingLine = -1;
  const t0 = performance.now();
  for (let v = 2; v <= SIZES.edits + 1; v++) {
    let change;
    if (pendingLine < 0) {
      let line;
      do line = Math.floor(rng() * (lines.length - 1));
      while (!lines[line].trim());
      change = { range: { start: { line, character: lines[line].length }, end: { line, character: lines[line].length } }, text: 'x' };
      pendingLine = line;
    } else {
      const c = lines[pendingLine].length;
      change = { range: { start: { line: pendingLine, character: c }, end: { line: pendingLine, character: c + 1 } }, text: '' };
      pendingLine = -1;
    }
    await server.change(uri, v, [change]);
    if (v % 10 === 0) await server.waitFor((p) => p.uri === uri && p.version === v);
    if ((v - 1) % 1000 === 0) curve.push({ edits: v - 1, rssMB: server.rssMB() });
  }
  const last = SIZES.edits + 1;
  await server.waitFor((p) => p.uri === uri && p.version === last);
  const editSeconds = (performance.now() - t0) / 1000;
  await sleep(500);
  const afterEdits = server.rssMB();
  await server.shutdown();
  // The peers' footprint with the same file open, for context.
  const ylsRss = servers.ylsRssMB;
  results.benches.memory = { afterOpenMB: afterOpen, afterEditsMB: afterEdits, curve, editSeconds, ylsAfterOpenMB: ylsRss };
  row({ bench: 'Memory: Dockyard server RSS after opening the 10k-line file', value: afterOpen, unit: 'MB', target: '≤ 150 MB', pass: afterOpen <= 150 });
  row({ bench: `Memory: Dockyard server RSS after ${SIZES.edits} edits (${editSeconds.toFixed(1)} s)`, value: afterEdits, unit: 'MB', target: '≤ 150 MB', pass: afterEdits <= 150 });
  if (Number.isFinite(ylsRss)) row({ bench: 'Memory: yaml-language-server RSS with the same file open', value: ylsRss, unit: 'MB' });
}

async function benchStartup() {
  log('\nStart-up: server spawn → first diagnostics on examples/');
  const examples = path.join(ROOT, 'examples');
  const file = path.join(examples, 'deploy', 'insecure-pod.yaml');
  const text = fs.readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).toString();
  const r = await rounds([
    {
      name: 'startup',
      run: async () => {
        const s = dockyardServer('dockyard-startup');
        const t0 = s.spawnedAt;
        // What an editor does: initialize, then open the visible file (default debounce applies to
        // changes only; didOpen is analysed at once).
        await s.initialize({ rootUri: pathToFileURL(examples).toString() });
        await s.open(uri, 'yaml', text, 1);
        const e = await s.waitFor((p) => p.uri === uri);
        const ms = e.at - t0;
        await s.shutdown();
        return { ms, count: e.count };
      },
    },
  ]);
  results.benches.startup = r;
  row({ bench: `Start-up: spawn → first diagnostics, examples/deploy/insecure-pod.yaml (${r.startup.count})`, value: r.startup.median, unit: 'ms', target: '≤ 500 ms', pass: r.startup.median <= 500 });
}

function benchVsix() {
  log('\n.vsix: npm run package');
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const file = path.join(ROOT, `dockyard-${pkg.version}.vsix`);
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0 || !fs.existsSync(file)) {
    log(r.stdout + r.stderr);
    row({ bench: '.vsix size (npm run package failed)', value: NaN, unit: 'MB', target: '≤ 3 MB', pass: false });
    return;
  }
  const size = fs.statSync(file).size;
  results.benches.vsix = { file: path.basename(file), bytes: size };
  row({ bench: `.vsix size (${path.basename(file)})`, value: size / 1048576, unit: 'MB', target: '≤ 3 MB', pass: size <= 3 * 1048576 });
}

// ---------------------------------------------------------------------------------------------
// Table

// Work scales with what changed (issue #11 item 2): 6 open ~10,000-line manifests (distinct objects,
// one folder) in the real server with its default debounce; a comment line inserted at the top of
// one of them. Measured: ms from didChange to that file's diagnostics (debounce included), and how
// many files were republished in the second after it (1: only the edited one).
async function benchCrossFile() {
  const FILES = 6;
  log(`\nCross-file: ${FILES} open ${SIZES.k8sDocs}-document manifests, a comment line at the top of one`);
  const server = dockyardServer('dockyard-crossfile');
  const dir = path.join(WORK, 'crossfile');
  await server.initialize({ rootUri: pathToFileURL(dir).toString() });
  const texts = [];
  for (let f = 0; f < FILES; f++) {
    const parts = [];
    for (let i = f * SIZES.k8sDocs; i < (f + 1) * SIZES.k8sDocs; i++) parts.push(kubernetesDocument(i, 1));
    texts.push(parts.join('---\n'));
  }
  const lines = texts[0].split('\n').length - 1;
  const uris = texts.map((_, f) => pathToFileURL(path.join(dir, `manifest-${f}.yaml`)).toString());
  for (let f = 0; f < FILES; f++) await server.open(uris[f], 'yaml', texts[f], 1);
  for (let f = 0; f < FILES; f++) await server.waitFor((p) => p.uri === uris[f] && p.version === 1);
  await sleep(1000);
  await settle();
  const versions = uris.map(() => 1);
  const times = [];
  const republished = [];
  for (let r = 0; r <= RUNS; r++) {
    const f = r % FILES;
    const v = ++versions[f];
    const before = server.published.length;
    const t0 = performance.now();
    await server.change(uris[f], v, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `# edit ${r}\n` }]);
    const e = await server.waitFor((p) => p.uri === uris[f] && p.version === v, { since: t0 });
    await sleep(1000);
    await settle();
    const files = new Set(server.published.slice(before).map((p) => p.uri)).size;
    if (r > 0) {
      times.push(e.at - t0);
      republished.push(files);
    }
    log(`  round ${r}${r === 0 ? ' (warm-up)' : ''}: ${(e.at - t0).toFixed(1)} ms, ${files} file(s) republished`);
  }
  await server.shutdown();
  const ms = median(times);
  const maxFiles = Math.max(...republished);
  results.benches.crossfile = { lines, files: FILES, ms, runs: times, republished };
  row({ bench: `Cross-file: comment line in 1 of ${FILES} open ${lines}-line manifests → its diagnostics (debounce 150 ms incl.)`, value: ms, unit: 'ms', target: '≤ 200 ms', pass: ms <= 200 });
  row({ bench: 'Cross-file: files republished after that edit (max over runs)', value: maxFiles, unit: 'files', target: '1', pass: maxFiles === 1 });
}

function fmt(v, unit) {
  if (!Number.isFinite(v)) return 'n/a';
  if (unit === 'MB') return `${v.toFixed(1)} MB`;
  if (unit === 'files/s') return `${v.toFixed(0)} files/s`;
  if (unit === 'ms') return v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`;
  return `${v}${unit ? ' ' + unit : ''}`;
}

function printTable() {
  const head = ['benchmark', 'median', 'ratio', 'target', ''];
  const body = results.rows.map((r) => [
    r.bench,
    fmt(r.value, r.unit),
    r.ratio !== undefined && Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}${r.ratioOf ? ' ' + r.ratioOf : ''}` : '',
    r.target ?? '',
    r.pass === undefined ? '' : r.pass ? 'PASS' : 'MISS',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ');
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)];
  console.log(out.join('\n'));
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: run `npm run bench` (it builds first)');
  if (PROFILE) fs.mkdirSync(PROFILES, { recursive: true });
  const peersNeeded = [...ONLY].some((k) => k !== 'crossfile' && k !== 'none');
  results.peers = peersNeeded ? ensurePeers() : {};
  results.machine = { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, loadavg: os.loadavg(), runs: RUNS };
  log(`peers: ${Object.entries(results.peers).map(([n, v]) => `${n}@${v}`).join(', ')}; node ${process.version}; ${os.cpus().length} cpus; load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  if (!peersNeeded) fs.mkdirSync(WORK, { recursive: true });
  const inputs = peersNeeded ? prepareInputs() : undefined;
  const core = peersNeeded ? await buildCoreBundle() : undefined;
  const servers = {};
  const needServers = ['k8s', 'keystroke', 'dockerfile', 'memory'].some((k) => ONLY.has(k));
  if (needServers) {
    servers.dockyard = dockyardServer();
    await servers.dockyard.initialize({ rootUri: pathToFileURL(WORK).toString(), initializationOptions: { debounceMs: 0 } });
    servers.yls = ylsServer(inputs.schemaPath);
    await servers.yls.initialize({ rootUri: pathToFileURL(WORK).toString() });
    servers.docker = dockerServer();
    await servers.docker.initialize({ rootUri: pathToFileURL(WORK).toString() });
    results.peers['yaml-language-server (reported)'] = servers.yls.serverInfo?.version;
  }
  try {
    if (ONLY.has('k8s')) await benchKubernetes(core, inputs, servers);
    if (ONLY.has('keystroke')) await benchKeystroke(core, inputs, servers);
    if (needServers && ONLY.has('memory')) {
      // yaml-language-server's footprint with the big file open, for the memory rows.
      const uri = pathToFileURL(path.join(WORK, 'k8s', 'rss.yaml')).toString();
      await servers.yls.open(uri, 'yaml', inputs.k8s, 1);
      await servers.yls.waitFor((p) => p.uri === uri);
      await sleep(200);
      servers.ylsRssMB = servers.yls.rssMB();
      await servers.yls.close(uri);
    }
    if (ONLY.has('dockerfile')) await benchDockerfile(core, inputs, servers);
  } finally {
    for (const s of Object.values(servers)) if (s instanceof LspServer) await s.shutdown();
  }
  if (ONLY.has('cli')) await benchCli(inputs);
  const osh = opt('--openstack-helm', undefined);
  if (osh) await benchOpenstackHelm(path.resolve(osh));
  if (ONLY.has('memory')) await benchMemory(inputs, servers);
  if (ONLY.has('startup')) await benchStartup();
  if (ONLY.has('vsix')) benchVsix();
  if (ONLY.has('crossfile')) await benchCrossFile();
  if (ONLY.has('doubling') || !argv.includes('--only')) await (await import('./doubling.mjs')).benchDoubling({ runs: Math.min(RUNS, 3), row, log, skipBuild: true, cliLines: 200_000 });

  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`\nDockyard ${JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version} vs ${Object.entries(PEERS).map(([n, v]) => `${n}@${v}`).join(', ')} — node ${process.version}, ${os.cpus().length} cpus, median of ${RUNS} runs (CLI: ${Math.min(RUNS, 5)})\n`);
  printTable();
  const missed = results.rows.filter((r) => r.pass === false);
  console.log(`\n${results.rows.filter((r) => r.pass === true).length} targets met, ${missed.length} missed. JSON: ${path.relative(process.cwd(), path.join(RESULTS, 'latest.json'))}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
