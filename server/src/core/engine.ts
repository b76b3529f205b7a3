import { configKey, type DockyardConfig } from './config/config';
import { DockerfileModel } from './model/dockerfile';
import { detectKind, looksBinary, looksLikeHelmTemplate } from './model/detect';
import { maskHelm } from './model/helm';
import { detach, splitDocuments, splitDocumentsIncremental, getMap, getValue, scalarString, isMap, type YamlChunk, YamlDocModel } from './model/yaml';
import { ruleEnabled, RuleRegistry, type Report, type Rule, type RuleMeta } from './rules/registry';
import { parseSuppressions, SuppressionSet } from './suppress';
import { LineIndex } from './text';
import { comparePositions, shiftRange, SEVERITY_ORDER, type FileKind, type Finding, type Fix, type FixTier, type Severity } from './types';
import { TrackedWorkspace, WorkspaceIndex, type FactReads, type IndexedResource } from './workspace';
import { msg } from './messages/catalog';
import { summarizeResource } from './model/resources';
import { createProviders, type Providers } from './providers';

/**
 * The analyzer: text in, findings out. One parse per document version, cached and shared by every
 * rule. YAML files are cached per document (`---` chunk) by text, so an edit re-parses and re-checks
 * only the edited document; findings are cached per configuration. Pure: no editor, no LSP.
 */
export interface AnalyzeInput {
  path: string;
  text: string;
  languageId?: string;
  /** The host knows the file sits under a Helm chart's templates/ (a Chart.yaml above it). */
  helmChartTemplate?: boolean;
  /**
   * Pass 1 of a workspace lint: index the file and run the per-file rules, but not the cross-file
   * rules (the index is still incomplete; pass 2 runs them with every file known). Their findings
   * are then absent from the result.
   */
  indexOnly?: boolean;
}

export interface HostContext {
  /** Another extension that reports YAML syntax (Red Hat YAML) is active. */
  yamlSyntaxElsewhere?: boolean;
  /** Another extension that reports Dockerfile syntax (Container Tools / Docker DX) is active. */
  dockerfileSyntaxElsewhere?: boolean;
}

export interface FileAnalysis {
  kind: FileKind;
  findings: Finding[];
  /** Set for YAML files. */
  yaml?: YamlFileState;
  dockerfile?: DockerfileModel;
}

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/**
 * Dockerfiles cost more memory per byte than other files (dockerfile-ast keeps a Range and two
 * Positions per token; peak RSS is ~70-100 bytes per input byte for realistic files, ~210 for one
 * huge `&&` chain): 8 MB keeps the peak of the CLI and the server under a gigabyte.
 */
export const MAX_DOCKERFILE_BYTES = 8 * 1024 * 1024;

interface ChunkState {
  model: YamlDocModel;
  suppressions: SuppressionSet;
  findings?: { key: string; list: Finding[] };
  resource?: IndexedResource | null;
  /** `resource` placed in the file (path, document index, absolute range), reused while unchanged. */
  placed?: { index: number; startLine: number; path: string; entry: IndexedResource };
  /** The index entries of a List document's objects (chunk-relative), and placed in the file. */
  itemResources?: IndexedResource[];
  placedItems?: { index: number; startLine: number; path: string; entries: IndexedResource[] };
  /** `findings` shifted to the file line the document starts at (reused while it stays there). */
  shifted?: { source: Finding[]; line: number; list: Finding[] };
}

export interface YamlFileState {
  text: string;
  helm: boolean;
  chunks: YamlChunk[];
  states: ChunkState[];
  /** Cross-file findings, with the index facts they read (see workspace.ts). */
  fileFindings?: { key: string; list: Finding[]; reads: FactReads };
}

interface FileState {
  kind: FileKind;
  text: string;
  yaml?: YamlFileState;
  dockerfile?: { model: DockerfileModel; findings?: { key: string; list: Finding[] }; suppressions: SuppressionSet };
  textFindings?: { key: string; list: Finding[] };
}

export type RuleErrorLogger = (rule: string, path: string, error: unknown) => void;

