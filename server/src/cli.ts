import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { createRegistry } from './core/rules';
import type { RuleRegistry } from './core/rules/registry';
import { DockyardService } from './core/service';
import { createNodeHost } from './host/node-host';
import { format, isLang, langFromLocale, t, type Lang } from './core/messages/catalog';
import { SEVERITY_ORDER, type Finding, type Severity } from './core/types';
import type { SilencedFinding } from './core/engine';
import { rulesCommand } from './cli/rules';
import type { PartialConfig } from './core/config/config';
import { toSarif } from './cli/sarif';
import { MappedArray, writeJson } from './cli/json-out';
import { runScaffold } from './cli-scaffold';
import { entryExists, isInside, realPathOf, safeMkdir, safeWriteFile, UnsafeWriteError } from './host/safe-write';
import { gitRoot } from './host/repo-root';
import { CliUsageError, createCliService } from './cli/service';
import { checkKubernetesVersion, CHECK_ONLY_VERSIONS, OLDEST_SUPPORTED_MINOR, schemaVersions } from './core/config/settings';
import { defaultJobs, LintPool, PARALLEL_MIN_FILES } from './cli/parallel';
import { parseBaseline, serializeBaseline, type BaselineFile } from './core/features/baseline';
import { runCi } from './cli/ci';

/**
 * `dockyard` command line (shared/spec/CLI.md): lint, fix, scaffold. Same core as the server.
 */
export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(s: string): void;
  stderr(s: string): void;
}

declare const __VERSION__: string;
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

type FailOn = Severity | 'never';

interface Options {
  format: 'text' | 'json' | 'sarif';
  pss?: 'baseline' | 'restricted';
  k8sVersion?: string;
  config?: string;
  failOn: FailOn;
  lang?: Lang;
  rules: string[];
  dryRun: boolean;
  unsafe: boolean;
  /** Lines for stderr before the output (a Kubernetes version whose schema falls back). */
  notes: string[];
  /** Worker threads for `lint` (default: the cores, for 64 files or more). */
  jobs?: number;
  /** `--baseline FILE`: report only findings it does not hold. */
  baseline?: string;
  /** `--write-baseline FILE`: record the current findings (with `--prune-baseline`: the baseline without its stale entries). */
  writeBaseline?: string;
  /** `--prune-baseline`: report the baseline's stale entries. */
  pruneBaseline: boolean;
  /** `lint --explain-suppressions`: also list what suppressions silence. */
  explainSuppressions: boolean;
  /** --allow-path: folders outside the repository its configuration may name (repeatable). */
  allowPaths: string[];
  paths: string[];
}

const UsageError = CliUsageError;

const VALUE_OPTIONS = new Set(['--format', '--pss', '--k8s-version', '--config', '--fail-on', '--lang', '--rule', '--jobs', '--baseline', '--write-baseline', '--allow-path']);

