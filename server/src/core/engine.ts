import { hashText } from './util/strings';
import { configKey, type DockyardConfig } from './config/config';
import { BoundedCache } from './util/bounded-cache';
import { DockerfileModel } from './model/dockerfile';
import { detectKind, looksBinary, looksLikeHelmTemplate } from './model/detect';
import { MASK, maskActions, maskHelm, showMasked } from './model/helm';
import type { HelmChart } from './model/helm-chart';
import { helmDocument, MAX_VARIANTS, scanTemplate, type Branch, type HelmDocInfo, type TemplateStructure } from './model/helm-template';
import { annotateHelmFinding, capabilitiesFor, editsSubstitution } from './kubernetes/helm-conditions';
import { schemaStore, selectedVersion } from './kubernetes/schema';
import { detach, splitDocuments, splitDocumentsIncremental, getMap, getValue, scalarString, isMap, type YamlChunk, YamlDocModel } from './model/yaml';
import { ruleEnabled, RuleRegistry, type Report, type Rule, type RuleMeta } from './rules/registry';
import { annotationSuppressions, parseHadolintConfig, parseHadolintPragmas, parseSuppressions, SuppressionSet, type Suppression } from './suppress';
import { LineIndex } from './text';
import { comparePositions, shiftRange, SEVERITY_ORDER, type FileKind, type Finding, type Fix, type FixTier, type Severity } from './types';
import { TrackedWorkspace, WorkspaceIndex, type FactReads, type IndexedResource } from './workspace';
import { msg } from './messages/catalog';
import { summarizeResource } from './model/resources';
import { baseDocumentOf, generatedNames, isKustomizationPath, patchContextOf, type KObject } from './kubernetes/kustomize';
import { strategicMerge, toPatchOffsets } from './kubernetes/strategic-merge';
import { workspaceCrdRevision, workspaceCrdSchemaFor } from './kubernetes/crd';
import type { WorkspaceCrdLookup } from './kubernetes/check';
import { createProviders, type Providers } from './providers';
import { YamlParseCache } from './model/parse-cache';
import type { ParsedYaml, Reader } from './model/ynode';

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
   * The repository's hadolint configuration that applies to a Dockerfile (its `ignored:` list is
   * honoured); asked for Dockerfiles only.
   */
  hadolintConfig?: () => { path: string; text: string } | undefined;
  /** The values of the chart the template belongs to (read by the host). */
  helmChart?: HelmChart;
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
  /** Docker DX is installed: it shows BuildKit's build checks (see `coexistence.buildkitChecks`). */
  buildkitChecksElsewhere?: boolean;
}

/** A finding a suppression silenced, and which (for `dockyard lint --explain-suppressions`). */
export interface SilencedFinding {
  finding: Finding;
  by: Suppression;
}

