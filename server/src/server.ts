import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, type HostContext } from './core/engine';
import { createRegistry } from './core/rules';
import { parseConfigObject, type PartialConfig } from './core/config/config';
import { format, isLang, langFromLocale, msg, t, type Lang } from './core/messages/catalog';
import { ruleDocsMarkdown } from './core/features/rule-docs';
import { codeLenses, completion, hover, inlayHints } from './core/features';
import { LineIndex } from './core/text';
import { suppressionEdit } from './core/suppress';
import { instructionStartLine } from './core/engine';
import type { Finding } from './core/types';
import { ConfigResolver } from './host/config-resolver';
import { isUnderChartTemplates, readText, walk } from './host/files';
import { FsLociDataProvider } from './host/loci-data';
import { setLociDataProvider } from './core/loci/provider';
import { toCodeAction, toCompletionItem, toDiagnostic } from './lsp/convert';
import { invalidateCrdSchemas, setCrdSchemaSource } from './core/kubernetes/crd';
import { FileCrdSource } from './host/crd-source';

/**
 * The language server: LSP wiring only. Transport, capabilities, debounce, cancellation, versions;
 * every answer comes from the pure core. Runs over `--stdio` (any editor) or `--node-ipc` (VS Code).
 */
const DEBOUNCE_MS = 150;

export interface InitOptions {
  yamlSyntaxElsewhere?: boolean;
  dockerfileSyntaxElsewhere?: boolean;
  lang?: string;
  debounceMs?: number;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const registry = createRegistry();
  const knownRules = new Set(registry.ids());
  const resolver = new ConfigResolver(knownRules);
  setLociDataProvider(new FsLociDataProvider());
  const analyzer = new Analyzer(registry, (rule, p, err) => {
    connection.console.error(t('core.ruleError', { rule, path: p, error: err instanceof Error ? err.stack ?? err.message : String(err) }));
  });
  let roots: string[] = [];
  const crdSource = new FileCrdSource(resolver, () => roots, (p) => documents.all().find((d) => uriToPath(d.uri) === p)?.getText());
  setCrdSchemaSource(crdSource);
  let host: HostContext = {};
  let lang: Lang = 'en';
  let debounceMs = DEBOUNCE_MS;
  let settings: PartialConfig = {};
  let hasConfigurationCapability = false;
  const timers = new Map<string, NodeJS.Timeout>();
  /** Findings per open document, for code actions and hovers, tagged with the version they belong to. */
  const results = new Map<string, { version: number; findings: Finding[] }>();
  /** Diagnostics published for files that are not open (lint workspace), to clear them later. */
  const workspacePublished = new Set<string>();
  /** Error and warning counts per published uri (open documents and lint-workspace files), for the status bar. */
  const counts = new Map<string, { errors: number; warnings: number }>();