function parseOptions(args: string[], lang: Lang): Options {
  const o: Options = { format: 'text', failOn: 'error', rules: [], dryRun: false, unsafe: false, explainSuppressions: false, notes: [], allowPaths: [], paths: [], pruneBaseline: false };
  for (let i = 0; i < args.length; i++) {
    let a = args[i];
    let value: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    if (VALUE_OPTIONS.has(a) && value === undefined) {
      value = args[++i];
      if (value === undefined) throw new UsageError(t('cli.error.missingValue', { option: a }, lang));
    }
    const bad = (expected: string) => new UsageError(t('cli.error.badValue', { value: value ?? '', option: a, expected }, lang));
    switch (a) {
      case '--format':
        if (value !== 'text' && value !== 'json' && value !== 'sarif') throw bad('text, json, sarif');
        o.format = value;
        break;
      case '--pss':
        if (value !== 'baseline' && value !== 'restricted') throw bad('baseline, restricted');
        o.pss = value;
        break;
      case '--k8s-version': {
        const v = checkKubernetesVersion(value!);
        if ('error' in v) {
          const schemas = schemaVersions();
          const newest = Math.max(...[...schemas, ...CHECK_ONLY_VERSIONS].map((x) => Number(x.split('.')[1])));
          throw new UsageError(t('cli.error.k8sVersion', { value: value!, oldest: OLDEST_SUPPORTED_MINOR, newest, schemas: schemas.join(', ') }, lang));
        }
        o.k8sVersion = v.version;
        if (v.schemaFrom) o.notes.push(t('cli.note.schemaFallback', { version: v.version, schema: v.schemaFrom }, lang));
        break;
      }
      case '--config':
        o.config = value;
        break;
      case '--fail-on':
        if (!['error', 'warning', 'information', 'never'].includes(value!)) throw bad('error, warning, information, never');
        o.failOn = value as FailOn;
        break;
      case '--lang':
        if (!isLang(value!)) throw bad('en, zh-cn');
        o.lang = value as Lang;
        break;
      case '--rule':
        o.rules.push(value!);
        break;
      case '--allow-path':
        o.allowPaths.push(value!);
        break;
      case '--dry-run':
        o.dryRun = true;
        break;
      case '--unsafe':
        o.unsafe = true;
        break;
      case '--baseline':
        o.baseline = value;
        break;
      case '--write-baseline':
        o.writeBaseline = value;
        break;
      case '--prune-baseline':
        o.pruneBaseline = true;
        break;
      case '--explain-suppressions':
        o.explainSuppressions = true;
        break;
      case '--jobs':
        if (!/^[1-9]\d?$/.test(value!)) throw bad('1-99');
        o.jobs = Number(value);
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(t('cli.error.unknownOption', { option: a }, lang));
        o.paths.push(args[i]);
    }
  }
  return o;
}

interface FileResult {
  path: string;
  display: string;
  findings: Finding[];
  text: string;
  notUtf8?: boolean;
  bom?: boolean;
  silenced?: SilencedFinding[];
}

/** One service for the run: the CLI flags are its top configuration layer. */
function serviceFor(opts: Options, io: CliIo, lang: Lang): DockyardService {
  return createCliService({ cwd: io.cwd, config: opts.config, pss: opts.pss, k8sVersion: opts.k8sVersion, lang, allowPaths: opts.allowPaths }, io.stderr);
}

async function lintPaths(service: DockyardService, opts: Options, io: CliIo, lang: Lang, errors: string[], keepParses = false): Promise<FileResult[]> {
  const targets = (opts.paths.length ? opts.paths : ['.']).map((p) => path.resolve(io.cwd, p));
  const r = await service.lint(targets, { keepParses });
  for (const e of r.errors) errors.push(t('cli.error.unreadable', { path: displayPath(e.path, io.cwd), reason: e.reason }, lang));
  return r.files.map((f) => ({ path: f.path, display: displayPath(f.path, io.cwd), findings: f.findings, text: f.text, notUtf8: f.notUtf8, bom: f.bom, silenced: f.silenced }));
}
/**
 * lintPaths on all cores (cli/parallel.ts) when there are enough files to pay for the workers and
 * the built worker is there (it is not when the CLI runs from a test bundle); same output. The
 * workers start as soon as the walk has found PARALLEL_MIN_FILES files (or at once with --jobs).
 */
