/**
 * Where the loci data (bindep.txt / pydep.txt) comes from. The core is pure: it never reads files. A
 * host (CLI, language server) installs a provider that reads a loci checkout from disk; without one,
 * or when the checkout has no such files, the bundled upstream copy is used.
 *
 * The provider belongs to the DockyardService running the analysis (see ../providers.ts): every
 * function here takes that service's `Providers` (a rule has them as `ctx.providers`); without them
 * (undefined) the bundled data is used and nothing is read.
 */
import { upstreamFiles } from './profiles';
import { LOCI_COMMIT } from './data';
import { dirnameOf, isAbsolutePath, joinPath } from './paths';
import type { LociData, Providers } from '../providers';
import type { BindepFile } from './bindep';

export type { LociData, LociDataProvider } from '../providers';

export function bundledLociData(): LociData {
  const up = upstreamFiles();
  return { bindep: up.bindep, pydep: up.pydep, source: 'bundled' };
}

/** The commit of the bundled data (for hover text). */
export const BUNDLED_LOCI_COMMIT = LOCI_COMMIT;

/**
 * The data for a build: the first candidate folder that has loci files, else the bundled copy.
 * Candidates that are relative are passed through to the provider (it knows the configuration).
 */
export function lociDataFor(p: Providers | undefined, candidates: readonly (string | undefined)[], fromFile: string): LociData {
  const provider = p?.loci;
  if (provider) {
    const seen = new Set<string>();
    for (const c of candidates) {
      if (!c || seen.has(c)) continue;
      seen.add(c);
      try {
        const d = provider.get(c, fromFile);
        if (d) return d;
      } catch {
        /* unreadable: try the next one */
      }
    }
  }
  return bundledLociData();
}

/** The EXTRA_* file, or undefined when no provider can read it. */
export function lociExtraFile(p: Providers | undefined, dir: string | undefined, relPath: string, fromFile: string): BindepFile | undefined {
  const provider = p?.loci;
  if (!provider?.extra || !dir) return undefined;
  try {
    return provider.extra(dir, relPath, fromFile);
  } catch {
    return undefined;
  }
}

/** The folder a build's context resolves to, when the context is a plain path. */
export function contextDir(fromFile: string, context: string | undefined): string | undefined {
  if (!fromFile || context === undefined) return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith('git@') || context === '-') return undefined;
  if (isAbsolutePath(context)) return joinPath(context, '.');
  if (!isAbsolutePath(fromFile)) return undefined;
  return joinPath(dirnameOf(fromFile), context || '.');
}

/**
 * A plain-named text file in folder `dir` (CI vars files), read through the provider only; undefined
 * when there is no provider, the name is not a plain file name, or the file cannot be read.
 */
export function lociTextFile(p: Providers | undefined, dir: string, name: string, fromFile: string): string | undefined {
  const provider = p?.loci;
  if (!provider || !/^[\w.-]+$/.test(name) || name === '.' || name === '..') return undefined;
  try {
    if (provider.readText) return provider.readText(dir, name, fromFile);
    return provider.extra?.(dir, name, fromFile)?.text;
  } catch {
    return undefined;
  }
}

/** The file names of folder `dir`, when the provider can list them. */
export function lociListFiles(p: Providers | undefined, dir: string, fromFile: string): string[] | undefined {
  const provider = p?.loci;
  if (!provider?.listFiles) return undefined;
  try {
    return provider.listFiles(dir, fromFile);
  } catch {
    return undefined;
  }
}
