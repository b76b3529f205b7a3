import { RE2JS } from 're2js';

/**
 * Regular expressions that come from configuration (`loci.baseImagePatterns`: a cloned repository's
 * `.dockyard.yaml` or workspace settings) run in RE2JS, a linear-time engine (a port of RE2): a
 * pattern like `^(a+)+$` cannot make matching take exponential time, as it does with JavaScript's
 * backtracking RegExp. RE2 syntax is the familiar one without backreferences and lookaround.
 */
export const MAX_PATTERN_LENGTH = 1000;

export type CompiledPattern = { test(s: string): boolean };

/** Compiles a configured pattern; `{ error }` (one line) when RE2 rejects it or it is too long. */
export function compilePattern(p: string): CompiledPattern | { error: string } {
  if (p.length > MAX_PATTERN_LENGTH) return { error: `longer than ${MAX_PATTERN_LENGTH} characters` };
  try {
    const re = RE2JS.compile(p);
    return { test: (s: string) => re.matcher(s).find() };
  } catch (e) {
    return { error: (e instanceof Error ? e.message : String(e)).split('\n')[0] };
  }
}

/** Whether `s` matches any of the patterns (unanchored, like RegExp.test); invalid ones never match. */
export function matchesAnyPattern(patterns: readonly string[], s: string): boolean {
  for (const p of patterns) {
    const c = compilePattern(p);
    if ('test' in c && c.test(s)) return true;
  }
  return false;
}
