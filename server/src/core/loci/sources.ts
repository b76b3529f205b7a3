/**
 * Where users write loci build arguments, with exact source ranges:
 * - `ARG NAME=default` in a loci Dockerfile (loci's own `Dockerfile` / `Dockerfile.base`, or a fork);
 * - `build.args` of docker compose services (map and list forms), with `build.target`,
 *   `build.dockerfile`, `build.context` and the service `image`;
 * - `build-args` of a `docker/build-push-action` step in a GitHub workflow (one `KEY=value` per line),
 *   with `target`, `file`, `context`, `tags`; and `docker build` lines in the workflow's `run:` scripts;
 * - `docker build` / `docker buildx build` / `buildah bud` / `podman build` command lines in shell
 *   scripts: `--build-arg KEY=VALUE`, `--build-arg=KEY=VALUE`, `--target`, `-f`/`--file`, `-t`.
 *
 * One invocation / service / step is one `LociBuild`, so rules judge each build on its own. Builds that
 * do not look like loci builds are dropped (a `docker build` of some other image is not our business).
 *
 * All offsets are in the coordinates of `build.lines` (a YAML document's chunk for compose and
 * workflows, the whole file otherwise). Extraction reads the cached models and is memoised on them.
 */
import type { Instruction } from 'dockerfile-ast';
import { argumentsOf, type DockerfileModel } from '../model/dockerfile';
import { getMap, getPair, getSeq, getValue, isMap, isScalar, isSeq, keyString, scalarString, type YamlDocModel, type YMap, type YNode } from '../model/yaml';
import { LineIndex } from '../text';
import type { Range } from '../types';
import { basenameOf } from './paths';
import { parseShellScript, type ShellScript, type ShellWord } from './shell-words';
import { scalarText } from './yaml-scalar';
import {
  actionsInterpolate,
  collapseUnknown,
  composeInterpolate,
  isStatic,
  remap,
  sliceText,
  TextBuilder,
  UNKNOWN,
  type SourceText,
} from './value';
import { isAlias } from '../model/ynode';
import { ansibleArgText, ansibleImages, type TemplateResolution } from './ansible';
import { BoundedCache } from '../util/bounded-cache';
import type { Providers } from '../providers';

export interface Span {
  start: number;
  end: number;
}

export type LociBuildSource = 'dockerfile' | 'compose' | 'workflow' | 'shell' | 'ansible';

/** `main`: loci's `Dockerfile` (targets requirements / project); `base`: `Dockerfile.base`. */
export type LociDockerfileKind = 'main' | 'base';

export interface LociArgEntry {
  name: string;
  nameSpan: Span;
  /** Undefined when passed without a value (`--build-arg NAME`, compose `NAME:`): taken from the environment. */
  value?: SourceText;
  /** The whole entry: `--build-arg K=V`, `K: V`, the `K=V` line, the ARG instruction. */
  span: Span;
  /** A compose `args:` map value written as a plain YAML scalar (a replacement may need quotes). */
  yamlPlain?: boolean;
}

export interface LociBuildValue {
  value: SourceText;
  /** The whole option or pair (`--target requirements`, `target: requirements`). */
  span: Span;
  keySpan?: Span;
}

export interface LociBuild {
  source: LociBuildSource;
  kind: LociDockerfileKind;
  lines: LineIndex;
  /** Where findings about missing things go: the build command, the service key, the action reference. */
  anchor: Span;
  /** The whole build: the command, the service, the step (the Dockerfile: the whole file). */
  extent: Span;
  /** Service name, step name. */
  label?: string;
  /** In source order; a later entry for the same name wins (`arg()`). */
  args: LociArgEntry[];
  /** Dockerfile ARGs declared without a default. */
  declaredOnly: string[];
  /** Every argument is visible (no merge keys, `--build-arg-file`, `$ARGS` expansions …). */
  complete: boolean;
  /** Dockerfile ARG defaults: values are defaults, not arguments passed to a build. */
  declarations: boolean;
  target?: LociBuildValue;
  dockerfile?: LociBuildValue;
  context?: LociBuildValue;
  images: SourceText[];
  /** `DOCKER_BUILDKIT=0` in effect for this `docker build` (the assignment). */
  legacyBuilder?: Span;
  /** Ansible `{{ var }}` templates resolved from plain-string variables (which file supplied each). */
  resolved?: TemplateResolution[];
  /**
   * What loci/facts.ts derived from this build, for one providers object and revision, by path and
   * configuration (a few at most): held by the build, so it goes when the build goes. Set on first use only.
   */
  derived?: { providers: unknown; revision: number; byKey: Map<string, unknown> };
}

/** The value of the last `name` argument (a later `--build-arg` wins). */
export function argEntry(b: LociBuild, name: string): LociArgEntry | undefined {
  for (let i = b.args.length - 1; i >= 0; i--) if (b.args[i].name === name) return b.args[i];
  return undefined;
}

