import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LintedFile, LintResult } from '../core/service';
import type { Finding } from '../core/types';
import type { IndexedResource } from '../core/workspace';

/**
 * `dockyard lint` on all cores. The workers are started while the main thread is still walking the
 * folders (at the PARALLEL_MIN_FILES-th file), so their start-up overlaps the walk; the files go to
 * them in small chunks, pushed during the walk and then handed out on request, so a worker that got
 * lighter files takes more (no up-front split by size, no stat of every file). Pass 1 (parse, the
 * per-file rules, index entries) runs in the workers; the main thread joins their index entries
 * and sends each worker the entries of the others and the order of all files (the index is then in
 * the order of a single-threaded lint); pass 2 (the cross-file rules) sees every file. Results are
 * put back in file order, so the output is the same bytes.
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
  /** Send each file's text back (`lint` does not need it). */
  wantText: boolean;
}

/** A file of the run: its position in the single-threaded order, and its path. */
export type IndexedPath = [index: number, path: string];

export type ToWorker =
  | { type: 'files'; files: IndexedPath[] }
  /** No more files: report pass 1. */
  | { type: 'end' }
  | { type: 'pass2'; entries: [string, IndexedResource[]][]; order: string[] };
export type FromWorker =
  /** The worker finished the files it was given and wants more. */
  | { type: 'more' }
  | { type: 'pass1'; entries: [string, IndexedResource[]][]; errors: IndexedError[] }
  | { type: 'done'; files: [number, LintedFile][] }
  | { type: 'stderr'; text: string }
  | { type: 'failed'; error: string };

export type IndexedError = [index: number, error: LintResult['errors'][number]];

/** Below this many files a single thread is faster than starting workers. */
export const PARALLEL_MIN_FILES = 64;
/** Files per message: small enough to balance the workers, large enough to cost nothing. */
export const CHUNK = 24;
/** Chunks pushed to each worker while the main thread walks (it cannot answer requests then). */
const PUSHED_DURING_WALK = 3;

