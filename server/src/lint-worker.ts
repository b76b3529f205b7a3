import { parentPort, workerData } from 'node:worker_threads';
import { createCliService } from './cli/service';
import { plainFinding, type FromWorker, type IndexedError, type IndexedPath, type ToWorker, type WorkerSetup } from './cli/parallel';
import type { LintedFile, LintResult, LintText } from './core/service';
import { isLang } from './core/messages/catalog';

/**
 * A lint worker (see cli/parallel.ts): pass 1 over the chunks of files it is given (asking for more
 * after each), its index entries at the end, then the others' entries and pass 2 over its files.
 */
const { setup } = workerData as { setup: WorkerSetup };
const post = (m: FromWorker) => parentPort!.postMessage(m);
const fail = (e: unknown) => post({ type: 'failed', error: e instanceof Error ? (e.stack ?? e.message) : String(e) });

try {
  const service = createCliService({ ...setup, lang: isLang(setup.lang) ? setup.lang : 'en' }, (text) => post({ type: 'stderr', text }));
  const texts = new Map<string, LintText>();
  const mine: IndexedPath[] = [];
  const errors: IndexedError[] = [];
  parentPort!.on('message', (m: ToWorker) => {
    try {
      if (m.type === 'files') {
        for (const [index, file] of m.files) {
          const errs: LintResult['errors'] = [];
          service.lintFirstPass(file, texts, errs);
          for (const e of errs) errors.push([index, e]);
          mine.push([index, file]);
        }
        post({ type: 'more' });
      } else if (m.type === 'end') {
        post({ type: 'pass1', entries: service.indexEntries(mine.map(([, f]) => f)), errors });
      } else if (m.type === 'pass2') {
        service.importIndexEntries(m.entries, m.order);
        const out: [number, LintedFile][] = [];
        for (const [index, file] of mine) {
          const r = service.lintSecondPass(file, texts);
          if (r) out.push([index, { ...r, text: setup.wantText ? r.text : '', findings: r.findings.map((x) => plainFinding(x, setup.wantFixes)) }]);
        }
        post({ type: 'done', files: out });
      }
    } catch (e) {
      fail(e);
    }
  });
} catch (e) {
  fail(e);
}
