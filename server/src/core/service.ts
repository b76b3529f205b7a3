import { Analyzer, instructionStartLine, type FileAnalysis, type HostContext, type RuleErrorLogger } from './engine';
import { createRegistry } from './rules';
import type { RuleRegistry } from './rules/registry';
import type { DockyardConfig, PartialConfig } from './config/config';
import { format, msg, t, type Lang } from './messages/catalog';
import { ruleDocsMarkdown } from './features/rule-docs';
import { codeLenses, completion, hover, inlayHints } from './features';
import type { CodeLensResult, CompletionResult, FeatureContext, InlayHintResult } from './features/types';
import { LineIndex, applyEdits } from './text';
import { suppressionEdit } from './suppress';
import type { Finding, Fix, FixTier, Message, Position, Range, TextEdit } from './types';
import type { LociDataProvider } from './loci/provider';
import type { CrdSchemaSource } from './kubernetes/crd';
import type { SchemaStore } from './schema';
import { createProviders, type Providers } from './providers';
import type { IndexedResource } from './workspace';

/**
 * The one object behind every front end (language server handlers, CLI, golden test): it owns the
 * open documents, the Analyzer with its caches and workspace index, the providers and the
 * configuration layers, and answers lint, diagnostics, code actions, fix-all and the editor
 * features. Pure: file access goes through the injected `ServiceHost` (`host/node-host.ts`).
 */
export interface ServiceHost {
  /** The text of a file (throws when unreadable); `notUtf8` when it was decoded as Latin-1; `bom` when a UTF-8 BOM preceded it. */
  readFile(path: string): { text: string; notUtf8?: boolean; bom?: boolean };
  /** `file`, `directory`, or undefined (with the reason) when it cannot be read. */
  stat(path: string): { type: 'file' | 'directory' } | { error: string };
  /** The real path (duplicates named twice or through a link are reported once). */
  realPath(path: string): string;
  /** Every analysable file under a folder (`.gitignore`d and `node_modules` skipped). */
  listFolder(folder: string, onFile: (path: string) => void): void;
  /** Whether a file sits under a Helm chart's templates/ (a Chart.yaml above it). */
  isUnderChartTemplates(path: string): boolean;
  /** defaults < the `.dockyard.yaml` that applies to `path` < `overrides`. */
  findConfig(path: string, overrides: PartialConfig): { config: DockyardConfig; file?: string; problems: Message[] };
  /** Forget config files read so far (a `.dockyard.yaml` changed). */
  invalidateConfig?(): void;
  lociData?: LociDataProvider;
  crdSchemas?: CrdSchemaSource;
  schemaStore?: SchemaStore;
}

export interface ServiceOptions {
  host: ServiceHost;
  /** Editor settings or CLI flags: the top configuration layer. */
  settings?: PartialConfig;
  context?: HostContext;
  lang?: Lang;
  logRuleError?: RuleErrorLogger;
  registry?: RuleRegistry;
}

export interface FixOptions {
  /** Also apply `review` fixes (`dockyard fix --unsafe`). */
  unsafe?: boolean;
  /** Only fixes of these rules (`--rule ID`); empty or absent: all. */
  rules?: readonly string[];
  /** Bound on apply / re-lint rounds. */
  maxRounds?: number;
}

export interface FixResult {
  /** The fixed text (identical to the input when nothing applied). */
  text: string;
  /** Fixes applied over all rounds. */
  applied: number;
  /** The findings of the fixed text. */
  findings: Finding[];
  /** Rounds that applied something. */
  rounds: number;
  /** The edits of the first round (against the input text). */
  firstEdits: TextEdit[];
}

export interface LintedFile {
  path: string;
  text: string;
  notUtf8?: boolean;
  bom?: boolean;
  findings: Finding[];
}

/** A file's text as a lint read it. */
export interface LintText {
  text: string;
  notUtf8?: boolean;
  bom?: boolean;
}

export interface LintOptions {
  /** Checked between files; true stops the lint (the result says `cancelled`). */
  cancel?: () => boolean;
  progress?: (done: number, total: number) => void;
  /** Keep the parse of files that are not open (the CLI fixes them next); default false. */
  keepParses?: boolean;
}