export interface FileAnalysis {
  kind: FileKind;
  findings: Finding[];
  /** Findings silenced by a suppression, with the suppression. */
  silenced?: SilencedFinding[];
  /**
   * Findings not published because another extension shows the same check (Docker DX and BuildKit's
   * checks): their quick fixes are still offered at their ranges.
   */
  hidden?: Finding[];
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

/** The size limit a text is over (then it is not analysed: `file-too-large`), or undefined. */
export function sizeLimitExceeded(path: string, text: string, languageId?: string): number | undefined {
  if (text.length > MAX_FILE_BYTES) return MAX_FILE_BYTES;
  if (text.length > MAX_DOCKERFILE_BYTES && detectKind(path, text, languageId) === 'dockerfile') return MAX_DOCKERFILE_BYTES;
  return undefined;
}

interface ChunkState {
  model: YamlDocModel;
  suppressions: SuppressionSet;
  findings?: { key: string; list: Finding[]; silenced: SilencedFinding[] };
  resource?: IndexedResource | null;
  /** `resource` placed in the file (path, document index, absolute range), reused while unchanged. */
  placed?: { index: number; startLine: number; path: string; entry: IndexedResource };
  /** The index entries of a List document's objects (chunk-relative), and placed in the file. */
  itemResources?: IndexedResource[];
  placedItems?: { index: number; startLine: number; path: string; entries: IndexedResource[] };
  /** `findings` shifted to the file line the document starts at (reused while it stays there). */
  shifted?: { source: Finding[]; line: number; list: Finding[]; silenced: SilencedFinding[] };
  /** A Helm template's document: its branches and the models of its other variants (see helm-template.ts). */
  /**
   * A template's other variants (`info.variants[1..]`), parsed when first checked (only the
   * Kubernetes objects of `kubernetes` files are: see helmVariants); undefined where the variant's
   * masked text is that of the default or of an earlier variant (its findings would all be repeats).
   */
  helm?: { info: HelmDocInfo; signature: string; variants?: (YamlDocModel | undefined)[] };
}

export interface YamlFileState {
  text: string;
  helm: boolean;
  /** The chart whose values decided the Helm branches (undefined: none known). */
  chart?: HelmChart;
  template?: TemplateStructure;
  chunks: YamlChunk[];
  states: ChunkState[];
  /** Cross-file findings, with the index facts they read (see workspace.ts). */
  fileFindings?: { key: string; list: Finding[]; silenced: SilencedFinding[]; reads: FactReads };
  /** The workspace CRD facts the documents' schema checks read (custom resources, kubernetes/crd.ts). */
  crdReads?: FactReads;
}

interface FileState {
  kind: FileKind;
  text: string;
  yaml?: YamlFileState;
  dockerfile?: { model: DockerfileModel; findings?: { key: string; list: Finding[]; silenced: SilencedFinding[]; hidden: Finding[] }; suppressions: SuppressionSet };
  textFindings?: { key: string; list: Finding[]; silenced: SilencedFinding[] };
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
    this.workspaceCrd = (apiVersion, kind) => workspaceCrdSchemaFor(this.workspace, apiVersion, kind);
  }

  /** CustomResourceDefinitions of this analyzer's index as schemas (the document rules' `workspaceCrd`). */
  private readonly workspaceCrd: WorkspaceCrdLookup;

  /**
   * Parses of texts another reader asked for first (a chart's values files, read for the chart before
   * they are linted): a document whose text is there is not parsed again (see parse-cache.ts). The
   * documents of a lint only look; the host's chart reading keeps its parses here.
   */
  readonly parses = new YamlParseCache();
  private readonly parseDocument = (text: string, reader: Reader | undefined): ParsedYaml => this.parses.parse(text, reader, false);

  /**
   * Documents the editor closed, by path, bounded by an estimate of their memory (text, parse and
   * findings: ~64 bytes per character, measured on the bench's 10k-line manifest). An editor that
   * re-opens a file (a tab closed and opened again, a changed language mode, a peek, a file changed
   * on disk while closed: a branch switch, a pull, a formatter) gets back the parse and findings of
   * every `---` document whose text is unchanged — the same per-document reuse as an edit of an open
   * file (see yamlState); a Dockerfile or script is reused only with the same text. Everything in a
   * state is keyed by its text, configuration and index facts, so reuse gives the same findings as a
   * new analysis.
   */
  private readonly recentlyClosed = new BoundedCache<string, FileState>({ maxBytes: 48 * 1024 * 1024, maxEntries: 8 });

  /**
   * Forget a document (on close). Keeps its workspace-index entry when `keepIndex`; `keepRecent` (an
   * editor's close, not a lint's) keeps its state among the recently closed documents.
   */
  close(path: string, keepIndex = true, keepRecent = false): void {
    const state = this.files.get(path);
    this.files.delete(path);
    this.views.delete(path);
    if (!keepIndex) this.workspace.delete(path);
    if (keepRecent && state) this.recentlyClosed.set(path, state, 64 * state.text.length + 4096);
    else this.recentlyClosed.delete(path);
  }

