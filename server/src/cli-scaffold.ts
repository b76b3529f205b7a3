import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { format, t, type Lang } from './core/messages/catalog';
import { scaffoldImage, validateImageOptions, type ImageOptions } from './core/scaffold/image';
import { scaffoldManifests, validateManifestOptions, type Backend, type ManifestOptions } from './core/scaffold/manifests';
import { isService, type Codename } from './core/scaffold/profiles';
import type { OptionProblem, ScaffoldResult } from './core/scaffold/types';
import { splitProfiles } from './core/scaffold/validate';
import { UnsafeWriteError } from './host/safe-write';

/**
 * `dockyard scaffold image|manifests <cinder|glance> [options]` (shared/spec/CLI.md). File access is
 * injected (`io`) so tests run in memory; the main CLI passes `fs`. Writes nothing unless every
 * target file is free (or `--force`), so a refused run leaves the disk untouched.
 */
export interface ScaffoldIo {
  cwd: string;
  stdout(s: string): void;
  stderr(s: string): void;
  /** Anything at `p`, a dangling symbolic link included. */
  exists(p: string): boolean;
  /**
   * Write a file below the output folder `root`: never through a symbolic link or outside `root`,
   * atomically; a new script (`executable`) gets mode 755, an existing file keeps its mode.
   */
  writeFile(p: string, s: string, opts: { root: string; executable?: boolean }): void;
  /** Create a folder (and its parents) below `root`, never through a symbolic link; `root` itself as the user named it. */
  mkdir(p: string, root: string): void;
}

