import { Analyzer, type AnalyzeInput } from '../../server/src/core/engine';
import { mergeConfig, type PartialConfig } from '../../server/src/core/config/config';
import { createRegistry } from '../../server/src/core/rules';
import { hasMessage, placeholders, template } from '../../server/src/core/messages/catalog';
import { LineIndex } from '../../server/src/core/text';
import type { Finding, Message, Range, TextEdit } from '../../server/src/core/types';
import { codeLenses, completion, hover, inlayHints } from '../../server/src/core/features';

/**
 * Opt-in time bound per analysis (DOCKYARD_FUZZ_TIME_BOUND_MS, for hunting slow inputs by hand):
 * timings never decide a test on shared machines, so there is none by default.
 */
export const TIME_BOUND_MS = process.env.DOCKYARD_FUZZ_TIME_BOUND_MS ? Number(process.env.DOCKYARD_FUZZ_TIME_BOUND_MS) : Infinity;

export const CONFIGS: PartialConfig[] = [{}, { pss: 'baseline' }, { kubernetes: { version: '1.36' } }, { coexistence: { yamlSyntax: 'never', dockerfileSyntax: 'never' } }];

export interface RuleError {
  rule: string;
  error: unknown;
}

export function freshAnalyzer(errors: RuleError[]): Analyzer {
  return new Analyzer(createRegistry(), (rule, _p, error) => errors.push({ rule, error }));
}

export class InvariantError extends Error {}

function fail(what: string, input: AnalyzeInput): never {
  throw new InvariantError(`${what}\n  path: ${input.path}\n  text: ${JSON.stringify(input.text)}`);
}

function inDoc(r: Range, lines: LineIndex): string | undefined {
  for (const p of [r.start, r.end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return `bad position ${JSON.stringify(p)}`;
    if (p.line >= lines.lineCount) return `line ${p.line} ≥ line count ${lines.lineCount}`;
    const len = lines.lineText(p.line).length;
    if (p.character > len) return `character ${p.character} > length ${len} of line ${p.line}`;
  }
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return `start after end ${JSON.stringify(r)}`;
  return undefined;
}

function checkMessage(m: Message): string | undefined {
  if (!hasMessage(m.id)) return `message id ${m.id} is not in the catalog`;
  const missing = placeholders(template(m.id) ?? '').filter((p) => m.args?.[p] === undefined);
  if (missing.length) return `message ${m.id} lacks ${missing.join(', ')}`;
  return undefined;
}

function editsOverlap(edits: TextEdit[], lines: LineIndex): string | undefined {
  const spans = edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let i = 1; i < spans.length; i++) {
    const [ps, pe] = spans[i - 1];
    const [s, e] = spans[i];
    if (s < pe) return `edits overlap: [${ps},${pe}) and [${s},${e})`;
    if (s === pe && ps === pe && s === e) return `two insertions at offset ${s} (order undefined)`;
  }
  return undefined;
}

/** Every structural invariant of one analysis result. */
export function checkFindings(input: AnalyzeInput, findings: Finding[], registryIds: Set<string>): void {
  const lines = new LineIndex(input.text);
  for (const f of findings) {
    const where = `finding ${f.rule} ${JSON.stringify(f.range)}`;
    if (!registryIds.has(f.rule)) fail(`${where}: unknown rule id`, input);
    const bad = inDoc(f.range, lines);
    if (bad) fail(`${where}: range outside the document: ${bad}`, input);
    const m = checkMessage(f.message);
    if (m) fail(`${where}: ${m}`, input);
    for (const rel of f.related ?? []) {
      if (rel.path) continue;
      const b = inDoc(rel.range, lines);
      if (b) fail(`${where}: related range outside the document: ${b}`, input);
      const rm = checkMessage(rel.message);
      if (rm) fail(`${where}: related ${rm}`, input);
    }
    for (const fix of f.fixes ?? []) {
      const fm = checkMessage(fix.title);
      if (fm) fail(`${where}: fix title ${fm}`, input);
      if (!fix.edits.length) fail(`${where}: fix "${fix.title.id}" has no edit`, input);
      for (const e of fix.edits) {
        const b = inDoc(e.range, lines);
        if (b) fail(`${where}: fix "${fix.title.id}" edit outside the document: ${b}`, input);
      }
      const o = editsOverlap(fix.edits, lines);
      if (o) fail(`${where}: fix "${fix.title.id}": ${o}`, input);
    }
  }
}

/** Strip nothing: findings are plain data, so deepEqual compares them fully. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

/** The editor features must not throw anywhere in the file, and answer with ranges inside it. */
export function checkFeatures(input: AnalyzeInput, analyzer: Analyzer, config: PartialConfig, at: number): void {
  const lines = new LineIndex(input.text);
  const ctx = { path: input.path, text: input.text, languageId: input.languageId, config: mergeConfig(config), analyzer, lang: 'en' as const };
  const pos = lines.positionAt(Math.floor(at * (input.text.length + 1)));
  const whole: Range = { start: { line: 0, character: 0 }, end: lines.positionAt(input.text.length) };
  try {
    const h = hover(ctx, pos);
    if (h?.range) {
      const b = inDoc(h.range, lines);
      if (b) fail(`hover range outside the document: ${b}`, input);
    }
    for (const c of completion(ctx, pos)) {
      if (c.range) {
        const b = inDoc(c.range, lines);
        if (b) fail(`completion "${c.label}" range outside the document: ${b}`, input);
      }
    }
    for (const ih of inlayHints(ctx, whole)) {
      const b = inDoc({ start: ih.position, end: ih.position }, lines);
      if (b) fail(`inlay hint outside the document: ${b}`, input);
    }
    for (const l of codeLenses(ctx)) {
      const b = inDoc(l.range, lines);
      if (b) fail(`code lens outside the document: ${b}`, input);
    }
  } catch (e) {
    if (e instanceof InvariantError) throw e;
    fail(`a feature provider threw at ${JSON.stringify(pos)}: ${e instanceof Error ? e.stack : String(e)}`, input);
  }
}
