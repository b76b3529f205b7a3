/**
 * Fix round-trip over every input with a fixable finding (test/fixtures/**, examples/** and a few
 * generated manifests): each fix applied alone, and all fixes applied together the way
 * `dockyard fix` does (non-overlapping batch, re-lint, repeat) and the way `source.fixAll.dockyard`
 * does (one batch of the fixAll fixes). After every application:
 *   - the file still parses (no YAML error / no dockerfile-syntax finding that was not there);
 *   - the fixed finding is gone (one fewer finding with its rule and message);
 *   - no finding of another rule appears;
 *   - no byte outside the edited ranges changed, and every edit is minimal (it does not re-emit a
 *     whole unchanged line at its start or end).
 * A failure here is a bug of the rule that owns the fix: known ones are listed in KNOWN as `todo`
 * with the failing input, never deleted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { Analyzer } from '../../server/src/core/engine';
import { mergeConfig } from '../../server/src/core/config/config';
import { detectKind } from '../../server/src/core/model/detect';
import { createRegistry } from '../../server/src/core/rules';
import { applyEdits, LineIndex } from '../../server/src/core/text';
import type { Finding, Fix, TextEdit } from '../../server/src/core/types';
import { generatedSeeds, isChartTemplate, repoSeeds, type Seed } from './seeds';

/** `origin|rule|fix title id` → why it fails and whose it is. */
const KNOWN: Record<string, string> = {};

/**
 * New findings a fix brings by design (the same list as test/core/security/helpers.ts): moving a
 * literal secret to a secretKeyRef points at a Secret the user still has to create, which
 * `missing-reference` (information) says.
 */
const EXPECTED_NEW: Record<string, string[]> = { 'env-var-secret': ['missing-reference'] };

const config = mergeConfig({});

function lint(seed: Seed, text: string): Finding[] {
  const errors: string[] = [];
  const a = new Analyzer(createRegistry(), (rule, _p, e) => errors.push(`${rule}: ${e instanceof Error ? e.stack : String(e)}`));
  const findings = a.analyze({ path: seed.path, text, helmChartTemplate: isChartTemplate(seed.path) }, config).findings;
  assert.deepEqual(errors, [], `a rule threw on ${seed.origin}`);
  return findings;
}

const key = (f: Finding) => `${f.rule}|${f.message.id}|${JSON.stringify(f.message.args ?? {})}`;
function counts(list: Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of list) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
  return m;
}

function syntaxProblems(seed: Seed, text: string, findings: Finding[]): number {
  const kind = detectKind(seed.path, text);
  if (kind === 'kubernetes' || kind === 'yaml') return parseAllDocuments(text).reduce((n, d) => n + d.errors.length, 0);
  return findings.filter((f) => f.rule.endsWith('-syntax')).length;
}

/** Applies edits by hand and checks that nothing outside them changed and that each is minimal. */
function checkEdits(text: string, edits: TextEdit[], fixed: string, what: string): void {
  const lines = new LineIndex(text);
  const spans = edits.map((e) => ({ s: lines.offsetAt(e.range.start), e: lines.offsetAt(e.range.end), t: e.newText })).sort((a, b) => a.s - b.s || a.e - b.e);
  let out = '';
  let at = 0;
  for (const sp of spans) {
    assert.ok(sp.s >= at, `${what}: edits overlap`);
    out += text.slice(at, sp.s) + sp.t;
    at = sp.e;
    const old = text.slice(sp.s, sp.e);
    let p = 0;
    while (p < old.length && p < sp.t.length && old[p] === sp.t[p]) p++;
    let q = 0;
    while (q < old.length - p && q < sp.t.length - p && old[old.length - 1 - q] === sp.t[sp.t.length - 1 - q]) q++;
    assert.ok(!old.slice(0, p).includes('\n'), `${what}: edit is not minimal, it rewrites unchanged text ${JSON.stringify(old.slice(0, p))}`);
    assert.ok(!old.slice(old.length - q).includes('\n'), `${what}: edit is not minimal, it rewrites unchanged text ${JSON.stringify(old.slice(old.length - q))}`);
  }
  out += text.slice(at);
  assert.equal(fixed, out, `${what}: bytes outside the edited ranges changed`);
}

