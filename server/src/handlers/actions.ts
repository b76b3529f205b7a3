import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, ErrorCodes, MessageType, ResponseError, ShowMessageNotification, type CodeAction } from 'vscode-languageserver/node';
import { format, t, template } from '../core/messages/catalog';
import { SERVER_COMMANDS } from '../core/features/types';
import { docsUrl } from '../core/rules/registry';
import { toCodeAction } from '../lsp/convert';
import type { Session } from './session';

/** Quick fixes, "ignore" actions, `source.fixAll.dockyard` and the server's commands (`SERVER_COMMANDS`). */
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

  // Every command a lens or action of this server carries is executed here (any LSP client can run it).
  connection.onExecuteCommand(async (p) => {
    if (p.command === SERVER_COMMANDS.applyFixAll) {
      const uri = p.arguments?.[0] as string | undefined;
      const doc = uri ? documents.get(uri) : undefined;
      if (!doc) return null;
      const edits = service.fixAll(s.sync(doc));
      if (edits.length) await connection.workspace.applyEdit({ changes: { [doc.uri]: edits } });
      return null;
    }
    if (p.command === SERVER_COMMANDS.showRuleDocs) return showRuleDocs(s, p.arguments?.[0]);
    return new ResponseError(ErrorCodes.InvalidParams, t('core.command.unknown', { command: p.command }, s.lang));
  });
}

/** The installed docs/rules.md (next to dist/ in a checkout, a package or the .vsix), if there. */
export function rulesDocFile(): string | undefined {
  const f = path.join(__dirname, '..', 'docs', 'rules.md');
  return fs.existsSync(f) ? f : undefined;
}

/**
 * `dockyard.server.showRuleDocs [rule]`: opens the rule's section of docs/rules.md in the editor
 * where the client can show a document (window/showDocument), else a message with the summary and
 * where the documentation is. Answers the rule's Markdown docs either way.
 */
async function showRuleDocs(s: Session, rule: unknown) {
  const r = typeof rule === 'string' ? s.service.ruleDocs(rule) : undefined;
  if (!r || !('markdown' in r)) {
    const problem = r && 'error' in r ? r.error : t('core.ruleDocs.pick', undefined, s.lang);
    return new ResponseError(ErrorCodes.InvalidParams, t('core.command.badArgument', { command: SERVER_COMMANDS.showRuleDocs, problem }, s.lang));
  }
  const file = rulesDocFile();
  const line = file ? fs.readFileSync(file, 'utf8').split('\n').indexOf(`### ${r.rule}`) : -1;
  if (file && line >= 0 && s.showDocumentSupport) {
    const at = { line, character: 0 };
    const shown = await s.connection.window.showDocument({ uri: pathToFileURL(file).toString(), takeFocus: true, selection: { start: at, end: at } }).catch(() => ({ success: false }));
    if (shown.success) return r;
  }
  const where = file && line >= 0 ? `${file}:${line + 1}` : docsUrl(r.rule);
  void s.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: t('core.ruleDocs.message', { rule: r.rule, summary: template(`rule.${r.rule}.summary`, s.lang) ?? '', where }, s.lang) });
  return r;
}