export function spanRange(b: LociBuild, s: Span): Range {
  return b.lines.rangeOf(s.start, s.end);
}

/** Static text of a build value (undefined when absent or not static). */
export function staticText(v: { value?: SourceText } | LociBuildValue | undefined): string | undefined {
  const t = v?.value;
  return t && isStatic(t) ? t.text : undefined;
}

// ---------------------------------------------------------------------------------------------
// What makes a build a loci build

/** Arguments only loci's Dockerfile has (PROJECT alone is too common a name to decide). */
const LOCI_ONLY_ARGS: ReadonlySet<string> = new Set([
  'WHEELS', 'PROFILES', 'PROJECT_REF', 'PROJECT_REPO', 'PROJECT_RELEASE', 'KEEP_ALL_WHEELS', 'DIST_PACKAGES',
  'EXTRA_BINDEP', 'EXTRA_PYDEP', 'EXTRA_PROJECTS', 'WHEELS_PATH', 'PIP_WHEEL_ARGS', 'PROJECT_PIP_EXTRAS',
  'HORIZON_EXTRA_PANELS', 'NOVNC_REPO', 'NOVNC_REF', 'SPICE_REPO', 'SPICE_REF', 'SKYLINE_CONSOLE_REPO',
  'SKYLINE_CONSOLE_REF', 'NOVA_TSS_USER', 'NOVA_TSS_UID', 'NOVA_TSS_GID', 'REGISTRY_PROTOCOL', 'REGISTRY_INSECURE',
  'PIP_VERSION_CONSTRAINT', 'SETUPTOOL_CONSTRAINT', 'WHEEL_CONSTRAINT', 'WHEEL_CONSTRAIN',
]);
const LOCI_BASE_ARGS: ReadonlySet<string> = new Set(['CEPH_REPO', 'CEPH_KEY', 'APT_MIRROR_HOST', 'ALLOW_UNAUTHENTICATED']);
const LOCI_HINT = /(^|[/_.:-])loci([/_.:-]|$)/i;

function kindOfDockerfile(name: string | undefined): LociDockerfileKind {
  return name !== undefined && /\.base$/i.test(basenameOf(name)) ? 'base' : 'main';
}

function hinted(b: LociBuild): boolean {
  const texts = [b.context?.value.text, b.dockerfile?.value.text, ...b.images.map((i) => i.text)];
  return texts.some((s) => s !== undefined && LOCI_HINT.test(s));
}

function looksLikeLoci(b: LociBuild): boolean {
  if (b.kind === 'base') return false;
  if (b.args.some((a) => LOCI_ONLY_ARGS.has(a.name))) return true;
  const target = staticText(b.target);
  const hint = hinted(b);
  if (b.args.some((a) => a.name === 'PROJECT') && (hint || target === 'requirements' || target === 'project')) return true;
  const df = staticText(b.dockerfile);
  return hint && (df === undefined || basenameOf(df) === 'Dockerfile');
}

function looksLikeLociBase(b: LociBuild, fileHasLoci: boolean): boolean {
  if (b.kind !== 'base') return false;
  return b.args.some((a) => LOCI_BASE_ARGS.has(a.name)) || hinted(b) || fileHasLoci;
}

function keepLoci(all: LociBuild[]): LociBuild[] {
  const main = all.filter(looksLikeLoci);
  const base = all.filter((b) => looksLikeLociBase(b, main.length > 0));
  return all.filter((b) => main.includes(b) || base.includes(b));
}

// ---------------------------------------------------------------------------------------------
// Arguments written as `KEY=VALUE` text

const ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `KEY=VALUE` (or `KEY`) → an entry; undefined when KEY is not a plain name. */
function argFromText(t: SourceText, span: Span): LociArgEntry | undefined {
  const eq = t.text.indexOf('=');
  const nameEnd = eq < 0 ? t.text.length : eq;
  const name = t.text.slice(0, nameEnd);
  if (!ARG_NAME.test(name)) return undefined;
  const nameT = sliceText(t, 0, nameEnd);
  let value: SourceText | undefined;
  if (eq >= 0) {
    value = sliceText(t, eq + 1);
    if (value.text.length === 0) value = { ...value, start: t.ends[eq], end: t.ends[eq] };
  }
  return { name, nameSpan: { start: nameT.start, end: nameT.end }, value, span };
}

// ---------------------------------------------------------------------------------------------
// Dockerfile

/** The loci builds a Dockerfile declares: one when it is a loci Dockerfile (or fork), else none. */
export function dockerfileBuilds(model: DockerfileModel, path = ''): LociBuild[] {
  return model.memoize('loci.builds:' + basenameOf(path), () => extractDockerfile(model, path));
}

