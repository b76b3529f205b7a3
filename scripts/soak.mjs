#!/usr/bin/env node
// LSP soak with hostile inputs (issue #12): the real language server (dist/server.js over stdio,
// started with the client's node arguments) is driven for --minutes with normal editing of ordinary
// manifests and Dockerfiles, while hostile documents are opened, edited, queried and closed in turn:
// a 50,000-stage Dockerfile, a Helm template full of unclosed `{{`, a RUN nesting `$(` 800 deep, a
// huge bindep file, a Dockerfile with NUL bytes, and text that was invalid UTF-8 (U+FFFD, lone
// surrogates; the same files are on disk, with the raw bytes, for the workspace features).
//
//   npm run soak -- --minutes 60 [--out soak.json] [--sample-seconds 60] [--request-timeout 120]
//
// Asserts (exit 1 otherwise): every request is answered (no error, no timeout), every opened
// version of a document gets its diagnostics, the server never exits, and its RSS stays flat: the
// lowest sample of the last third is at most 1.5x (+50 MB) the lowest of the first third (RSS swings
// while a hostile document is open; the floor it returns to must not grow). Prints the RSS series (one sample a
// minute), requests answered and the maximum latency per method. Not part of `npm test`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspServer } from './bench/lsp.mjs';
import { dockerfile, kubernetesManifest, mulberry32, randomEdit, lineStarts, positionAt } from './bench/generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);

const rep = (n, f) => {
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
};

/**
 * The hostile inputs: { name, rel (path in the workspace), languageId, text, bytes? (raw bytes on
 * disk when they differ from the UTF-8 of `text`) }. `scale` (0..1] shrinks them for a quick run.
 */
