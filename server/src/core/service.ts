import { hashText } from './util/strings';
import { Analyzer, instructionStartLine, sizeLimitExceeded, type FileAnalysis, type HostContext, type RuleErrorLogger, type SilencedFinding } from './engine';
import { createRegistry } from './rules';
import { docsUrl, type RuleRegistry } from './rules/registry';
import type { DockyardConfig, PartialConfig } from './config/config';
import { format, msg, t, template, type Lang } from './messages/catalog';
import { ruleDocsMarkdown } from './features/rule-docs';
import { codeLenses, completion, hover, inlayHints } from './features';
import type { CodeLensResult, CompletionResult, FeatureContext, InlayHintResult } from './features/types';
import { LineIndex, applyEdits } from './text';
import { suppressionEdit } from './suppress';
import type { Finding, Fix, FixTier, Message, Position, Range, TextEdit } from './types';
import type { LociDataProvider } from './loci/provider';
import type { CrdSchemaSource } from './kubernetes/crd';
import type { SchemaStore } from './schema';
import { createProviders, type Providers, type WorkspaceFiles } from './providers';
import type { IndexedResource } from './workspace';
import { detectKind } from './model/detect';
import { BaselineMatcher, buildBaseline, fingerprint, parseBaseline, type BaselineEntry, type BaselineFile, type Fingerprint, type FingerprintSource } from './features/baseline';
import { buildHelmChart, MAX_OVERRIDES, type HelmChart, type HelmParentTexts, type HelmValuesText, type ValuesParser } from './model/helm-chart';

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
  /** The config files read so far with their problems (unknown keys, bad values, a schema fallback). */
  configProblems?(): { file: string; problems: Message[] }[];
  /**
   * The nearest of the named files upward from `fromPath`, never above the repository the file is in
   * (nor outside it through a link): other tools' configuration (`.hadolint.yaml`). Optional.
   */
  repositoryFile?(fromPath: string, names: readonly string[]): { path: string; text: string } | undefined;
  /** Forget config files read so far (a `.dockyard.yaml` changed). */
  invalidateConfig?(): void;
  /**
   * A path named by configuration (`baseline`), absolute: relative to the `.dockyard.yaml` that
   * applies to `documentPath`, else its workspace folder.
   */
  resolvePath?(file: string, documentPath: string): string;
  lociData?: LociDataProvider;
  crdSchemas?: CrdSchemaSource;
  schemaStore?: SchemaStore;
  /** Repository files for kustomize (confined to the repository by the host). */
  files?: WorkspaceFiles;
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
  /** Findings silenced by suppressions, with the suppression (`--explain-suppressions`). */
  silenced?: SilencedFinding[];
}

/** hadolint's configuration files, in the order hadolint reads them. */
export const HADOLINT_CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'] as const;

/** A file's text as a lint read it. */
export interface LintText {
  text: string;
  notUtf8?: boolean;
  bom?: boolean;
  /** Pass 1's findings of a file no cross-file rule reads (pass 2 takes them; its parse is gone). */
  final?: { findings: Finding[]; silenced?: SilencedFinding[] };
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
  /** The finding is not published (another extension shows it): no diagnostic to attach. */
  hidden?: boolean;
}

interface OpenDocument {
  path: string;
  version: number;
  text: string;
  languageId?: string;
  result?: { version: number; epoch: number; analysis: FileAnalysis };
}

export const FIX_ROUNDS = 10;

/** What a baseline leaves of a lint (`dockyard lint --baseline`). */
export interface BaselineComparison {
  /** The files with only the findings the baseline does not hold. */
  files: LintedFile[];
  /** Findings the baseline absorbed. */
  baselined: number;
  /** Entries no finding matched any more (with the count left over). */
  stale: BaselineEntry[];
  /** The baseline without its stale entries. */
  pruned: BaselineFile;
}

