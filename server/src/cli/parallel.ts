import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LintedFile, LintResult } from '../core/service';
import type { Finding } from '../core/types';
import type { IndexedResource } from '../core/workspace';

/**
 * `dockyard lint` on all cores: the files are split into contiguous slices (balanced by size), one
 * worker thread per slice, each with its own DockyardService built like the CLI's. Pass 1 runs in
 * the workers, which send back their files' index entries; the main thread joins them into one
 * index for the whole run and sends each worker the entries of the others; pass 2 (the cross-file
 * rules) then sees every file, as in a single-threaded lint. Results come back in the order of the
 * files, so the output is the same bytes.
 */
export interface WorkerSetup {
  cwd: string;
  config?: string;
  pss?: 'baseline' | 'restricted';
  k8sVersion?: string;
  lang: string;
  /** --allow-path folders. */
  allowPaths?: string[];
  /** JSON and SARIF need to know which findings have fixes; text output does not. */
  wantFixes: boolean;
}

export type ToWorker = { type: 'pass2'; entries: [string, IndexedResource[]][] };
export type FromWorker =
  | { type: 'pass1'; entries: [string, IndexedResource[]][]; errors: LintResult['errors'] }
  | { type: 'done'; files: LintedFile[] }
  | { type: 'stderr'; text: string }
  | { type: 'failed'; error: string };

/** Below this many files a single thread is faster than starting workers. */
export const PARALLEL_MIN_FILES = 64;

export function defaultJobs(): number {
  return Math.max(1, Math.min(8, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length));
}

/** Contiguous slices of `files` with about equal total size (`sizeOf`), at most `n`. */
export function slices<T>(files: readonly T[], n: number, sizeOf: (f: T) => number): T[][] {
  const total = files.reduce((a, f) => a + sizeOf(f), 0);
  const out: T[][] = [];
  let cur: T[] = [];
  let acc = 0;
  for (const f of files) {
    cur.push(f);
    acc += sizeOf(f);
    if (out.length < n - 1 && acc >= (total * (out.length + 1)) / n) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

/** A finding as plain data (fixes built in the worker, or left out). */
export function plainFinding(f: Finding, wantFixes: boolean): Finding {
  const out: Finding = { rule: f.rule, severity: f.severity, message: f.message, range: f.range };
  if (f.related) out.related = f.related;
  if (wantFixes) {
    const fixes = f.fixes;
    if (fixes?.length) out.fixes = fixes.map((x) => ({ ...x }));
  }
  return out;
}

export async function lintInWorkers(files: readonly string[], sizes: Map<string, number>, setup: WorkerSetup, jobs: number, stderr: (s: string) => void): Promise<{ files: LintedFile[]; errors: LintResult['errors'] }> {
  const parts = slices(files, jobs, (f) => sizes.get(f) ?? 1);
  const script = path.join(__dirname, 'lint-worker.js');
  const workers = parts.map((part) => new Worker(script, { workerData: { files: part, setup } }));
  const pass1: FromWorker[] = [];
  const results: LintedFile[][] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let firstDone = 0;
      let finished = 0;
      workers.forEach((w, i) => {
        w.on('error', reject);
        w.on('exit', (code) => {
          if (code !== 0 && results[i] === undefined) reject(new Error(`lint worker ${i} exited with ${code}`));
        });
        w.on('message', (m: FromWorker) => {
          if (m.type === 'stderr') stderr(m.text);
          else if (m.type === 'failed') reject(new Error(m.error));
          else if (m.type === 'pass1') {
            pass1[i] = m;
            if (++firstDone === workers.length) {
              workers.forEach((other, j) => {
                const entries = pass1.flatMap((p, k) => (k === j || p.type !== 'pass1' ? [] : p.entries));
                other.postMessage({ type: 'pass2', entries } satisfies ToWorker);
              });
            }
          } else if (m.type === 'done') {
            results[i] = m.files;
            if (++finished === workers.length) resolve();
          }
        });
      });
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { files: results.flat(), errors: pass1.flatMap((p) => (p.type === 'pass1' ? p.errors : [])) };
}
