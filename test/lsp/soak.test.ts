/**
 * Soak over LSP: the real server (dist/server.js over stdio) with 50 open documents takes a long
 * run of random edits (didChange, incremental ranges), interleaved with code actions and hovers.
 *   - every request is answered;
 *   - publishDiagnostics never carries a version older than one already published for its uri,
 *     nor one the client has not sent; after the run every document's last publish is its last version;
 *   - the diagnostics finally published equal a fresh in-process analysis of the client's text
 *     (incremental sync + per-document cache = fresh analysis), for every per-document rule;
 *   - memory stays flat: VmRSS of the server sampled during the run; final < 2× after warm-up.
 * Size: DOCKYARD_SOAK_EDITS (default 2,000; the full run is 10,000).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { Analyzer } from '../../server/src/core/engine';
import { mergeConfig } from '../../server/src/core/config/config';
import { createRegistry } from '../../server/src/core/rules';
import { TestClient, type Published } from './client';
import { dockerfile, kubernetesManifest, mulberry32, randomEdit } from '../../scripts/bench/generate.mjs';
import { repoSeeds } from '../robustness/seeds';

const EDITS = Number(process.env.DOCKYARD_SOAK_EDITS ?? 2000);
const DOCS = 50;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMB(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

interface Doc {
  uri: string;
  path: string;
  languageId: string;
  text: string;
  version: number;
}

function documents(): Doc[] {
  const docs: Doc[] = [];
  const seeds = repoSeeds().filter((s) => /\.ya?ml$|Dockerfile$/.test(s.path));
  for (let i = 0; i < DOCS; i++) {
    let path: string;
    let text: string;
    let languageId = 'yaml';
    if (i % 5 === 4) {
      path = `/ws/soak/img-${i}/Dockerfile`;
      text = dockerfile({ instructions: 20 + i / 2, seed: i });
      languageId = 'dockerfile';
    } else if (i % 5 === 3 && seeds.length) {
      const s = seeds[i % seeds.length];
      path = `/ws/soak/seed-${i}-${s.path.split('/').pop()}`;
      text = s.text;
      if (/Dockerfile$/.test(s.path)) {
        path = `/ws/soak/seed-${i}/Dockerfile`;
        languageId = 'dockerfile';
      }
    } else {
      path = `/ws/soak/deploy-${i}.yaml`;
      text = kubernetesManifest({ docs: 2 + (i % 5), seed: i });
    }
    docs.push({ uri: `file://${path}`, path, languageId, text, version: 1 });
  }
  return docs;
}

test(`soak: ${DOCS} documents, ${EDITS} random edits with code actions and hovers`, { timeout: 600_000 }, async () => {
  const c = new TestClient();
  const docs = documents();
  const sentMax = new Map<string, number>();
  const publishedMax = new Map<string, number>();
  const violations: string[] = [];
  // Checked as each publish arrives, against what had been sent and published by then.
  c.onPublish.push((p: Published) => {
    if (p.version === undefined) return;
    const prev = publishedMax.get(p.uri) ?? 0;
    if (p.version < prev) violations.push(`${p.uri}: published version ${p.version} after ${prev}`);
    if (p.version > (sentMax.get(p.uri) ?? 0)) violations.push(`${p.uri}: published version ${p.version} that was never sent`);
    publishedMax.set(p.uri, Math.max(prev, p.version));
  });
  const serverErrors: string[] = [];
  c.conn.onNotification('window/logMessage', (m: { type: number; message: string }) => {
    if (m.type === 1) serverErrors.push(m.message);
  });
  const rss: { edits: number; mb: number }[] = [];
  let requests = 0;
  try {
    await c.initialize({ debounceMs: 15 });
    for (const d of docs) {
      sentMax.set(d.uri, 1);
      await c.open(d.uri, d.languageId, d.text, 1);
    }
    for (const d of docs) await c.waitFor((p) => p.uri === d.uri && p.version === 1, 60_000);
    rss.push({ edits: 0, mb: rssMB(c.proc!.pid!) });
    const rng = mulberry32(2024);
    const sample = Math.max(50, Math.floor(EDITS / 20));
    const t0 = performance.now();
    for (let n = 1; n <= EDITS; n++) {
      const d = docs[Math.floor(rng() * docs.length)];
      // Keep documents from growing without bound or vanishing.
      let e = randomEdit(rng, d.text);
      if (e.text.length > 3 * 20_000 || e.text.length < 20) e = randomEdit(rng, d.text);
      d.text = e.text;
      d.version++;
      sentMax.set(d.uri, d.version);
      await c.change(d.uri, d.version, [{ range: e.range, text: e.newText }]);
      if (n % 10 === 0) {
        const q = docs[Math.floor(rng() * docs.length)];
        const line = Math.floor(rng() * Math.max(1, q.text.split('\n').length));
        const range = { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
        const r = await c.request<unknown[]>('textDocument/codeAction', { textDocument: { uri: q.uri }, range, context: { diagnostics: [] } });
        assert.ok(Array.isArray(r), `codeAction answered ${JSON.stringify(r)}`);
        requests++;
      }
      if (n % 15 === 0) {
        const q = docs[Math.floor(rng() * docs.length)];
        const line = Math.floor(rng() * Math.max(1, q.text.split('\n').length));
        await c.request('textDocument/hover', { textDocument: { uri: q.uri }, position: { line, character: Math.floor(rng() * 20) } });
        requests++;
      }
      if (n % 25 === 0) await sleep(2); // let debounced analyses run now and then, as between keystrokes
      if (n % sample === 0) rss.push({ edits: n, mb: rssMB(c.proc!.pid!) });
    }
    const editMs = performance.now() - t0;
    // Quiesce: every document's last version gets published.
    for (const d of docs) await c.waitFor((p) => p.uri === d.uri && p.version === d.version, 60_000);
    rss.push({ edits: EDITS, mb: rssMB(c.proc!.pid!) });

    assert.deepEqual(violations, []);
    for (const d of docs) assert.equal(publishedMax.get(d.uri), d.version, `${d.uri}: last publish`);

    // What the server published last equals a fresh analysis of the same text (per-document rules).
    const registry = createRegistry();
    const perDoc = new Set(registry.rules.filter((r) => r.target !== 'yaml-file').map((r) => r.id));
    const mismatches: string[] = [];
    for (const d of docs) {
      const last = [...c.published].reverse().find((p) => p.uri === d.uri && p.version === d.version)!;
      const fresh = new Analyzer(registry).analyze({ path: d.path, text: d.text, languageId: d.languageId }, mergeConfig({})).findings;
      const norm = (rule: string, r: Published['diagnostics'][number]['range']) => `${rule}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
      const got = last.diagnostics.filter((x) => perDoc.has(String(x.code))).map((x) => norm(String(x.code), x.range)).sort();
      const want = fresh.filter((f) => perDoc.has(f.rule)).map((f) => norm(f.rule, f.range)).sort();
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${d.uri} v${d.version}: server ${JSON.stringify(got)} vs fresh ${JSON.stringify(want)}\n  text: ${JSON.stringify(d.text)}`);
    }
    assert.deepEqual(mismatches, []);

    const warm = rss[Math.min(rss.length - 1, 2)].mb;
    const final = rss[rss.length - 1].mb;
    console.log(
      `soak: ${EDITS} edits over ${DOCS} documents in ${(editMs / 1000).toFixed(1)} s, ${requests} requests answered, ${c.published.length} publishes; ` +
        `RSS MB by edits: ${rss.map((s) => `${s.edits}:${s.mb.toFixed(0)}`).join(' ')}`,
    );
    assert.ok(final < 2 * warm, `server memory grew from ${warm.toFixed(0)} MB after warm-up to ${final.toFixed(0)} MB`);
    assert.deepEqual(serverErrors, [], 'the server logged errors (a rule threw?)');
  } finally {
    await c.shutdown();
  }
});
