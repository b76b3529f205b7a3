import { toCompletionItem } from '../lsp/convert';
import type { Session } from './session';

/** Hover, completion, inlay hints and code lenses: each one service call and a shape conversion. */
export function registerFeatures(s: Session): void {
  const { connection, documents, service } = s;
  const pathOf = (uri: string) => {
    const doc = documents.get(uri);
    return doc ? s.sync(doc) : undefined;
  };
  connection.onHover((params) => {
    const p = pathOf(params.textDocument.uri);
    const h = p ? service.hover(p, params.position) : undefined;
    return h ? { contents: { kind: 'markdown', value: h.markdown }, range: h.range } : null;
  });
  connection.onCompletion((params) => {
    const p = pathOf(params.textDocument.uri);
    return p ? service.completion(p, params.position).map((c) => toCompletionItem(c, service.lang)) : [];
  });
  connection.languages.inlayHint.on((params) => {
    const p = pathOf(params.textDocument.uri);
    if (!p) return [];
    return service.inlayHints(p, params.range).map((h) => ({ position: h.position, label: h.label, tooltip: h.tooltip, paddingLeft: h.paddingLeft ?? true }));
  });
  connection.onCodeLens((params) => {
    const p = pathOf(params.textDocument.uri);
    if (!p) return [];
    return service.codeLenses(p).map((l) => ({ range: l.range, command: { title: l.title, command: l.command ?? '', arguments: l.args } }));
  });
}