  function publish(uri: string, findings: Finding[], version?: number): void {
    let errors = 0;
    let warnings = 0;
    for (const f of findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
    if (findings.length) counts.set(uri, { errors, warnings });
    else counts.delete(uri);
    void connection.sendDiagnostics({ uri, version, diagnostics: findings.map((f) => diagnosticOf(f, uri)) });
  }

  /**
   * The engine hands back the same Finding objects for documents an edit did not touch, so their
   * Diagnostics are converted once (a keystroke in a 300-document file re-sends ~400 of them).
   */
  const diagnostics = new WeakMap<Finding, { uri: string; lang: Lang; diagnostic: Diagnostic }>();
  function diagnosticOf(f: Finding, uri: string): Diagnostic {
    const c = diagnostics.get(f);
    if (c && c.uri === uri && c.lang === lang) return c.diagnostic;
    const diagnostic = toDiagnostic(f, uri, lang, pathToUri);
    diagnostics.set(f, { uri, lang, diagnostic });
    return diagnostic;
  }

  const uriToPath = (uri: string): string => {
    if (uri.startsWith('file:')) {
      try {
        return fileURLToPath(uri);
      } catch {
        return uri;
      }
    }
    return uri;
  };
  const pathToUri = (p: string): string => (path.isAbsolute(p) ? pathToFileURL(p).toString() : p);

  function configFor(filePath: string) {
    return resolver.resolve(filePath, settings).config;
  }

  function analyzeDocument(doc: TextDocument) {
    const p = uriToPath(doc.uri);
    return analyzer.analyze(
      { path: p, text: doc.getText(), languageId: doc.languageId, helmChartTemplate: path.isAbsolute(p) ? isUnderChartTemplates(p) : false },
      configFor(p),
      host,
    );
  }

  function validate(doc: TextDocument): void {
    const version = doc.version;
    let findings: Finding[];
    try {
      findings = analyzeDocument(doc).findings;
    } catch (e) {
      connection.console.error(`analysis failed for ${doc.uri}: ${e instanceof Error ? e.stack : String(e)}`);
      findings = [];
    }
    // A newer version arrived while we worked: drop this result.
    const current = documents.get(doc.uri);
    // The workspace index changed (a resource added, renamed, moved): cross-resource findings of the
    // other open documents may change too.
    if (analyzer.workspace.generation !== lastGeneration) {
      lastGeneration = analyzer.workspace.generation;
      for (const other of documents.all()) if (other.uri !== doc.uri) schedule(other, debounceMs * 2);
    }
    if (!current || current.version !== version) return;
    results.set(doc.uri, { version, findings });
    workspacePublished.delete(doc.uri);
    publish(doc.uri, findings, version);
    sendStatus();
  }

  let lastGeneration = analyzer.workspace.generation;

  function schedule(doc: TextDocument, delay = debounceMs): void {
    const prev = timers.get(doc.uri);
    if (prev) clearTimeout(prev);
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (current) validate(current);
      }, delay),
    );
  }

  function revalidateAll(): void {
    for (const d of documents.all()) schedule(d, 0);
  }

  function sendStatus(): void {
    let errors = 0;
    let warnings = 0;
    for (const c of counts.values()) {
      errors += c.errors;
      warnings += c.warnings;
    }
    void connection.sendNotification('dockyard/status', { errors, warnings, documents: counts.size });
  }

  async function pullSettings(): Promise<void> {
    if (!hasConfigurationCapability) return;
    try {
      const raw = await connection.workspace.getConfiguration('dockyard');
      settings = settingsToConfig(raw, knownRules);
    } catch {
      /* client without configuration support */
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const opts = (params.initializationOptions ?? {}) as InitOptions;
    host = { yamlSyntaxElsewhere: !!opts.yamlSyntaxElsewhere, dockerfileSyntaxElsewhere: !!opts.dockerfileSyntaxElsewhere };
    lang = opts.lang && isLang(opts.lang) ? opts.lang : langFromLocale(params.locale);
    if (typeof opts.debounceMs === 'number') debounceMs = opts.debounceMs;
    hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
    if (!roots.length && params.rootUri) roots = [uriToPath(params.rootUri)];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, 'source.fixAll.dockyard'], resolveProvider: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '=', '/', '-'], resolveProvider: false },
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: ['dockyard.applyFixAll'] },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'dockyard-language-server', version: VERSION },
    };
  });

  connection.onInitialized(async () => {
    if (hasConfigurationCapability) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'dockyard' }).catch(() => undefined);
    }
    await pullSettings();
    revalidateAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (hasConfigurationCapability) await pullSettings();
    else settings = settingsToConfig((change.settings as Record<string, unknown> | undefined)?.dockyard, knownRules);
    revalidateAll();
  });

  connection.onNotification('dockyard/hostContext', (p: InitOptions) => {
    host = { yamlSyntaxElsewhere: !!p.yamlSyntaxElsewhere, dockerfileSyntaxElsewhere: !!p.dockerfileSyntaxElsewhere };
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles((p) => {
    let configChanged = false;
    for (const c of p.changes) {
      const base = path.basename(uriToPath(c.uri));
      if (base === '.dockyard.yaml' || base === '.dockyard.yml') configChanged = true;
    }
    if (configChanged) resolver.invalidate();
    invalidateCrdSchemas(); // e.g. a CRD schema file named by kubernetes.crdSchemas
    analyzer.invalidateFindings();
    revalidateAll();
  });

  // TextDocuments fires onDidChangeContent right after onDidOpen: without this, that second event
  // would re-schedule the opened document behind the typing debounce (150 ms more before its first
  // diagnostics).
  const justOpened = new Map<string, number>();
  documents.onDidOpen((e) => {
    justOpened.set(e.document.uri, e.document.version);
    schedule(e.document, 0);
  });
  documents.onDidChangeContent((e) => {
    const opened = justOpened.get(e.document.uri);
    justOpened.delete(e.document.uri);
    if (opened === e.document.version) return;
    if (crdSource.readPaths.has(uriToPath(e.document.uri))) {
      // An open CRD schema file changed: every document validated against it is stale.
      invalidateCrdSchemas();
      analyzer.invalidateFindings();
      revalidateAll();
      return;
    }
    schedule(e.document);
  });
  documents.onDidClose((e) => {
    justOpened.delete(e.document.uri);
    const timer = timers.get(e.document.uri);
    if (timer) clearTimeout(timer);
    timers.delete(e.document.uri);
    results.delete(e.document.uri);
    analyzer.close(uriToPath(e.document.uri));
    publish(e.document.uri, []);
    sendStatus();
  });

  /** Findings for the current version (validating now if the debounced run has not happened yet). */
  function currentFindings(doc: TextDocument): Finding[] {
    const r = results.get(doc.uri);
    if (r && r.version === doc.version) return r.findings;
    const findings = analyzeDocument(doc).findings;
    results.set(doc.uri, { version: doc.version, findings });
    return findings;
  }

  connection.onCodeAction((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const findings = currentFindings(doc);
    if (token.isCancellationRequested) return null;
    const only = params.context.only;
    const actions: CodeAction[] = [];
    const wantsFixAll = only?.some((k) => k === 'source.fixAll.dockyard' || k === 'source.fixAll' || k === CodeActionKind.Source);
    if (wantsFixAll) {
      const edits = fixAllEdits(findings);
      if (edits.length) {
        actions.push({ title: t('core.fixAll.title', undefined, lang), kind: 'source.fixAll.dockyard', edit: { changes: { [doc.uri]: edits } } });
      }
      if (only?.every((k) => k.startsWith('source'))) return actions;
    }
    const lines = new LineIndex(doc.getText());
    const p = uriToPath(doc.uri);
    const isDockerfile = analyzeKind(doc) === 'dockerfile';
    for (const f of findings) {
      if (!overlaps(f.range, params.range)) continue;
      const diag = toDiagnostic(f, doc.uri, lang, pathToUri);
      (f.fixes ?? []).forEach((fix, i) => actions.push(toCodeAction(fix, doc.uri, lang, diag, i === 0)));
      if (f.rule === 'suppression-without-reason' || f.rule === 'unknown-rule-in-suppression') continue;
      const anchor = isDockerfile ? instructionStartLine(analyzer.dockerfileFor(p, doc.getText()), f.range.start.line) : f.range.start.line;
      const edit = suppressionEdit(lines, anchor, f.rule, t('core.suppression.reasonPlaceholder', undefined, lang));
      actions.push(toCodeAction({ title: msg('core.suppression.title', { rule: f.rule }), edits: [edit], kind: 'ignore' }, doc.uri, lang, diag, false));
    }
    return actions;
  });

  function analyzeKind(doc: TextDocument) {
    return analyzeDocument(doc).kind;
  }

  function featureContext(doc: TextDocument) {
    const p = uriToPath(doc.uri);
    return { path: p, text: doc.getText(), languageId: doc.languageId, config: configFor(p), analyzer, lang };
  }

  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const parts: string[] = [];
    for (const f of currentFindings(doc)) {
      if (!contains(f.range, params.position)) continue;
      const meta = registry.meta(f.rule);
      if (meta) parts.push(`${format(f.message, lang)}\n\n${ruleDocsMarkdown(meta, lang)}`);
    }
    const h = hover(featureContext(doc), params.position);
    if (h) parts.push(h.markdown);
    if (!parts.length) return null;
    return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, range: h?.range };
  });

  connection.onCompletion((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    return completion(featureContext(doc), params.position).map(toCompletionItem);
  });

  connection.languages.inlayHint.on((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    return inlayHints(featureContext(doc), params.range).map((h) => ({
      position: h.position,
      label: h.label,
      tooltip: h.tooltip,
      paddingLeft: h.paddingLeft ?? true,
    }));
  });

  connection.onCodeLens((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    return codeLenses(featureContext(doc)).map((l) => ({
      range: l.range,
      command: { title: l.title, command: l.command ?? '', arguments: l.args },
    }));
  });

  connection.onRequest('dockyard/ruleDocs', (p: { rule?: string }) => {
    if (!p.rule) return { rules: registry.all().map((m) => m.id) };
    const meta = registry.meta(p.rule);
    return meta ? { rule: p.rule, markdown: ruleDocsMarkdown(meta, lang, false) } : { rule: p.rule, error: t('core.ruleDocs.unknown', { rule: p.rule }, lang) };
  });

  /** Lint every analysable file under the given folders; publishes diagnostics for them. */
  connection.onRequest('dockyard/lintWorkspace', async (p: { folders: string[] }, token) => {
    const files: string[] = [];
    for (const f of p.folders ?? []) walk(uriToPath(f), (file) => files.push(file));
    for (const u of workspacePublished) publish(u, []);
    workspacePublished.clear();
    let errors = 0;
    let warnings = 0;
    const total = files.length;
    const texts = new Map<string, string>();
    // Pass 1 indexes every file; pass 2 reports with the whole workspace known (cross-resource rules).
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < files.length; i++) {
        // Let other messages in between files (a $/cancelRequest among them), in both passes: one
        // file can take tens of milliseconds, a setImmediate costs microseconds.
        await new Promise((r) => setImmediate(r));
        if (token.isCancellationRequested) return { cancelled: true, files: i, errors, warnings };
        const file = files[i];
        const uri = pathToUri(file);
        const open = documents.get(uri);
        if (pass === 0) {
          let text = open?.getText();
          if (text === undefined) {
            try {
              text = readText(file).text;
            } catch {
              continue;
            }
          }
          texts.set(file, text);
          analyzer.analyze({ path: file, text, helmChartTemplate: isUnderChartTemplates(file) }, configFor(file), host);
          if (i % 25 === 0) void connection.sendNotification('dockyard/progress', { done: i, total: total * 2, file: Math.ceil(i / 2), files: total });
          continue;
        }
        const text = texts.get(file);
        if (text === undefined) continue;
        const { findings } = analyzer.analyze({ path: file, text, helmChartTemplate: isUnderChartTemplates(file) }, configFor(file), host);
        for (const f of findings) {
          if (f.severity === 'error') errors++;
          else if (f.severity === 'warning') warnings++;
        }
        if (!open) {
          publish(uri, findings);
          workspacePublished.add(uri);
          analyzer.close(file); // keep the index entry, drop the parse
        }
        if (i % 25 === 0) void connection.sendNotification('dockyard/progress', { done: total + i, total: total * 2, file: Math.ceil((total + i) / 2), files: total });
      }
    }
    revalidateAll();
    return { cancelled: false, files: total, errors, warnings };
  });

  connection.onExecuteCommand(async (p) => {
    if (p.command !== 'dockyard.applyFixAll') return;
    const uri = p.arguments?.[0] as string | undefined;
    const doc = uri ? documents.get(uri) : undefined;
    if (!doc) return;
    const edits = fixAllEdits(currentFindings(doc));
    if (edits.length) await connection.workspace.applyEdit({ changes: { [doc.uri]: edits } });
  });

  documents.listen(connection);
  connection.listen();
}

