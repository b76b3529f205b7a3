/**
 * Editor features for loci builds, wherever their arguments are written (Dockerfile ARG, compose
 * `args:`, workflow `build-args:`, `docker build --build-arg` in scripts), and for bindep/pydep files:
 * - completion of ARG names, PROJECT values, PROFILES tokens (only those that do something for the
 *   build's PROJECT, with what each installs), KEEP_ALL_WHEELS and PROJECT_REF values;
 * - hover on an ARG name (meaning, default, status), on PROFILES (the resolved apt and pip packages for
 *   this PROJECT and codename), and on a bindep selector token (what it pairs with and selects).
 * Every string comes from the message catalog.
 */
import { t, type Lang } from '../messages/catalog';
import { CI_RELEASES, DOCKERFILE_ARGS, DOCKERFILE_BASE_ARGS, KNOWN_PROJECTS, lociArg, REQUIREMENTS_PROJECT, type LociArg } from '../loci/args';
import { CODENAME_VERSIONS, forEachBindepLine, parseBindepLine, type BindepEntry } from '../loci/bindep';
import { buildFacts, tokenEffect, usefulProfiles, type BuildFacts } from '../loci/facts';
import { tokenCanMatch } from '../loci/profiles';
import { BUNDLED_LOCI_COMMIT } from '../loci/provider';
import { allShellBuilds, argEntry, dockerfileBuilds, lociDockerfileKind, shellBuilds, yamlBuilds, type LociArgEntry, type LociBuild } from '../loci/sources';
import { isStatic, valueWords } from '../loci/value';
import { LineIndex } from '../text';
import { detectKind } from '../model/detect';
import type { Position, Range } from '../types';
import { codeSpan, escapeMarkdown } from '../util/markdown';
import type { CompletionResult, FeatureContext, FeatureProvider, HoverResult } from './types';

// ---------------------------------------------------------------------------------------------
// Locating the build under the cursor

interface Located {
  build: LociBuild;
  facts: BuildFacts;
  /** Offset of the position in the build's coordinates. */
  offset: number;
  /** Lines to add to the build's ranges to get file positions (YAML documents). */
  shift: number;
}

function buildsAt(ctx: FeatureContext, pos: Position): { builds: LociBuild[]; offset: number; shift: number } {
  const kind = detectKind(ctx.path, ctx.text, ctx.languageId);
  if (kind === 'dockerfile') {
    const model = ctx.analyzer.dockerfileFor(ctx.path, ctx.text);
    return { builds: dockerfileBuilds(model, ctx.path), offset: model.lines.offsetAt(pos), shift: 0 };
  }
  if (kind === 'yaml' || kind === 'kubernetes') {
    const y = ctx.analyzer.yamlFor(ctx.path, ctx.text);
    let i = 0;
    while (i + 1 < y.chunks.length && y.chunks[i + 1].startLine <= pos.line) i++;
    const chunk = y.chunks[i];
    const doc = y.states[i].model;
    const local = { line: pos.line - chunk.startLine, character: pos.character };
    return { builds: yamlBuilds(doc, ctx.path, ctx.analyzer.providers), offset: doc.lines.offsetAt(local), shift: chunk.startLine };
  }
  return { builds: shellBuilds(ctx.text, ctx.analyzer.providers), offset: new LineIndex(ctx.text).offsetAt(pos), shift: 0 };
}

function buildAround(builds: LociBuild[], offset: number): LociBuild | undefined {
  return builds.find((b) => b.extent.start <= offset && offset <= b.extent.end);
}

function locate(ctx: FeatureContext, pos: Position): Located | undefined {
  const { builds, offset, shift } = buildsAt(ctx, pos);
  const build = builds.find((b) => b.extent.start <= offset && offset <= b.extent.end);
  if (!build) return undefined;
  return { build, facts: buildFacts(build, ctx.path, ctx.config.loci, ctx.analyzer.providers), offset, shift };
}

