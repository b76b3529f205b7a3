/**
 * "Did you mean" for unknown fields: optimal-string-alignment (restricted Damerau-Levenshtein)
 * distance, so a swap of two neighbouring letters (`contaienrs`) costs 1.
 */

/** Edit distance with insertions, deletions, substitutions and adjacent transpositions. */
export function damerauLevenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  // Three rolling rows: i-2, i-1, i.
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
    }
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

/** Largest distance still worth suggesting for a name of this length. */
export function maxSuggestionDistance(length: number): number {
  if (length <= 4) return 1;
  if (length <= 11) return 2;
  return 3;
}

/**
 * The candidate closest to `name`, or undefined when none is close enough. A case-only difference
 * always wins; ties go to the earlier candidate (callers pass sorted names: deterministic).
 */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = maxSuggestionDistance(name.length);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const candidateLower = candidate.toLowerCase();
    if (candidateLower === lower) return candidate;
    if (Math.abs(candidate.length - name.length) > limit) continue;
    const d = damerauLevenshtein(lower, candidateLower);
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