/** Non-overlapping edits of every fixAll fix. */
function fixAllEdits(findings: Finding[]) {
  const edits: { range: Finding['range']; newText: string }[] = [];
  for (const f of findings) {
    const fix = f.fixes?.find((x) => x.fixAll && x.kind !== 'ignore');
    if (!fix) continue;
    if (fix.edits.some((e) => edits.some((o) => overlaps(o.range, e.range)))) continue;
    edits.push(...fix.edits);
  }
  return edits;
}

type R = Finding['range'];
type P = R['start'];
function cmp(a: P, b: P): number {
  return a.line - b.line || a.character - b.character;
}
function overlaps(a: R, b: R): boolean {
  return cmp(a.start, b.end) <= 0 && cmp(b.start, a.end) <= 0;
}
function contains(r: R, p: P): boolean {
  return cmp(r.start, p) <= 0 && cmp(p, r.end) <= 0;
}

/**
 * The editor's `dockyard.*` settings → a config layer. The client sends only values the user set
 * (so a repository's .dockyard.yaml is not overridden by defaults).
 */
export function settingsToConfig(raw: unknown, knownRules: Set<string>): PartialConfig {
  if (!raw || typeof raw !== 'object') return {};
  const o = raw as Record<string, unknown>;
  const shaped: Record<string, unknown> = {
    rules: o.rules,
    pss: o.pss,
    kubernetes: o.kubernetes,
    layers: o.layers,
    loci: o.loci,
    resources: o.resources,
    coexistence: o.coexistence,
  };
  return parseConfigObject(shaped, knownRules).config;
}

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

if (require.main === module) {
  startServer(createConnection(ProposedFeatures.all));
}