async function lintPathsParallel(service: DockyardService, opts: Options, io: CliIo, lang: Lang, errors: string[]): Promise<FileResult[]> {
  // The explanation of suppressions comes from the one-thread lint (workers return findings only).
  const jobs = opts.explainSuppressions ? 1 : (opts.jobs ?? defaultJobs());
  const targets = (opts.paths.length ? opts.paths : ['.']).map((p) => path.resolve(io.cwd, p));
  if (jobs < 2 || !fs.existsSync(path.join(__dirname, 'lint-worker.js'))) return lintPaths(service, opts, io, lang, errors);
  const setup = { cwd: io.cwd, config: opts.config, pss: opts.pss, k8sVersion: opts.k8sVersion, lang, allowPaths: opts.allowPaths, wantFixes: opts.format !== 'text', wantText: false };
  const threshold = opts.jobs === undefined ? PARALLEL_MIN_FILES : 1;
  let pool: LintPool | undefined;
  const found: string[] = [];
  const { errors: unreadable } = service.collect(targets, (f) => {
    if (pool) return pool.add(f);
    found.push(f);
    if (found.length >= threshold) {
      pool = new LintPool(jobs, setup, io.stderr);
      for (const x of found) pool.add(x);
    }
  });
  if (!pool) return lintPaths(service, opts, io, lang, errors);
  const r = await pool.finish();
  for (const e of [...unreadable, ...r.errors]) errors.push(t('cli.error.unreadable', { path: displayPath(e.path, io.cwd), reason: e.reason }, lang));
  return r.files.map((f) => ({ path: f.path, display: displayPath(f.path, io.cwd), findings: f.findings, text: f.text, notUtf8: f.notUtf8, bom: f.bom }));
}

function displayPath(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  return (rel && !rel.startsWith('..') ? rel : p).split(path.sep).join('/');
}

function exitFor(results: FileResult[], failOn: FailOn): number {
  if (failOn === 'never') return 0;
  const limit = SEVERITY_ORDER[failOn];
  return results.some((r) => r.findings.some((f) => SEVERITY_ORDER[f.severity] <= limit)) ? 1 : 0;
}

function report(results: FileResult[], opts: Options, io: CliIo, lang: Lang, registry: RuleRegistry): void {
  if (opts.format === 'json') {
    const out = {
      version: 1,
      files: results.map((r) => ({
        path: r.display,
        diagnostics: new MappedArray(r.findings, (f) => ({
          rule: f.rule,
          severity: f.severity,
          message: format(f.message, lang),
          range: f.range,
          fixable: !!f.fixes?.some((x) => x.kind !== 'ignore'),
        })),
        ...(opts.explainSuppressions ? { suppressed: (r.silenced ?? []).map((x) => explainJson(x, r, io.cwd, lang)) } : {}),
      })),
    };
    writeJson(out, io.stdout);
    return;
  }
  if (opts.format === 'sarif') {
    writeJson(toSarif(results, registry, lang, VERSION), io.stdout);
    return;
  }
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results) {
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
      io.stdout(`${r.display}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule} ${format(f.message, lang)}\n`);
    }
  }
  io.stdout(
    (errors + warnings + infos
      ? t('cli.summary', { files: results.length, errors, warnings, infos }, lang)
      : t('cli.noProblems', { files: results.length }, lang)) + '\n',
  );
  if (opts.explainSuppressions) explainText(results, io, lang);
}

/** Where a suppression is written: its file (the analysed one, or `.hadolint.yaml`) and 1-based line. */
function suppressionPlace(x: SilencedFinding, r: FileResult, cwd: string): { file: string; line: number } {
  return { file: x.by.file ? displayPath(x.by.file, cwd) : r.display, line: x.by.line + 1 };
}

function suppressionReason(x: SilencedFinding, lang: Lang): string {
  return x.by.reason || (x.by.tool ? t('cli.explain.migrated', { tool: x.by.tool }, lang) : '');
}

function explainJson(x: SilencedFinding, r: FileResult, cwd: string, lang: Lang) {
  const place = suppressionPlace(x, r, cwd);
  return {
    rule: x.finding.rule,
    severity: x.finding.severity,
    message: format(x.finding.message, lang),
    range: x.finding.range,
    by: {
      file: place.file,
      line: place.line,
      tool: x.by.tool ?? 'dockyard',
      form: x.by.form ?? (x.by.fileWide ? 'file-comment' : 'comment'),
      ...(x.by.codes ? { codes: x.by.codes.filter((c) => c.rules.includes(x.finding.rule) || c.code === '*').map((c) => c.code) } : {}),
      reason: suppressionReason(x, lang),
      migrated: !!x.by.tool,
    },
  };
}

/**
 * `--explain-suppressions` in text: one line per suppression that silenced something (where it is
 * written, the tool, each code → the Dockyard rules it maps to, the reason), then what it silenced.
 */