/** loci's `Dockerfile` (or a fork) by its shape, or `Dockerfile.base`. */
export function lociDockerfileKind(model: DockerfileModel, path = ''): LociDockerfileKind | undefined {
  return model.memoize('loci.kind:' + basenameOf(path), () => {
    const names = new Set<string>();
    for (const ins of model.instructions) if (ins.getKeyword() === 'ARG') names.add(argName(ins) ?? '');
    const preamble = new Set(model.preamble.filter((i) => i.getKeyword() === 'ARG').map((i) => argName(i) ?? ''));
    const text = model.text;
    const scripts = /\/opt\/loci\/scripts|scripts\/(?:project|requirements|base|install)\.sh/.test(text);
    const wheelsStage = model.stages.some((s) => /^\$\{?WHEELS\}?$/.test(s.from.getImage() ?? '') || s.name === 'requirements');
    if (names.has('PROJECT') && (names.has('PROFILES') || names.has('WHEELS')) && (scripts || preamble.has('FROM') || wheelsStage)) return 'main';
    if (preamble.has('FROM') && (scripts || /\.base$/i.test(basenameOf(path))) && (names.has('CEPH_REPO') || names.has('APT_MIRROR_HOST') || /base\.sh/.test(text))) return 'base';
    return undefined;
  });
}

function argName(ins: Instruction): string | undefined {
  const args = argumentsOf(ins);
  if (!args.length) return undefined;
  return /^[A-Za-z_][A-Za-z0-9_]*/.exec(args[0].getValue())?.[0];
}

function extractDockerfile(model: DockerfileModel, path: string): LociBuild[] {
  const kind = lociDockerfileKind(model, path);
  if (!kind) return [];
  const lines = model.lines;
  const args: LociArgEntry[] = [];
  const declaredOnly: string[] = [];
  const known = new Map<string, string>();
  for (const ins of model.instructions) {
    if (ins.getKeyword() !== 'ARG') continue;
    const r = ins.getRange();
    const insStart = lines.offsetAt(r.start);
    const insEnd = lines.offsetAt(r.end);
    // `ARG NAME=value` (the first property; dockerfile-ast gives one per instruction).
    const argsOf = argumentsOf(ins);
    if (!argsOf.length) continue;
    const first = argsOf[0].getRange();
    const wordStart = lines.offsetAt(first.start);
    const raw = model.text.slice(wordStart, insEnd);
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(=?)/.exec(raw);
    if (!m) continue;
    const name = m[1];
    if (!m[2]) {
      declaredOnly.push(name);
      continue;
    }
    const valueStart = wordStart + m[0].length;
    const value = dockerfileValue(model.text, valueStart, insEnd, known);
    if (isStatic(value)) known.set(name, value.text);
    else known.delete(name);
    args.push({ name, nameSpan: { start: wordStart, end: wordStart + name.length }, value, span: { start: insStart, end: insEnd } });
  }
  const firstFrom = model.instructions.find((i) => i.getKeyword() === 'FROM') ?? model.instructions[0];
  const fr = firstFrom ? firstFrom.getRange() : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return [
    {
      source: 'dockerfile',
      kind,
      lines,
      anchor: { start: lines.offsetAt(fr.start), end: lines.offsetAt(fr.end) },
      extent: { start: 0, end: model.text.length },
      args,
      declaredOnly,
      complete: true,
      declarations: true,
      images: [],
    },
  ];
}

/**
 * A Dockerfile ARG default as BuildKit reads it: `"…"` and `'…'` quotes removed, `\` escapes, `\`-newline
 * continuations, `$NAME`/`${NAME}` from earlier static defaults (anything else unknown); ends at
 * unquoted whitespace.
 */