function checkAfter(seed: Seed, before: Finding[], text: string, after: string, fixedRules: Map<string, number>, what: string): Finding[] {
  const now = lint(seed, after);
  assert.ok(
    syntaxProblems(seed, after, now) <= syntaxProblems(seed, text, before),
    `${what}: the result does not parse any more\n--- result ---\n${after}`,
  );
  const b = counts(before);
  const a = counts(now);
  for (const [k, n] of fixedRules) {
    assert.ok((a.get(k) ?? 0) <= (b.get(k) ?? 0) - n, `${what}: the fixed finding ${k} is still there\n--- result ---\n${after}`);
  }
  // Other rules: no more findings per rule than before (a finding may change its wording when the
  // fix changes its context, e.g. a port exposed by hostNetwork instead of hostPort).
  const fixedRuleIds = new Set([...fixedRules.keys()].map((k) => k.split('|')[0]));
  for (const id of [...fixedRuleIds]) for (const allowed of EXPECTED_NEW[id] ?? []) fixedRuleIds.add(allowed);
  const perRule = (list: Finding[]) => list.reduce((m, f) => m.set(f.rule, (m.get(f.rule) ?? 0) + 1), new Map<string, number>());
  const rb = perRule(before);
  for (const [rule, n] of perRule(now)) {
    if (fixedRuleIds.has(rule)) continue;
    const added = now.filter((f) => f.rule === rule && !b.has(key(f))).map(key);
    assert.ok(n <= (rb.get(rule) ?? 0), `${what}: a new finding of ${rule} appeared: ${added.join(', ')}\n--- result ---\n${after}`);
  }
  return now;
}

/** What `dockyard fix` does: batches of non-overlapping fixes, re-linting between them. */
function fixAllRounds(seed: Seed, text: string, pick: (f: Finding) => Fix | undefined, rounds = 10): { text: string; applied: Map<string, number>; rounds: number } {
  let findings = lint(seed, text);
  const applied = new Map<string, number>();
  let r = 0;
  for (; r < rounds; r++) {
    const edits: TextEdit[] = [];
    const spans: [number, number][] = [];
    const lines = new LineIndex(text);
    for (const f of findings) {
      const fx = pick(f);
      if (!fx) continue;
      const s = fx.edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)] as [number, number]);
      if (s.some(([a, b]) => spans.some(([c, d]) => a <= d && c <= b))) continue;
      spans.push(...s);
      edits.push(...fx.edits);
      applied.set(key(f), (applied.get(key(f)) ?? 0) + 1);
    }
    if (!edits.length) break;
    const next = applyEdits(text, edits);
    checkEdits(text, edits, next, `${seed.origin}: round ${r + 1} of fix-all`);
    if (next === text) break;
    text = next;
    findings = lint(seed, text);
  }
  return { text, applied, rounds: r };
}

const seeds = [...repoSeeds(), ...generatedSeeds()];
const stats = { files: 0, fixes: 0, todo: 0 };

for (const seed of seeds) {
  const before = lint(seed, seed.text);
  const fixable = before.filter((f) => f.fixes?.length);
  if (!fixable.length) continue;
  stats.files++;
  test(`fix round-trip: ${seed.origin} (${fixable.length} fixable findings)`, async (t) => {
    for (const f of fixable) {
      for (const fix of f.fixes!) {
        const id = `${seed.origin}|${f.rule}|${fix.title.id}`;
        stats.fixes++;
        if (KNOWN[id]) stats.todo++;
        await t.test(`${f.rule} @${f.range.start.line + 1}:${f.range.start.character + 1}: ${fix.title.id}`, { todo: KNOWN[id] }, () => {
          const after = applyEdits(seed.text, fix.edits);
          const what = `${seed.origin}: ${f.rule} fix "${fix.title.id}"`;
          assert.notEqual(after, seed.text, `${what}: the fix changes nothing`);
          checkEdits(seed.text, fix.edits, after, what);
          checkAfter(seed, before, seed.text, after, new Map([[key(f), 1]]), what);
        });
      }
    }
    await t.test('all fixes together, as `dockyard fix` applies them', { todo: KNOWN[`${seed.origin}|*|fix`] }, () => {
      const r = fixAllRounds(seed, seed.text, (f) => f.fixes?.find((x) => x.kind !== 'ignore'));
      assert.ok(r.rounds < 10, `${seed.origin}: dockyard fix did not converge in 10 rounds`);
      const now = checkAfter(seed, before, seed.text, r.text, r.applied, `${seed.origin}: all fixes`);
      const left = now.filter((f) => f.fixes?.some((x) => x.kind !== 'ignore'));
      assert.deepEqual(left.map(key), [], `${seed.origin}: fixable findings remain after dockyard fix\n--- result ---\n${r.text}`);
    });
    await t.test('the fixAll set in one batch, as source.fixAll.dockyard applies it', { todo: KNOWN[`${seed.origin}|*|fixAll`] }, () => {
      const r = fixAllRounds(seed, seed.text, (f) => f.fixes?.find((x) => x.tier === 'safe' && x.kind !== 'ignore'), 1);
      if (!r.applied.size) return;
      checkAfter(seed, before, seed.text, r.text, r.applied, `${seed.origin}: source.fixAll`);
    });
  });
}

test('fix round-trip: summary', () => {
  console.log(`fix round-trip: ${stats.files} files with fixable findings, ${stats.fixes} fixes applied alone (${stats.todo} known failures marked todo), of ${seeds.length} inputs`);
  assert.ok(stats.files >= 1, 'no fixable finding anywhere: the round-trip checks nothing');
});