  /**
   * Drop cached findings (parses are kept): for data the configuration key does not capture, e.g.
   * a CRD schema file named by `kubernetes.crdSchemas` changed on disk.
   */
  invalidateFindings(): void {
    this.recentlyClosed.clear();
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
  private lastKey?: { config: DockyardConfig; yaml?: boolean; dockerfile?: boolean; buildkit?: boolean; key: string };

  private keyOf(config: DockyardConfig, host: HostContext): string {
    const k = this.lastKey;
    if (k && k.config === config && k.yaml === host.yamlSyntaxElsewhere && k.dockerfile === host.dockerfileSyntaxElsewhere && k.buildkit === host.buildkitChecksElsewhere) return k.key;
    const key = configKey(config, `|${host.yamlSyntaxElsewhere ? 1 : 0}${host.dockerfileSyntaxElsewhere ? 1 : 0}${host.buildkitChecksElsewhere ? 1 : 0}`);
    this.lastKey = { config, yaml: host.yamlSyntaxElsewhere, dockerfile: host.dockerfileSyntaxElsewhere, buildkit: host.buildkitChecksElsewhere, key };
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
    const y = this.files.get(path)?.yaml;
    const ff = y?.fileFindings;
    return (!!ff && !this.workspace.current(ff.reads)) || (!!y?.crdReads && !this.workspace.current(y.crdReads));
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
    const limit = sizeLimitExceeded(path, text, input.languageId);
    if (limit !== undefined) return tooLarge(limit);
    const kind = detectKind(path, text, input.languageId);
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
    if (!state) {
      const closed = this.recentlyClosed.get(path);
      this.recentlyClosed.delete(path);
      // Any text: its unchanged documents are reused (the kind check below drops another kind's state).
      if (closed) this.files.set(path, (state = closed));
    }
    if (!state || state.kind !== kind) {
      state = { kind, text: '' };
      this.files.set(path, state);
    }
    state.text = text;
    switch (kind) {
      case 'kubernetes':
      case 'yaml': {
        const y = this.yamlState(state, text, input.helmChartTemplate ?? false, input.helmChart);
        const silenced: SilencedFinding[] = [];
        const findings = this.analyzeYaml(path, kind, y, config, key, host, silenced, input.indexOnly ?? false);
        return { kind, findings, silenced, yaml: y };
      }
      case 'dockerfile': {
        if (!state.dockerfile || state.dockerfile.model.text !== text) {
          const model = new DockerfileModel(text);
          const list = [...parseSuppressions(model.lines), ...parseHadolintPragmas(model.lines, this.registry.equivalents(), (line) => stageEndLine(model, line))];
          state.dockerfile = { model, suppressions: new SuppressionSet(list, model.lines) };
        }
        const d = state.dockerfile;
        const hc = input.hadolintConfig?.();
        const dkey = hc ? `${key}|h:${hc.path}:${hc.text.length}:${hashText(hc.text)}` : key;
        if (!d.findings || d.findings.key !== dkey) {
          const supp = hc ? d.suppressions.with(this.hadolintConfig(hc)) : d.suppressions;
          d.findings = { key: dkey, ...this.runDockerfile(path, d.model, supp, config, host) };
        }
        return { kind, findings: d.findings.list, silenced: d.findings.silenced, hidden: d.findings.hidden, dockerfile: d.model };
      }
      case 'shell':
      case 'bindep': {
        if (!state.textFindings || state.textFindings.key !== key + text.length + hashText(text)) {
          state.textFindings = { key: key + text.length + hashText(text), ...this.runText(path, kind, text, config) };
        }
        return { kind, findings: state.textFindings.list, silenced: state.textFindings.silenced };
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
  yamlState(state: FileState | undefined, text: string, helmChartTemplate = false, chart?: HelmChart): YamlFileState {
    const helm = looksLikeHelmTemplate(text, helmChartTemplate);
    const prev = state?.yaml;
    if (prev && prev.text === text && prev.helm === helm && prev.chart?.key === chart?.key) return prev;
    // The actions masked once, for the YAML text and the template's structure.
    const actions = helm ? maskActions(text) : undefined;
    const parsedText = helm ? maskHelm(text, actions) : text;
    const same = prev && prev.helm === helm && prev.chart?.key === chart?.key ? prev : undefined;
    const template = helm ? scanTemplate(text, actions) : undefined;
    // Only the edited region is split again (documents before and after it are taken over).
    const chunks = same && !helm ? splitDocumentsIncremental(same.text, same.chunks, text) : splitDocuments(parsedText);
    const states: ChunkState[] = [];
    const prevChunks = same ? same.chunks : [];
    const delta = chunks.length - prevChunks.length;
    const reuse = (j: number, c: YamlChunk, original: string, signature: string | undefined): ChunkState | undefined => {
      if (j < 0 || j >= prevChunks.length || prevChunks[j].text !== c.text) return undefined;
      const cs = prev!.states[j];
      return cs.model.original === original && cs.helm?.signature === signature ? cs : undefined;
    };
    for (let i = 0; i < chunks.length; i++) {
      const c = chunks[i];
      const original = helm ? text.slice(c.startOffset, c.startOffset + c.text.length) : c.text;
      // A template's document: one variant per alternative branch (see helm-template.ts).
      const info = template ? helmDocument(template, text, c.startOffset, c.startOffset + c.text.length, chart?.defaults?.value) : undefined;
      const signature = info ? helmSignature(info) : undefined;
      let cs = reuse(i, c, original, signature) ?? (delta !== 0 ? reuse(i - delta, c, original, signature) : undefined);
      if (!cs) {
        // detach: a kept document must not keep this version of the whole file alive (see detach).
        const kept = helm ? detach(original) : c.text;
        // A default variant that changed nothing is the document itself: its masked text is the
        // chunk's (masking works line by line and no action crosses a document start), unless the
        // text holds the mask character itself.
        const first = info && (info.variants[0].text !== original || original.includes(MASK)) ? maskHelm(info.variants[0].text) : c.text;
        const model = new YamlDocModel(first, helm, kept, undefined, undefined, this.parseDocument);
        cs = { model, suppressions: new SuppressionSet(parseSuppressions(model.lines), model.lines, annotationSuppressions(model, this.registry.equivalents())) };
        if (info && signature !== undefined) cs.helm = { info, signature };
      }
      states.push(cs);
    }
    const y: YamlFileState = { text, helm, chunks, states, chart, template };
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

  private analyzeYaml(path: string, kind: FileKind, y: YamlFileState, config: DockyardConfig, key: string, host: HostContext, silenced: SilencedFinding[], indexOnly: boolean): Finding[] {
    const out: Finding[] = [];
    const docRules = this.registry.of('yaml-document').filter((r) => this.active(r, config, host));
    const resources: IndexedResource[] = [];
    // A strategic-merge patch file of a kustomization in its folder (read through the host's files).
    const patch = kind === 'kubernetes' && !y.helm ? patchContextOf(this.providers, path) : undefined;
    const docKey = patch ? `${key}|patch:${patch.kustomization}` : key;
    let crdReads: FactReads | undefined;
    y.chunks.forEach((chunk, i) => {
      const cs = y.states[i];
      // A custom resource's findings depend on the workspace CRD of its kind (its fact revision).
      const id = kind === 'kubernetes' ? cs.model.k8s : null;
      const crd = id ? workspaceCrdRevision(this.workspace, id.apiVersion, id.kind) : undefined;
      if (crd) (crdReads ??= new Map()).set(crd.key, crd.revision);
      const chunkKey = crd ? `${docKey}|${crd.key}@${crd.revision}` : docKey;
      if (!cs.findings || cs.findings.key !== chunkKey) {
        cs.findings = { key: chunkKey, ...this.runYamlDoc(path, kind, chunk, cs, docRules, config, y.helm, patch?.objects, y.chart) };
      }
      // Shifted to file lines once per placement (an edit elsewhere reuses them).
      let shifted = cs.shifted;
      if (!shifted || shifted.source !== cs.findings.list || shifted.line !== chunk.startLine) {
        const line = chunk.startLine;
        shifted = cs.shifted = { source: cs.findings.list, line, list: cs.findings.list.map((f) => shiftFinding(f, line)), silenced: cs.findings.silenced.map((x) => shiftSilenced(x, line)) };
      }
      for (const f of shifted.list) out.push(f);
      for (const x of shifted.silenced) silenced.push(x);
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
        // A patch's object is the base's object, not another one (duplicate-resource reads this fact).
        resources.push(patch ? { ...placed.entry, data: { ...(placed.entry.data ?? {}), kustomizePatch: true } } : placed.entry);
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
    // A kustomization's generated ConfigMaps/Secrets, under every name they carry (missing-reference reads them).
    if (isKustomizationPath(path) && y.states.length && !y.helm) {
      const model = y.states[0].model;
      for (const g of generatedNames(this.providers, path, model.contents)) {
        resources.push({ path, docIndex: 0, apiVersion: 'v1', kind: g.kind, name: g.name, range: shiftRange(model.rangeOf(g.node), y.chunks[0].startLine), data: { kustomizeGenerated: true } });
      }
    }
    this.workspace.set(path, resources);
    y.crdReads = crdReads;
    const fileRules = this.registry.of('yaml-file').filter((r) => this.active(r, config, host));
    if (fileRules.length && kind === 'kubernetes' && !indexOnly) {
      // Valid while the file's text, the configuration and every index fact the rules read are.
      const ff = y.fileFindings;
      if (!ff || ff.key !== key || !this.workspace.current(ff.reads)) {
        const list: Finding[] = [];
        const fileSilenced: SilencedFinding[] = [];
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
              // A kustomize patch's documents are partial: the file-level security rules leave them out.
              docs: patch && rule.category === 'security' ? [] : docs,
              text: y.text,
              workspace: view,
              providers: this.providers,
              report: (r) => {
                const f = this.toFinding(rule, r, config);
                if (!f) return;
                // Suppression: find the chunk the finding falls in.
                const ci = chunkIndexOfLine(y.chunks, f.range.start.line);
                const chunk = y.chunks[ci];
                const line = f.range.start.line - chunk.startLine;
                const by = y.states[ci].suppressions.suppressedBy(f.rule, line) ?? itemSuppressedBy(y.states[ci].model, y.states[ci].suppressions, f.rule, line, this.registry);
                if (by) {
                  fileSilenced.push({ finding: f, by: by.file ? by : shiftSuppression(by, chunk.startLine) });
                  return;
                }
                const h = y.states[ci].helm;
                if (h) {
                  // A template's document: the conditions it renders under (document-relative lines).
                  const context = { info: h.info, chart: y.chart, caps: capabilitiesFor(config, this.providers), selectedVersion: selectedVersion(config, schemaStore(this.providers)), doc: y.states[ci].model };
                  const local = shiftFinding(f, -chunk.startLine);
                  list.push(withFixesOf(f, shiftFinding(annotateHelmFinding(local, context, []), chunk.startLine)));
                  return;
                }
                list.push(f);
              },
            }),
          );
        }
        // A finding that points into another file depends on where that file's objects sit.
        for (const f of list) for (const r of f.related ?? []) if (r.path && r.path !== path) view.read(`ranges:${r.path}`);
        y.fileFindings = { key, list, silenced: fileSilenced, reads: view.reads };
      }
      out.push(...y.fileFindings!.list);
      silenced.push(...y.fileFindings!.silenced);
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
    patchOf?: KObject[],
    chart?: HelmChart,
  ): { list: Finding[]; silenced: SilencedFinding[] } {
    const list: Finding[] = [];
    const silenced: SilencedFinding[] = [];
    const isK8s = kind === 'kubernetes' && !!cs.model.k8s;
    if (patchOf && isK8s) {
      // A kustomize patch is partial by design: no required-field check; the security rules judge
      // the object it patches merged with it (placed back on the patch's own keys and values).
      this.runMergedSecurity(path, chunk, cs, rules.filter((r) => r.category === 'security'), config, patchOf, list, silenced);
      rules = rules.filter((r) => r.category !== 'security' && r.id !== 'schema-required');
    }
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
      workspaceCrd: this.workspaceCrd,
      report: (r: Report) => {
        const f = this.toFinding(current, r, config);
        if (f) keepOrSilence(f, cs.suppressions.suppressedBy(f.rule, f.range.start.line), list, silenced);
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
        const supp = itemSuppressions(item, cs.suppressions, this.registry);
        const itemCtx = {
          ...ctx,
          doc: item,
          report: (r: Report) => {
            const f = this.toFinding(current, r, config);
            if (f) keepOrSilence(f, supp.suppressedBy(f.rule, f.range.start.line), list, silenced);
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
    if (cs.helm) return { list: this.helmVariants(path, kind, chunk, cs, cs.helm, rules, config, helm, chart, list), silenced };
    this.suppressionProblems(cs.suppressions, config, list);
    if (isK8s) {
      for (const item of cs.model.listItems) {
        const own = itemOwnAnnotations(item, this.registry);
        if (own.length) this.suppressionProblems(new SuppressionSet([], item.lines, own), config, list);
      }
    }
    return { list, silenced };
  }

  /** The security rules on the patched object (base merged with this patch document); see kubernetes/strategic-merge.ts. */
  private runMergedSecurity(
    path: string,
    chunk: YamlChunk,
    cs: ChunkState,
    rules: Extract<Rule, { target: 'yaml-document' }>[],
    config: DockyardConfig,
    objects: KObject[],
    list: Finding[],
    silenced: SilencedFinding[],
  ): void {
    const id = cs.model.k8s!;
    const baseDoc = baseDocumentOf(this.providers, objects, id.kind, id.name, id.namespace);
    if (!baseDoc || !rules.length) return;
    const merged = strategicMerge(baseDoc.contents, cs.model.contents);
    const mdoc = new YamlDocModel(merged.text);
    const run = (doc: YamlDocModel, sink: (r: Report, rule: Rule) => void) => {
      for (const rule of rules) {
        try {
          rule.check({ config, path, doc, chunk: { index: chunk.index, startLine: 0, startOffset: 0, text: doc.text }, helm: false, providers: this.providers, workspaceCrd: this.workspaceCrd, report: (r: Report) => sink(r, rule) });
        } catch (e) {
          list.push(this.failure(rule, path, e));
        }
      }
    };
    // What the base reports on its own is its file's finding, not the patch's.
    const known = new Map<string, number>();
    run(baseDoc, (r, rule) => {
      const k = `${r.rule ?? rule.id}\n${JSON.stringify(r.message)}`;
      known.set(k, (known.get(k) ?? 0) + 1);
    });
    run(mdoc, (r, rule) => {
      const k = `${r.rule ?? rule.id}\n${JSON.stringify(r.message)}`;
      const n = known.get(k) ?? 0;
      if (n > 0) {
        known.set(k, n - 1);
        return;
      }
      const at = toPatchOffsets(merged, mdoc.lines.offsetAt(r.range.start), mdoc.lines.offsetAt(r.range.end));
      if (!at) return;
      const f = this.toFinding(rule, { range: cs.model.lines.rangeOf(at.start, at.end), message: r.message, rule: r.rule, severity: r.severity }, config);
      if (f) keepOrSilence(f, cs.suppressions.suppressedBy(f.rule, f.range.start.line), list, silenced);
    });
  }

  /** The models of a document's other variants (`model`: the default variant's). */
  private variantModels(info: HelmDocInfo, model: YamlDocModel): (YamlDocModel | undefined)[] {
    const texts = new Set([model.text]);
    return info.variants.slice(1).map((v) => {
      const t = maskHelm(v.text);
      if (texts.has(t)) return undefined;
      texts.add(t);
      return new YamlDocModel(t, true, model.original, undefined, undefined, this.parseDocument);
    });
  }

  /**
   * A Helm template's document: the rules again on each other variant (another branch of its
   * chains of alternatives); findings the default variant has already are not repeated. Every
   * finding then names the conditions it renders under (see kubernetes/helm-conditions.ts).
   */
  private helmVariants(
    path: string,
    kind: FileKind,
    chunk: YamlChunk,
    cs: ChunkState,
    h: NonNullable<ChunkState['helm']>,
    rules: Extract<Rule, { target: 'yaml-document' }>[],
    config: DockyardConfig,
    helm: boolean,
    chart: HelmChart | undefined,
    list: Finding[],
  ): Finding[] {
    const context = { info: h.info, chart, caps: capabilitiesFor(config, this.providers), selectedVersion: selectedVersion(config, schemaStore(this.providers)) };
    const seen = new Set(list.map(findingKey));
    const keep = (fix: Fix) => fix.kind === 'ignore' || !fix.edits.some((e) => editsSubstitution(cs.model, h.info, e.range));
    const out = list.map((f) => (f.rule === 'internal-error' ? f : withFixesOf(f, annotateHelmFinding(f, { ...context, doc: cs.model }, []), keep)));
    if (kind === 'kubernetes') h.variants ??= this.variantModels(h.info, cs.model);
    h.variants?.forEach((doc, i) => {
      if (!(kind === 'kubernetes' && doc?.k8s)) return;
      const deviations: Branch[] = h.info.variants[i + 1].deviations;
      const found: Finding[] = [];
      let current = rules[0];
      const ctx = {
        config,
        path,
        doc,
        chunk,
        helm,
        providers: this.providers,
        workspaceCrd: this.workspaceCrd,
        report: (r: Report) => {
          const f = this.toFinding(current, r, config);
          if (f && !cs.suppressions.suppresses(f.rule, f.range.start.line)) found.push(f);
        },
      };
      for (const rule of rules) {
        // Rules about the YAML text itself (syntax, duplicate keys) ran on the default variant.
        if (!(rule.kubernetesOnly ?? true)) continue;
        current = rule;
        try {
          rule.check(ctx);
        } catch (e) {
          found.push(this.failure(rule, path, e));
        }
      }
      for (const f of found) {
        const key = findingKey(f);
        if (seen.has(key)) continue;
        seen.add(key);
        // Another variant's fixes are computed on a text with other branches blanked: only the
        // suppression comment is offered there.
        out.push(f.rule === 'internal-error' ? f : withFixesOf(f, annotateHelmFinding(f, { ...context, doc }, deviations), (fix) => fix.kind === 'ignore'));
      }
    });
    // Alternatives beyond MAX_VARIANTS were not analysed: said, never read as "no problems".
    if (h.info.truncated && !cs.suppressions.suppresses('analysis-incomplete', 0)) {
      const f = this.toFinding(
        this.registry.meta('analysis-incomplete')!,
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: msg('rule.analysis-incomplete.helmVariants', { limit: MAX_VARIANTS }), severity: 'information' },
        config,
      );
      if (f) out.push(f);
    }
    this.suppressionProblems(cs.suppressions, config, out);
    return out;
  }

  /** The suppressions of a `.hadolint.yaml` (parsed once per text). */
  private hadolintConfig(hc: { path: string; text: string }): Suppression[] {
    const hit = this.hadolintConfigs.get(hc.path);
    if (hit && hit.text === hc.text) return hit.list;
    const list = parseHadolintConfig(hc.path, hc.text, this.registry.equivalents());
    this.hadolintConfigs.set(hc.path, { text: hc.text, list });
    return list;
  }
  private readonly hadolintConfigs = new Map<string, { text: string; list: Suppression[] }>();

  private runDockerfile(path: string, model: DockerfileModel, supp: SuppressionSet, config: DockyardConfig, host: HostContext): { list: Finding[]; silenced: SilencedFinding[]; hidden: Finding[] } {
    const list: Finding[] = [];
    const silenced: SilencedFinding[] = [];
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
            if (f) keepOrSilence(f, supp.suppressedBy(f.rule, instructionStartLine(model, f.range.start.line)), list, silenced);
          },
        }),
      );
    }
    this.suppressionProblems(supp, config, list);
    // Docker DX shows BuildKit's checks: those findings stay out of the published list (their
    // quick fixes are still offered, see DockyardService.codeActions).
    const hidden: Finding[] = [];
    const mode = config.coexistence.buildkitChecks;
    if (mode === 'never' || (mode === 'auto' && host.buildkitChecksElsewhere)) {
      const shown: Finding[] = [];
      for (const f of list) (this.buildkitCheck(f.rule) ? hidden : shown).push(f);
      return { list: sortFindings(shown), silenced, hidden: sortFindings(hidden) };
    }
    return { list: sortFindings(list), silenced, hidden };
  }

  /**
   * Whether BuildKit's build checks (Docker DX in the editor) report this rule's findings: its
   * equivalents name a `buildkit:` check. Rules with a `generic` coexistence of their own
   * (`dockerfile-syntax`) follow that setting instead.
   */
  private buildkitCheck(rule: string): boolean {
    const meta = this.registry.meta(rule);
    return !!meta && !meta.generic && !!meta.equivalents?.some((e) => e.startsWith('buildkit:'));
  }

  private runText(path: string, kind: 'shell' | 'bindep', text: string, config: DockyardConfig): { list: Finding[]; silenced: SilencedFinding[] } {
    const list: Finding[] = [];
    const silenced: SilencedFinding[] = [];
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
            if (f) keepOrSilence(f, supp.suppressedBy(f.rule, f.range.start.line), list, silenced);
          },
        }),
      );
    }
    this.suppressionProblems(supp, config, list);
    return { list: sortFindings(list), silenced };
  }

  /** Findings about the suppression comments themselves (missing reason, unknown rule id). */
  private suppressionProblems(supp: SuppressionSet, config: DockyardConfig, out: Finding[]): void {
    for (const p of supp.problems((id) => !!this.registry.meta(id), { requireReason: config.suppressions.requireReason })) {
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

/** A List item's own annotation suppressions (parsed once per item). */
function itemOwnAnnotations(item: YamlDocModel, registry: RuleRegistry): Suppression[] {
  return item.memoize('engine:annotations', () => annotationSuppressions(item, registry.equivalents()));
}

/** The suppressions of an object inside a List: the document's, plus the object's annotations. */
function itemSuppressions(item: YamlDocModel, doc: SuppressionSet, registry: RuleRegistry): SuppressionSet {
  return item.memoize('engine:suppressions', () => doc.with(itemOwnAnnotations(item, registry)));
}

/** The suppression of a finding at `line` (chunk-relative) inside an object of a List that the object's annotations hold. */
function itemSuppressedBy(model: YamlDocModel, doc: SuppressionSet, rule: string, line: number, registry: RuleRegistry): Suppression | undefined {
  for (const item of model.listItems) {
    const r = item.contents!.range;
    const first = item.lines.positionAt(r[0]).line;
    const last = item.lines.positionAt(r[1]).line;
    if (line >= first && line <= last) return itemSuppressions(item, doc, registry).suppressedBy(rule, line);
  }
  return undefined;
}

function keepOrSilence(f: Finding, by: Suppression | undefined, list: Finding[], silenced: SilencedFinding[]): void {
  if (by) silenced.push({ finding: f, by });
  else list.push(f);
}

function shiftSuppression(s: Suppression, lines: number): Suppression {
  return lines === 0 || s.file ? s : { ...s, line: s.line + lines, range: shiftRange(s.range, lines), until: s.until === undefined ? undefined : s.until + lines };
}

function shiftSilenced(x: SilencedFinding, lines: number): SilencedFinding {
  return lines === 0 ? x : { finding: shiftFinding(x.finding, lines), by: shiftSuppression(x.by, lines) };
}

/** The last line of the stage whose FROM starts on `line` (undefined when no FROM starts there). */
function stageEndLine(model: DockerfileModel, line: number): number | undefined {
  // The FROM lines once per document version (a file of stage pragmas stays linear).
  const froms = model.memoize('engine:fromLines', () => model.instructions.filter((i) => i.getKeyword() === 'FROM').map((i) => i.getRange().start.line));
  let lo = 0;
  let hi = froms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (froms[mid] === line) return mid + 1 < froms.length ? froms[mid + 1] - 1 : model.lines.lineCount - 1;
    if (froms[mid] < line) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
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

/** Identity of a finding across the variants of a Helm document. */
function findingKey(f: Finding): string {
  const r = f.range;
  return `${f.rule}|${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}|${showMasked(JSON.stringify(f.message))}`;
}

/**
 * `to` (a copy of `from` with other fields) keeps `from`'s fixes, lazy ones lazy - those `keep`
 * accepts (a Helm template's fixes never edit a default value written in for an action).
 */
function withFixesOf(from: Finding, to: Finding, keep?: (fix: Fix) => boolean): Finding {
  if (from === to && !keep) return to;
  const lazy = lazyOf(from);
  if (lazy) setLazyFixes(to, () => (keep ? from.fixes?.filter(keep) : from.fixes), lazy.rule, lazy.log);
  else if (from.fixes) to.fixes = keep ? from.fixes.filter(keep) : from.fixes;
  return to;
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

/** What a Helm document's analysis depends on beyond its own text: its variants and the branches around it. */
function helmSignature(info: HelmDocInfo): string {
  const parts = info.variants.map((v) => v.text);
  for (const b of info.branches) parts.push(`${b.marker - info.offset},${b.start - info.offset},${b.end - info.offset},${b.chain.kind},${b.text}`);
  return parts.join('\0');
}
