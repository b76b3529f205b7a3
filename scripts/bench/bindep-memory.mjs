#!/usr/bin/env node
// Heap of Dockyard's language server (dist/server.js --stdio) before, while and after a big bindep
// file is open (issue #12): `node scripts/bench/bindep-memory.mjs [--mb 19]` after a build.
// The server runs with --expose-gc and scripts/bench/heap-hook.cjs preloaded: each measurement
// signals it (SIGUSR2), it runs a full GC and reports process.memoryUsage().
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspServer } from './lsp.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const MB = Number(argv[argv.indexOf('--mb') + 1] || 19) || 19;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-bindep-memory-'));
const heapOut = path.join(dir, 'heap.json');
process.env.DOCKYARD_HEAP_OUT = heapOut;

const base = fs.readFileSync(path.join(ROOT, 'data/loci/bindep.txt'), 'utf8').split('\n').filter(Boolean);
const parts = [];
let n = 0;
for (let i = 0; n < MB * 1024 * 1024; i++) {
  const line = `pkg-${i}-${base[i % base.length]}\n`;
  parts.push(line);
  n += line.length;
}
const text = parts.join('');
const uri = pathToFileURL(path.join(dir, 'bindep.txt')).toString();

const server = new LspServer('dockyard', [path.join(ROOT, 'dist/server.js'), '--stdio'], { nodeArgs: ['--expose-gc', '--max-old-space-size=8192', '-r', path.join(ROOT, 'scripts/bench/heap-hook.cjs')] });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function heap(label) {
  fs.rmSync(heapOut, { force: true });
  server.proc.kill('SIGUSR2');
  for (let i = 0; i < 600 && !fs.existsSync(heapOut); i++) await sleep(50);
  await sleep(50);
  const m = JSON.parse(fs.readFileSync(heapOut, 'utf8'));
  const row = { label, heapUsedMB: +(m.heapUsed / 1048576).toFixed(1), rssMB: +(m.rss / 1048576).toFixed(1), externalMB: +(m.external / 1048576).toFixed(1) };
  console.log(JSON.stringify(row));
  return row;
}

try {
  await server.initialize({ rootUri: pathToFileURL(dir).toString() });
  await sleep(500);
  const rows = [await heap('idle')];
  const t0 = performance.now();
  await server.open(uri, 'bindep', text, 1);
  const d = await server.waitFor((e) => e.uri === uri && e.version === 1, { timeoutMs: 600_000 });
  console.log(`open ${(text.length / 1048576).toFixed(1)} MB bindep → ${d.count} diagnostics in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } }).catch(() => null);
  rows.push(await heap('open'));
  await server.close(uri);
  await sleep(1500);
  rows.push(await heap('closed'));
  console.log(JSON.stringify({ mb: MB, rows }));
} finally {
  await server.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });
}
