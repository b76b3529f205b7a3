import { parseBindep, type BindepFile } from './bindep';

const cache = new Map<string, BindepFile>();
const SIZE = 8;

/** parseBindep memoised by text (a few recent texts: the open bindep files, shared by the rule and hover). */
export function parseBindepCached(text: string): BindepFile {
  const hit = cache.get(text);
  if (hit) {
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const f = parseBindep(text);
  cache.set(text, f);
  if (cache.size > SIZE) cache.delete(cache.keys().next().value as string);
  return f;
}
