/**
 * loci semantics on top of the bindep engine: which packages a build installs for a PROJECT, PROFILES
 * and codename, what each profile token adds, which tokens exist, and suggestions for unknown ones.
 *
 * How loci calls bindep (REFERENCE.md §2.1; scripts at openstack/loci 3069ce16):
 * - system packages: `bindep -f <each /opt/loci/bindep*> -b -l newline $PROJECT $PROFILES $DISTRIB_CODENAME`
 *   (helpers.sh:17-18, project.sh:12), output goes to `apt-get install`;
 * - Python packages, project target only: `bindep -f <each /opt/loci/pydep*> -b -l newline $PROJECT
 *   $PROJECT_RELEASE $PROFILES` (project.sh:19-20), output goes to `pip install`;
 * - requirements target: only `$PROJECT <codename>` against bindep (requirements.sh:12); pydep is not read.
 * Every call ends in `|| :`, so a failing bindep call (syntax error in the file, bad command line)
 * silently contributes nothing. bindep adds the platform:* profiles itself.
 *
 * Pure: no fs, no vscode/LSP.
 */
import {
  bindepCommandProfiles,
  CODENAME_VERSIONS,
  evaluate,
  parseBindep,
  platformProfiles,
  tokens,
  type BindepFile,
} from './bindep';
import { LOCI_BINDEP_TXT, LOCI_PYDEP_TXT } from './data';
import { DEFAULT_CODENAME, KNOWN_PROJECTS, MOD_OAUTH2 } from './args';

// ---------------------------------------------------------------------------------------------
// Upstream data

/**
 * loci's own bindep.txt and pydep.txt (the embedded copy), parsed when the module loads (< 1 ms): a
 * constant shared by every service (what is derived from a file is a function of its text and is
 * held by the file itself, see facts.ts).
 */
const UPSTREAM: { readonly bindep: BindepFile; readonly pydep: BindepFile } = { bindep: parseBindep(LOCI_BINDEP_TXT), pydep: parseBindep(LOCI_PYDEP_TXT) };

/** loci's own bindep.txt and pydep.txt (embedded copy). */
export function upstreamFiles(): { bindep: BindepFile; pydep: BindepFile } {
  return UPSTREAM;
}

function asList(f: BindepFile | readonly BindepFile[] | undefined, fallback: BindepFile): readonly BindepFile[] {
  if (f === undefined) return [fallback];
  return Array.isArray(f) ? (f as readonly BindepFile[]) : [f as BindepFile];
}

// ---------------------------------------------------------------------------------------------
// Shell words

export interface Word {
  token: string;
  /** Offsets into the value the word came from. */
  start: number;
  end: number;
}

/**
 * Split a build-arg value the way loci's unquoted `$PROFILES` expansion does (default IFS: space, tab,
 * newline). Quotes are NOT removed: the value reaches the shell already expanded, so a literal `'`
 * stays part of the token (R2).
 */
