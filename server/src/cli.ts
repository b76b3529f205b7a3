import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { Analyzer } from './core/engine';
import { createRegistry } from './core/rules';
import { format, isLang, langFromLocale, t, type Lang } from './core/messages/catalog';
import { SEVERITY_ORDER, type Finding, type Severity } from './core/types';
import { applyEdits } from './core/text';
import type { PartialConfig } from './core/config/config';
import { ConfigResolver } from './host/config-resolver';
import { isUnderChartTemplates, readText, walk } from './host/files';
import { FsLociDataProvider } from './host/loci-data';
import { setLociDataProvider } from './core/loci/provider';
import { toSarif } from './cli/sarif';
import { runScaffold } from './cli-scaffold';
import { setCrdSchemaSource } from './core/kubernetes/crd';
import { FileCrdSource } from './host/crd-source';
import { entryExists, safeMkdir, safeWriteFile } from './host/safe-write';

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
  paths: string[];
}

class UsageError extends Error {}

const VALUE_OPTIONS = new Set(['--format', '--pss', '--k8s-version', '--config', '--fail-on', '--lang', '--rule']);

function parseOptions(args: string[], lang: Lang): Options {
  const o: Options = { format: 'text', failOn: 'error', rules: [], dryRun: false, paths: [] };
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
      case '--k8s-version':
        if (!/^1\.\d+$/.test(value!)) throw bad('X.Y, e.g. 1.35');
        o.k8sVersion = value;
        break;
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
      case '--dry-run':
        o.dryRun = true;
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
}

/** Collect files from paths (folders walked), each once even when named twice. */
function collect(paths: string[], io: CliIo, lang: Lang, errors: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (p: string) => {
    let real = p;
    try {
      real = fs.realpathSync(p);
    } catch {
      /* keep */
    }
    if (seen.has(real)) return;
    seen.add(real);
    out.push(p);
  };
  for (const raw of paths.length ? paths : ['.']) {
    const p = path.resolve(io.cwd, raw);
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      errors.push(t('cli.error.unreadable', { path: raw, reason: (e as NodeJS.ErrnoException).code ?? String(e) }, lang));
      continue;
    }
    if (st.isDirectory()) walk(p, add);
    else add(p);
  }
  return out;
}

