import { parentPort, workerData } from 'node:worker_threads';
import { createCliService } from './cli/service';
import { plainFinding, type FromWorker, type ToWorker, type WorkerSetup } from './cli/parallel';
import type { LintResult, LintText } from './core/service';
import { isLang } from './core/messages/catalog';

/** A lint worker (see cli/parallel.ts): pass 1 over its files, the others' index entries, pass 2. */
const { files, setup } = workerData as { files: string[]; setup: WorkerSetup };
const post = (m: FromWorker) => parentPort!.postMessage(m);

try {
  const service = createCliService({ ...setup, lang: isLang(setup.lang) ? setup.lang : 'en' }, (text) => post({ type: 'stderr', text }));
  const texts = new Map<string, LintText>();
  const errors: LintResult['errors'] = [];
  for (const f of files) service.lintFirstPass(f, texts, errors);
  post({ type: 'pass1', entries: service.indexEntries(files), errors });
  parentPort!.once('message', (m: ToWorker) => {
    try {
      service.importIndexEntries(m.entries);
      const out = [];
      for (const f of files) {
        const r = service.lintSecondPass(f, texts);
        if (r) out.push({ ...r, findings: r.findings.map((x) => plainFinding(x, setup.wantFixes)) });
      }
      post({ type: 'done', files: out });
    } catch (e) {
      post({ type: 'failed', error: e instanceof Error ? e.stack ?? e.message : String(e) });
    }
  });
} catch (e) {
  post({ type: 'failed', error: e instanceof Error ? e.stack ?? e.message : String(e) });
}