export function hostileInputs(scale = 1) {
  const s = (n) => Math.max(10, Math.round(n * scale));
  const stages = ['ARG BASE=ubuntu:22.04', ...rep(s(50_000), (i) => `FROM ${i % 2 ? '${BASE}' : `s${i - 1}`} AS s${i}`)].join('\n') + '\nRUN curl -fsSL https://example.com/x.sh | sh\n';
  const helm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include "app.fullname" .\ndata:\n' + rep(s(20_000), (i) => `  k${i}: {{ .Values.v${i} | quote\n`).join('') + `  last: "${'{{ '.repeat(s(50_000))}"\n`;
  const depth = 800;
  const nested = `FROM ubuntu:22.04\nRUN echo ${'$(echo '.repeat(depth)}x${')'.repeat(depth)} && curl -fsSL https://example.com/i.sh | sh\nRUN true\n`;
  const bindep = rep(s(400_000), (i) => [`pkg${i} [platform:dpkg]`, `lib${i}-dev [platform:rpm test]`, `tool${i} [!platform:redhat apache]`, `# comment ${i}`, `python3-x${i} [platform:dpkg fluent]`][i % 5]).join('\n') + '\n';
  const nul = 'FROM ubuntu:22.04\n# a comment with a NUL \u0000 byte\nRUN apt-get update && apt-get install -y curl\nUSER 1000\n';
  // Invalid UTF-8 on disk (0xff, a lone continuation byte, a truncated sequence); an editor shows
  // the replacement character, and a lone surrogate is what a broken extension could send.
  const badBytes = Buffer.concat([Buffer.from('FROM ubuntu:22.04\n# caf\u00e9 '), Buffer.from([0xff, 0x80, 0xe2, 0x82]), Buffer.from('\nRUN echo "\u00fcber"\nUSER app\n')]);
  const badText = 'FROM ubuntu:22.04\n# caf\u00e9 \ufffd\ufffd\ufffd \ud800\nRUN echo "\u00fcber"\nUSER app\n';
  return [
    { name: '50k-stage Dockerfile', rel: 'hostile/stages/Dockerfile', languageId: 'dockerfile', text: stages },
    { name: 'unclosed {{ Helm template', rel: 'hostile/chart/templates/cm.yaml', languageId: 'helm', text: helm, extra: { 'hostile/chart/Chart.yaml': 'apiVersion: v2\nname: hostile\nversion: 0.1.0\n' } },
    { name: `${depth} nested $(`, rel: 'hostile/nested/Dockerfile', languageId: 'dockerfile', text: nested },
    { name: 'huge bindep', rel: 'hostile/bindep.txt', languageId: 'bindep', text: bindep },
    { name: 'NUL bytes', rel: 'hostile/nul/Dockerfile', languageId: 'dockerfile', text: nul },
    { name: 'invalid UTF-8', rel: 'hostile/utf8/Dockerfile', languageId: 'dockerfile', text: badText, bytes: badBytes },
  ];
}

function normalDocs(dir) {
  const docs = [];
  for (let i = 0; i < 12; i++) {
    const rel = i % 4 === 3 ? `app${i}/Dockerfile` : `k8s/deploy-${i}.yaml`;
    const text = i % 4 === 3 ? dockerfile({ instructions: 40 + 10 * i, seed: i }) : kubernetesManifest({ docs: 3 + (i % 4), seed: i });
    docs.push({ rel, uri: pathToFileURL(path.join(dir, rel)).href, languageId: i % 4 === 3 ? 'dockerfile' : 'yaml', text, version: 1 });
  }
  return docs;
}

function write(dir, rel, data) {
  const f = path.join(dir, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, data);
}

export async function soak({ minutes = 60, sampleSeconds = 60, requestTimeoutMs = 120_000, scale = 1, log = (s) => process.stderr.write(s + '\n') } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-soak-'));
  const hostile = hostileInputs(scale);
  const docs = normalDocs(dir);
  for (const d of docs) write(dir, d.rel, d.text);
  for (const h of hostile) {
    write(dir, h.rel, h.bytes ?? h.text);
    for (const [rel, text] of Object.entries(h.extra ?? {})) write(dir, rel, text);
  }
  const server = new LspServer('dockyard', [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { cwd: dir, nodeArgs: ['--max-semi-space-size=2'] });
  let exited = null;
  server.exited.then((code) => (exited = code));
  const stats = new Map(); // method -> { sent, answered, failed, maxMs, totalMs }
  const failures = [];
  const rss = [];
  const t0 = performance.now();
  const elapsedMin = () => (performance.now() - t0) / 60_000;

  const request = async (method, params) => {
    const st = stats.get(method) ?? { sent: 0, answered: 0, failed: 0, maxMs: 0, totalMs: 0 };
    stats.set(method, st);
    st.sent++;
    const start = performance.now();
    let timer;
    try {
      const r = await Promise.race([server.conn.sendRequest(method, params), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${requestTimeoutMs} ms`)), requestTimeoutMs)))]);
      const ms = performance.now() - start;
      st.answered++;
      st.totalMs += ms;
      if (ms > st.maxMs) {
        st.maxMs = ms;
        st.slowest = `${params.textDocument.uri.replace(/^.*dockyard-soak-[^/]+\//, '')} ${JSON.stringify(params.position ?? params.range?.start ?? '')}`;
      }
      return r;
    } catch (e) {
      st.failed++;
      if (failures.length < 50) failures.push(`${method} ${JSON.stringify(params).slice(0, 200)}: ${e.message}`);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };
  const diagWaits = { count: 0, maxMs: 0, failed: 0 };
  const waitDiagnostics = async (uri, version) => {
    const start = performance.now();
    try {
      await server.waitFor((e) => e.uri === uri && e.version === version, { timeoutMs: requestTimeoutMs });
      diagWaits.count++;
      diagWaits.maxMs = Math.max(diagWaits.maxMs, performance.now() - start);
    } catch (e) {
      diagWaits.failed++;
      if (failures.length < 50) failures.push(`diagnostics of ${uri} v${version}: ${e.message.split('\n')[0]}`);
    }
  };
  const queries = async (d, rng) => {
    const starts = lineStarts(d.text);
    const at = positionAt(starts, Math.floor(rng() * d.text.length));
    const line = at.line;
    await request('textDocument/hover', { textDocument: { uri: d.uri }, position: at });
    await request('textDocument/codeAction', { textDocument: { uri: d.uri }, range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, context: { diagnostics: [] } });
    if (server.capabilities?.completionProvider) await request('textDocument/completion', { textDocument: { uri: d.uri }, position: at });
    if (server.capabilities?.documentSymbolProvider) await request('textDocument/documentSymbol', { textDocument: { uri: d.uri } });
  };

  const sampler = () => {
    const mb = server.rssMB();
    rss.push({ minute: +elapsedMin().toFixed(2), mb: +mb.toFixed(1) });
    log(`soak: ${elapsedMin().toFixed(1)} min, RSS ${mb.toFixed(0)} MB, requests ${[...stats.values()].reduce((a, s) => a + s.answered, 0)} answered, ${failures.length} failures`);
  };
  let sampleTimer;
  let rounds = 0;
  let edits = 0;
  let hostileOpens = 0;
  try {
    const dirUri = pathToFileURL(dir).href;
    await server.initialize({ rootUri: dirUri, initializationOptions: { debounceMs: 50 } });
    for (const d of docs) await server.open(d.uri, d.languageId, d.text, 1);
    for (const d of docs) await waitDiagnostics(d.uri, 1);
    sampler();
    sampleTimer = setInterval(sampler, sampleSeconds * 1000);
    const rng = mulberry32(12);
    const deadline = t0 + minutes * 60_000;
    while (performance.now() < deadline && exited === null) {
      rounds++;
      // A hostile document: open, diagnostics, an edit, queries, close.
      const h = hostile[(rounds - 1) % hostile.length];
      const hd = { uri: pathToFileURL(path.join(dir, h.rel)).href, text: h.text, version: 1 };
      await server.open(hd.uri, h.languageId, hd.text, 1);
      hostileOpens++;
      await waitDiagnostics(hd.uri, 1);
      await queries(hd, rng);
      const line = hd.text.indexOf('\n') + 1;
      hd.version++;
      await server.change(hd.uri, hd.version, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '# edited\n' }]);
      hd.text = hd.text.slice(0, line) + '# edited\n' + hd.text.slice(line);
      await waitDiagnostics(hd.uri, hd.version);
      await queries(hd, rng);
      await server.close(hd.uri);
      // Normal editing: a burst of keystroke-like edits with queries between them.
      const touched = new Set();
      for (let k = 0; k < 60; k++) {
        const d = docs[Math.floor(rng() * docs.length)];
        let e = randomEdit(rng, d.text);
        if (e.text.length > 60_000 || e.text.length < 200) e = randomEdit(rng, d.text);
        if (e.text.length > 60_000 || e.text.length < 200) continue;
        d.text = e.text;
        d.version++;
        edits++;
        touched.add(d);
        await server.change(d.uri, d.version, [{ range: e.range, text: e.newText }]);
        if (k % 6 === 0) await queries(d, rng);
        if (k % 10 === 0) await new Promise((r) => setTimeout(r, 20));
      }
      for (const d of touched) await waitDiagnostics(d.uri, d.version);
    }
    sampler();
  } finally {
    clearInterval(sampleTimer);
    var exitedBeforeShutdown = exited;
    await server.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const methods = Object.fromEntries([...stats].map(([m, s]) => [m, { ...s, meanMs: s.answered ? +(s.totalMs / s.answered).toFixed(1) : 0, maxMs: +s.maxMs.toFixed(1), totalMs: undefined }]));
  const answered = [...stats.values()].reduce((a, s) => a + s.answered, 0);
  const sent = [...stats.values()].reduce((a, s) => a + s.sent, 0);
  // Flat: RSS swings while a hostile document is open (its parse), so what must not grow is the floor
  // it returns to: the lowest sample of the last third against the lowest of the first third.
  const third = Math.max(1, Math.floor(rss.length / 3));
  const floor = (xs) => Math.min(...xs.map((r) => r.mb));
  const warm = { mb: floor(rss.slice(1, 1 + third)) };
  const last = { mb: floor(rss.slice(-third)) };
  const flat = last.mb <= 1.5 * warm.mb + 50;
  const result = {
    minutes: +elapsedMin().toFixed(2),
    rounds,
    hostileOpens,
    edits,
    requests: { sent, answered },
    methods,
    diagnostics: { ...diagWaits, maxMs: +diagWaits.maxMs.toFixed(1) },
    rss,
    rssFloorFirstThirdMB: warm.mb,
    rssFloorLastThirdMB: last.mb,
    rssMaxMB: Math.max(...rss.map((r) => r.mb)),
    serverExited: exitedBeforeShutdown,
    failures,
    pass: failures.length === 0 && answered === sent && diagWaits.failed === 0 && exitedBeforeShutdown === null && flat,
  };
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  const argv = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
  };
  const result = await soak({ minutes: Number(opt('--minutes', 60)), sampleSeconds: Number(opt('--sample-seconds', 60)), requestTimeoutMs: Number(opt('--request-timeout', 120)) * 1000, scale: Number(opt('--scale', 1)) });
  const out = opt('--out', undefined);
  if (out) fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify({ ...result, rss: undefined }, null, 2));
  console.log(`RSS MB by minute: ${result.rss.map((r) => `${r.minute}:${r.mb.toFixed(0)}`).join(' ')}`);
  console.log(result.pass ? 'soak: PASS' : 'soak: FAIL');
  process.exit(result.pass ? 0 : 1);
}