export function splitWords(value: string): Word[] {
  const out: Word[] = [];
  const re = /[^ \t\n]+/g;
  for (let m = re.exec(value); m; m = re.exec(value)) out.push({ token: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

// ---------------------------------------------------------------------------------------------
// bindep command line

/**
 * What bindep's argparse does with an argument starting with `-`: `-b`/`--brief` (and its unambiguous
 * prefixes `--b`…`--brie`) is the flag loci already passes (harmless), `--` ends the options, a negative
 * number is positional; anything else is an unknown or misused option and bindep exits with an error.
 */
function optionKind(arg: string): 'positional' | 'harmless' | 'fatal' {
  if (!arg.startsWith('-') || arg === '-') return 'positional';
  if (/^-\d+$|^-\d*\.\d+$/.test(arg)) return 'positional';
  if (arg === '--' || arg === '-b' || (arg.length >= 3 && '--brief'.startsWith(arg))) return 'harmless';
  return 'fatal';
}

/** One bindep invocation per file, like loci's loop over `/opt/loci/bindep*`. */
function runBindep(
  files: readonly BindepFile[],
  args: readonly string[],
  platform: readonly string[],
): { packages: string[]; failed: { file: BindepFile; reason: 'syntax' | 'command-line' }[] } {
  const failed: { file: BindepFile; reason: 'syntax' | 'command-line' }[] = [];
  const cliBroken = args.some((a) => optionKind(a) === 'fatal');
  const profiles = bindepCommandProfiles(args.filter((a) => optionKind(a) === 'positional'));
  const packages: string[] = [];
  for (const file of files) {
    if (cliBroken) failed.push({ file, reason: 'command-line' });
    else if (file.errors.length > 0) failed.push({ file, reason: 'syntax' });
    else for (const e of evaluate(file, profiles, platform)) packages.push(e.package);
  }
  return { packages, failed };
}

const sortedUnique = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

// ---------------------------------------------------------------------------------------------
// resolvePackages

export type LociBuildTarget = 'project' | 'requirements';

export interface ResolveOptions {
  /** PROJECT (an empty string behaves like an unset variable: it disappears from the command line). */
  project: string;
  /** PROFILES, already split into words (see splitWords). */
  profiles?: readonly string[];
  /** DISTRIB_CODENAME of the base image; default `noble`. */
  codename?: string;
  /** PROJECT_RELEASE; default `master` (the Dockerfile default). */
  projectRelease?: string;
  /** Dockerfile target; default `project`. */
  target?: LociBuildTarget;
  /** bindep files (loci's plus EXTRA_BINDEP); default loci's bindep.txt. */
  bindep?: BindepFile | readonly BindepFile[];
  /** pydep files (loci's plus EXTRA_PYDEP); default loci's pydep.txt. */
  pydep?: BindepFile | readonly BindepFile[];
  /** platform:* profiles; default what bindep computes on Ubuntu `codename`. */
  platform?: readonly string[];
}

export interface ResolvedPackages {
  /** apt packages from bindep, sorted, without duplicates. */
  apt: string[];
  /** pip packages from pydep, sorted, without duplicates (always empty for the requirements target). */
  pip: string[];
  /** Files whose bindep call fails (and, through `|| :`, silently installs nothing). */
  failed: { kind: 'bindep' | 'pydep'; file: BindepFile; reason: 'syntax' | 'command-line' }[];
}

/** The exact user-profile arguments loci passes to bindep for system packages. */
export function bindepArgs(o: ResolveOptions): string[] {
  const codename = o.codename ?? DEFAULT_CODENAME;
  if ((o.target ?? 'project') === 'requirements') return [o.project, codename].filter((a) => a !== '');
  return [o.project, ...(o.profiles ?? []), codename].filter((a) => a !== '');
}

/** The exact user-profile arguments loci passes to bindep for Python packages (project target only). */
export function pydepArgs(o: ResolveOptions): string[] {
  return [o.project, o.projectRelease ?? 'master', ...(o.profiles ?? [])].filter((a) => a !== '');
}

/** The apt and pip packages loci's bindep calls select (without DIST_PACKAGES / PIP_PACKAGES). */
export function resolvePackages(o: ResolveOptions): ResolvedPackages {
  const up = upstreamFiles();
  const codename = o.codename ?? DEFAULT_CODENAME;
  const platform = o.platform ?? platformProfiles('ubuntu', codename);
  const failed: ResolvedPackages['failed'] = [];
  const sys = runBindep(asList(o.bindep, up.bindep), bindepArgs(o), platform);
  failed.push(...sys.failed.map((f) => ({ kind: 'bindep' as const, ...f })));
  let pip: string[] = [];
  if ((o.target ?? 'project') === 'project') {
    const py = runBindep(asList(o.pydep, up.pydep), pydepArgs(o), platform);
    failed.push(...py.failed.map((f) => ({ kind: 'pydep' as const, ...f })));
    pip = sortedUnique(py.packages);
  }
  return { apt: sortedUnique(sys.packages), pip, failed };
}

// ---------------------------------------------------------------------------------------------
// profileEffect

export type EffectContext = Partial<Omit<ResolveOptions, 'project'>>;

export interface ProfileEffect {
  token: string;
  /** Packages present with the token and absent without it. */
  apt: string[];
  pip: string[];
  /** Packages present without the token and absent with it (a token can veto through `!token`). */
  removedApt: string[];
  removedPip: string[];
  /** Nothing changes (R3 "adds nothing for PROJECT"). */
  none: boolean;
}

/**
 * What `token` changes for `project`: resolve with the context's PROFILES plus the token, and with every
 * occurrence of the token removed, and compare. Pass the whole PROFILES list in `ctx.profiles` so that
 * combinations count (keystone `mellon` only adds something together with `apache`).
 */
export function profileEffect(project: string, token: string, ctx: EffectContext = {}): ProfileEffect {
  const others = (ctx.profiles ?? []).filter((p) => p !== token);
  const withIt = (ctx.profiles ?? []).includes(token) ? [...(ctx.profiles ?? [])] : [...others, token];
  const a = resolvePackages({ ...ctx, project, profiles: withIt });
  const b = resolvePackages({ ...ctx, project, profiles: others });
  const minus = (x: string[], y: string[]) => x.filter((p) => !y.includes(p));
  const apt = minus(a.apt, b.apt);
  const pip = minus(a.pip, b.pip);
  const removedApt = minus(b.apt, a.apt);
  const removedPip = minus(b.pip, a.pip);
  return { token, apt, pip, removedApt, removedPip, none: apt.length + pip.length + removedApt.length + removedPip.length === 0 };
}

// ---------------------------------------------------------------------------------------------
// Token inventory

export type TokenKind = 'project' | 'codename' | 'profile' | 'pseudo' | 'platform';

export interface TokenClasses {
  projects: string[];
  codenames: string[];
  profiles: string[];
  platform: string[];
}

export interface ValidTokens extends TokenClasses {
  /** Every user token a PROFILES value may name (projects, codenames, profiles, pseudo), sorted. */
  all: string[];
  /** `mod_oauth2`. */
  pseudo: string[];
  bindep: TokenClasses;
  pydep: TokenClasses;
  kind: Map<string, TokenKind>;
}

const KNOWN_CODENAMES: ReadonlySet<string> = new Set(Object.values(CODENAME_VERSIONS).flatMap((t) => Object.keys(t)));

function classify(names: Iterable<string>, projects: ReadonlySet<string>): TokenClasses {
  const out: TokenClasses = { projects: [], codenames: [], profiles: [], platform: [] };
  for (const n of names) {
    if (n.startsWith('platform:')) out.platform.push(n);
    else if (projects.has(n)) out.projects.push(n);
    else if (KNOWN_CODENAMES.has(n)) out.codenames.push(n);
    else out.profiles.push(n);
  }
  for (const k of Object.keys(out) as (keyof TokenClasses)[]) out[k].sort();
  return out;
}

/**
 * The tokens the given files use, classified: project names (loci CI's PROJECT list plus `requirements`,
 * plus `extraProjects`), distro codenames, and everything else as profiles; plus the `mod_oauth2`
 * pseudo-profile. Defaults to loci's own files.
 */
export function validProfileTokens(
  bindep?: BindepFile | readonly BindepFile[],
  pydep?: BindepFile | readonly BindepFile[],
  extraProjects: readonly string[] = [],
): ValidTokens {
  const up = upstreamFiles();
  const projects = new Set([...KNOWN_PROJECTS, ...extraProjects]);
  const names = (files: readonly BindepFile[]) => new Set(files.flatMap((f) => { const t = tokens(f); return [...t.user, ...t.platform]; }));
  const b = classify(names(asList(bindep, up.bindep)), projects);
  const p = classify(names(asList(pydep, up.pydep)), projects);
  const union = (k: keyof TokenClasses) => sortedUnique([...b[k], ...p[k]]);
  const result: ValidTokens = {
    projects: union('projects'),
    codenames: union('codenames'),
    profiles: union('profiles'),
    platform: union('platform'),
    pseudo: [MOD_OAUTH2.token],
    all: [],
    bindep: b,
    pydep: p,
    kind: new Map(),
  };
  result.all = sortedUnique([...result.projects, ...result.codenames, ...result.profiles, ...result.pseudo]);
  for (const n of result.projects) result.kind.set(n, 'project');
  for (const n of result.codenames) result.kind.set(n, 'codename');
  for (const n of result.profiles) result.kind.set(n, 'profile');
  for (const n of result.pseudo) result.kind.set(n, 'pseudo');
  for (const n of result.platform) result.kind.set(n, 'platform');
  return result;
}

/** R2: bindep's selector grammar is `'!'? [a-z0-9:.-]+`, so any other token can never match. */
export function tokenCanMatch(token: string): boolean {
  return /^[a-z0-9:.-]+$/.test(token);
}

/**
 * keystone's oauth2 script runs when PROFILES contains the substring `mod_oauth2`, PROJECT is keystone
 * and the build machine is x86_64 (scripts/project_specific/keystone/01_add_oauth_modules.sh:9).
 */
export function modOauth2Active(project: string, profilesValue: string, arch: string = MOD_OAUTH2.arch): boolean {
  return profilesValue.includes(MOD_OAUTH2.token) && project === MOD_OAUTH2.project && arch === MOD_OAUTH2.arch;
}

// ---------------------------------------------------------------------------------------------
// Suggestions

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The best replacement for an unknown token, or undefined when nothing is close. Preference order:
 * 1. the same token after normalising (lower case, quotes and commas stripped, then `_` → `-`): `'LVM` → `lvm`;
 * 2. a candidate that is a prefix of the token, longest first (`qemu-utils` → `qemu`, `lvm,ceph` → `lvm`),
 *    then a candidate the token is a prefix of, shortest first (`purestor` → `purestorage`);
 * 3. a candidate contained in the token or containing it (at least 3 characters), longest overlap first;
 * 4. the smallest edit distance, at most max(1, ⌊length/3⌋) (`cehp` → `ceph`, `openvswich` → `openvswitch`).
 * Ties go to the alphabetically first candidate.
 */
export function nearestToken(token: string, candidates: readonly string[]): string | undefined {
  const cands = sortedUnique(candidates.filter((c) => c.length > 0 && c !== token));
  if (cands.length === 0 || token.length === 0) return undefined;
  const norm = token.toLowerCase().replace(/["'`,]/g, '');
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const pick = (xs: string[], better: (a: string, b: string) => number) => (xs.length ? [...xs].sort((a, b) => better(a, b) || byName(a, b))[0] : undefined);

  if (norm !== token && cands.includes(norm)) return norm;
  const dashed = norm.replace(/_/g, '-');
  if (dashed !== token && cands.includes(dashed)) return dashed;
  const t = norm || token.toLowerCase();
  const prefixOfToken = cands.filter((c) => c.length >= 2 && t.startsWith(c));
  const r1 = pick(prefixOfToken, (a, b) => b.length - a.length);
  if (r1) return r1;
  const tokenIsPrefix = cands.filter((c) => t.length >= 2 && c.startsWith(t));
  const r2 = pick(tokenIsPrefix, (a, b) => a.length - b.length);
  if (r2) return r2;
  const overlap = cands.filter((c) => (c.length >= 3 && t.includes(c)) || (t.length >= 3 && c.includes(t)));
  const r3 = pick(overlap, (a, b) => Math.min(b.length, t.length) - Math.min(a.length, t.length));
  if (r3) return r3;
  const limit = Math.max(1, Math.floor(t.length / 3));
  const scored = cands.map((c) => ({ c, d: editDistance(t, c) })).filter((x) => x.d <= limit);
  const best = Math.min(...scored.map((x) => x.d));
  return pick(scored.filter((x) => x.d === best).map((x) => x.c), () => 0);
}

// ---------------------------------------------------------------------------------------------
// profilesForProject

export interface ProjectProfile {
  token: string;
  /** What the token adds for the project (alone, or together with one of `needsOneOf`). */
  apt: string[];
  pip: string[];
  /** Empty when the token works alone; otherwise the profiles it only works together with. */
  needsOneOf: string[];
  /** The token also does this for a PROJECT the files never name (e.g. `apache`, `fluent`, `nginx`). */
  generic: boolean;
}

/**
 * Profile tokens (not project names or codenames) that change something for `project`, derived from the
 * data: each token alone, and for tokens that do nothing alone, each token paired with another profile.
 * Sorted by token.
 */
export function profilesForProject(project: string, ctx: Omit<EffectContext, 'profiles'> = {}): ProjectProfile[] {
  const valid = validProfileTokens(ctx.bindep, ctx.pydep, [project]);
  const base = { ...ctx, profiles: [] as string[] };
  const out: ProjectProfile[] = [];
  const solo = new Map(valid.profiles.map((t) => [t, profileEffect(project, t, { ...base, profiles: [t] })]));
  for (const t of valid.profiles) {
    const e = solo.get(t)!;
    const generic = !profileEffect('', t, { ...base, profiles: [t] }).none;
    if (!e.none) {
      out.push({ token: t, apt: e.apt, pip: e.pip, needsOneOf: [], generic });
      continue;
    }
    const apt = new Set<string>();
    const pip = new Set<string>();
    const partners: string[] = [];
    for (const u of valid.profiles) {
      if (u === t) continue;
      const pe = profileEffect(project, t, { ...base, profiles: [u, t] });
      if (pe.apt.length + pe.pip.length === 0) continue;
      partners.push(u);
      pe.apt.forEach((x) => apt.add(x));
      pe.pip.forEach((x) => pip.add(x));
    }
    if (partners.length > 0) out.push({ token: t, apt: sortedUnique(apt), pip: sortedUnique(pip), needsOneOf: partners.sort(), generic });
  }
  return out.sort((a, b) => (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
}
