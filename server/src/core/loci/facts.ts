/**
 * What a loci build means, derived once per build and shared by every rule, hover and completion:
 * its target, PROJECT, PROFILES words, codename and platform, the bindep/pydep data that applies
 * (the workspace's loci checkout or the bundled copy, plus EXTRA_BINDEP / EXTRA_PYDEP files), the
 * valid profile tokens, and the packages it resolves to.
 */
import type { DockyardConfig } from '../config/config';
import type { Range } from '../types';
import { platformProfiles, type BindepFile } from './bindep';
import { DEFAULT_CODENAME, releaseOfRef } from './args';
import { codenameOf, distroOf, parseDistributions, parseImageRef, type Distribution, type ImageRef } from './images';
import { basenameOf, dirnameOf } from './paths';
import { profileEffect, profilesForProject, resolvePackages, validProfileTokens, type LociBuildTarget, type ProjectProfile, type ResolvedPackages, type ValidTokens } from './profiles';
import { contextDir, lociDataFor, lociExtraFile, type LociData } from './provider';
import type { Providers } from '../providers';
import { argEntry, spanRange, staticText, type LociArgEntry, type LociBuild, type Span } from './sources';
import { isStatic, rangeIn, UNKNOWN, valueWords, type SourceText, type TextWord } from './value';

export type LociConfig = DockyardConfig['loci'];

export interface ProfileWord extends TextWord {
  /** The word contains nothing unknown. */
  static: boolean;
}

export interface BuildFacts {
  build: LociBuild;
  path: string;
  config: LociConfig;
  /**
   * `project` / `requirements`: the Dockerfile target this build produces (no `--target` = the last
   * stage, `project`); `other`: a stage loci does not have (a fork); `unknown`: a Dockerfile's ARG
   * defaults serve every target, or the target is not static.
   */
  target: 'project' | 'requirements' | 'other' | 'unknown';
  /** The target to evaluate profiles for (`project` unless the build is a requirements build). */
  evalTarget: LociBuildTarget;
  projectEntry?: LociArgEntry;
  /** Static PROJECT value. */
  project?: string;
  profilesEntry?: LociArgEntry;
  profileWords: ProfileWord[];
  /** Every PROFILES word is static. */
  profilesStatic: boolean;
  /** Static PROFILES words. */
  profileTokens: string[];
  fromEntry?: LociArgEntry;
  fromRef?: ImageRef;
  distributions: Distribution[];
  distro: string;
  codename: string;
  platform: string[];
  /** Static PROJECT_RELEASE (default `master`). */
  projectRelease: string;
  data: LociData;
  bindep: BindepFile[];
  pydep: BindepFile[];
  /** EXTRA_BINDEP / EXTRA_PYDEP name files that could not be read (or are not static): token checks stay quiet. */
  extrasUnknown: boolean;
  /** The folder of the build context, when it can be told. */
  contextDir?: string;
  /** The providers the facts were derived with (the service's; undefined: bundled data only). */
  providers?: Providers;
  valid: ValidTokens;
  /** Packages loci's bindep calls select (project static and PROFILES static), else undefined. */
  resolved?: ResolvedPackages;
  /** codename, PROJECT_RELEASE, target and platform: what evaluation depends on besides data, project and profiles. */
  evalKey: string;
  /** Range helpers in this build's coordinates. */
  range(s: Span): Range;
  valueRange(v: SourceText, a?: number, b?: number): Range;
}

/** `providers`: the service's (its loci data); undefined uses the bundled data. */
export function buildFacts(build: LociBuild, path: string, config: LociConfig, providers?: Providers): BuildFacts {
  const key = `${path}\u0000${JSON.stringify(config)}`;
  const revision = providers?.revision ?? 0;
  let d = build.derived;
  if (!d || d.providers !== providers || d.revision !== revision) d = build.derived = { providers, revision, byKey: new Map() };
  const per = d.byKey as Map<string, BuildFacts>;
  let f = per.get(key);
  if (!f) {
    f = computeFacts(build, path, config, providers);
    if (per.size > 8) per.clear();
    per.set(key, f);
  }
  return f;
}

function repoRootOf(path: string): string | undefined {
  const m = /^(.*)[\\/]\.github[\\/]workflows[\\/][^\\/]+$/.exec(path);
  return m ? m[1] || '/' : undefined;
}

/** Ansible / Zuul runs from the repository root: the folder above `playbooks/`, `zuul.d/`, `vars/` … */
function ansibleRootOf(path: string): string | undefined {
  if (!path) return undefined;
  const dir = dirnameOf(path);
  return /^(playbooks|zuul\.d|vars|group_vars|host_vars|ci)$/.test(basenameOf(dir)) ? dirnameOf(dir) : dir;
}

