import { BoundedCache } from '../util/bounded-cache';
import type { Providers } from '../providers';
import { parseBindep, type BindepFile } from './bindep';

/**
 * parseBindep memoised by text: the open bindep files, shared by the rule and hover. Bounded by
 * bytes (64 MB of estimated text + model) and by entries (8): a huge file (a 19 MB bindep.txt is
 * ~600 MB of model) is parsed for each caller and not kept once they are done with it.
 */
export const BINDEP_CACHE_BOUNDS = { maxBytes: 64 * 1024 * 1024, maxEntries: 8 };
/** The cache of a DockyardService (held by its providers, dropped when their data changes). */
const bindepCache = (p: Providers) => p.cache('loci:bindep', () => new BoundedCache<string, BindepFile>({ ...BINDEP_CACHE_BOUNDS, oversizeForTurn: true }));

/**
 * Estimated bytes a parse keeps alive: the text (UTF-16) and the model (measured with
 * `--expose-gc` on loci's bindep.txt repeated to 1-4 MB: ~2,100 bytes per entry of ~2.7 tokens,
 * about 30 bytes per character of text).
 */
export function bindepCost(f: BindepFile): number {
  let tokens = 0;
  for (const e of f.entries) tokens += e.tokens.length;
  return 2 * f.text.length + 1100 * f.entries.length + 400 * tokens + 300 * (f.errors.length + f.commentLines.length);
}

/** Without providers (a unit test of one module) nothing is cached. */
export function parseBindepCached(text: string, p: Providers | undefined): BindepFile {
  const cache = p && bindepCache(p);
  const hit = cache?.get(text);
  if (hit) return hit;
  const f = parseBindep(text);
  cache?.set(text, f, bindepCost(f));
  return f;
}

/** The cache's accounting (tests and memory measurements). */
export function bindepCacheStats(p: Providers): { bytes: number; entries: number } {
  const cache = bindepCache(p);
  return { bytes: cache.bytes, entries: cache.size };
}

/** Forget every cached parse (tests; a host that wants the memory back). */
export function clearBindepCache(p: Providers): void {
  bindepCache(p).clear();
}
