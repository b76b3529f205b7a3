import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocuments, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DockyardService } from '../core/service';
import { createRegistry } from '../core/rules';
import { parseConfigObject, type PartialConfig } from '../core/config/config';
import { format, t, type Lang } from '../core/messages/catalog';
import type { Finding, Message } from '../core/types';
import { createNodeHost, type NodeHost } from '../host/node-host';
import { PathPolicy } from '../host/repo-root';
import { isInside } from '../host/safe-write';
import { toDiagnostic } from '../lsp/convert';

/**
 * What the handlers share: the connection, the editor's documents, the one DockyardService, and the
 * protocol-side state the service does not know (debounce timers, published counts, versions).
 */
export const DEBOUNCE_MS = 150;

export interface InitOptions {
  yamlSyntaxElsewhere?: boolean;
  dockerfileSyntaxElsewhere?: boolean;
  /** Docker DX is installed (it shows BuildKit's build checks). */
  buildkitChecksElsewhere?: boolean;
  lang?: string;
  debounceMs?: number;
  /** Workspace trust (the VS Code client): false in Restricted Mode, known before any document opens. */
  trusted?: boolean;
}

export class Session {
  readonly documents = new TextDocuments(TextDocument);
  readonly service: DockyardService;
  readonly host: NodeHost;
  readonly knownRules: Set<string>;
  roots: string[] = [];
  debounceMs = DEBOUNCE_MS;
  hasConfigurationCapability = false;
  /** The client can open a document the server names (`window/showDocument`, LSP 3.16). */
  showDocumentSupport = false;
  /** The client accepts a `workspace/didChangeWatchedFiles` registration from the server. */
  watchedFilesRegistration = false;
  /** Workspace trust as the client reports it (`$trusted` in the settings); true unless it says otherwise. */
  trusted = true;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Diagnostics published for files that are not open (lint workspace), to clear them later. */
  readonly workspacePublished = new Set<string>();
  /** Counts per severity per published uri, for the status bar. */
  private readonly counts = new Map<string, SeverityCounts>();
  /** Diagnostics converted once per finding object (unchanged documents hand back the same ones). */
  private readonly converted = new WeakMap<Finding, { uri: string; lang: Lang; diagnostic: Diagnostic }>();
  /**
   * Message texts rendered once per message object: a document's findings moved to other lines (an
   * edit above them) are new finding objects that keep their message objects.
   */
  private readonly rendered = new WeakMap<Message, { lang: Lang; text: string }>();
  private readonly render = (m: Message): string => {
    const lang = this.lang;
    const c = this.rendered.get(m);
    if (c && c.lang === lang) return c.text;
    const text = format(m, lang);
    this.rendered.set(m, { lang, text });
    return text;
  };

  constructor(readonly connection: Connection) {
    const registry = createRegistry();
    this.knownRules = new Set(registry.ids());
    this.host = createNodeHost({
      knownRules: this.knownRules,
      roots: () => this.roots,
      openText: (p) => this.documents.get(this.pathToUri(p))?.getText(),
      // Restricted Mode (issue #12): paths the repository configures (.dockyard.yaml, workspace
      // settings) stay inside the workspace folder of the file; trusted: honoured (../loci is loci.path's use).
      pathPolicy: () =>
        new PathPolicy(
          (file) => (this.trusted ? undefined : (this.roots.filter((r) => isInside(r, file)).sort((a, b) => b.length - a.length)[0] ?? path.dirname(file))),
          [],
          (r) => void connection.sendNotification('window/showMessage', { type: 2 /* Warning */, message: t('core.restricted.pathIgnored', { setting: r.setting, path: r.path, root: r.root }, this.lang) }),
        ),
    });
    this.service = new DockyardService({
      host: this.host,
      registry,
      logRuleError: (rule, p, err) => connection.console.error(t('core.ruleError', { rule, path: p, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }, this.lang)),
    });
  }

  get lang(): Lang {
    return this.service.lang;
  }

  uriToPath(uri: string): string {
    if (uri.startsWith('file:')) {
      try {
        return fileURLToPath(uri);
      } catch {
        return uri;
      }
    }
    return uri;
  }

  pathToUri = (p: string): string => (path.isAbsolute(p) ? pathToFileURL(p).toString() : p);

