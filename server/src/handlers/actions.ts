import { CodeActionKind, type CodeAction } from 'vscode-languageserver/node';
import { format } from '../core/messages/catalog';
import { toCodeAction } from '../lsp/convert';
import type { Session } from './session';

/** Quick fixes, "ignore" actions, `source.fixAll.dockyard` and the `dockyard.applyFixAll` command. */
export function registerActions(s: Session): void {
  const { connection, documents, service } = s;
  connection.onCodeAction((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const p = s.sync(doc);
    const only = params.context.only?.map((k) => (k === CodeActionKind.Source ? 'source' : k));
    const results = service.codeActions(p, params.range, only);
    if (token.isCancellationRequested) return null;
    return results.map((a): CodeAction => {
      if (a.kind === 'fixAll') return { title: typeof a.title === 'string' ? a.title : format(a.title, s.lang), kind: 'source.fixAll.dockyard', edit: { changes: { [doc.uri]: a.edits } } };
      const diag = a.finding && !a.hidden ? s.diagnostic(a.finding, doc.uri) : undefined;
      return toCodeAction({ title: typeof a.title === 'string' ? { id: a.title } : a.title, edits: a.edits, kind: a.kind === 'ignore' ? 'ignore' : 'fix', tier: a.tier }, doc.uri, s.lang, diag, !!a.preferred);
    });
  });

  connection.onExecuteCommand(async (p) => {
    if (p.command !== 'dockyard.applyFixAll') return;
    const uri = p.arguments?.[0] as string | undefined;
    const doc = uri ? documents.get(uri) : undefined;
    if (!doc) return;
    const edits = service.fixAll(s.sync(doc));
    if (edits.length) await connection.workspace.applyEdit({ changes: { [doc.uri]: edits } });
  });
}