export class Analyzer {
  readonly workspace: WorkspaceIndex;
  private readonly files = new Map<string, FileState>();
  private readonly failedRules = new Set<string>();
  private readonly views = new Map<string, { generation: number; view: TrackedWorkspace }>();

  /**
   * `providers`: the service's (schema store, loci data, CRD schemas and their caches), given to every
   * rule in its context; a fresh set (bundled data, no host files) when none is given.
   */
  constructor(
    readonly registry: RuleRegistry,
    private readonly logRuleError: RuleErrorLogger = () => undefined,
    readonly providers: Providers = createProviders(),
    workspace?: WorkspaceIndex,
  ) {
    this.workspace = workspace ?? new WorkspaceIndex();
  }

  /** Forget a document (on close). Keeps its workspace-index entry when `keepIndex`. */
  close(path: string, keepIndex = true): void {
    this.files.delete(path);
    this.views.delete(path);
    if (!keepIndex) this.workspace.delete(path);
  }

  /**
   * Drop cached findings (parses are kept): for data the configuration key does not capture, e.g.
   * a CRD schema file named by `kubernetes.crdSchemas` changed on disk.
   */
  invalidateFindings(): void {
    for (const f of this.files.values()) {
      if (f.yaml) {
        f.yaml.fileFindings = undefined;
        for (const cs of f.yaml.states) cs.findings = undefined;
      }
      if (f.dockerfile) f.dockerfile.findings = undefined;
      f.textFindings = undefined;
    }
  }

  /** The last configuration's cache key (a configuration object is reused for many files; stringifying it per file showed in profiles). */
  private lastKey?: { config: DockyardConfig; yaml?: boolean; dockerfile?: boolean; key: string };

  private keyOf(config: DockyardConfig, host: HostContext): string {
    const k = this.lastKey;
    if (k && k.config === config && k.yaml === host.yamlSyntaxElsewhere && k.dockerfile === host.dockerfileSyntaxElsewhere) return k.key;
    const key = configKey(config, `|${host.yamlSyntaxElsewhere ? 1 : 0}${host.dockerfileSyntaxElsewhere ? 1 : 0}`);
    this.lastKey = { config, yaml: host.yamlSyntaxElsewhere, dockerfile: host.dockerfileSyntaxElsewhere, key };
    return key;
  }

  cachedFiles(): number {
    return this.files.size;
  }

  /** How many times cross-file rules ran (a test hook: work scales with what changed). */
  crossFileRuns = 0;

  /**
   * Whether the cross-file findings cached for `path` read index facts that changed since (the file
   * must be analysed again to be current). False for files without such findings or not cached.
   */
  crossFileStale(path: string): boolean {
    const ff = this.files.get(path)?.yaml?.fileFindings;
    return !!ff && !this.workspace.current(ff.reads);
  }

