import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t, type Lang } from '../core/messages/catalog';
import { isInside, safeMkdir, safeWriteFile } from '../host/safe-write';

/**
 * `dockyard ci pre-commit|github`: what the ready-made entries run (.pre-commit-hooks.yaml,
 * action.yml), so a test runs the very same commands locally. Thin: both end in `dockyard lint`.
 *
 * - `pre-commit [lint options] [files…]`: lints the files pre-commit passes (all of them as one
 *   workspace); without files, the files staged in git (`git diff --cached`).
 * - `github`: the action's lint step. Reads DOCKYARD_PATHS (default `.`), DOCKYARD_ARGS (more lint
 *   options), DOCKYARD_SARIF (default `dockyard.sarif`: written for upload-sarif) and
 *   DOCKYARD_FAIL_ON (default `error`); prints the findings as text and exits as lint does.
 */
interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(s: string): void;
  stderr(s: string): void;
}
type Lint = (args: string[], io: Io, lang: Lang) => Promise<number>;

const words = (s: string | undefined) => (s ?? '').split(/\s+/).filter(Boolean);

export async function runCi(args: string[], io: Io, lang: Lang, lint: Lint): Promise<number> {
  const [mode, ...rest] = args;
  if (mode === 'pre-commit') {
    const files = rest.filter((a, i) => !a.startsWith('-') && !(i > 0 && VALUE_OPTIONS.has(rest[i - 1])));
    if (files.length) return lint(rest, io, lang);
    const staged = spawnSync('git', ['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'], { cwd: io.cwd, encoding: 'utf8' });
    if (staged.status !== 0) {
      io.stderr(t('cli.ci.noGit', { detail: (staged.stderr || String(staged.error ?? '')).trim() }, lang) + '\n');
      return 2;
    }
    const list = staged.stdout.split('\0').filter(Boolean);
    if (!list.length) {
      io.stdout(t('cli.ci.nothingStaged', undefined, lang) + '\n');
      return 0;
    }
    return lint([...rest, ...list], io, lang);
  }
  if (mode === 'github') {
    const paths = words(io.env.DOCKYARD_PATHS);
    const extra = words(io.env.DOCKYARD_ARGS);
    const sarif = io.env.DOCKYARD_SARIF || 'dockyard.sarif';
    const failOn = io.env.DOCKYARD_FAIL_ON || 'error';
    const targets = paths.length ? paths : ['.'];
    let out = '';
    const code = await lint(['--format', 'sarif', '--fail-on', 'never', ...extra, ...targets], { ...io, stdout: (s) => void (out += s) }, lang);
    if (code === 2) return 2;
    const file = path.resolve(io.cwd, sarif);
    // A folder below the workspace is created without following links; one elsewhere is the user's choice.
    if (isInside(io.cwd, file)) safeMkdir(io.cwd, path.dirname(file));
    else fs.mkdirSync(path.dirname(file), { recursive: true });
    safeWriteFile(path.dirname(file), file, out);
    io.stderr(t('cli.ci.sarifWritten', { path: sarif }, lang) + '\n');
    return lint(['--fail-on', failOn, ...extra, ...targets], io, lang);
  }
  io.stderr(t('cli.ci.usage', undefined, lang) + '\n');
  return 2;
}

const VALUE_OPTIONS = new Set(['--format', '--pss', '--k8s-version', '--config', '--fail-on', '--lang', '--jobs', '--baseline', '--write-baseline']);