export interface LintResult {
  files: LintedFile[];
  /** Paths that could not be read, with the reason (ENOENT, EACCES …). */
  errors: { path: string; reason: string }[];
  cancelled: boolean;
}

export interface CodeActionResult {
  title: Message | string;
  kind: 'quickfix' | 'ignore' | 'fixAll';
  edits: TextEdit[];
  finding?: Finding;
  preferred?: boolean;
  tier?: FixTier;
}

interface OpenDocument {
  path: string;
  version: number;
  text: string;
  languageId?: string;
  result?: { version: number; epoch: number; analysis: FileAnalysis };
}

export const FIX_ROUNDS = 10;

export class DockyardService {
  readonly registry: RuleRegistry;
  readonly analyzer: Analyzer;
  readonly providers: Providers;
  private readonly docs = new Map<string, OpenDocument>();
  private scratch?: Analyzer;
  private settings: PartialConfig;
  private context: HostContext;
  lang: Lang;
  /** Test hook: analyses run (a cached answer for an unchanged version is not one). */
  analyses = 0;
  /** Bumped when settings, host context or providers change: cached answers of open documents are stale. */
  private epoch = 0;

  constructor(private readonly options: ServiceOptions) {
    this.registry = options.registry ?? createRegistry();
    const h = options.host;
    this.providers = createProviders({ loci: h.lociData, crd: h.crdSchemas, schemaStore: h.schemaStore });
    this.analyzer = new Analyzer(this.registry, options.logRuleError, this.providers);
    this.settings = options.settings ?? {};
    this.context = options.context ?? {};
    this.lang = options.lang ?? 'en';
  }

  get host(): ServiceHost {
    return this.options.host;
  }

  // ---- configuration -------------------------------------------------------------------------

  setSettings(settings: PartialConfig): void {
    this.settings = settings;
    this.epoch++;
  }

  setContext(context: HostContext): void {
    this.context = context;
    this.epoch++;
  }

  configFor(path: string): DockyardConfig {
    return this.host.findConfig(path, this.settings).config;
  }

  /**
   * Something outside the documents changed (a config file, a CRD schema file, loci data on
   * disk): forget what was read and every cached finding (parses are kept).
   */
  invalidate(what: { config?: boolean } = {}): void {
    if (what.config) this.host.invalidateConfig?.();
    this.providers.changed();
    this.analyzer.invalidateFindings();
    this.epoch++;
  }

  // ---- documents -----------------------------------------------------------------------------

  open(path: string, version: number, text: string, languageId?: string): void {
    this.docs.set(path, { path, version, text, languageId });
  }

  update(path: string, version: number, text: string): void {
    const d = this.docs.get(path);
    if (d) {
      d.version = version;
      d.text = text;
    } else this.open(path, version, text);
  }

  /** Forget an open document (its index entry stays: other files may still refer to it). */
  close(path: string): void {
    this.docs.delete(path);
    this.analyzer.close(path);
  }

  isOpen(path: string): boolean {
    return this.docs.has(path);
  }

  openPaths(): string[] {
    return [...this.docs.keys()];
  }

  version(path: string): number | undefined {
    return this.docs.get(path)?.version;
  }

  text(path: string): string | undefined {
    return this.docs.get(path)?.text;
  }

  // ---- analysis ------------------------------------------------------------------------------

  private analyzeText(path: string, text: string, languageId?: string, analyzer = this.analyzer, indexOnly = false): FileAnalysis {
    this.analyses++;
    return analyzer.analyze({ path, text, languageId, helmChartTemplate: this.host.isUnderChartTemplates(path), indexOnly }, this.configFor(path), this.context);
  }

  /** The analysis of an open document's current version (cached per version). */
  analysis(path: string): FileAnalysis | undefined {
    const d = this.docs.get(path);
    if (!d) return undefined;
    if (d.result && d.result.version === d.version && d.result.epoch === this.epoch && !this.analyzer.crossFileStale(path)) return d.result.analysis;
    const analysis = this.analyzeText(path, d.text, d.languageId);
    d.result = { version: d.version, epoch: this.epoch, analysis };
    return analysis;
  }

  /** Findings of an open document's current version. */
  diagnostics(path: string): Finding[] {
    return this.analysis(path)?.findings ?? [];
  }