  analyze(input: AnalyzeInput, config: DockyardConfig, host: HostContext = {}): FileAnalysis {
    const { path, text } = input;
    const tooLarge = (limit: number): FileAnalysis => ({
      kind: 'unknown',
      findings: [
        {
          // A warning: the file was not checked, so `--fail-on warning` must not read it as clean.
          rule: 'file-too-large',
          severity: 'warning',
          message: msg('core.file.tooLarge', { size: (text.length / 1048576).toFixed(1), limit: limit / 1048576 }),
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        },
      ],
    });
    if (text.length > MAX_FILE_BYTES) return tooLarge(MAX_FILE_BYTES);
    const kind = detectKind(path, text, input.languageId);
    if (kind === 'dockerfile' && text.length > MAX_DOCKERFILE_BYTES) return tooLarge(MAX_DOCKERFILE_BYTES);
    if (kind !== 'unknown' && looksBinary(text)) {
      return {
        kind: 'unknown',
        findings: [
          { rule: 'binary-file', severity: 'warning', message: msg('core.file.binary'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
        ],
      };
    }
    const key = this.keyOf(config, host);
    let state = this.files.get(path);
    if (!state || state.kind !== kind) {
      state = { kind, text: '' };
      this.files.set(path, state);
    }
    state.text = text;
    switch (kind) {
      case 'kubernetes':
      case 'yaml': {
        const y = this.yamlState(state, text, input.helmChartTemplate ?? false);
        const findings = this.analyzeYaml(path, kind, y, config, key, host, input.indexOnly ?? false);
        return { kind, findings, yaml: y };
      }
      case 'dockerfile': {
        if (!state.dockerfile || state.dockerfile.model.text !== text) {
          const model = new DockerfileModel(text);
          state.dockerfile = { model, suppressions: new SuppressionSet(parseSuppressions(model.lines), model.lines) };
        }
        const d = state.dockerfile;
        if (!d.findings || d.findings.key !== key) {
          d.findings = { key, list: this.runDockerfile(path, d.model, d.suppressions, config, host) };
        }
        return { kind, findings: d.findings.list, dockerfile: d.model };
      }
      case 'shell':
      case 'bindep': {
        if (!state.textFindings || state.textFindings.key !== key + text.length + hashText(text)) {
          state.textFindings = { key: key + text.length + hashText(text), list: this.runText(path, kind, text, config) };
        }
        return { kind, findings: state.textFindings.list };
      }
      default:
        return { kind, findings: [] };
    }
  }

  /**
   * The parsed YAML state for a text (reusing cached documents); used by hover and completion too.
   * Documents are matched with the previous version by position - counted from the start, and from
   * the end when documents were added or removed - and string equality, which costs a memcmp per
   * document instead of hashing the whole file: an edit re-parses only the edited document.
   */
  yamlState(state: FileState | undefined, text: string, helmChartTemplate = false): YamlFileState {
    const helm = looksLikeHelmTemplate(text, helmChartTemplate);
    const prev = state?.yaml;
    if (prev && prev.text === text && prev.helm === helm) return prev;
    const parsedText = helm ? maskHelm(text) : text;
    const same = prev && prev.helm === helm ? prev : undefined;
    // Only the edited region is split again (documents before and after it are taken over).
    const chunks = same && !helm ? splitDocumentsIncremental(same.text, same.chunks, text) : splitDocuments(parsedText);
    const states: ChunkState[] = [];
    const prevChunks = same ? same.chunks : [];
    const delta = chunks.length - prevChunks.length;
    const reuse = (j: number, c: YamlChunk, original: string): ChunkState | undefined => {
      if (j < 0 || j >= prevChunks.length || prevChunks[j].text !== c.text) return undefined;
      const cs = prev!.states[j];
      return cs.model.original === original ? cs : undefined;
    };
    for (let i = 0; i < chunks.length; i++) {
      const c = chunks[i];
      const original = helm ? text.slice(c.startOffset, c.startOffset + c.text.length) : c.text;
      let cs = reuse(i, c, original) ?? (delta !== 0 ? reuse(i - delta, c, original) : undefined);
      if (!cs) {
        // detach: a kept document must not keep this version of the whole file alive (see detach).
        const model = new YamlDocModel(c.text, helm, helm ? detach(original) : c.text);
        cs = { model, suppressions: new SuppressionSet(parseSuppressions(model.lines), model.lines, annotationIgnores(model)) };
      }
      states.push(cs);
    }
    const y: YamlFileState = { text, helm, chunks, states };
    if (state) state.yaml = y;
    return y;
  }

  /** Parse-only access for features (hover, completion) on an open document. */
  yamlFor(path: string, text: string): YamlFileState {
    let state = this.files.get(path);
    // The analysed state of this very text (whatever Helm flag the host gave analyze()).
    if (state?.yaml && state.yaml.text === text) return state.yaml;
    if (!state) {
      state = { kind: 'yaml', text };
      this.files.set(path, state);
    }
    return this.yamlState(state, text);
  }

  dockerfileFor(path: string, text: string): DockerfileModel {
    const state = this.files.get(path);
    if (state?.dockerfile?.model.text === text) return state.dockerfile.model;
    return new DockerfileModel(text);
  }

  private analyzeYaml(path: string, kind: FileKind, y: YamlFileState, config: DockyardConfig, key: string, host: HostContext, indexOnly: boolean): Finding[] {
    const out: Finding[] = [];
    const docRules = this.registry.of('yaml-document').filter((r) => this.active(r, config, host));
    const resources: IndexedResource[] = [];
    y.chunks.forEach((chunk, i) => {
      const cs = y.states[i];
      if (!cs.findings || cs.findings.key !== key) {
        cs.findings = { key, list: this.runYamlDoc(path, kind, chunk, cs, docRules, config, y.helm) };
      }
      // Shifted to file lines once per placement (an edit elsewhere reuses them).
      let shifted = cs.shifted;
      if (!shifted || shifted.source !== cs.findings.list || shifted.line !== chunk.startLine) {
        const line = chunk.startLine;
        shifted = cs.shifted = { source: cs.findings.list, line, list: cs.findings.list.map((f) => shiftFinding(f, line)) };
      }
      for (const f of shifted.list) out.push(f);
      if (cs.resource === undefined) cs.resource = summarizeResource(cs.model, path, i);
      if (cs.resource) {
        // The same entry object while the document, its place and its file are unchanged: the
        // index compares entries by identity first, so an edit elsewhere costs nothing here.
        let placed = cs.placed;
        if (!placed || placed.index !== i || placed.startLine !== chunk.startLine || placed.path !== path) {
          const r = cs.resource;
          const entry = r.docIndex === i && chunk.startLine === 0 && r.path === path ? r : { ...r, path, docIndex: i, range: shiftRange(r.range, chunk.startLine) };
          placed = cs.placed = { index: i, startLine: chunk.startLine, path, entry };
        }
        resources.push(placed.entry);
      }
      // The objects of a List document are indexed like documents of their own.
      if (cs.itemResources === undefined) {
        cs.itemResources = cs.model.listItems.flatMap((it) => {
          const r = summarizeResource(it, path, i);
          return r ? [{ ...r, item: it.listIndex }] : [];
        });
      }
      if (cs.itemResources.length) {
        let pi = cs.placedItems;
        if (!pi || pi.index !== i || pi.startLine !== chunk.startLine || pi.path !== path) {
          const entries = cs.itemResources.map((r) => ({ ...r, path, docIndex: i, range: shiftRange(r.range, chunk.startLine) }));
          pi = cs.placedItems = { index: i, startLine: chunk.startLine, path, entries };
        }
        resources.push(...pi.entries);
      }
    });
    this.workspace.set(path, resources);
    const fileRules = this.registry.of('yaml-file').filter((r) => this.active(r, config, host));
    if (fileRules.length && kind === 'kubernetes' && !indexOnly) {
      // Valid while the file's text, the configuration and every index fact the rules read are.
      const ff = y.fileFindings;
      if (!ff || ff.key !== key || !this.workspace.current(ff.reads)) {
        const list: Finding[] = [];
        // One view per file and index generation: rules that cache per workspace object (and the
        // tracked lookup tables) hit while nothing changed; its reads only grow within a generation.
        let v = this.views.get(path);
        if (!v || v.generation !== this.workspace.generation) this.views.set(path, (v = { generation: this.workspace.generation, view: new TrackedWorkspace(this.workspace) }));
        const view = v.view;
        const docs = y.chunks.flatMap((chunk, i) => [{ chunk, doc: y.states[i].model }, ...y.states[i].model.listItems.map((doc) => ({ chunk, doc }))]);
        this.crossFileRuns++;
        for (const rule of fileRules) {
          this.guard(rule, path, list, () =>
            rule.check({
              config,
              path,
              docs,
              text: y.text,
              workspace: view,
              providers: this.providers,
              report: (r) => {
                const f = this.toFinding(rule, r, config);
                if (!f) return;
                // Suppression: find the chunk the finding falls in.
                const ci = chunkIndexOfLine(y.chunks, f.range.start.line);
                const chunk = y.chunks[ci];
                if (y.states[ci].suppressions.suppresses(f.rule, f.range.start.line - chunk.startLine)) return;
                if (itemSuppresses(y.states[ci].model, y.states[ci].suppressions, f.rule, f.range.start.line - chunk.startLine)) return;
                list.push(f);
              },
            }),
          );
        }
        // A finding that points into another file depends on where that file's objects sit.
        for (const f of list) for (const r of f.related ?? []) if (r.path && r.path !== path) view.read(`ranges:${r.path}`);
        y.fileFindings = { key, list, reads: view.reads };
      }
      out.push(...y.fileFindings!.list);
    }
    return sortFindings(out);
  }

  private runYamlDoc(
    path: string,
    kind: FileKind,
    chunk: YamlChunk,
    cs: ChunkState,
    rules: Extract<Rule, { target: 'yaml-document' }>[],
    config: DockyardConfig,
    helm: boolean,
  ): Finding[] {
    const list: Finding[] = [];
    const isK8s = kind === 'kubernetes' && !!cs.model.k8s;
    // One context for all rules of the document (a context and two closures per rule and document
    // were the analysis's largest allocation: ~3.6 MB for a 300-document file).
    let current = rules[0];
    const ctx = {
      config,
      path,
      doc: cs.model,
      chunk,
      helm,
      providers: this.providers,
      report: (r: Report) => {
        const f = this.toFinding(current, r, config);
        if (f && !cs.suppressions.suppresses(f.rule, f.range.start.line)) list.push(f);
      },
    };
    for (const rule of rules) {
      if ((rule.kubernetesOnly ?? true) && !isK8s) continue;
      current = rule;
      try {
        rule.check(ctx);
      } catch (e) {
        list.push(this.failure(rule, path, e));
      }
    }
    // The objects of a List: the Kubernetes rules again, on each object (same text and offsets),
    // with the object's own `dockyard.io/ignore` annotation.
    if (isK8s) {
      for (const item of cs.model.listItems) {
        const supp = itemSuppressions(item, cs.suppressions);
        const itemCtx = {
          ...ctx,
          doc: item,
          report: (r: Report) => {
            const f = this.toFinding(current, r, config);
            if (f && !supp.suppresses(f.rule, f.range.start.line)) list.push(f);
          },
        };
        for (const rule of rules) {
          if (!(rule.kubernetesOnly ?? true)) continue;
          current = rule;
          try {
            rule.check(itemCtx);
          } catch (e) {
            list.push(this.failure(rule, path, e));
          }
        }
      }
    }
    this.suppressionProblems(cs.suppressions, config, list);
    return list;
  }

  private runDockerfile(path: string, model: DockerfileModel, supp: SuppressionSet, config: DockyardConfig, host: HostContext): Finding[] {
    const list: Finding[] = [];
    for (const rule of this.registry.of('dockerfile')) {
      if (!this.active(rule, config, host)) continue;
      this.guard(rule, path, list, () =>
        rule.check({
          config,
          path,
          model,
          workspace: this.workspace,
          providers: this.providers,
          report: (r) => {
            const f = this.toFinding(rule, r, config);
            if (f && !supp.suppresses(f.rule, instructionStartLine(model, f.range.start.line))) list.push(f);
          },
        }),
      );
    }
    this.suppressionProblems(supp, config, list);
    return sortFindings(list);
  }

  private runText(path: string, kind: 'shell' | 'bindep', text: string, config: DockyardConfig): Finding[] {
    const list: Finding[] = [];
    const lines = new LineIndex(text);
    const supp = new SuppressionSet(parseSuppressions(lines), lines);
    for (const rule of this.registry.of(kind)) {
      if (!ruleEnabled(rule, config)) continue;
      this.guard(rule, path, list, () =>
        rule.check({
          config,
          path,
          text,
          workspace: this.workspace,
          providers: this.providers,
          report: (r) => {
            const f = this.toFinding(rule, r, config);
            if (f && !supp.suppresses(f.rule, f.range.start.line)) list.push(f);
          },
        }),
      );
    }
    this.suppressionProblems(supp, config, list);
    return sortFindings(list);
  }

  /** Findings about the suppression comments themselves (missing reason, unknown rule id). */
  private suppressionProblems(supp: SuppressionSet, config: DockyardConfig, out: Finding[]): void {
    for (const p of supp.problems((id) => !!this.registry.meta(id))) {
      const meta = this.registry.meta(p.rule) ?? { id: p.rule, category: 'meta' as const, defaultSeverity: p.severity };
      const f = this.toFinding(meta, { range: p.range, message: p.message }, config);
      if (f) out.push(f);
    }
  }

  private active(rule: RuleMeta, config: DockyardConfig, host: HostContext): boolean {
    if (!ruleEnabled(rule, config)) return false;
    if (rule.generic === 'yaml') {
      const mode = config.coexistence.yamlSyntax;
      if (mode === 'never' || (mode === 'auto' && host.yamlSyntaxElsewhere)) return false;
    }
    if (rule.generic === 'dockerfile') {
      const mode = config.coexistence.dockerfileSyntax;
      if (mode === 'never' || (mode === 'auto' && host.dockerfileSyntaxElsewhere)) return false;
    }
    return true;
  }

  private toFinding(rule: RuleMeta, r: Report, config: DockyardConfig): Finding | undefined {
    const id = r.rule ?? rule.id;
    const override = config.rules[id];
    if (override === 'off') return undefined;
    const severity: Severity = override ?? r.severity ?? this.registry.meta(id)?.defaultSeverity ?? rule.defaultSeverity;
    const f: Finding = { rule: id, severity, message: r.message, range: r.range };
    const fixes = r.fixes;
    const tier = (this.registry.meta(id) ?? rule).fixTiers;
    if (typeof fixes === 'function') {
      // Built on first use (a code action, `dockyard fix`, JSON's `fixable`), not on every keystroke.
      // One shared getter for every finding (a getter per finding would give each its own hidden
      // class: V8 turns such objects into slow dictionaries, and every later read of a finding slows).
      setLazyFixes(f, () => withTiers(fixes(), tier), id, this.logRuleError);
    } else if (fixes?.length) f.fixes = withTiers(fixes, tier);
    if (r.related?.length) f.related = r.related;
    return f;
  }

  /**
   * Runs a rule; when it throws, the file gets a visible `internal-error` finding (error level: a
   * check that did not run must not read as "no problems") and the error is logged once per rule.
   */
  private guard(rule: RuleMeta, path: string, sink: Finding[], run: () => void): void {
    try {
      run();
    } catch (e) {
      sink.push(this.failure(rule, path, e));
    }
  }

  /** The `internal-error` finding of a rule that threw (logged once per rule). */
  private failure(rule: RuleMeta, path: string, e: unknown): Finding {
    this.ruleFailed(rule, path, e);
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);
    return { rule: 'internal-error', severity: 'error', message: msg('core.internalError', { rule: rule.id, reason }), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  }

  private ruleFailed(rule: RuleMeta, path: string, e: unknown): void {
    if (!this.failedRules.has(rule.id)) {
      this.failedRules.add(rule.id);
      this.logRuleError(rule.id, path, e);
    }
  }
}

/**
 * Every fix leaves the engine with its tier: the fix's own, else the rule's only declared tier, else
 * `review` (a fix nobody classified is never applied without a person choosing it).
 */
function withTiers(fixes: Fix[] | undefined, declared: readonly FixTier[] | undefined): Fix[] | undefined {
  if (!fixes) return fixes;
  const fallback: FixTier = declared?.length === 1 ? declared[0] : 'review';
  return fixes.map((x) => (x.tier || x.kind === 'ignore' ? x : { ...x, tier: fallback }));
}

interface LazyFixes {
  build?: () => Fix[] | undefined;
  rule: string;
  log: RuleErrorLogger;
  built?: Fix[];
}
/** The key of a finding's lazy-fix state: held by the finding itself (non-enumerable, so never serialised or copied). */
const LAZY: unique symbol = Symbol('dockyard.lazyFixes');
type WithLazy = Finding & { [LAZY]?: LazyFixes };

function setLazyFixes(f: Finding, build: () => Fix[] | undefined, rule: string, log: LazyFixes['log']): void {
  Object.defineProperty(f, LAZY, { value: { build, rule, log }, enumerable: false, writable: false, configurable: true });
  Object.defineProperty(f, 'fixes', LAZY_FIXES_PROPERTY);
}
function lazyOf(f: Finding): LazyFixes | undefined {
  return (f as WithLazy)[LAZY];
}
const LAZY_FIXES_PROPERTY: PropertyDescriptor = Object.freeze({
  configurable: true,
  enumerable: false,
  get(this: Finding): Fix[] | undefined {
    const lazy = lazyOf(this);
    if (!lazy) return undefined;
    const build = lazy.build;
    if (build) {
      lazy.build = undefined;
      try {
        const list = build();
        lazy.built = list?.length ? list : undefined;
      } catch (e) {
        lazy.log(lazy.rule, '', e);
      }
    }
    return lazy.built;
  },
});

function annotationIgnores(model: YamlDocModel): string[] {
  const root = model.contents;
  if (!isMap(root)) return [];
  const ann = getMap(getMap(root, 'metadata'), 'annotations');
  const v = ann ? scalarString(getValue(ann, 'dockyard.io/ignore')) : undefined;
  return v ? v.split(/[\s,]+/).filter(Boolean) : [];
}

/** The suppressions of an object inside a List: the document's, plus the object's annotation. */
function itemSuppressions(item: YamlDocModel, doc: SuppressionSet): SuppressionSet {
  return item.memoize('engine:suppressions', () => new SuppressionSet(doc.list, item.lines, [...doc.annotationRules, ...annotationIgnores(item)]));
}

/** A finding at `line` (chunk-relative) inside an object of a List that the object's annotation suppresses. */
function itemSuppresses(model: YamlDocModel, doc: SuppressionSet, rule: string, line: number): boolean {
  for (const item of model.listItems) {
    const r = item.contents!.range;
    const first = item.lines.positionAt(r[0]).line;
    const last = item.lines.positionAt(r[1]).line;
    if (line >= first && line <= last) return itemSuppressions(item, doc).suppresses(rule, line);
  }
  return false;
}

function chunkIndexOfLine(chunks: YamlChunk[], line: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chunks[mid].startLine <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The first line of the Dockerfile instruction that contains `line` (for suppressions). */
export function instructionStartLine(model: DockerfileModel, line: number): number {
  // [startLine, endLine] of every instruction in order, once per document version: binary search.
  const spans = model.memoize('engine:instructionLines', () =>
    model.instructions.map((ins) => {
      const r = ins.getRange();
      return [r.start.line, r.end.line] as const;
    }),
  );
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = spans[mid];
    if (line < s) hi = mid - 1;
    else if (line > e) lo = mid + 1;
    else return s;
  }
  return line;
}

export function shiftFinding(f: Finding, lines: number): Finding {
  if (lines === 0) return f;
  const out: Finding = { ...f, range: shiftRange(f.range, lines) };
  if (f.related) out.related = f.related.map((r) => (r.path ? r : { ...r, range: shiftRange(r.range, lines) }));
  // Lazy fixes stay lazy: shifting must not build every finding's fix on every analysis.
  const lazy = lazyOf(f);
  if (lazy) setLazyFixes(out, () => f.fixes?.map((x) => shiftFix(x, lines)), lazy.rule, lazy.log);
  else if (f.fixes) out.fixes = f.fixes.map((x) => shiftFix(x, lines));
  return out;
}

function shiftFix(x: Fix, lines: number): Fix {
  return { ...x, edits: x.edits.map((e) => ({ range: shiftRange(e.range, lines), newText: e.newText })) };
}

export function sortFindings(list: Finding[]): Finding[] {
  return list.sort(
    (a, b) =>
      comparePositions(a.range.start, b.range.start) ||
      comparePositions(a.range.end, b.range.end) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

function hashText(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