  /** The service's view of an editor document, brought to its current version. */
  sync(doc: TextDocument): string {
    const p = this.uriToPath(doc.uri);
    if (!this.service.isOpen(p)) this.service.open(p, doc.version, doc.getText(), doc.languageId);
    else if (this.service.version(p) !== doc.version) this.service.update(p, doc.version, doc.getText());
    return p;
  }

  publish(uri: string, findings: readonly Finding[], version?: number): void {
    if (findings.length) this.counts.set(uri, countSeverities(findings));
    else this.counts.delete(uri);
    void this.connection.sendDiagnostics({ uri, version, diagnostics: findings.map((f) => this.diagnostic(f, uri)) });
  }

  diagnostic(f: Finding, uri: string): Diagnostic {
    const c = this.converted.get(f);
    if (c && c.uri === uri && c.lang === this.lang) return c.diagnostic;
    const diagnostic = toDiagnostic(f, uri, this.lang, this.pathToUri, this.render);
    this.converted.set(f, { uri, lang: this.lang, diagnostic });
    return diagnostic;
  }

  /**
   * `dockyard/status`: every published diagnostic counted by severity. VS Code's Problems panel
   * lists errors, warnings and infos (hints are shown only in the editor), so the status bar counts
   * those three and its tooltip names each.
   */
  sendStatus(): void {
    const total: SeverityCounts = { errors: 0, warnings: 0, information: 0, hints: 0 };
    for (const c of this.counts.values()) {
      total.errors += c.errors;
      total.warnings += c.warnings;
      total.information += c.information;
      total.hints += c.hints;
    }
    void this.connection.sendNotification('dockyard/status', { ...total, documents: this.counts.size });
  }

  /** A line in the client's log ("Dockyard: Show output" in VS Code). */
  log(id: string, args?: Record<string, string | number>): void {
    this.connection.console.info(t(id, args, this.lang));
  }

  /** Analyse the current version and publish; then re-check only the documents whose facts went stale. */
  validate(doc: TextDocument): void {
    const version = doc.version;
    let findings: Finding[];
    const p = this.sync(doc);
    try {
      findings = this.service.diagnostics(p);
    } catch (e) {
      this.connection.console.error(`analysis failed for ${doc.uri}: ${e instanceof Error ? e.stack : String(e)}`);
      findings = [];
    }
    for (const stale of this.service.staleDocuments()) {
      const other = this.documents.get(this.pathToUri(stale));
      if (other && other.uri !== doc.uri) this.schedule(other, this.debounceMs);
    }
    const current = this.documents.get(doc.uri);
    if (!current || current.version !== version) return; // a newer version arrived: drop this result
    this.workspacePublished.delete(doc.uri);
    this.publish(doc.uri, findings, version);
    this.sendStatus();
  }

  schedule(doc: TextDocument, delay = this.debounceMs): void {
    const prev = this.timers.get(doc.uri);
    if (prev) clearTimeout(prev);
    this.timers.set(
      doc.uri,
      setTimeout(() => {
        this.timers.delete(doc.uri);
        const current = this.documents.get(doc.uri);
        if (current) this.validate(current);
      }, delay),
    );
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  revalidateAll(): void {
    for (const d of this.documents.all()) this.schedule(d, 0);
  }

  async pullSettings(): Promise<void> {
    if (!this.hasConfigurationCapability) return;
    try {
      const raw = await this.connection.workspace.getConfiguration('dockyard');
      // `$trusted` (the VS Code client): false in Restricted Mode; clients that do not say are trusted.
      const trusted = !(raw && typeof raw === 'object' && (raw as Record<string, unknown>).$trusted === false);
      if (trusted !== this.trusted) {
        this.trusted = trusted;
        // What may be read changed: forget schema and loci files read (or refused) so far.
        this.service.invalidate({ config: true });
      }
      this.service.setSettings(settingsToConfig(raw, this.knownRules));
    } catch {
      /* client without configuration support */
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

export interface SeverityCounts {
  errors: number;
  warnings: number;
  information: number;
  hints: number;
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const c: SeverityCounts = { errors: 0, warnings: 0, information: 0, hints: 0 };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else if (f.severity === 'information') c.information++;
    else c.hints++;
  }
  return c;
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