/** Why a write failed, in the user's language (refusals of unsafe targets included). */
function writeFailure(e: unknown, shown: (p: string) => string, root: string, lang: Lang): string {
  if (e instanceof UnsafeWriteError) {
    const id = { symlink: 'core.write.symlink', outside: 'core.write.outside', 'not-a-file': 'core.write.notAFile', 'not-a-folder': 'core.write.notAFolder' }[e.reason];
    return t(id, { path: shown(e.path), root: shown(root) }, lang);
  }
  return e instanceof Error ? e.message : String(e);
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

type Kind = 'image' | 'manifests';

/** Options each subcommand takes, and whether they carry a value. */
const OPTIONS: Record<Kind, Record<string, boolean>> = {
  // --lang is read by runCli (the language of messages, and of the generated README and comments).
  image: { out: true, release: true, codename: true, profiles: true, base: true, registry: true, 'loci-path': true, force: false, help: false, lang: true },
  manifests: { out: true, namespace: true, image: true, backend: true, replicas: true, force: false, help: false, lang: true },
};

interface Parsed {
  kind: Kind;
  service: string;
  values: Record<string, string>;
  flags: Set<string>;
}

class UsageError extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

function parse(args: string[], lang: Lang): Parsed | 'help' {
  const rest = [...args];
  const first = rest.shift();
  if (first === undefined) throw new UsageError(t('scaffold.cli.missingKind', undefined, lang));
  if (first === '--help' || first === '-h' || first === 'help') return 'help';
  if (first !== 'image' && first !== 'manifests') throw new UsageError(t('scaffold.cli.unknownKind', { value: first }, lang));
  const kind: Kind = first;
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const positional: string[] = [];
  while (rest.length) {
    const a = rest.shift()!;
    if (a === '-h') {
      flags.add('help');
      continue;
    }
    if (!a.startsWith('--') || a === '--') {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    const takesValue = OPTIONS[kind][name];
    if (takesValue === undefined) throw new UsageError(t('scaffold.cli.unknownOption', { option: `--${name}`, kind }, lang));
    if (!takesValue) {
      if (eq >= 0) throw new UsageError(t('scaffold.cli.noValue', { option: `--${name}` }, lang));
      flags.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = a.slice(eq + 1);
    else if (rest.length && !(rest[0].startsWith('--') && rest[0].length > 2)) value = rest.shift();
    if (value === undefined) throw new UsageError(t('scaffold.cli.missingValue', { option: `--${name}` }, lang));
    if (name in values) throw new UsageError(t('scaffold.cli.repeatedOption', { option: `--${name}` }, lang));
    values[name] = value;
  }
  if (flags.has('help')) return 'help';
  if (positional.length === 0) throw new UsageError(t('scaffold.cli.missingService', { kind }, lang));
  if (positional.length > 1) throw new UsageError(t('scaffold.cli.extraArgument', { value: positional[1] }, lang));
  const service = positional[0];
  if (!isService(service)) throw new UsageError(t('scaffold.option.unknownService', { value: service }, lang));
  return { kind, service, values, flags };
}

function imageOptions(p: Parsed): ImageOptions {
  const v = p.values;
  const o: ImageOptions = { service: p.service as ImageOptions['service'] };
  if (v.release !== undefined) o.release = v.release;
  if (v.codename !== undefined) o.codename = v.codename as Codename;
  if (v.registry !== undefined) o.registry = v.registry;
  if (v.profiles !== undefined) o.profiles = splitProfiles(v.profiles);
  if (v['loci-path'] !== undefined) o.lociPath = v['loci-path'];
  if (v.base !== undefined) o.base = v.base;
  return o;
}

function manifestOptions(p: Parsed, lang: Lang): ManifestOptions {
  const v = p.values;
  const o: ManifestOptions = { service: p.service as ManifestOptions['service'] };
  if (v.namespace !== undefined) o.namespace = v.namespace;
  if (v.image !== undefined) o.image = v.image;
  if (v.backend !== undefined) o.backend = v.backend as Backend;
  if (v.replicas !== undefined) {
    if (!/^[0-9]+$/.test(v.replicas)) throw new UsageError(t('scaffold.option.badReplicas', { value: v.replicas, max: 50 }, lang));
    o.replicas = Number(v.replicas);
  }
  return o;
}

/** The folder written to when `--out` is not given: `<service>-image` or `<service>-manifests`. */
export function defaultOutDir(kind: Kind, service: string): string {
  return `${service}-${kind}`;
}

export function runScaffold(args: string[], io: ScaffoldIo, lang: Lang = 'en'): number {
  let parsed: Parsed | 'help';
  try {
    parsed = parse(args, lang);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(t('scaffold.cli.error', { detail: e.detail }, lang) + '\n');
    io.stderr(t('scaffold.cli.usageHint', undefined, lang) + '\n');
    return EXIT_USAGE;
  }
  if (parsed === 'help') {
    io.stdout(t('scaffold.cli.help', undefined, lang) + '\n');
    return EXIT_OK;
  }
  const p = parsed;
  let problems: OptionProblem[];
  let generate: () => ScaffoldResult;
  try {
    if (p.kind === 'image') {
      const o = imageOptions(p);
      problems = validateImageOptions(o);
      generate = () => scaffoldImage(o, lang);
    } else {
      const o = manifestOptions(p, lang);
      problems = validateManifestOptions(o);
      generate = () => scaffoldManifests(o, lang);
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(t('scaffold.cli.error', { detail: e.detail }, lang) + '\n');
    return EXIT_USAGE;
  }
  if (problems.length) {
    for (const pr of problems) io.stderr(t('scaffold.cli.error', { detail: format(pr.message, lang) }, lang) + '\n');
    return EXIT_USAGE;
  }
  const result = generate();
  const outDir = resolve(io.cwd, p.values.out ?? defaultOutDir(p.kind, p.service));
  const targets = result.files.map((f) => ({ file: f, path: join(outDir, ...f.path.split('/')) }));
  const shown = (abs: string) => {
    const rel = relative(io.cwd, abs);
    if (rel === '') return '.';
    return !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
  };

  // Refuse before writing anything: every existing target is named.
  if (!p.flags.has('force')) {
    const taken = targets.filter((x) => io.exists(x.path));
    if (taken.length) {
      for (const x of taken) io.stderr(t('scaffold.cli.exists', { path: shown(x.path) }, lang) + '\n');
      io.stderr(t('scaffold.cli.existsHint', { count: taken.length }, lang) + '\n');
      return EXIT_USAGE;
    }
  }

  const made = new Set<string>();
  const ensureDir = (d: string) => {
    if (made.has(d)) return;
    if (!io.exists(d)) io.mkdir(d, outDir);
    made.add(d);
  };
  for (const x of targets) {
    try {
      ensureDir(dirname(x.path));
      io.writeFile(x.path, x.file.content, { root: outDir, executable: x.file.executable });
    } catch (e) {
      io.stderr(t('scaffold.cli.writeFailed', { path: shown(x.path), reason: writeFailure(e, shown, outDir, lang) }, lang) + '\n');
      return EXIT_USAGE;
    }
    io.stdout(t('scaffold.cli.wrote', { path: shown(x.path) }, lang) + '\n');
  }
  const dir = shown(outDir);
  io.stdout(
    (p.kind === 'image'
      ? t('scaffold.cli.nextImage', { dir, script: result.main, count: targets.length }, lang)
      : t('scaffold.cli.nextManifests', { dir, count: targets.length, service: p.service }, lang)) + '\n',
  );
  return EXIT_OK;
}
