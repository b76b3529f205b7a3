import assert from 'node:assert/strict';
import { lint, only, r, applyFix } from '../../helpers';
import type { PartialConfig } from '../../../server/src/core/config/config';
import type { Finding } from '../../../server/src/core/types';

export { only, r };

export function lintD(text: string, config: PartialConfig = {}): Finding[] {
  return lint(text, '/ws/Dockerfile', config);
}

/** Findings of one rule as [messageId, range] pairs. */
export function found(text: string, rule: string, config: PartialConfig = {}): [string, [number, number, number, number]][] {
  return only(lintD(text, config), rule).map((f) => [f.message.id, r(f)]);
}

/**
 * Apply the finding's fix, check the exact result, re-lint: the finding is gone and no finding
 * appears that was not there before (other than `allowNew` rules).
 */
export function fixAndRelint(text: string, f: Finding, expected: string, allowGone: string[] = []): void {
  const before = lintD(text);
  const fixed = applyFix(text, f);
  assert.equal(fixed, expected);
  const after = lintD(fixed);
  const key = (x: Finding) => `${x.rule}|${x.message.id}|${JSON.stringify(x.message.args ?? {})}`;
  const beforeKeys = new Set(before.map(key));
  const fresh = after.filter((x) => !beforeKeys.has(key(x)));
  assert.deepEqual(fresh.map(key), [], 'the fix must not introduce findings');
  const remaining = after.filter((x) => x.rule === f.rule).length;
  const expectedRemaining = before.filter((x) => x.rule === f.rule).length - 1;
  assert.ok(remaining <= expectedRemaining, `${f.rule}: ${remaining} left after the fix, expected at most ${expectedRemaining}`);
  void allowGone;
}