function shifted(r: Range, lines: number): Range {
  return lines === 0 ? r : { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

const within = (o: number, s: { start: number; end: number }) => s.start <= o && o <= s.end;

// ---------------------------------------------------------------------------------------------
// Hover

/** At most this many names per list in a hover (a selector shared by 100,000 bindep entries made a 2 MB hover). */
export const HOVER_LIST_MAX = 50;

function code(xs: readonly string[], lang: Lang): string {
  if (!xs.length) return t('loci.hover.none', undefined, lang);
  if (xs.length <= HOVER_LIST_MAX) return codeSpan(xs.join(' '));
  return `${codeSpan(xs.slice(0, HOVER_LIST_MAX).join(' '))} ${t('loci.hover.more', { count: xs.length - HOVER_LIST_MAX }, lang)}`;
}

export function argHoverMarkdown(a: LociArg, lang: Lang): string {
  const parts = [t('loci.hover.arg.title', { name: a.name, file: a.file ?? '-' }, lang), t(a.messageId, undefined, lang)];
  if (a.default !== undefined) parts.push(t(a.default === '' ? 'loci.hover.arg.emptyDefault' : 'loci.hover.arg.default', { value: a.default }, lang));
  else if (a.required) parts.push(t('loci.hover.arg.required', undefined, lang));
  if (a.project) parts.push(t('loci.hover.arg.project', { project: a.project }, lang));
  if (a.targets && a.targets.length === 1) parts.push(t('loci.hover.arg.target', { target: a.targets[0] }, lang));
  return parts.join('\n\n');
}

function dataSource(f: BuildFacts, lang: Lang): string {
  return f.data.source === 'bundled' ? t('loci.hover.source.bundled', { commit: BUNDLED_LOCI_COMMIT.slice(0, 7) }, lang) : t('loci.hover.source.workspace', { path: f.data.source }, lang);
}

/** The PROFILES hover: what this build installs through bindep/pydep, and what the token under the cursor adds. */
export function profilesHoverMarkdown(f: BuildFacts, lang: Lang, token?: string): string {
  const parts: string[] = [];
  if (f.project === undefined) return t('loci.hover.profiles.noProject', undefined, lang);
  parts.push(t('loci.hover.profiles.title', { project: escapeMarkdown(f.project), codename: escapeMarkdown(f.codename), source: escapeMarkdown(dataSource(f, lang)) }, lang));
  if (f.target === 'requirements') parts.push(t('loci.hover.profiles.requirementsTarget', undefined, lang));
  const resolved = f.resolved;
  if (!resolved) {
    parts.push(t('loci.hover.profiles.dynamic', undefined, lang));
    return parts.join('\n\n');
  }
  if (token !== undefined && isStatic(token)) {
    const e = tokenCanMatch(token) ? tokenEffect(f, token) : undefined;
    parts.push(
      e && !e.none
        ? t('loci.hover.profiles.token', { token: codeSpan(token), apt: code(e.apt, lang), pip: code(e.pip, lang) }, lang)
        : t('loci.hover.profiles.tokenNone', { token: codeSpan(token) }, lang),
    );
  }
  parts.push(t('loci.hover.profiles.apt', { packages: code(resolved.apt, lang) }, lang));
  if (f.target !== 'requirements') parts.push(t('loci.hover.profiles.pip', { packages: code(resolved.pip, lang) }, lang));
  const extra = (name: string, id: string) => {
    const e = argEntry(f.build, name);
    if (e?.value && e.value.text.trim()) parts.push(t(id, { packages: code(valueWords(e.value).map((w) => w.token), lang) }, lang));
  };
  extra('DIST_PACKAGES', 'loci.hover.profiles.distPackages');
  extra('PIP_PACKAGES', 'loci.hover.profiles.pipPackages');
  if (resolved.failed.length) parts.push(t('loci.hover.profiles.failed', { count: resolved.failed.length }, lang));
  return parts.join('\n\n');
}

function hoverBuild(ctx: FeatureContext, pos: Position): HoverResult | undefined {
  const loc = locate(ctx, pos);
  if (!loc) return undefined;
  const { build, facts, offset, shift } = loc;
  const file = build.kind === 'base' ? 'Dockerfile.base' : 'Dockerfile';
  for (let i = build.args.length - 1; i >= 0; i--) {
    const e = build.args[i];
    if (within(offset, e.nameSpan)) {
      const a = lociArg(e.name, file);
      if (!a) return undefined;
      return { markdown: argHoverMarkdown(a, ctx.lang), range: shifted(facts.range(e.nameSpan), shift) };
    }
    if (e.value && within(offset, { start: e.value.start, end: e.value.end }) && e.name === 'PROFILES' && build.kind === 'main') {
      const at = e.value.starts.findIndex((s, k) => s <= offset && offset < e.value!.ends[k]);
      const word = at < 0 ? undefined : valueWords(e.value).find((w) => w.start <= at && at < w.end);
      return {
        markdown: profilesHoverMarkdown(facts, ctx.lang, word?.token),
        range: shifted(word ? facts.valueRange(e.value, word.start, word.end) : facts.valueRange(e.value), shift),
      };
    }
  }
  return undefined;
}

/** Work done by one selector hover (tests count it): lines visited, lines parsed. */
export interface SelectorHoverWork {
  lines: number;
  parsed: number;
}

/**
 * Hover on a bindep selector token: its kind, what it pairs with, what it selects. Linear and
 * without a model of the file (a 12 MB bindep file's model is ~500 MB and was parsed per hover):
 * the hovered line is parsed, then only the lines whose text contains the token's name.
 */
export function selectorHoverMarkdown(text: string, pos: Position, lang: Lang, work: SelectorHoverWork = { lines: 0, parsed: 0 }): HoverResult | undefined {
  const parse = (s: string, lineNo: number, hasBreak: boolean) => {
    work.parsed++;
    return parseBindepLine(s, lineNo, hasBreak).entry;
  };
  let hovered: BindepEntry | undefined;
  forEachBindepLine(text, (s, lineNo, hasBreak) => {
    work.lines++;
    if (lineNo < pos.line) return true;
    if (lineNo === pos.line) hovered = parse(s, lineNo, hasBreak);
    return false;
  });
  const tok = hovered?.tokens.find((tk) => tk.range.start.character <= pos.character && pos.character <= tk.range.end.character);
  if (!tok) return undefined;
  const name = tok.name;
  const codenames = new Set(Object.values(CODENAME_VERSIONS).flatMap((v) => Object.keys(v)));
  const kind = name.startsWith('platform:') ? 'platform' : KNOWN_PROJECTS.includes(name) ? 'project' : codenames.has(name) ? 'codename' : 'profile';
  // Sets, not arrays searched per entry (a token shared by 100,000 entries took 28 s: quadratic).
  const groups = new Map<string, Set<string>>();
  const negated: string[] = [];
  const partners = new Set<string>();
  forEachBindepLine(text, (s, lineNo, hasBreak) => {
    work.lines++;
    // A line that uses the token contains its name ([a-z0-9:.-] characters, no escapes).
    if (!s.includes(name)) return;
    const e = parse(s, lineNo, hasBreak);
    if (!e) return;
    for (const u of e.tokens) {
      if (u.name !== name) continue;
      if (u.negated) {
        negated.push(e.package);
        continue;
      }
      const others = u.group === undefined ? [] : e.groups[u.group].tokens.filter((x) => x !== u).map((x) => (x.negated ? '!' : '') + x.name);
      others.forEach((o) => partners.add(o));
      const key = others.join(' ');
      let list = groups.get(key);
      if (!list) groups.set(key, (list = new Set()));
      list.add(e.package);
    }
  });
  const parts = [t('loci.hover.selector.title', { token: escapeMarkdown(name), kind: t(`loci.token.${kind}`, undefined, lang) }, lang)];
  if (partners.size) parts.push(t('loci.hover.selector.pairs', { tokens: escapeMarkdown([...partners].sort().join(', ')) }, lang));
  for (const [key, pkgs] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    parts.push(key ? t('loci.hover.selector.with', { tokens: codeSpan(key), packages: code([...pkgs], lang) }, lang) : t('loci.hover.selector.alone', { packages: code([...pkgs], lang) }, lang));
  }
  if (negated.length) parts.push(t('loci.hover.selector.negated', { packages: code(negated, lang) }, lang));
  return { markdown: parts.join('\n\n'), range: tok.range };
}

// ---------------------------------------------------------------------------------------------
// Completion

interface ValueContext {
  name: string;
  /** The value typed so far (after any opening quote). */
  typed: string;
  /** Column where `typed` starts on the line. */
  column: number;
  /** The value can hold several space-separated words (quoted, or a YAML value / build-args line). */
  multiWord: boolean;
}

type Site = { kind: 'name'; partial: string; column: number; suffix: string } | ({ kind: 'value' } & ValueContext);

/** What the text before the cursor on this line asks for, by file kind. */
function siteAt(ctx: FeatureContext, pos: Position, lines: LineIndex): Site | undefined {
  const line = lines.lineText(pos.line);
  const before = line.slice(0, pos.character);
  const kind = detectKind(ctx.path, ctx.text, ctx.languageId);
  const isYaml = kind === 'yaml' || kind === 'kubernetes';
  if (kind === 'dockerfile') {
    let m = /^(\s*ARG\s+)([A-Za-z_0-9]*)$/i.exec(before);
    if (m) return { kind: 'name', partial: m[2], column: m[1].length, suffix: '=' };
    m = /^(\s*ARG\s+([A-Za-z_][A-Za-z0-9_]*)=(["']?))(.*)$/i.exec(before);
    if (m) return { kind: 'value', name: m[2], typed: m[4], column: m[1].length, multiWord: m[3] !== '' };
    return undefined;
  }
  if (isYaml) {
    const parent = parentLine(lines, pos.line);
    if (parent === undefined) return undefined;
    if (/^\s*args:\s*$/.test(parent)) {
      let m = /^(\s*-\s*["']?)([A-Za-z_0-9]*)$/.exec(before);
      if (m) return { kind: 'name', partial: m[2], column: m[1].length, suffix: '=' };
      m = /^(\s*-\s*["']?([A-Za-z_][A-Za-z0-9_]*)=)(.*)$/.exec(before);
      if (m) return { kind: 'value', name: m[2], typed: m[3], column: m[1].length, multiWord: true };
      m = /^(\s*)([A-Za-z_0-9]*)$/.exec(before);
      if (m) return { kind: 'name', partial: m[2], column: m[1].length, suffix: ': ' };
      m = /^(\s*([A-Za-z_][A-Za-z0-9_]*):\s*(["']?))(.*)$/.exec(before);
      if (m) return { kind: 'value', name: m[2], typed: m[4], column: m[1].length, multiWord: true };
      return undefined;
    }
    if (/^\s*build_args:\s*$/.test(parent)) {
      // Ansible / Zuul: `- "NAME='value'"`.
      let m = /^(\s*-\s*["']?)([A-Za-z_0-9]*)$/.exec(before);
      if (m) return { kind: 'name', partial: m[2], column: m[1].length, suffix: '=' };
      m = /^(\s*-\s*["']?([A-Za-z_][A-Za-z0-9_]*)=(["']?))([^"']*)$/.exec(before);
      if (m) return { kind: 'value', name: m[2], typed: m[4], column: m[1].length, multiWord: true };
      return undefined;
    }
    if (/^\s*build-args:\s*[|>][-+0-9]*\s*$/.test(parent)) {
      let m = /^(\s*)([A-Za-z_0-9]*)$/.exec(before);
      if (m) return { kind: 'name', partial: m[2], column: m[1].length, suffix: '=' };
      m = /^(\s*([A-Za-z_][A-Za-z0-9_]*)=)(.*)$/.exec(before);
      if (m) return { kind: 'value', name: m[2], typed: m[3], column: m[1].length, multiWord: true };
      return undefined;
    }
    return undefined;
  }
  let m = /^(.*--build-arg[= ]+["']?)([A-Za-z_0-9]*)$/.exec(before);
  if (m) return { kind: 'name', partial: m[2], column: m[1].length, suffix: '=' };
  m = /^(.*--build-arg[= ]+["']?([A-Za-z_][A-Za-z0-9_]*)=(["']?))([^"']*)$/.exec(before);
  if (m) return { kind: 'value', name: m[2], typed: m[4], column: m[1].length, multiWord: m[3] !== '' };
  return undefined;
}

/** The nearest line above with less indentation (blank and comment lines skipped). */
function parentLine(lines: LineIndex, line: number): string | undefined {
  const cur = lines.lineText(line);
  const indent = cur.length - cur.trimStart().length;
  for (let l = line - 1; l >= 0; l--) {
    const s = lines.lineText(l);
    if (!s.trim() || s.trimStart().startsWith('#')) continue;
    const ind = s.length - s.trimStart().length;
    if (ind < indent || (ind === indent && /^\s*-/.test(cur) && !/^\s*-/.test(s))) return s;
  }
  return undefined;
}

function range(line: number, a: number, b: number): Range {
  return { start: { line, character: a }, end: { line, character: b } };
}

function nameCompletions(present: Set<string>, base: boolean, site: Extract<Site, { kind: 'name' }>, pos: Position, lang: Lang): CompletionResult[] {
  const list = (base ? DOCKERFILE_BASE_ARGS : DOCKERFILE_ARGS).filter((a) => a.status === 'active' && !present.has(a.name));
  return list.map((a, i) => ({
    label: a.name,
    kind: 'property' as const,
    detail: a.default !== undefined ? t('loci.completion.argDefault', { value: a.default === '' ? '""' : a.default }, lang) : a.required ? t('loci.completion.argRequired', undefined, lang) : undefined,
    documentation: t(a.messageId, undefined, lang),
    insertText: a.name + site.suffix,
    sortText: String(a.required ? 0 : 1) + String(i).padStart(3, '0'),
    range: range(pos.line, site.column, pos.character),
    retrigger: true,
  }));
}

function valueCompletions(f: BuildFacts | undefined, site: Extract<Site, { kind: 'value' }>, pos: Position, lang: Lang): CompletionResult[] {
  const words = site.typed.split(/[ \t]/);
  const partial = words[words.length - 1];
  if (words.length > 1 && !site.multiWord) return [];
  const r = range(pos.line, pos.character - partial.length, pos.character);
  if (site.name === 'PROFILES') {
    const present = new Set(words.slice(0, -1));
    if (f?.project !== undefined) {
      return usefulProfiles(f)
        .filter((p) => !present.has(p.token))
        .map((p) => ({
          label: p.token,
          kind: 'value' as const,
          detail: t(p.needsOneOf.length ? 'loci.completion.profileNeeds' : 'loci.completion.profile', { apt: code(p.apt, lang), pip: code(p.pip, lang), partners: p.needsOneOf.join(', ') }, lang),
          documentation: t('loci.completion.profileFor', { project: f.project!, codename: f.codename }, lang),
          range: r,
        }));
    }
    const profiles = f?.valid.profiles ?? [];
    return profiles.filter((p) => !present.has(p)).map((p) => ({ label: p, kind: 'value' as const, detail: t('loci.token.profile', undefined, lang), range: r }));
  }
  if (site.name === 'PROJECT') {
    const projects = [...new Set([...KNOWN_PROJECTS, ...(f?.valid.projects ?? [])])].sort();
    return projects.map((p) => ({
      label: p,
      kind: 'value' as const,
      detail: t(p === REQUIREMENTS_PROJECT ? 'loci.completion.projectRequirements' : 'loci.completion.project', undefined, lang),
      range: r,
    }));
  }
  if (site.name === 'KEEP_ALL_WHEELS') {
    return ['False', 'True'].map((v) => ({ label: v, kind: 'enum' as const, detail: t(`loci.completion.keepAllWheels.${v}`, undefined, lang), range: r }));
  }
  if (site.name === 'PROJECT_REF') {
    return [...CI_RELEASES.map((rel) => `stable/${rel}`), 'master'].map((v, i) => ({ label: v, kind: 'value' as const, detail: t('loci.completion.ref', undefined, lang), sortText: String(i).padStart(2, '0'), range: r }));
  }
  return [];
}

function completeBuild(ctx: FeatureContext, pos: Position): CompletionResult[] {
  const lines = new LineIndex(ctx.text);
  const site = siteAt(ctx, pos, lines);
  if (!site) return [];
  const loc = locate(ctx, pos);
  if (detectKind(ctx.path, ctx.text, ctx.languageId) === 'dockerfile' && !loc) {
    // ARG completion only in loci Dockerfiles.
    const model = ctx.analyzer.dockerfileFor(ctx.path, ctx.text);
    if (!lociDockerfileKind(model, ctx.path)) return [];
  }
  if (site.kind === 'name') {
    // A build being typed may not look like a loci build yet: use any docker build around the cursor.
    const around = loc?.build ?? (detectKind(ctx.path, ctx.text, ctx.languageId) === 'shell' ? buildAround(allShellBuilds(ctx.text, ctx.analyzer.providers), lines.offsetAt(pos)) : undefined);
    const off = loc ? loc.offset : lines.offsetAt(pos);
    const present = new Set((around?.args ?? []).filter((e: LociArgEntry) => !within(off, e.nameSpan)).map((e) => e.name));
    return nameCompletions(present, around?.kind === 'base', site, pos, ctx.lang);
  }
  return valueCompletions(loc?.facts, site, pos, ctx.lang);
}

export const lociFeatures: FeatureProvider = {
  kinds: ['dockerfile', 'yaml', 'kubernetes', 'shell', 'bindep'],
  hover(ctx, pos) {
    if (isBindep(ctx)) return selectorHoverMarkdown(ctx.text, pos, ctx.lang);
    return hoverBuild(ctx, pos);
  },
  completion(ctx, pos) {
    if (isBindep(ctx)) return [];
    return completeBuild(ctx, pos);
  },
};

function isBindep(ctx: FeatureContext): boolean {
  return detectKind(ctx.path, ctx.text, ctx.languageId) === 'bindep';
}