function analyzeAll(files: string[], opts: Options, io: CliIo, lang: Lang, errors: string[]): { results: FileResult[]; analyzer: Analyzer; resolver: ConfigResolver; overrides: PartialConfig } {
  const registry = createRegistry();
  const analyzer = new Analyzer(registry, (rule, p, e) => io.stderr(t('core.ruleError', { rule, path: p, error: e instanceof Error ? e.message : String(e) }, lang) + '\n'));
  setLociDataProvider(new FsLociDataProvider());
  const resolver = new ConfigResolver(new Set(registry.ids()), opts.config ? path.resolve(io.cwd, opts.config) : undefined);
  if (opts.config && !fs.existsSync(path.resolve(io.cwd, opts.config))) {
    throw new UsageError(t('cli.error.unreadable', { path: opts.config, reason: 'ENOENT' }, lang));
  }
  setCrdSchemaSource(new FileCrdSource(resolver, () => [io.cwd]));
  const overrides: PartialConfig = {};
  if (opts.pss) overrides.pss = opts.pss;
  if (opts.k8sVersion) overrides.kubernetes = { version: opts.k8sVersion };
  const texts = new Map<string, { text: string; notUtf8?: boolean }>();
  for (const f of files) {
    try {
      texts.set(f, readText(f));
    } catch (e) {
      errors.push(t('cli.error.unreadable', { path: path.relative(io.cwd, f) || f, reason: (e as NodeJS.ErrnoException).code ?? String(e) }, lang));
    }
  }
  // Pass 1 fills the workspace index so that cross-resource rules see every file in pass 2.
  for (const [f, r] of texts) analyzer.analyze({ path: f, text: r.text, helmChartTemplate: isUnderChartTemplates(f) }, resolver.resolve(f, overrides).config);
  const results: FileResult[] = [];
  for (const [f, r] of texts) {
    const findings = analyzer.analyze({ path: f, text: r.text, helmChartTemplate: isUnderChartTemplates(f) }, resolver.resolve(f, overrides).config).findings.slice();
    if (r.notUtf8 && !findings.some((x) => x.rule === 'binary-file')) {
      findings.unshift({ rule: 'file-encoding', severity: 'information', message: { id: 'core.file.notUtf8' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    }
    results.push({ path: f, display: displayPath(f, io.cwd), findings, text: r.text });
  }
  return { results, analyzer, resolver, overrides };
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

function report(results: FileResult[], opts: Options, io: CliIo, lang: Lang, registry = createRegistry()): void {
  if (opts.format === 'json') {
    const out = {
      version: 1,
      files: results.map((r) => ({
        path: r.display,
        diagnostics: r.findings.map((f) => ({
          rule: f.rule,
          severity: f.severity,
          message: format(f.message, lang),
          range: f.range,
          fixable: !!f.fixes?.some((x) => x.kind !== 'ignore'),
        })),
      })),
    };
    io.stdout(JSON.stringify(out, null, 2) + '\n');
    return;
  }
  if (opts.format === 'sarif') {
    io.stdout(JSON.stringify(toSarif(results, registry, lang, VERSION), null, 2) + '\n');
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
}

async function lint(args: string[], io: CliIo, lang: Lang): Promise<number> {
  const opts = parseOptions(args, lang);
  if (opts.lang) lang = opts.lang;
  const errors: string[] = [];
  const files = collect(opts.paths, io, lang, errors);
  const { results } = analyzeAll(files, opts, io, lang, errors);
  report(results, opts, io, lang);
  for (const e of errors) io.stderr(e + '\n');
  if (errors.length) return 2;
  return exitFor(results, opts.failOn);
}

async function fix(args: string[], io: CliIo, lang: Lang): Promise<number> {
  const opts = parseOptions(args, lang);
  if (opts.lang) lang = opts.lang;
  const errors: string[] = [];
  const files = collect(opts.paths, io, lang, errors);
  let { results, analyzer, resolver, overrides } = analyzeAll(files, opts, io, lang, errors);
  const wanted = (rule: string) => !opts.rules.length || opts.rules.includes(rule);
  let changedAny = false;
  const finalResults: FileResult[] = [];
  for (const r of results) {
    let text = r.text;
    let applied = 0;
    let findings = r.findings;
    // Apply non-overlapping fixes, re-lint, repeat: later fixes see the earlier ones' result.
    for (let round = 0; round < 10; round++) {
      const edits: { range: Finding['range']; newText: string }[] = [];
      let n = 0;
      for (const f of findings) {
        if (!wanted(f.rule)) continue;
        const fx = f.fixes?.find((x) => x.kind !== 'ignore');
        if (!fx) continue;
        if (fx.edits.some((e) => edits.some((o) => touches(o.range, e.range)))) continue;
        edits.push(...fx.edits);
        n++;
      }
      if (!n) break;
      const next = applyEdits(text, edits);
      if (next === text) break;
      text = next;
      applied += n;
      findings = analyzer.analyze({ path: r.path, text, helmChartTemplate: isUnderChartTemplates(r.path) }, resolver.resolve(r.path, overrides).config).findings;
    }
    if (applied) {
      changedAny = true;
      if (opts.dryRun) io.stdout(createTwoFilesPatch(`a/${r.display}`, `b/${r.display}`, r.text, text));
      else {
        fs.writeFileSync(r.path, text);
        io.stdout(t('cli.fix.changed', { path: r.display, count: applied }, lang) + '\n');
      }
    }
    finalResults.push({ ...r, text, findings: opts.dryRun ? r.findings : findings });
  }
  if (!changedAny) io.stdout(t('cli.fix.none', undefined, lang) + '\n');
  results = finalResults;
  if (!opts.dryRun) report(results.filter((x) => x.findings.length), { ...opts, format: 'text' }, io, lang);
  for (const e of errors) io.stderr(e + '\n');
  if (errors.length) return 2;
  return exitFor(results, opts.failOn);
}

type R = Finding['range'];
function touches(a: R, b: R): boolean {
  const le = (x: R['start'], y: R['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return le(a.start, b.end) && le(b.start, a.end);
}

export type SubcommandRunner = (args: string[], io: CliIo, lang: Lang) => Promise<number> | number;
/** Extra subcommands registered by other modules (scaffold). */
export const SUBCOMMANDS: Record<string, SubcommandRunner> = {
  lint,
  fix,
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
  if (cmd !== 'scaffold' && (rest.includes('--help') || rest.includes('-h'))) {
    io.stdout(t('cli.help', undefined, lang) + '\n');
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