function dockerfileValue(s: string, start: number, end: number, known: ReadonlyMap<string, string>): SourceText {
  const b = new TextBuilder();
  let i = start;
  let valueStart = start;
  let quote: string | undefined;
  let first = true;
  while (i < end) {
    const c = s[i];
    if (!quote && (c === ' ' || c === '\t' || c === '\n' || c === '\r')) break;
    if (c === '\\' && (s[i + 1] === '\n' || (s[i + 1] === '\r' && s[i + 2] === '\n'))) {
      i += s[i + 1] === '\r' ? 3 : 2;
      while (i < end && (s[i] === ' ' || s[i] === '\t')) i++;
      continue;
    }
    if (!quote && (c === '"' || c === "'")) {
      quote = c;
      if (first) valueStart = i + 1;
      i++;
      first = false;
      continue;
    }
    first = false;
    if (quote && c === quote) {
      quote = undefined;
      i++;
      continue;
    }
    if (c === '\\' && quote !== "'" && i + 1 < end) {
      b.push(s[i + 1], i, i + 2);
      i += 2;
      continue;
    }
    if (c === '$' && quote !== "'") {
      const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(s.slice(i, Math.min(end, i + 256)));
      if (m) {
        const name = m[1] ?? m[3];
        const v = m[2] ? undefined : known.get(name);
        if (v !== undefined) b.pushSpan(v, i, i + m[0].length);
        else b.push(UNKNOWN, i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    }
    b.push(c, i, i + 1);
    i++;
  }
  const t = b.build(valueStart, valueStart);
  if (t.text.length) {
    t.start = t.starts[0];
    t.end = t.ends[t.ends.length - 1];
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// YAML: compose files and GitHub workflows

/**
 * The loci builds of a compose file, a GitHub workflow document, or Ansible / Zuul build definitions
 * (`build_args` lists; `path` lets their `{{ var }}` resolve from sibling vars files); none for other
 * documents.
 */
export function yamlBuilds(doc: YamlDocModel, path = '', providers?: Providers): LociBuild[] {
  const plain = doc.memoize('loci.builds', () => {
    const root = doc.contents;
    if (!isMap(root)) return undefined;
    const services = getMap(root, 'services');
    if (services) return keepLoci(composeBuilds(doc, services));
    const jobs = getMap(root, 'jobs');
    if (jobs) return workflowBuilds(doc, jobs);
    return undefined;
  });
  if (plain) return plain;
  if (doc.k8s || !doc.text.includes('build_args')) return [];
  // Ansible builds read sibling vars files through the providers: held by the providers (dropped
  // when their data changes), per document and path.
  if (!providers) return doc.memoize(`loci.builds.ansible:${path}`, () => keepLoci(ansibleBuilds(doc, path, undefined)));
  const perDoc = providers.cache('loci:ansibleBuilds', () => new WeakMap<YamlDocModel, Map<string, LociBuild[]>>());
  let byPath = perDoc.get(doc);
  if (!byPath) perDoc.set(doc, (byPath = new Map()));
  let builds = byPath.get(path);
  if (!builds) byPath.set(path, (builds = keepLoci(ansibleBuilds(doc, path, providers))));
  return builds;
}

/**
 * A scalar's text with Ansible's `{{ }}` as written: the engine masks template expressions (as for
 * Helm) with same-length placeholders, so a masked character is read back from the original text.
 */
function unmaskedScalar(doc: YamlDocModel, node: YNode | null | undefined): SourceText | undefined {
  const t = scalarText(node, doc.text);
  if (!t || !doc.masked || !t.text.includes(UNKNOWN)) return t;
  let text = '';
  for (let i = 0; i < t.text.length; i++) text += t.text[i] === UNKNOWN && t.ends[i] - t.starts[i] === 1 ? doc.original[t.starts[i]] : t.text[i];
  return { ...t, text };
}

function ansibleBuilds(doc: YamlDocModel, path: string, providers: Providers | undefined): LociBuild[] {
  const out: LociBuild[] = [];
  for (const img of ansibleImages(doc, path, providers)) {
    const m = img.map;
    const keyNode = [...m.items].find((p) => keyString(p) === 'build_args')?.key as YNode | undefined;
    const anchor = span(doc, keyNode) ?? { start: m.range?.[0] ?? 0, end: m.range?.[0] ?? 0 };
    const resolved: TemplateResolution[] = [];
    const value = (key: string): LociBuildValue | undefined => {
      const p = pairSpan(doc, m, key);
      if (!p) return undefined;
      const t = unmaskedScalar(doc, p.value);
      if (!t) return undefined;
      return { value: collapseUnknown(ansibleArgText(t, img.vars, resolved).text), span: p.span, keySpan: p.keySpan };
    };
    const b: LociBuild = {
      source: 'ansible',
      kind: 'main',
      lines: doc.lines,
      anchor,
      extent: { start: m.range?.[0] ?? anchor.start, end: m.range?.[1] ?? anchor.end },
      label: img.label,
      args: [],
      declaredOnly: [],
      // `tags: *tags` is fine; a merge key or an aliased list hides arguments.
      complete: !m.items.some((p) => keyString(p) === '<<') && !isAlias(img.args),
      declarations: false,
      images: [],
      resolved,
    };
    b.context = value('context');
    b.dockerfile = value('dockerfile') ?? value('container_filename');
    b.target = value('target');
    b.kind = kindOfDockerfile(b.dockerfile?.value.text);
    const repo = value('repository');
    if (repo) b.images.push(repo.value);
    const args = img.args;
    if (isSeq(args)) {
      for (const item of args.items) {
        const t = isScalar(item) ? unmaskedScalar(doc, item as YNode) : undefined;
        const s = span(doc, item as YNode);
        if (!t || !s) {
          b.complete = false;
          continue;
        }
        const r = ansibleArgText(t, img.vars, resolved);
        const text = collapseUnknown(r.text);
        if (r.words !== 1 || !isStatic(sliceText(text, 0, Math.max(0, text.text.indexOf('='))))) {
          b.complete = false;
          continue;
        }
        const e = argFromText(text, s);
        if (e) b.args.push(e);
        else b.complete = false;
      }
    }
    out.push(b);
  }
  return out;
}

function span(doc: YamlDocModel, node: YNode | null | undefined): Span | undefined {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

function pairSpan(doc: YamlDocModel, map: YMap, key: string): { span: Span; keySpan: Span; value: YNode | null | undefined } | undefined {
  const p = getPair(map, key);
  if (!p) return undefined;
  const k = p.key as YNode | null;
  const v = p.value as YNode | null;
  const ks = span(doc, k) ?? { start: 0, end: 0 };
  const vs = span(doc, v);
  return { span: { start: ks.start, end: vs ? Math.max(vs.end, ks.end) : ks.end }, keySpan: ks, value: v };
}

function yamlText(doc: YamlDocModel, node: YNode | null | undefined, interpolate: (t: SourceText) => SourceText): SourceText | undefined {
  const t = scalarText(node, doc.text);
  return t ? interpolate(collapseUnknown(t)) : undefined;
}

function buildValue(doc: YamlDocModel, map: YMap, key: string, interpolate: (t: SourceText) => SourceText): LociBuildValue | undefined {
  const p = pairSpan(doc, map, key);
  if (!p) return undefined;
  const value = yamlText(doc, p.value, interpolate);
  if (!value) return undefined;
  return { value, span: p.span, keySpan: p.keySpan };
}

function hasMerge(map: YMap): boolean {
  return map.items.some((it) => keyString(it) === '<<' || isAlias(it.value));
}

/** The original text (before Helm masking) of a node contains an expression. */
function maskedAway(doc: YamlDocModel, node: YNode | null | undefined): boolean {
  const r = node?.range;
  return !!r && doc.masked && doc.original.slice(r[0], r[1]).includes('{{');
}

function composeBuilds(doc: YamlDocModel, services: YMap): LociBuild[] {
  const out: LociBuild[] = [];
  for (const svcPair of services.items) {
    const svc = svcPair.value;
    const name = keyString(svcPair);
    if (!isMap(svc) || name === undefined) continue;
    const buildNode = getValue(svc, 'build');
    if (buildNode === undefined || buildNode === null) continue;
    const anchor = span(doc, svcPair.key as YNode) ?? { start: 0, end: 0 };
    const extent = { start: anchor.start, end: Math.max(anchor.end, svc.range?.[1] ?? anchor.end) };
    const images: SourceText[] = [];
    const img = yamlText(doc, getValue(svc, 'image'), composeInterpolate);
    if (img) images.push(img);
    const b: LociBuild = {
      source: 'compose',
      kind: 'main',
      lines: doc.lines,
      anchor,
      extent,
      label: name,
      args: [],
      declaredOnly: [],
      complete: !hasMerge(svc),
      declarations: false,
      images,
    };
    if (isScalar(buildNode)) {
      const ctx = yamlText(doc, buildNode, composeInterpolate);
      const p = pairSpan(doc, svc, 'build');
      if (ctx && p) b.context = { value: ctx, span: p.span, keySpan: p.keySpan };
      out.push(b);
      continue;
    }
    if (!isMap(buildNode)) {
      b.complete = false;
      continue;
    }
    if (hasMerge(buildNode)) b.complete = false;
    b.context = buildValue(doc, buildNode, 'context', composeInterpolate);
    b.dockerfile = buildValue(doc, buildNode, 'dockerfile', composeInterpolate);
    b.target = buildValue(doc, buildNode, 'target', composeInterpolate);
    b.kind = kindOfDockerfile(b.dockerfile?.value.text);
    const args = getValue(buildNode, 'args');
    if (isMap(args)) {
      if (hasMerge(args)) b.complete = false;
      for (const p of args.items) {
        const key = keyString(p);
        const k = p.key as YNode | null;
        const v = p.value as YNode | null;
        if (key === undefined || key === '<<' || !k?.range) continue;
        const ks = { start: k.range[0], end: k.range[1] };
        // `KEY:` (null) passes the variable from the environment: unknown here.
        const value = v === null || v === undefined || (isScalar(v) && v.value === null) ? undefined : isScalar(v) ? yamlText(doc, v, composeInterpolate) : undefined;
        if (v && !isScalar(v)) b.complete = false;
        const vs = span(doc, v);
        b.args.push({ name: key, nameSpan: ks, value, span: { start: ks.start, end: vs ? vs.end : ks.end }, yamlPlain: isScalar(v) && v.type === 'PLAIN' });
      }
    } else if (isSeq(args)) {
      for (const item of args.items) {
        const t = isScalar(item) ? yamlText(doc, item as YNode, composeInterpolate) : undefined;
        const s = span(doc, item as YNode);
        if (!t || !s) {
          b.complete = false;
          continue;
        }
        const e = argFromText(t, s);
        if (e) b.args.push(e);
        else b.complete = false;
      }
    } else if (args !== undefined && args !== null) b.complete = false;
    out.push(b);
  }
  return out;
}

const BUILD_PUSH_ACTION = /^docker\/build-push-action(@|$)/;

function workflowBuilds(doc: YamlDocModel, jobs: YMap): LociBuild[] {
  const out: LociBuild[] = [];
  for (const jobPair of jobs.items) {
    const job = jobPair.value;
    if (!isMap(job)) continue;
    const steps = getSeq(job, 'steps');
    if (!steps) continue;
    const shellBuildsHere: LociBuild[] = [];
    const actionBuilds: LociBuild[] = [];
    for (const step of steps.items) {
      if (!isMap(step)) continue;
      const uses = scalarString(getValue(step, 'uses'));
      const label = scalarString(getValue(step, 'name'));
      if (uses && BUILD_PUSH_ACTION.test(uses)) {
        const b = actionBuild(doc, step, label);
        if (b) actionBuilds.push(b);
        continue;
      }
      const run = getValue(step, 'run');
      const shell = scalarString(getValue(step, 'shell'));
      if (run && isScalar(run) && (!shell || /^(bash|sh)\b/.test(shell))) {
        const t = scalarText(run, doc.text);
        if (t) shellBuildsHere.push(...embeddedShellBuilds(t, doc.lines, label));
      }
    }
    out.push(...keepLoci([...actionBuilds, ...shellBuildsHere]));
  }
  return out;
}

function actionBuild(doc: YamlDocModel, step: YMap, label: string | undefined): LociBuild | undefined {
  const usesPair = getPair(step, 'uses');
  const anchor = span(doc, usesPair?.value as YNode) ?? { start: 0, end: 0 };
  const withMap = getMap(step, 'with');
  const interp = actionsInterpolate;
  const b: LociBuild = {
    source: 'workflow',
    kind: 'main',
    lines: doc.lines,
    anchor,
    extent: { start: step.range?.[0] ?? anchor.start, end: step.range?.[1] ?? anchor.end },
    label,
    args: [],
    declaredOnly: [],
    complete: true,
    declarations: false,
    images: [],
  };
  if (!withMap) return b;
  b.context = buildValue(doc, withMap, 'context', interp);
  b.dockerfile = buildValue(doc, withMap, 'file', interp);
  b.target = buildValue(doc, withMap, 'target', interp);
  b.kind = kindOfDockerfile(b.dockerfile?.value.text);
  const tags = yamlText(doc, getValue(withMap, 'tags'), interp);
  if (tags) for (const line of splitLines(tags)) b.images.push(line);
  const argsNode = getValue(withMap, 'build-args');
  if (argsNode !== undefined && argsNode !== null) {
    const t = yamlText(doc, argsNode, interp);
    if (!t || maskedAway(doc, argsNode)) b.complete = false;
    if (t) {
      for (let line of splitLines(t)) {
        if (line.text.startsWith('#')) continue;
        if (line.text.length >= 2 && line.text.startsWith('"') && line.text.endsWith('"')) line = sliceText(line, 1, line.text.length - 1);
        if (!isStatic(sliceText(line, 0, Math.max(0, line.text.indexOf('='))))) {
          b.complete = false;
          continue;
        }
        const e = argFromText(line, { start: line.start, end: line.end });
        if (e) b.args.push(e);
        else b.complete = false;
      }
    }
  }
  return b;
}

/** Non-empty lines of a multi-line value, each trimmed (the action's list inputs). */
function splitLines(t: SourceText): SourceText[] {
  const out: SourceText[] = [];
  let s = 0;
  for (let i = 0; i <= t.text.length; i++) {
    if (i === t.text.length || t.text[i] === '\n') {
      let a = s;
      let e = i;
      while (a < e && /\s/.test(t.text[a])) a++;
      while (e > a && /\s/.test(t.text[e - 1])) e--;
      if (e > a) out.push(sliceText(t, a, e));
      s = i + 1;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Shell scripts

/**
 * The builds of recent shell scripts, by text (the rule, hover and completion share them). Bounded
 * by bytes (16 MB of estimated text + builds) and by entries (16).
 */
export const SHELL_CACHE_BOUNDS = { maxBytes: 16 * 1024 * 1024, maxEntries: 16 };
/** The cache of a DockyardService (held by its providers; without them nothing is cached). */
const shellCache = (p: Providers) => p.cache('loci:shell', () => new BoundedCache<string, { all: LociBuild[]; loci: LociBuild[] }>({ ...SHELL_CACHE_BOUNDS, oversizeForTurn: true }));

/** Estimated bytes an entry keeps alive: the text (UTF-16), its line index, and the builds. */
function shellEntryCost(text: string, all: readonly LociBuild[]): number {
  return 4 * text.length + 4096 * all.length;
}

function shellEntry(text: string, p: Providers | undefined): { all: LociBuild[]; loci: LociBuild[] } {
  const cache = p && shellCache(p);
  const hit = cache?.get(text);
  if (hit) return hit;
  const all = shellBuildsOf(parseShellScript(text), new LineIndex(text));
  const entry = { all, loci: keepLoci(all) };
  cache?.set(text, entry, shellEntryCost(text, all));
  return entry;
}

/** The shell-build cache's accounting (tests and memory measurements). */
export function shellCacheStats(p: Providers): { bytes: number; entries: number } {
  const cache = shellCache(p);
  return { bytes: cache.bytes, entries: cache.size };
}

/** The loci builds of a shell script (memoised by text in the providers' small bounded cache). */
export function shellBuilds(text: string, p?: Providers): LociBuild[] {
  return shellEntry(text, p).loci;
}

/** Every `docker build`-like command of a script, loci or not (completion while a build is being typed). */
export function allShellBuilds(text: string, p?: Providers): LociBuild[] {
  return shellEntry(text, p).all;
}

/** Builds of a script embedded in a YAML scalar (`run: |`), re-expressed in the document's coordinates. */
function embeddedShellBuilds(outer: SourceText, lines: LineIndex, label: string | undefined): LociBuild[] {
  const inner = shellBuildsOf(parseShellScript(outer.text), new LineIndex(outer.text));
  const mapSpan = (s: Span): Span => {
    const a = s.start < outer.text.length ? outer.starts[s.start] : outer.end;
    const e = s.end > s.start ? (s.end - 1 < outer.text.length ? outer.ends[s.end - 1] : outer.end) : a;
    return { start: a, end: Math.max(e, a) };
  };
  const mapValue = (v: LociBuildValue | undefined): LociBuildValue | undefined =>
    v && { value: collapseUnknown(remap(v.value, outer)), span: mapSpan(v.span), keySpan: v.keySpan && mapSpan(v.keySpan) };
  return inner.map((b) => ({
    ...b,
    source: 'workflow' as const,
    lines,
    label,
    anchor: mapSpan(b.anchor),
    extent: mapSpan(b.extent),
    args: b.args.map((a) => ({ name: a.name, nameSpan: mapSpan(a.nameSpan), value: a.value && collapseUnknown(remap(a.value, outer)), span: mapSpan(a.span) })),
    target: mapValue(b.target),
    dockerfile: mapValue(b.dockerfile),
    context: mapValue(b.context),
    images: b.images.map((i) => remap(i, outer)),
    legacyBuilder: b.legacyBuilder && mapSpan(b.legacyBuilder),
  }));
}

const ASSIGNMENT_WORD = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;
const SKIP_WORDS: ReadonlySet<string> = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}', 'time', 'fi', 'done']);
const WRAPPERS: ReadonlySet<string> = new Set(['sudo', 'exec', 'command', 'nice', 'nohup', 'xargs']);
const TOOLS: ReadonlySet<string> = new Set(['docker', 'podman', 'buildah', 'nerdctl']);
const DOCKER_GLOBAL_VALUE_OPTS: ReadonlySet<string> = new Set(['-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey']);
/** Build options that take a separate value word (docker buildx, docker, podman, buildah). */
const VALUE_OPTS: ReadonlySet<string> = new Set([
  '-t', '--tag', '--platform', '--label', '-o', '--output', '--cache-from', '--cache-to', '--secret', '--ssh', '--network',
  '--progress', '--iidfile', '--metadata-file', '--builder', '--add-host', '--build-context', '--shm-size', '--ulimit',
  '--annotation', '--attest', '--allow', '--cgroup-parent', '--isolation', '-m', '--memory', '--memory-swap', '--cpu-shares',
  '--cpuset-cpus', '--cpuset-mems', '--cpu-period', '--cpu-quota', '--authfile', '--cert-dir', '--creds', '--dns',
  '--dns-option', '--dns-search', '--env', '--from', '--ignorefile', '--jobs', '--logfile', '--manifest', '--os', '--arch',
  '--variant', '--runtime', '--security-opt', '--sign-by', '--timestamp', '--userns', '--uts', '--volume', '-v', '--ipc',
  '--pid', '--cap-add', '--cap-drop', '--device', '--format', '--sbom', '--provenance', '--retry', '--retry-delay',
  '--layer-label', '--unsetenv', '--unsetlabel', '--hooks-dir', '--runtime-flag', '--signature-policy', '--stdin',
]);
const INCOMPLETE_OPTS: ReadonlySet<string> = new Set(['--build-arg-file', '--env-file']);

function shellBuildsOf(script: ShellScript, lines: LineIndex): LociBuild[] {
  const out: LociBuild[] = [];
  for (const cmd of script.commands) {
    const b = commandBuild(cmd.words, script, lines, cmd.start, cmd.end);
    if (b) out.push(b);
  }
  return out;
}

function rawWord(lines: LineIndex, w: ShellWord): string {
  return lines.text.slice(w.start, w.end);
}

function commandBuild(ws: ShellWord[], script: ShellScript, lines: LineIndex, cmdStart: number, cmdEnd: number): LociBuild | undefined {
  let k = 0;
  const env: ShellWord[] = [];
  for (;;) {
    if (k >= ws.length) return undefined;
    const t = ws[k].value.text;
    if (ASSIGNMENT_WORD.test(rawWord(lines, ws[k]))) {
      env.push(ws[k++]);
      continue;
    }
    if (SKIP_WORDS.has(t)) {
      k++;
      continue;
    }
    if (WRAPPERS.has(t)) {
      k++;
      while (k < ws.length && ws[k].value.text.startsWith('-')) k++;
      continue;
    }
    if (t === 'env') {
      k++;
      while (k < ws.length && (ws[k].value.text.startsWith('-') || ASSIGNMENT_WORD.test(rawWord(lines, ws[k])))) {
        if (ASSIGNMENT_WORD.test(rawWord(lines, ws[k]))) env.push(ws[k]);
        k++;
      }
      continue;
    }
    break;
  }
  const tool = basenameOf(ws[k].value.text);
  if (!TOOLS.has(tool)) return undefined;
  let j = k + 1;
  while (j < ws.length && ws[j].value.text.startsWith('-')) {
    if (DOCKER_GLOBAL_VALUE_OPTS.has(ws[j].value.text)) j++;
    j++;
  }
  const sub = ws[j]?.value.text;
  let legacyCapable = false;
  if (tool === 'buildah') {
    if (sub !== 'bud' && sub !== 'build' && sub !== 'build-using-dockerfile') return undefined;
    j++;
  } else if (sub === 'build') {
    legacyCapable = tool === 'docker';
    j++;
  } else if ((sub === 'buildx' || sub === 'image' || sub === 'builder') && (ws[j + 1]?.value.text === 'build' || (sub === 'buildx' && ws[j + 1]?.value.text === 'b'))) {
    legacyCapable = tool === 'docker' && sub !== 'buildx';
    j += 2;
  } else return undefined;
  const b: LociBuild = {
    source: 'shell',
    kind: 'main',
    lines,
    anchor: { start: ws[k].start, end: ws[j - 1].end },
    extent: { start: cmdStart, end: cmdEnd },
    args: [],
    declaredOnly: [],
    complete: true,
    declarations: false,
    images: [],
  };
  if (legacyCapable) {
    const own = env.filter((w) => /^DOCKER_BUILDKIT=/.test(w.value.text)).pop();
    if (own) {
      if (/^DOCKER_BUILDKIT=(0|false)$/i.test(own.value.text)) b.legacyBuilder = { start: own.start, end: own.end };
    } else {
      const prior = script.assignments.filter((a) => a.name === 'DOCKER_BUILDKIT' && a.end <= cmdStart).pop();
      if (prior && prior.value !== null && /^(0|false)$/i.test(prior.value)) b.legacyBuilder = { start: prior.start, end: prior.end };
    }
  }
  let positional = false;
  for (let i = j; i < ws.length; i++) {
    const w = ws[i];
    const t = w.value.text;
    if (positional || t === '--') {
      if (t !== '--' && !b.context) b.context = { value: w.value, span: { start: w.start, end: w.end } };
      positional = true;
      continue;
    }
    // Options may follow the context (`docker build . -f Dockerfile.base …`).
    const opt = /^(--?[A-Za-z][A-Za-z0-9-]*)(=)?/.exec(t);
    if (opt) {
      const name = opt[1];
      const glued = opt[2] ? sliceText(w.value, opt[0].length) : undefined;
      const next = glued ? undefined : ws[i + 1];
      const valueOf = (): { value: SourceText; end: number } | undefined => (glued ? { value: glued, end: w.end } : next ? { value: next.value, end: next.end } : undefined);
      if (name === '--build-arg') {
        const v = valueOf();
        if (!glued) i++;
        if (!v) continue;
        const e = argFromText(v.value, { start: w.start, end: v.end });
        if (!e) {
          b.complete = false;
          continue;
        }
        // `KEY=''`: the (empty) value sits between the quotes.
        if (e.value && e.value.text === '' && /^(''|"")$/.test(lines.text.slice(v.end - 2, v.end))) e.value = { ...e.value, start: v.end - 1, end: v.end - 1 };
        b.args.push(e);
        continue;
      }
      if (name === '--target' || name === '-f' || name === '--file') {
        const v = valueOf();
        if (!glued) i++;
        if (!v) continue;
        const bv: LociBuildValue = { value: v.value, span: { start: w.start, end: v.end }, keySpan: { start: w.start, end: w.start + name.length } };
        if (name === '--target') b.target = bv;
        else b.dockerfile = bv;
        continue;
      }
      if (name === '-t' || name === '--tag') {
        const v = valueOf();
        if (!glued) i++;
        if (v) b.images.push(v.value);
        continue;
      }
      if (INCOMPLETE_OPTS.has(name)) b.complete = false;
      if (!glued && VALUE_OPTS.has(name)) i++;
      continue;
    }
    if (t.startsWith(UNKNOWN)) {
      // `$BUILD_ARGS`, `"$@"`: options we cannot see.
      b.complete = false;
      continue;
    }
    if (!b.context) b.context = { value: w.value, span: { start: w.start, end: w.end } };
  }
  b.kind = kindOfDockerfile(b.dockerfile?.value.text);
  return b;
}
