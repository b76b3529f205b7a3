import {
  CodeAction,
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  type CompletionItem,
  type Diagnostic,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import { format, t, type Lang } from '../core/messages/catalog';
import { docsUrl } from '../core/rules/registry';
import type { CompletionResult } from '../core/features/types';
import type { Finding, Fix, Message, Severity } from '../core/types';

/** Core shapes → LSP shapes. The only place that knows both. */
const SEV: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `render`: the text of a message in `lang` (a caller may cache it per message object). */
export function toDiagnostic(f: Finding, uri: string, lang: Lang, pathToUri: (p: string) => string, render: (m: Message) => string = (m) => format(m, lang)): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEV[f.severity],
    code: f.rule,
    codeDescription: { href: docsUrl(f.rule, lang) },
    source: 'dockyard',
    message: render(f.message),
  };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({
      location: { uri: r.path ? pathToUri(r.path) : uri, range: r.range },
      message: render(r.message),
    }));
  }
  return d;
}

export function toCodeAction(fix: Fix, uri: string, lang: Lang, diagnostic: Diagnostic | undefined, preferred: boolean): CodeAction {
  const edits: LspTextEdit[] = fix.edits.map((e) => ({ range: e.range, newText: e.newText }));
  const action = CodeAction.create(format(fix.title, lang), { changes: { [uri]: edits } }, CodeActionKind.QuickFix);
  if (diagnostic) action.diagnostics = [diagnostic];
  if (preferred) action.isPreferred = true;
  return action;
}

const KIND: Record<CompletionResult['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  keyword: CompletionItemKind.Keyword,
  snippet: CompletionItemKind.Snippet,
  module: CompletionItemKind.Module,
  reference: CompletionItemKind.Reference,
};

export function toCompletionItem(c: CompletionResult, lang: Lang = 'en'): CompletionItem {
  const item: CompletionItem = { label: c.label, kind: KIND[c.kind] };
  if (c.detail) item.detail = c.detail;
  if (c.documentation) item.documentation = { kind: 'markdown', value: c.documentation };
  if (c.sortText) item.sortText = c.sortText;
  if (c.filterText) item.filterText = c.filterText;
  if (c.snippet) item.insertTextFormat = InsertTextFormat.Snippet;
  if (c.range) item.textEdit = { range: c.range, newText: c.insertText ?? c.label };
  else if (c.insertText) item.insertText = c.insertText;
  if (c.retrigger) item.command = { title: t('core.completion.retrigger', undefined, lang), command: 'editor.action.triggerSuggest' };
  return item;
}