export function defaultJobs(): number {
  return Math.max(1, Math.min(8, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length));
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

/** A chunk may grow to this many times CHUNK to keep the templates of one Helm chart together. */
export const CHART_SPAN = 8;

/**
 * The Helm chart a file belongs to for the chunking: the folder above its `templates/` (the chart's
 * values are read once per worker, so a chart's templates should not be split between workers), and
 * for `<chart>/values.yaml` its folder (it follows the templates in the walk: linted by the worker
 * that read it for the chart, it takes that parse, see model/parse-cache.ts); undefined for other files.
 */
export function chartGroup(file: string): string | undefined {
  const i = Math.max(file.lastIndexOf('/templates/'), file.lastIndexOf('\\templates\\'));
  if (i > 0) return file.slice(0, i);
  const v = /[\\/]values\.yaml$/.exec(file);
  return v && v.index > 0 ? file.slice(0, v.index) : undefined;
}

/**
 * Hands files out in chunks: `push` while files are found, `next` when a worker asks. Pure (the
 * tests drive it): which worker gets which chunk never changes the output, only the balance. A
 * chunk does not end between two templates of the same chart (up to CHART_SPAN × its size): each
 * worker reads and parses the values files of every chart it lints templates of.
 */
export class ChunkQueue {
  private readonly queue: [index: number, path: string, group: string | undefined][] = [];
  private readonly all: string[] = [];
  ended = false;

  add(path: string): void {
    this.queue.push([this.all.length, path, chartGroup(path)]);
    this.all.push(path);
  }

  get size(): number {
    return this.all.length;
  }

  /** Every file added, in order. */
  paths(): string[] {
    return this.all;
  }

  get pending(): number {
    return this.queue.length;
  }

  /**
   * The next chunk (`max` files, more to finish a chart's templates), or undefined when none is
   * waiting — or, while files are still being added, when the chart of the last file may go on.
   */
  next(max = CHUNK): IndexedPath[] | undefined {
    const q = this.queue;
    if (!q.length) return undefined;
    const cap = Math.min(q.length, max * CHART_SPAN);
    let n = Math.min(max, q.length);
    while (n < cap && q[n][2] !== undefined && q[n][2] === q[n - 1][2]) n++;
    if (!this.ended && n === q.length && n < max * CHART_SPAN && q[n - 1][2] !== undefined) return undefined;
    return q.splice(0, n).map(([index, path]) => [index, path]);
  }
}

/**
 * A pool of lint workers fed while the caller walks the folders: `add` each file as it is found,
 * `finish` when the walk is done (or `cancel` when it turned out too small to pay for workers).
 */
export class LintPool {
  private readonly workers: Worker[];
  private readonly queue = new ChunkQueue();
  /** Chunks sent to each worker that it has not finished yet. */
  private readonly outstanding: number[];
  private rr = 0;
  private done!: Promise<{ files: LintedFile[]; errors: LintResult['errors'] }>;

  constructor(
    jobs: number,
    private readonly setup: WorkerSetup,
    private readonly stderr: (s: string) => void,
  ) {
    const script = path.join(__dirname, 'lint-worker.js');
    this.workers = Array.from({ length: jobs }, () => new Worker(script, { workerData: { setup } }));
    this.outstanding = this.workers.map(() => 0);
    this.listen();
  }

  /** A file found by the walk (in single-threaded order). */
  add(file: string): void {
    this.queue.add(file);
    // While the walk runs, the main thread cannot answer: push a few chunks to each worker.
    if (this.queue.pending >= CHUNK) {
      const i = this.rr;
      if (this.outstanding[i] < PUSHED_DURING_WALK) {
        const chunk = this.queue.next();
        if (!chunk) return;
        this.rr = (this.rr + 1) % this.workers.length;
        this.sendChunk(i, chunk);
      }
    }
  }

  /** The walk is done: serve the rest on request; resolves with every file's result in order. */
  finish(): Promise<{ files: LintedFile[]; errors: LintResult['errors'] }> {
    this.queue.ended = true;
    for (let i = 0; i < this.workers.length; i++) this.serve(i);
    return this.done;
  }

  async cancel(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private send(i: number, m: ToWorker): void {
    this.workers[i].postMessage(m);
  }

  private sendChunk(i: number, files: IndexedPath[]): void {
    this.outstanding[i]++;
    this.send(i, { type: 'files', files });
  }

  /**
   * Keep a worker busy: up to two chunks in flight (the next one waits in its inbox while it works);
   * when the walk is done and nothing is left, the end of pass 1 once it has finished its chunks.
   */
  private serve(i: number): void {
    if (this.ended[i]) return;
    while (this.outstanding[i] < 2) {
      const chunk = this.queue.next();
      if (!chunk) break;
      this.sendChunk(i, chunk);
    }
    if (this.queue.ended && !this.queue.pending && this.outstanding[i] === 0) {
      this.ended[i] = true;
      this.send(i, { type: 'end' });
    }
  }
  private readonly ended: boolean[] = [];

  private listen(): void {
    const n = this.workers.length;
    const pass1: ({ entries: [string, IndexedResource[]][]; errors: IndexedError[] } | undefined)[] = [];
    const results: [number, LintedFile][][] = [];
    let firstDone = 0;
    let finished = 0;
    this.done = new Promise<{ files: LintedFile[]; errors: LintResult['errors'] }>((resolve, reject) => {
      const fail = (e: unknown) => {
        void this.cancel();
        reject(e);
      };
      this.workers.forEach((w, i) => {
        w.on('error', fail);
        w.on('exit', (code) => {
          if (code !== 0 && results[i] === undefined) fail(new Error(`lint worker ${i} exited with ${code}`));
        });
        w.on('message', (m: FromWorker) => {
          if (m.type === 'stderr') this.stderr(m.text);
          else if (m.type === 'failed') fail(new Error(m.error));
          else if (m.type === 'more') {
            this.outstanding[i]--;
            // During the walk the queue is served by `add`; requests are answered once it is done.
            if (this.queue.ended) this.serve(i);
          }
          else if (m.type === 'pass1') {
            pass1[i] = m;
            if (++firstDone === n) {
              // The index of each worker is put in the single-threaded order of the files.
              const order = this.queue.paths();
              this.workers.forEach((other, j) => {
                const entries = pass1.flatMap((p, k) => (k === j ? [] : p!.entries));
                other.postMessage({ type: 'pass2', entries, order } satisfies ToWorker);
              });
            }
          } else if (m.type === 'done') {
            results[i] = m.files;
            if (++finished === n) {
              void this.cancel();
              const files: LintedFile[] = new Array(this.queue.size);
              for (const list of results) for (const [k, f] of list) files[k] = f;
              const errors = pass1.flatMap((p) => p!.errors).sort((a, b) => a[0] - b[0]);
              resolve({ files: files.filter((f) => f !== undefined), errors: errors.map(([, e]) => e) });
            }
          }
        });
      });
    });
    // A rejected run is reported by finish(); never an unhandled rejection before it is awaited.
    this.done.catch(() => undefined);
  }
}