function computeFacts(b: LociBuild, path: string, config: LociConfig, providers: Providers | undefined): BuildFacts {
  const distributions = parseDistributions(config.distributions.length ? config.distributions : ['ubuntu']);
  const targetText = b.target ? staticText(b.target) : undefined;
  let target: BuildFacts['target'];
  if (b.declarations) target = 'unknown';
  else if (!b.target) target = 'project';
  else if (targetText === undefined) target = 'unknown';
  else target = targetText === 'requirements' ? 'requirements' : targetText === 'project' ? 'project' : 'other';
  const evalTarget: LociBuildTarget = target === 'requirements' ? 'requirements' : 'project';

  const projectEntry = argEntry(b, 'PROJECT');
  const project = projectEntry?.value && isStatic(projectEntry.value) && projectEntry.value.text !== '' ? projectEntry.value.text : undefined;
  const profilesEntry = argEntry(b, 'PROFILES');
  const profileWords: ProfileWord[] = profilesEntry?.value ? valueWords(profilesEntry.value).map((w) => ({ ...w, static: !w.token.includes(UNKNOWN) })) : [];
  const profilesStatic = !profilesEntry || (!!profilesEntry.value && profileWords.every((w) => w.static));
  const profileTokens = profileWords.filter((w) => w.static).map((w) => w.token);

  // Base image: FROM's codename and distro; WHEELS's codename; the Dockerfile default ubuntu:jammy.
  const fromEntry = argEntry(b, 'FROM');
  const fromRef = fromEntry?.value ? parseImageRef(fromEntry.value.text) : undefined;
  const wheels = argEntry(b, 'WHEELS');
  const wheelsRef = wheels?.value ? parseImageRef(wheels.value.text) : undefined;
  const fromMissing = !fromEntry && !b.declarations && b.kind === 'main';
  const codename =
    (fromRef && codenameOf(fromRef)) ??
    (wheelsRef && codenameOf(wheelsRef)) ??
    (fromMissing ? 'jammy' : b.kind === 'base' && !fromEntry ? 'noble' : DEFAULT_CODENAME);
  const distro = (fromRef && distroOf(fromRef, distributions)) ?? (fromMissing ? 'ubuntu' : undefined) ?? distributions.find((d) => d.id === 'ubuntu')?.id ?? distributions[0]?.id ?? 'ubuntu';
  const dist = distributions.find((d) => d.id === distro);
  const platform = platformProfiles(distro, codename, undefined, dist ? { extraAtoms: dist.atoms } : {});
  const releaseEntry = argEntry(b, 'PROJECT_RELEASE');
  const projectRelease = releaseEntry?.value && isStatic(releaseEntry.value) ? releaseEntry.value.text : 'master';

  // Data: the loci checkout the build uses, else config.loci.path, else the bundled copy.
  const ctxText = b.context ? staticText(b.context) : undefined;
  const root = b.source === 'workflow' ? repoRootOf(path) : b.source === 'ansible' ? ansibleRootOf(path) : undefined;
  const ctxDir = b.source === 'dockerfile' ? (path ? dirnameOf(path) : undefined) : root !== undefined ? contextDir(root + '/x', ctxText ?? '.') : contextDir(path, ctxText ?? (b.source === 'compose' ? '.' : undefined));
  const candidates = b.source === 'shell' ? [config.path || undefined, ctxDir] : [ctxDir, config.path || undefined];
  const data = lociDataFor(providers, candidates, path);
  const checkout = data.source !== 'bundled' ? data.source : ctxDir;
  const bindep = [data.bindep];
  const pydep = [data.pydep];
  let extrasUnknown = false;
  for (const name of ['EXTRA_BINDEP', 'EXTRA_PYDEP']) {
    const e = argEntry(b, name);
    if (!e) continue;
    if (!e.value || !isStatic(e.value)) {
      extrasUnknown = true;
      continue;
    }
    for (const w of valueWords(e.value)) {
      const base = basenameOf(w.token);
      // loci adds every EXTRA file to /opt/loci/ and globs bindep* / pydep*: the name decides the role.
      const target = base.startsWith('bindep') ? bindep : base.startsWith('pydep') ? pydep : undefined;
      if (!target) continue;
      const file = lociExtraFile(providers, checkout, w.token, path);
      if (file) target.push(file);
      else extrasUnknown = true;
    }
  }
  const valid = validTokens(bindep, pydep, project);
  let resolved: ResolvedPackages | undefined;
  const f: BuildFacts = {
    build: b,
    path,
    config,
    target,
    evalTarget,
    projectEntry,
    project,
    profilesEntry,
    profileWords,
    profilesStatic,
    profileTokens,
    fromEntry,
    fromRef,
    distributions,
    distro,
    codename,
    platform,
    projectRelease,
    data,
    bindep,
    pydep,
    extrasUnknown,
    contextDir: checkout,
    providers,
    valid,
    evalKey: `${codename}\u0000${projectRelease}\u0000${evalTarget}\u0000${platform.join(' ')}`,
    get resolved() {
      if (resolved === undefined && project !== undefined && profilesStatic) {
        resolved = memo(f, `resolve\u0000${project}\u0000${profileTokens.join(' ')}`, () =>
          resolvePackages({ project, profiles: profileTokens, codename, projectRelease, target: evalTarget, bindep, pydep, platform }),
        );
      }
      return resolved;
    },
    range: (s) => spanRange(b, s),
    valueRange: (v, a = 0, e = v.text.length) => rangeIn(v, a, e, b.lines),
  };
  return f;
}