function explainText(results: FileResult[], io: CliIo, lang: Lang): void {
  const groups = new Map<string, { head: string; items: string[] }>();
  for (const r of results) {
    for (const x of r.silenced ?? []) {
      const place = suppressionPlace(x, r, io.cwd);
      const key = `${place.file}:${place.line}:${x.by.range.start.character}`;
      let g = groups.get(key);
      if (!g) {
        const tool = x.by.tool ?? 'dockyard';
        const mapping = x.by.codes
          ? x.by.codes.map((c) => `${c.code} → ${c.rules.length ? c.rules.join(', ') : t('cli.explain.noEquivalent', undefined, lang)}`).join('; ')
          : x.by.rules.join(', ');
        const reason = suppressionReason(x, lang);
        g = { head: t('cli.explain.suppression', { place: `${place.file}:${place.line}`, tool, form: x.by.form ?? (x.by.fileWide ? 'file-comment' : 'comment'), mapping, reason: reason || '—' }, lang), items: [] };
        groups.set(key, g);
      }
      g.items.push(`  ${r.display}:${x.finding.range.start.line + 1}:${x.finding.range.start.character + 1} ${x.finding.severity} ${x.finding.rule} ${format(x.finding.message, lang)}`);
    }
  }
  if (!groups.size) {
    io.stdout(t('cli.explain.none', undefined, lang) + '\n');
    return;
  }
  io.stdout(t('cli.explain.title', { count: [...groups.values()].reduce((n, g) => n + g.items.length, 0) }, lang) + '\n');
  for (const g of groups.values()) io.stdout(`${g.head}\n${g.items.join('\n')}\n`);
}

async function lint(args: string[], io: CliIo, lang: Lang): Promise<number> {
  const opts = parseOptions(args, lang);
  for (const n of opts.notes) io.stderr(n + '\n');
  if (opts.lang) lang = opts.lang;
  const errors: string[] = [];
  if (opts.pruneBaseline && !opts.baseline) throw new UsageError(t('cli.error.pruneWithoutBaseline', undefined, lang));
  // Read the baseline before the lint: a baseline that cannot be used stops here (never "no problems").
  let baseline: { file: string; data: BaselineFile } | undefined;
  if (opts.baseline) {
    const file = path.resolve(io.cwd, opts.baseline);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new UsageError(t('cli.error.unreadable', { path: opts.baseline, reason: (e as NodeJS.ErrnoException).code ?? String(e) }, lang));
    }
    const parsed = parseBaseline(text);
    if ('error' in parsed) throw new UsageError(t('cli.error.badBaseline', { path: opts.baseline, detail: parsed.error }, lang));
    baseline = { file, data: parsed.baseline };
  }
  const service = serviceFor(opts, io, lang);
  let results = await lintPathsParallel(service, opts, io, lang, errors);
  const linted = (list: FileResult[]) => list.map((r) => ({ path: r.path, text: r.text, findings: r.findings }));
  if (opts.writeBaseline && !baseline) {
    const file = path.resolve(io.cwd, opts.writeBaseline);
    const data = service.writeBaseline(linted(results), path.dirname(file));
    safeWriteFile(path.dirname(file), file, serializeBaseline(data));
    const count = data.findings.reduce((n, e) => n + e.count, 0);
    io.stdout(t('cli.baseline.written', { path: displayPath(file, io.cwd), count }, lang) + '\n');
    for (const e of errors) io.stderr(e + '\n');
    return errors.length ? 2 : 0;
  }
  if (baseline) {
    const cmp = service.compareBaseline(linted(results), baseline.data, path.dirname(baseline.file));
    const byPath = new Map(cmp.files.map((f) => [f.path, f.findings]));
    results = results.map((r) => ({ ...r, findings: byPath.get(r.path) ?? r.findings }));
    if (cmp.baselined) io.stderr(t('cli.baseline.hidden', { count: cmp.baselined, path: displayPath(baseline.file, io.cwd) }, lang) + '\n');
    if (opts.pruneBaseline) {
      for (const e of cmp.stale) io.stderr(t('cli.baseline.stale', { rule: e.rule, path: e.path, object: e.object || '-', at: e.at || '-', value: e.value, count: e.count }, lang) + '\n');
      if (!cmp.stale.length) io.stderr(t('cli.baseline.noStale', undefined, lang) + '\n');
      if (opts.writeBaseline) {
        const file = path.resolve(io.cwd, opts.writeBaseline);
        // Paths stay relative to the folder of the baseline that was read (same file, or a copy beside it).
        safeWriteFile(path.dirname(file), file, serializeBaseline(cmp.pruned));
        io.stderr(t('cli.baseline.pruned', { path: displayPath(file, io.cwd), count: cmp.stale.reduce((n, e) => n + e.count, 0) }, lang) + '\n');
      }
    } else if (opts.writeBaseline) throw new UsageError(t('cli.error.writeWithBaseline', undefined, lang));
  }
  report(results, opts, io, lang, service.registry);
  for (const c of service.host.configProblems?.() ?? []) for (const p of c.problems) io.stderr(`${displayPath(c.file, io.cwd)}: ${format(p, lang)}\n`);
  for (const e of errors) io.stderr(e + '\n');
  if (errors.length) return 2;
  return exitFor(results, opts.failOn);
}