/** One entry of `dockyard rules`. */
export interface RuleInfo {
  id: string;
  category: string;
  defaultSeverity: string;
  pss?: string;
  /** The tiers of the fixes the rule offers (`safe`, `review`); empty: no fix. */
  fixTiers: string[];
  /** The same check in other tools (`hadolint:DL3008`, `buildkit:JSONArgsRecommended`, `kube-linter:…`). */
  equivalents: string[];
  summary: string;
  docs: string;
}

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
  /** Helm charts by folder: their values files, read through the host (dropped when one changes). */
  private readonly helmCharts = new Map<string, HelmChart | undefined>();
  /** The values files are linted too: their parses go to the analyzer's cache for that lint (parse-cache.ts). */
  private readonly keepParse: ValuesParser = (text, reader) => this.analyzer.parses.parse(text, reader, true);

  constructor(private readonly options: ServiceOptions) {
    this.registry = options.registry ?? createRegistry();
    const h = options.host;
    this.providers = createProviders({ loci: h.lociData, crd: h.crdSchemas, schemaStore: h.schemaStore, files: h.files });
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

  /** What the editor reported about other extensions (coexistence). */
  get hostContext(): Readonly<HostContext> {
    return this.context;
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
    this.baselines.clear();
    this.helmCharts.clear();
    this.providers.changed();
    this.analyzer.invalidateFindings();
    this.epoch++;
  }

  // ---- documents -----------------------------------------------------------------------------

  open(path: string, version: number, text: string, languageId?: string): void {
    this.docs.set(path, { path, version, text, languageId });
    this.helmValuesChanged(path);
  }

  update(path: string, version: number, text: string): void {
    const d = this.docs.get(path);
    if (d) {
      d.version = version;
      d.text = text;
      this.helmValuesChanged(path);
    } else this.open(path, version, text);
  }

  /** Forget an open document (its index entry stays: other files may still refer to it). */
  close(path: string): void {
    this.docs.delete(path);
    this.analyzer.close(path, true, true);
    this.helmValuesChanged(path);
  }

  // ---- Helm charts ---------------------------------------------------------------------------

  /** Whether a path is a chart's values file (values.yaml, Chart.yaml, under values_overrides/). */
  isHelmValuesFile(path: string): boolean {
    const p = path.replace(/\\/g, '/');
    return /\/(values\.ya?ml|Chart\.yaml)$/.test(p) || /\/values_overrides\/.+\.ya?ml$/.test(p);
  }

  /** A values file changed (opened, edited, closed): templates are decided with the new values. */
  private helmValuesChanged(path: string): void {
    if (!this.helmCharts.size || !this.isHelmValuesFile(path)) return;
    this.helmCharts.clear();
    // The kept parses were of the old texts: an editor typing in values.yaml must not fill the cache
    // with one parse per version (the charts read again keep the current ones).
    this.analyzer.parses.clear();
    this.epoch++;
  }

  /** The chart of a template under `<chart>/templates/`, or a folder below it (its values read once per chart). */
  private helmChartFor(path: string): HelmChart | undefined {
    const root = chartRootOf(path);
    if (!root) return undefined;
    if (this.helmCharts.has(root)) return this.helmCharts.get(root);
    let chart: HelmChart | undefined;
    try {
      chart = this.readHelmChart(root);
    } catch {
      chart = undefined;
    }
    this.helmCharts.set(root, chart);
    return chart;
  }

  /**
   * values.yaml of the chart and the alternative values under `<chart>/values_overrides/` or, as
   * openstack-helm keeps them, `<repository>/values_overrides/<chart>/`: only files whose real path
   * stays inside the chart (or that folder), at most MAX_OVERRIDES of them, none over 2 MB.
   */
  private readHelmChart(root: string): HelmChart | undefined {
    const host = this.host;
    const sep = root.includes('\\') && !root.includes('/') ? '\\' : '/';
    const parent = parentOf(root) ?? '';
    const chartName = root.slice(parent.length + 1);
    const inside = (file: string, folder: string): boolean => {
      try {
        const real = host.realPath(file);
        const base = host.realPath(folder);
        return real.startsWith(base.endsWith(sep) ? base : base + sep);
      } catch {
        return false;
      }
    };
    const read = (file: string, folder: string): HelmValuesText | undefined => {
      const st = host.stat(file);
      if (!('type' in st) || st.type !== 'file' || !inside(file, folder)) return undefined;
      const text = this.docs.get(file)?.text ?? host.readFile(file).text;
      if (text.length > 2 * 1024 * 1024) return undefined;
      return { file: file.slice(parent.length + 1).replace(/\\/g, '/'), path: file, text };
    };
    const defaults = read(`${root}${sep}values.yaml`, root);
    const overrides: HelmValuesText[] = [];
    for (const dir of [`${root}${sep}values_overrides`, `${parent}${sep}values_overrides${sep}${chartName}`]) {
      const st = host.stat(dir);
      if (!('type' in st) || st.type !== 'directory') continue;
      const confine = dir.startsWith(root + sep) ? root : dir;
      const files: string[] = [];
      host.listFolder(dir, (f) => {
        if (/\.ya?ml$/.test(f) && files.length < MAX_OVERRIDES) files.push(f);
      });
      for (const f of files.sort()) {
        if (overrides.length >= MAX_OVERRIDES) break;
        const v = read(f, confine);
        if (v) overrides.push(v);
      }
    }
    // A subchart under `<parent>/charts/<folder>/`: the parent's Chart.yaml decides whether it renders.
    let parentTexts: HelmParentTexts | undefined;
    const chartsDir = parentOf(root);
    const parentRoot = chartsDir && /[\\/]charts$/.test(chartsDir) ? parentOf(chartsDir) : undefined;
    if (parentRoot) {
      const chart = read(`${parentRoot}${sep}Chart.yaml`, parentRoot);
      const relabel = (v: HelmValuesText | undefined) => v && { ...v, file: v.path.slice((parentOf(parentRoot) ?? '').length + 1).replace(/\\/g, '/') };
      if (chart) parentTexts = { chart: relabel(chart)!, values: relabel(read(`${parentRoot}${sep}values.yaml`, parentRoot)), folder: chartName };
    }
    if (!defaults && !overrides.length && !parentTexts) return undefined;
    let h: number | undefined;
    for (const v of [defaults, ...overrides, parentTexts?.chart, parentTexts?.values]) if (v) h = hashText(`${v.path}\0${v.text}\0`, h);
    return buildHelmChart(root, `${root}|${h}|${overrides.length}`, defaults, overrides, parentTexts, this.keepParse);
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
    const helmChartTemplate = this.host.isUnderChartTemplates(path);
    const helmChart = helmChartTemplate ? this.helmChartFor(path) : undefined;
    return analyzer.analyze(
      { path, text, languageId, helmChartTemplate, helmChart, indexOnly, hadolintConfig: () => this.host.repositoryFile?.(path, HADOLINT_CONFIG_NAMES) },
      this.configFor(path),
      this.context,
    );
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

  /**
   * Findings of an open document's current version; with a `baseline` configured, the findings it
   * records are shown at hint level (the rest keep their severity).
   */
  diagnostics(path: string): Finding[] {
    const list = this.analysis(path)?.findings ?? [];
    if (!list.length) return list;
    const b = this.baselineFor(path);
    if (!b) return list;
    const d = this.docs.get(path)!;
    const hit = this.demoted.get(list);
    if (hit && hit.baseline === b.baseline) return hit.list;
    const matcher = new BaselineMatcher(b.baseline);
    const prints = this.fingerprints(path, d.text, list, relativePath(b.dir, path), d.languageId);
    const out = list.map((f, i) => (matcher.take(prints[i]) ? { ...f, severity: 'hint' as const } : f));
    this.demoted.set(list, { baseline: b.baseline, list: out });
    return out;
  }

  private readonly demoted = new WeakMap<Finding[], { baseline: BaselineFile; list: Finding[] }>();
  private baselines = new Map<string, { baseline: BaselineFile; dir: string } | undefined>();

  /** The baseline file the configuration names for `path` (read once until `invalidate`), or undefined. */
  private baselineFor(path: string): { baseline: BaselineFile; dir: string } | undefined {
    const name = this.configFor(path).baseline;
    if (!name || !this.host.resolvePath) return undefined;
    let abs: string;
    try {
      abs = this.host.resolvePath(name, path);
    } catch {
      return undefined;
    }
    if (this.baselines.has(abs)) return this.baselines.get(abs);
    let entry: { baseline: BaselineFile; dir: string } | undefined;
    try {
      const r = parseBaseline(this.host.readFile(abs).text);
      if ('baseline' in r) entry = { baseline: r.baseline, dir: dirnameOf(abs) };
    } catch {
      entry = undefined;
    }
    this.baselines.set(abs, entry);
    return entry;
  }

  // ---- baselines (dockyard lint --baseline / --write-baseline / --prune-baseline) -------------

  /** The fingerprint of each finding of a file (`relPath`: the file as the baseline names it). */
  fingerprints(path: string, text: string, findings: readonly Finding[], relPath: string, languageId?: string): Fingerprint[] {
    if (!findings.length) return [];
    const kind = detectKind(path, text, languageId);
    const lines = new LineIndex(text);
    const src: FingerprintSource = { lines, text };
    if (kind === 'kubernetes' || kind === 'yaml') {
      // A parse of its own (cached documents are reused by text; nothing is added to the open files).
      const y = this.analyzer.yamlState(undefined, text, this.host.isUnderChartTemplates(path));
      src.yaml = { chunks: y.chunks, docs: y.states.map((s) => s.model) };
    } else if (kind === 'dockerfile') src.dockerfile = this.analyzer.dockerfileFor(path, text);
    return findings.map((f) => fingerprint(f, relPath, src));
  }

  /** A baseline recording every finding of a lint (paths relative to `baseDir`, the baseline's folder). */
  writeBaseline(files: readonly LintedFile[], baseDir: string): BaselineFile {
    const prints: Fingerprint[] = [];
    for (const f of files) prints.push(...this.fingerprints(f.path, f.text, f.findings, relativePath(baseDir, f.path)));
    return buildBaseline(prints);
  }

  /** A lint's findings against a baseline: the new ones, how many it absorbed, its stale entries. */
  compareBaseline(files: readonly LintedFile[], baseline: BaselineFile, baseDir: string): BaselineComparison {
    const matcher = new BaselineMatcher(baseline);
    let baselined = 0;
    const out: LintedFile[] = [];
    for (const f of files) {
      const prints = this.fingerprints(f.path, f.text, f.findings, relativePath(baseDir, f.path));
      const findings = f.findings.filter((_, i) => {
        const known = matcher.take(prints[i]);
        if (known) baselined++;
        return !known;
      });
      out.push({ ...f, findings });
    }
    return { files: out, baselined, stale: matcher.stale(), pruned: matcher.pruned() };
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
    // Values files are read again on each lint (they may have changed on disk).
    this.helmCharts.clear();
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
        if (pass === 0) this.lintFirstPass(files[i], texts, errors, opts.keepParses);
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
    // One target: the walk follows no symbolic link, so each path it yields is another file; with
    // several (overlapping folders, a file named twice) each file is counted once by its real path.
    const dedupe = targets.length > 1;
    const add = (p: string) => {
      if (dedupe) {
        let real = p;
        try {
          real = this.host.realPath(p);
        } catch {
          /* keep */
        }
        if (seen.has(real)) return;
        seen.add(real);
      }
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
  lintFirstPass(file: string, texts: Map<string, LintText>, errors: LintResult['errors'], keepParses = false): void {
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
    if (open) {
      this.analysis(file);
      return;
    }
    // Index only: cross-file rules would run against a partial index and be run again in pass 2
    // (rebuilding the index's lookup tables after every file made pass 1 quadratic).
    const a = this.analyzeText(file, r.text, undefined, this.analyzer, true);
    // Cross-file rules read only `kubernetes` files: any other file's findings are final (pass 2
    // would return the very findings cached now), and its parse need not live until pass 2 (kept
    // alive, the parses of a large lint were most of the garbage collector's work).
    if (a.kind !== 'kubernetes' && !keepParses) {
      texts.set(file, { ...r, final: { findings: a.findings, silenced: a.silenced } });
      this.analyzer.close(file);
    }
  }

  /** Lint pass 2 for one file: its findings with the whole index in place (cross-file rules). */
  lintSecondPass(file: string, texts: Map<string, LintText>, keepParses = false): LintedFile | undefined {
    const r = texts.get(file);
    if (!r) return undefined;
    const open = this.docs.get(file);
    const analysis = open ? this.analysis(file)! : (r.final ?? this.analyzeText(file, r.text));
    const findings = analysis.findings.slice();
    if (r.notUtf8 && !findings.some((x) => x.rule === 'binary-file')) {
      findings.unshift({ rule: 'file-encoding', severity: 'information', message: { id: 'core.file.notUtf8' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    }
    if (!open && !keepParses) this.analyzer.close(file); // keep the index entry, drop the parse
    return { path: file, text: r.text, notUtf8: r.notUtf8, bom: r.bom, findings, silenced: analysis.silenced?.length ? analysis.silenced : undefined };
  }

  /**
   * Files created, changed or deleted on disk (the editor's file watching): a file that is not open
   * is read again and its index entries replaced (a deleted or unreadable file's are dropped), so the
   * cross-file findings of open documents follow without a workspace lint (`staleDocuments()` then
   * names the documents to check again). An open file keeps the editor's text. Returns the paths
   * that hold Kubernetes objects (before or after) and the others.
   */
  refreshFiles(changes: readonly { path: string; deleted?: boolean }[]): { manifests: string[]; others: string[] } {
    const ws = this.analyzer.workspace;
    const holds = (p: string) => ws.has(p) && ws.get(p).length > 0;
    const manifests: string[] = [];
    const others: string[] = [];
    for (const c of changes) {
      const had = holds(c.path);
      if (!this.docs.has(c.path)) {
        let text: string | undefined;
        if (!c.deleted) {
          try {
            text = this.host.readFile(c.path).text;
          } catch {
            /* gone again or unreadable: drop its entries */
          }
        }
        if (text === undefined) this.analyzer.close(c.path, false);
        else {
          this.analyzeText(c.path, text);
          this.analyzer.close(c.path);
        }
      }
      (had || holds(c.path) ? manifests : others).push(c.path);
    }
    return { manifests, others };
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
    // Findings another extension shows (hidden from the published list) keep their fixes.
    const all = (a: FileAnalysis) => (a.hidden?.length ? [...a.findings, ...a.hidden] : a.findings);
    let list = findings ?? all(this.analyzeText(path, text));
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
      list = all(this.analyzeText(path, current, undefined, analyzer));
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
    const a = this.analysis(path);
    const r = this.fixText(path, d.text, opts, a?.hidden?.length ? [...a.findings, ...a.hidden] : a?.findings ?? [], this.scratch);
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
    // Findings another extension shows (Docker DX: BuildKit's checks) are not published, but their
    // quick fixes stay on offer at their ranges (no "ignore" action: the other extension's finding stays).
    for (const f of analysis.hidden ?? []) {
      if (!touches(f.range, range)) continue;
      (f.fixes ?? []).forEach((fix, i) => {
        if (fix.kind !== 'ignore') actions.push({ title: fix.title, kind: 'quickfix', edits: fix.edits, finding: f, preferred: i === 0, tier: fix.tier, hidden: true });
      });
    }
    return actions;
  }

  // ---- editor features -----------------------------------------------------------------------

  private featureContext(path: string): FeatureContext | undefined {
    const d = this.docs.get(path);
    if (!d) return undefined;
    // A file too large to analyse gets no features either: they would parse it (a hover on a
    // 1M-line, 33 MB Dockerfile took 20 s and 1.1 GB).
    if (sizeLimitExceeded(path, d.text, d.languageId) !== undefined) return undefined;
    return { path, text: d.text, languageId: d.languageId, config: this.configFor(path), analyzer: this.analyzer, lang: this.lang };
  }

  /** Markdown for the findings under the position (with their rule docs) and the feature hover. */
  hover(path: string, position: Position): { markdown: string; range?: Range } | undefined {
    const ctx = this.featureContext(path);
    if (!ctx) return undefined;
    const parts: string[] = [];
    // The finding's own message is not repeated: the editor shows it beside this hover (VS Code's
    // problem hover, Neovim's diagnostic float); the hover adds what the message does not say.
    const seen = new Set<string>();
    for (const f of this.diagnostics(path)) {
      if (!contains(f.range, position) || seen.has(f.rule)) continue;
      seen.add(f.rule);
      const meta = this.registry.meta(f.rule);
      if (meta) parts.push(ruleDocsMarkdown(meta, this.lang));
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

  /**
   * Every rule with what a tool or a migrating team needs (`dockyard rules`): id, category, default
   * severity, Pod Security level, fix tiers, the checks of other tools it corresponds to, summary.
   */
  ruleList(): RuleInfo[] {
    return this.registry.all().map((m) => ({
      id: m.id,
      category: m.category,
      defaultSeverity: m.defaultSeverity,
      ...(m.pss ? { pss: m.pss } : {}),
      fixTiers: [...(m.fixTiers ?? [])],
      equivalents: [...(m.equivalents ?? [])],
      summary: template(`rule.${m.id}.summary`, this.lang) ?? '',
      docs: docsUrl(m.id),
    }));
  }

  /** Markdown docs of a rule, or the list of rule ids when `id` is absent. */
  ruleDocs(id?: string): { rules: string[] } | { rule: string; markdown: string } | { rule: string; error: string } {
    if (!id) return { rules: this.registry.all().map((m) => m.id) };
    const meta = this.registry.meta(id);
    return meta ? { rule: id, markdown: ruleDocsMarkdown(meta, this.lang, false) } : { rule: id, error: t('core.ruleDocs.unknown', { rule: id }, this.lang) };
  }
}

/** `file` relative to the folder `dir`, with `/` separators (as is when it is not below `dir`). */
export function relativePath(dir: string, file: string): string {
  const norm = (p: string) => p.replace(/\\/g, '/');
  const d = norm(dir).replace(/\/+$/, '');
  const f = norm(file);
  return d && f.startsWith(d + '/') ? f.slice(d.length + 1) : f;
}

function dirnameOf(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i < 0 ? '' : p.slice(0, i);
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

/**
 * The chart folder of a template: the folder holding the nearest `templates` folder above the file
 * (`<chart>/templates/x.yaml`, `<chart>/templates/primary/x.yaml`, `<parent>/charts/<sub>/templates/x.yaml`).
 */
export function chartRootOf(p: string): string | undefined {
  let dir = parentOf(p);
  for (let guard = 0; dir && guard < 32; guard++) {
    const i = Math.max(dir.lastIndexOf('/'), dir.lastIndexOf('\\'));
    if (dir.slice(i + 1) === 'templates') return parentOf(dir);
    dir = parentOf(dir);
  }
  return undefined;
}

/** The folder of a path (`/` or `\\` separated); undefined at the top. */
function parentOf(p: string): string | undefined {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i <= 0 ? undefined : p.slice(0, i);
}