/** What is derived from one bindep file with one pydep file (held by the bindep file: `BindepFile.derived`). */
interface PairState {
  valid: Map<string, ValidTokens>;
  memo: Map<string, unknown>;
  useful: Map<string, ProjectProfile[]>;
}

function pairState(bindep: BindepFile, pydep: BindepFile): PairState {
  const byPydep = (bindep.derived ??= new WeakMap()) as WeakMap<BindepFile, PairState>;
  let st = byPydep.get(pydep);
  if (!st) byPydep.set(pydep, (st = { valid: new Map(), memo: new Map(), useful: new Map() }));
  return st;
}

function validTokens(bindep: BindepFile[], pydep: BindepFile[], project: string | undefined): ValidTokens {
  if (bindep.length !== 1 || pydep.length !== 1) return validProfileTokens(bindep, pydep, project ? [project] : []);
  const byProject = pairState(bindep[0], pydep[0]).valid;
  const k = project ?? '';
  let v = byProject.get(k);
  if (!v) {
    v = validProfileTokens(bindep, pydep, project ? [project] : []);
    byProject.set(k, v);
  }
  return v;
}

/**
 * Memoise a computation on this build's data (many builds in a file share project, profiles and
 * codename). Only for builds without EXTRA files (their data is per build).
 */
function memo<T>(f: BuildFacts, key: string, compute: () => T): T {
  if (f.bindep.length !== 1 || f.pydep.length !== 1) return compute();
  const m = pairState(f.bindep[0], f.pydep[0]).memo;
  const k = `${key}\u0000${f.evalKey}`;
  if (m.has(k)) return m.get(k) as T;
  const v = compute();
  if (m.size > 4096) m.clear();
  m.set(k, v);
  return v;
}

/** What `token` changes for this build's PROJECT given its whole PROFILES list (memoised). */
export function tokenEffect(f: BuildFacts, token: string, project = f.project ?? '') {
  return memo(f, `effect\u0000${project}\u0000${token}\u0000${f.profileTokens.join(' ')}`, () =>
    profileEffect(project, token, { codename: f.codename, bindep: f.bindep, pydep: f.pydep, platform: f.platform, projectRelease: f.projectRelease, target: f.evalTarget, profiles: f.profileTokens }),
  );
}

/** The profiles that do something for `project` in this build's data (cached per data, project and platform). */
export function usefulProfiles(f: BuildFacts, project = f.project): ProjectProfile[] {
  if (project === undefined) return [];
  const ctx = { codename: f.codename, bindep: f.bindep, pydep: f.pydep, platform: f.platform, projectRelease: f.projectRelease };
  if (f.bindep.length !== 1 || f.pydep.length !== 1) return profilesForProject(project, ctx);
  const m = pairState(f.bindep[0], f.pydep[0]).useful;
  const key = `${project}\u0000${f.codename}\u0000${f.projectRelease}\u0000${f.platform.join(' ')}`;
  let v = m.get(key);
  if (!v) {
    v = profilesForProject(project, ctx);
    if (m.size > 256) m.clear();
    m.set(key, v);
  }
  return v;
}

/** The projects named in the data (not `requirements`) for which `token` alone adds something. */
export function projectsUsing(f: BuildFacts, token: string): string[] {
  const ctx = { codename: f.codename, bindep: f.bindep, pydep: f.pydep, platform: f.platform, projectRelease: f.projectRelease };
  return memo(f, `users\u0000${token}`, () => f.valid.projects.filter((p) => p !== 'requirements' && !profileEffect(p, token, { ...ctx, profiles: [token] }).none));
}

/** Whether any bindep/pydep file of the build fails to parse (then bindep silently installs nothing from it). */
export function dataBroken(f: BuildFacts): boolean {
  return [...f.bindep, ...f.pydep].some((x) => x.errors.length > 0);
}

/** Release named by a PROJECT_REF value (`stable/2025.2` → `2025.2`, `master`). */
export function refRelease(ref: string | undefined): string | undefined {
  return ref === undefined ? undefined : releaseOfRef(ref);
}