/**
 * `dockyard fix`: the service's fix loop (the very one behind the editor's fix-all), over every file
 * linted as one workspace; `--unsafe` adds the review tier, `--rule` limits, `--dry-run` diffs.
 */
async function fix(args: string[], io: CliIo, lang: Lang): Promise<number> {
  const opts = parseOptions(args, lang);
  for (const n of opts.notes) io.stderr(n + '\n');
  if (opts.lang) lang = opts.lang;
  const errors: string[] = [];
  const service = serviceFor(opts, io, lang);
  const results = await lintPaths(service, opts, io, lang, errors);
  let changedAny = false;
  let reviewLeft = 0;
  const finalResults: FileResult[] = [];
  for (const r of results) {
    if (r.notUtf8) {
      // Decoded as Latin-1: a rewrite would change bytes nobody asked to change.
      if (r.findings.some((f) => f.fixes?.some((x) => x.kind !== 'ignore'))) io.stderr(t('cli.fix.notUtf8', { path: r.display }, lang) + '\n');
      finalResults.push(r);
      continue;
    }
    const fixed = service.fixText(r.path, r.text, { unsafe: opts.unsafe, rules: opts.rules }, r.findings);
    if (fixed.applied) {
      changedAny = true;
      if (opts.dryRun) io.stdout(createTwoFilesPatch(`a/${r.display}`, `b/${r.display}`, r.text, fixed.text));
      else {
        const refused = writeFixed(r.path, r.bom ? '\uFEFF' + fixed.text : fixed.text, io.cwd);
        if (refused) {
          io.stderr(t(refused.id, { path: displayPath(refused.path, io.cwd), root: displayPath(refused.root, io.cwd) }, lang) + '\n');
          errors.push(t('cli.fix.notWritten', { path: r.display }, lang));
          finalResults.push(r);
          continue;
        }
        io.stdout(t('cli.fix.changed', { path: r.display, count: fixed.applied }, lang) + '\n');
      }
    }
    if (!opts.unsafe) reviewLeft += fixed.findings.filter((f) => (!opts.rules.length || opts.rules.includes(f.rule)) && f.fixes?.some((x) => x.tier === 'review')).length;
    finalResults.push({ ...r, text: fixed.text, findings: opts.dryRun ? r.findings : fixed.findings });
  }
  if (!changedAny) io.stdout(t('cli.fix.none', undefined, lang) + '\n');
  if (reviewLeft) io.stdout(t('cli.fix.reviewLeft', { count: reviewLeft }, lang) + '\n');
  if (!opts.dryRun) report(finalResults.filter((x) => x.findings.length), { ...opts, format: 'text' }, io, lang, service.registry);
  for (const e of errors) io.stderr(e + '\n');
  if (errors.length) return 2;
  return exitFor(finalResults, opts.failOn);
}