  /**
   * Open documents whose published findings may be out of date because index facts they read
   * changed (work scales with what changed: a comment line elsewhere makes none stale).
   */
  staleDocuments(): string[] {
    const out: string[] = [];
    for (const d of this.docs.values()) if (d.result && this.analyzer.crossFileStale(d.path)) out.push(d.path);
    return out;
  }

  /**
   * Lint files and folders as one workspace: pass 1 indexes every file, pass 2 reports with the
   * whole workspace known (cross-resource rules). Open documents are linted with their editor text.
   */
  async lint(targets: readonly string[], opts: LintOptions = {}): Promise<LintResult> {
    const { files, errors } = this.collect(targets);
    const total = files.length;
    const texts = new Map<string, LintText>();
    const out: LintedFile[] = [];
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < files.length; i++) {
        // Let other messages in between files (a cancellation among them).
        if (opts.cancel) {
          await new Promise((r) => setImmediate(r));
          if (opts.cancel()) return { files: out, errors, cancelled: true };
        }
        if (pass === 0) this.lintFirstPass(files[i], texts, errors);
        else {
          const r = this.lintSecondPass(files[i], texts, opts.keepParses);
          if (r) out.push(r);
        }
        opts.progress?.(pass * total + i + 1, total * 2);
      }
    }
    return { files: out, errors, cancelled: false };
  }

  /**
   * The files a lint of `targets` covers (folders walked, each file once), and the paths that cannot
   * be read. `onFile` hears of each file as it is found (the CLI feeds its workers during the walk).
   */
  collect(targets: readonly string[], onFile?: (path: string) => void): { files: string[]; errors: LintResult['errors'] } {
    const errors: LintResult['errors'] = [];
    const files: string[] = [];
    const seen = new Set<string>();
    const add = (p: string) => {
      let real = p;
      try {
        real = this.host.realPath(p);
      } catch {
        /* keep */
      }
      if (seen.has(real)) return;
      seen.add(real);
      files.push(p);
      onFile?.(p);
    };
    for (const p of targets) {
      const st = this.host.stat(p);
      if ('error' in st) errors.push({ path: p, reason: st.error });
      else if (st.type === 'directory') this.host.listFolder(p, add);
      else add(p);
    }
    return { files, errors };
  }

  /** Lint pass 1 for one file: read it (or take the open document), analyse it, index it. */
  lintFirstPass(file: string, texts: Map<string, LintText>, errors: LintResult['errors']): void {
    const open = this.docs.get(file);
    let r: LintText | undefined = open ? { text: open.text } : undefined;
    if (!r) {
      try {
        r = this.host.readFile(file);
      } catch (e) {
        errors.push({ path: file, reason: (e as { code?: string }).code ?? String(e) });
        return;
      }
    }
    texts.set(file, r);
    if (open) this.analysis(file);
    // Index only: cross-file rules would run against a partial index and be run again in pass 2
    // (rebuilding the index's lookup tables after every file made pass 1 quadratic).
    else this.analyzeText(file, r.text, undefined, this.analyzer, true);
  }

  /** Lint pass 2 for one file: its findings with the whole index in place (cross-file rules). */
  lintSecondPass(file: string, texts: Map<string, LintText>, keepParses = false): LintedFile | undefined {
    const r = texts.get(file);
    if (!r) return undefined;
    const open = this.docs.get(file);
    const analysis = open ? this.analysis(file)! : this.analyzeText(file, r.text);
    const findings = analysis.findings.slice();
    if (r.notUtf8 && !findings.some((x) => x.rule === 'binary-file')) {
      findings.unshift({ rule: 'file-encoding', severity: 'information', message: { id: 'core.file.notUtf8' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    }
    if (!open && !keepParses) this.analyzer.close(file); // keep the index entry, drop the parse
    return { path: file, text: r.text, notUtf8: r.notUtf8, bom: r.bom, findings };
  }

  /** The index entries of these files (what a parallel lint shares between its workers). */
  indexEntries(files: readonly string[]): [string, IndexedResource[]][] {
    const ws = this.analyzer.workspace;
    return files.filter((f) => ws.has(f)).map((f) => [f, ws.get(f)]);
  }

  /**
   * Index entries of files another worker analysed, so that cross-file rules see the whole lint;
   * `order`: every file of the lint in its single-threaded order (the index then iterates as if one
   * thread had filled it).
   */
  importIndexEntries(entries: readonly [string, IndexedResource[]][], order?: readonly string[]): void {
    for (const [p, resources] of entries) this.analyzer.workspace.set(p, resources);
    if (order) this.analyzer.workspace.reorder(order);
  }

  // ---- fixes ---------------------------------------------------------------------------------

  /**
   * The one fix loop (editor fix-all and `dockyard fix`): apply every non-overlapping fix of the
   * allowed tiers (`safe`; with `unsafe` also `review`; never ignore actions), re-lint, repeat until
   * nothing applies or the text stops changing, at most `maxRounds` rounds.
   */
  fixText(path: string, text: string, opts: FixOptions = {}, findings?: Finding[], analyzer = this.analyzer): FixResult {
    const wanted = (rule: string) => !opts.rules?.length || opts.rules.includes(rule);
    const allowed = (x: Fix) => x.kind !== 'ignore' && (x.tier === 'safe' || (!!opts.unsafe && x.tier === 'review'));
    let current = text;
    let list = findings ?? this.analyzeText(path, text).findings;
    let applied = 0;
    let rounds = 0;
    let firstEdits: TextEdit[] = [];
    for (let round = 0; round < (opts.maxRounds ?? FIX_ROUNDS); round++) {
      const edits: TextEdit[] = [];
      let n = 0;
      for (const f of list) {
        if (!wanted(f.rule)) continue;
        const fx = f.fixes?.find(allowed);
        if (!fx) continue;
        if (fx.edits.some((e) => edits.some((o) => touches(o.range, e.range)))) continue;
        edits.push(...fx.edits);
        n++;
      }
      if (!n) break;
      const next = applyEdits(current, edits);
      if (next === current) break;
      current = next;
      applied += n;
      if (rounds++ === 0) firstEdits = edits;
      list = this.analyzeText(path, current, undefined, analyzer).findings;
    }
    // A file that is not open keeps its index entry, not its parse (the CLI fixes file after file).
    if (rounds && (analyzer !== this.analyzer || !this.docs.has(path))) analyzer.close(path);
    return { text: current, applied, findings: list, rounds, firstEdits };
  }

  /**
   * The editor's fix-all (`source.fixAll.dockyard`): the fix loop over the open document. One round:
   * its edits; more rounds: one minimal edit from the current text to the result. Either way the
   * editor ends with the text `dockyard fix` writes (test/lsp/fix-parity.test.ts).
   */
  fixAll(path: string, opts: FixOptions = {}): TextEdit[] {
    const d = this.docs.get(path);
    if (!d) return [];
    // Later rounds lint the intermediate texts in a scratch analyzer: the workspace index keeps the
    // open text's facts (no revision bumps, no other document made stale by a fix-all on save).
    // Only cross-file findings differ there, and they offer no fixes: the same fixes are chosen.
    this.scratch ??= new Analyzer(this.registry, this.options.logRuleError, this.providers);
    const r = this.fixText(path, d.text, opts, this.diagnostics(path), this.scratch);
    if (r.text === d.text) return [];
    return r.rounds === 1 ? r.firstEdits : [minimalEdit(d.text, r.text)];
  }

  /** Quick fixes and "ignore" actions for findings overlapping `range`; with `only` a source kind, fix-all. */
  codeActions(path: string, range: Range, only?: readonly string[]): CodeActionResult[] {
    const d = this.docs.get(path);
    if (!d) return [];
    const actions: CodeActionResult[] = [];
    const wantsFixAll = only?.some((k) => k === 'source.fixAll.dockyard' || k === 'source.fixAll' || k === 'source');
    if (wantsFixAll) {
      const edits = this.fixAll(path);
      if (edits.length) actions.push({ title: t('core.fixAll.title', undefined, this.lang), kind: 'fixAll', edits });
      if (only?.every((k) => k.startsWith('source'))) return actions;
    }
    const analysis = this.analysis(path)!;
    const lines = new LineIndex(d.text);
    for (const f of analysis.findings) {
      if (!touches(f.range, range)) continue;
      (f.fixes ?? []).forEach((fix, i) => actions.push({ title: fix.title, kind: fix.kind === 'ignore' ? 'ignore' : 'quickfix', edits: fix.edits, finding: f, preferred: i === 0, tier: fix.tier }));
      if (f.rule === 'suppression-without-reason' || f.rule === 'unknown-rule-in-suppression') continue;
      const anchor = analysis.kind === 'dockerfile' && analysis.dockerfile ? instructionStartLine(analysis.dockerfile, f.range.start.line) : f.range.start.line;
      const edit = suppressionEdit(lines, anchor, f.rule, t('core.suppression.reasonPlaceholder', undefined, this.lang));
      actions.push({ title: msg('core.suppression.title', { rule: f.rule }), kind: 'ignore', edits: [edit], finding: f });
    }
    return actions;
  }

  // ---- editor features -----------------------------------------------------------------------

  private featureContext(path: string): FeatureContext | undefined {
    const d = this.docs.get(path);
    if (!d) return undefined;
    return { path, text: d.text, languageId: d.languageId, config: this.configFor(path), analyzer: this.analyzer, lang: this.lang };
  }

  /** Markdown for the findings under the position (with their rule docs) and the feature hover. */
  hover(path: string, position: Position): { markdown: string; range?: Range } | undefined {
    const ctx = this.featureContext(path);
    if (!ctx) return undefined;
    const parts: string[] = [];
    for (const f of this.diagnostics(path)) {
      if (!contains(f.range, position)) continue;
      const meta = this.registry.meta(f.rule);
      if (meta) parts.push(`${format(f.message, this.lang)}\n\n${ruleDocsMarkdown(meta, this.lang)}`);
    }
    const h = hover(ctx, position);
    if (h) parts.push(h.markdown);
    if (!parts.length) return undefined;
    return { markdown: parts.join('\n\n---\n\n'), range: h?.range };
  }

  completion(path: string, position: Position): CompletionResult[] {
    const ctx = this.featureContext(path);
    return ctx ? completion(ctx, position) : [];
  }

  inlayHints(path: string, range: Range): InlayHintResult[] {
    const ctx = this.featureContext(path);
    return ctx ? inlayHints(ctx, range) : [];
  }

  codeLenses(path: string): CodeLensResult[] {
    const ctx = this.featureContext(path);
    return ctx ? codeLenses(ctx) : [];
  }

  /** Markdown docs of a rule, or the list of rule ids when `id` is absent. */
  ruleDocs(id?: string): { rules: string[] } | { rule: string; markdown: string } | { rule: string; error: string } {
    if (!id) return { rules: this.registry.all().map((m) => m.id) };
    const meta = this.registry.meta(id);
    return meta ? { rule: id, markdown: ruleDocsMarkdown(meta, this.lang, false) } : { rule: id, error: t('core.ruleDocs.unknown', { rule: id }, this.lang) };
  }
}

/** One edit turning `a` into `b`: the span between their common prefix and common suffix. */
export function minimalEdit(a: string, b: string): TextEdit {
  let p = 0;
  const max = Math.min(a.length, b.length);
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  // Never split a CRLF or a surrogate pair.
  if (p > 0 && p < a.length && ((a[p - 1] === '\r' && a[p] === '\n') || isLowSurrogate(a.charCodeAt(p)))) p--;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  const endA = a.length - s;
  if (s > 0 && endA > p && endA < a.length && ((a[endA - 1] === '\r' && a[endA] === '\n') || isLowSurrogate(a.charCodeAt(endA)))) s--;
  const lines = new LineIndex(a);
  return { range: { start: lines.positionAt(p), end: lines.positionAt(a.length - s) }, newText: b.slice(p, b.length - s) };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function cmp(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
/** Ranges that overlap or touch (adjacent edits would be ambiguous to apply together). */
function touches(a: Range, b: Range): boolean {
  return cmp(a.start, b.end) <= 0 && cmp(b.start, a.end) <= 0;
}
function contains(r: Range, p: Position): boolean {
  return cmp(r.start, p) <= 0 && cmp(p, r.end) <= 0;
}
