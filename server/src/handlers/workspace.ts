import { t } from '../core/messages/catalog';
import type { Session } from './session';

/** `dockyard/lintWorkspace` (progress, cancellation, diagnostics of files that are not open) and `dockyard/ruleDocs`. */
export function registerWorkspace(s: Session): void {
  const { connection, documents, service } = s;
  connection.onRequest('dockyard/ruleDocs', (p: { rule?: string }) => service.ruleDocs(p.rule));

  connection.onRequest('dockyard/lintWorkspace', async (p: { folders: string[] }, token) => {
    for (const u of s.workspacePublished) s.publish(u, []);
    s.workspacePublished.clear();
    for (const d of documents.all()) s.sync(d);
    const t0 = Date.now();
    let total = 0;
    const r = await service.lint((p.folders ?? []).map((f) => s.uriToPath(f)), {
      cancel: () => token.isCancellationRequested,
      progress: (done, all) => {
        total = all / 2;
        if (done % 50 === 1) void connection.sendNotification('dockyard/progress', { done: done - 1, total: all, file: Math.ceil((done - 1) / 2), files: all / 2 });
      },
    });
    let errors = 0;
    let warnings = 0;
    for (const f of r.files) {
      for (const x of f.findings) {
        if (x.severity === 'error') errors++;
        else if (x.severity === 'warning') warnings++;
      }
      const uri = s.pathToUri(f.path);
      if (documents.get(uri)) continue;
      s.publish(uri, f.findings);
      s.workspacePublished.add(uri);
    }
    const files = r.cancelled ? r.files.length : total || r.files.length;
    s.log('core.log.lint', { files, ms: Date.now() - t0, errors, warnings, cancelled: r.cancelled ? t('core.log.lintCancelled', undefined, s.lang) : '' });
    if (r.cancelled) return { cancelled: true, files, errors, warnings };
    s.revalidateAll();
    return { cancelled: false, files, errors, warnings };
  });
}