/**
 * Writes a fixed file in place: atomically (temporary file + rename), keeping its mode, never
 * through a symbolic link whose target lies outside the workspace (the git root of the file, else
 * the current folder when the file is below it, else the file's folder). A link inside the
 * workspace is resolved and its target written. Returns why it refused, or undefined.
 */
function writeFixed(file: string, content: string, cwd: string): { id: string; path: string; root: string } | undefined {
  const dir = path.dirname(path.resolve(file));
  const root = gitRoot(dir) ?? (isInside(path.resolve(cwd), dir) ? path.resolve(cwd) : dir);
  const real = realPathOf(file);
  const realRoot = realPathOf(root);
  if (!isInside(realRoot, real)) return { id: 'core.write.outsideWorkspace', path: file, root };
  try {
    safeWriteFile(realRoot, real, content);
    return undefined;
  } catch (e) {
    if (!(e instanceof UnsafeWriteError)) throw e;
    const id = { symlink: 'core.write.symlink', outside: 'core.write.outside', 'not-a-file': 'core.write.notAFile', 'not-a-folder': 'core.write.notAFolder' }[e.reason];
    return { id, path: e.path, root };
  }
}

export type SubcommandRunner = (args: string[], io: CliIo, lang: Lang) => Promise<number> | number;
/** Extra subcommands registered by other modules (scaffold). */
export const SUBCOMMANDS: Record<string, SubcommandRunner> = {
  lint,
  fix,
  // The ready-made entries (.pre-commit-hooks.yaml, action.yml) run these.
  ci: (args, io, lang) => runCi(args, io, lang, lint),
  rules: (args, io, lang) => rulesCommand(args, io, lang),
  scaffold: (args, io, lang) =>
    runScaffold(
      args,
      {
        ...io,
        exists: entryExists,
        writeFile: (p, s, o) => void safeWriteFile(o.root, p, s, o.executable ? 0o755 : 0o644),
        // The output folder is the user's choice (created as named); below it, no link is followed.
        mkdir: (p, root) => (path.resolve(p) === path.resolve(root) ? fs.mkdirSync(p, { recursive: true }) : (fs.mkdirSync(root, { recursive: true }), safeMkdir(root, p))),
      },
      lang,
    ),
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let lang = langFromLocale(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
  const langArg = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (langArg >= 0) {
    const v = argv[langArg].includes('=') ? argv[langArg].split('=')[1] : argv[langArg + 1];
    if (v && isLang(v)) lang = v;
  }
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.stdout(t('cli.help', undefined, lang) + '\n');
    return cmd ? 0 : 2;
  }
  if (cmd === '--version' || cmd === '-v') {
    io.stdout(t('cli.version', { version: VERSION }, lang) + '\n');
    return 0;
  }
  const run = SUBCOMMANDS[cmd];
  if (!run) {
    io.stderr(t('cli.error.unknownCommand', { command: cmd }, lang) + '\n' + t('cli.help', undefined, lang) + '\n');
    return 2;
  }
  if (cmd !== 'scaffold' && cmd !== 'ci' && (rest.includes('--help') || rest.includes('-h'))) {
    io.stdout(t(cmd === 'fix' ? 'cli.fix.help' : cmd === 'lint' ? 'cli.lint.help' : cmd === 'rules' ? 'cli.rules.help' : 'cli.help', undefined, lang) + '\n');
    return 0;
  }
  try {
    return await run(rest, io, lang);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(t('cli.error.usage', { detail: e.message }, lang) + '\n');
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  // `dockyard lint … | head -1`: the reader went away. End quietly with the exit status of a process
  // killed by SIGPIPE (128 + 13), as other command-line tools do, instead of an EPIPE stack trace.
  const onPipeError = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(141);
    throw e;
  };
  process.stdout.on('error', onPipeError);
  process.stderr.on('error', onPipeError);
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`dockyard: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
