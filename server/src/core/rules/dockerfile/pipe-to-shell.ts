import { runShell } from '../../model/dockerfile-run';
import { baseName, pipelines, simpleCommands, unwrapCommand, walkCommands, type ShellList, type SimpleCommand } from '../../util/shell';
import { defineRule } from '../define';
import { runInstructions } from './util';

const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'dash', 'ash', 'ksh', 'mksh', 'zsh', 'busybox']);
/** Words that evaluate their input or argument as shell code. */
const EVALUATORS: ReadonlySet<string> = new Set(['eval', 'source', '.']);

/**
 * A script downloaded and run in one go (`curl … | sh`, `wget -qO- … | bash`, `sh -c "$(curl …)"`,
 * `bash <(curl …)`, `eval "$(wget -O- …)"`): nothing verifies what runs as root in the build.
 * Found through the shell parser, so quoting, continuations, `sudo`/`env` wrappers and nesting
 * inside `if`/`$( )` are handled.
 */
export const pipeToShell = defineRule({
  id: 'pipe-to-shell',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  references: [{ title: 'hadolint DL4006 / curl-pipe-shell', url: 'https://github.com/hadolint/hadolint/wiki/DL4006' }],
  docs: {
    summary: 'curl/wget output piped into a shell (curl … | sh, sh -c "$(curl …)", bash <(curl …)).',
    risk: 'A script from the network runs unverified, as root, in the build: whoever controls the server or the connection controls the image.',
    fix: 'Download to a file, verify its checksum or signature, then run it; or install the tool from a package repository.',
  },
  messages: {
    message: 'The output of {fetcher} runs in {shell} without verification.',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const { ins } of runInstructions(model)) {
      const text = ins.getTextContent();
      if (!/curl|wget/.test(text)) continue; // cheap pre-filter: no downloader, nothing to find
      const run = runShell(model, ins);
      if (!run.script) continue;
      const list = run.script.list;
      // 1. downloader | … | shell
      for (const p of pipelines(list)) {
        const fetchAt = p.commands.findIndex((c) => c.type === 'simple' && downloaderToStdout(c));
        if (fetchAt < 0) continue;
        for (let i = fetchAt + 1; i < p.commands.length; i++) {
          const c = p.commands[i];
          const shell = c.type === 'simple' ? shellName(c) : undefined;
          if (!shell) continue;
          const fetcher = fetcherName(p.commands[fetchAt] as SimpleCommand);
          ctx.report({
            range: run.range({ start: p.commands[fetchAt].start, end: c.end }),
            message: m('message', { fetcher, shell }),
          });
          break;
        }
      }
      // 2. sh -c "$(curl …)", bash <(curl …), eval "$(curl …)", source <(wget -O- …)
      walkCommands(list, (c) => {
        if (c.type !== 'simple') return;
        const i = unwrapCommand(c);
        const name = baseName(c.words[i]?.value);
        if (!name || !(SHELLS.has(name) || EVALUATORS.has(name))) return;
        for (const w of c.words.slice(i + 1)) {
          for (const sub of w.substitutions ?? []) {
            const dl = downloaderIn(sub);
            if (!dl) continue;
            ctx.report({ range: run.range({ start: c.words[i].start, end: w.end }), message: m('message', { fetcher: fetcherName(dl), shell: name }) });
            return;
          }
        }
      });
    }
  },
});

function downloaderIn(list: ShellList): SimpleCommand | undefined {
  return simpleCommands(list).find(downloaderToStdout);
}

function fetcherName(c: SimpleCommand): string {
  return baseName(c.words[unwrapCommand(c)]?.value) ?? 'curl';
}

/** `curl …` without -o/-O/--output, `wget` with `-O -` / `-qO-` / `--output-document=-`. */
export function downloaderToStdout(c: SimpleCommand): boolean {
  const i = unwrapCommand(c);
  const name = baseName(c.words[i]?.value);
  const args = c.words.slice(i + 1).map((w) => w.value ?? '');
  if (name === 'curl') {
    return !args.some((a) => a === '-o' || a === '-O' || a === '--output' || a.startsWith('--output=') || a === '--remote-name' || a === '--remote-name-all' || /^-[a-zA-Z]*[oO][a-zA-Z]*$/.test(a));
  }
  if (name === 'wget') {
    for (let k = 0; k < args.length; k++) {
      const a = args[k];
      if (a === '--output-document=-' || a === '-O-' || /^-[a-zA-Z]*O-$/.test(a)) return true;
      if ((a === '-O' || a === '--output-document' || /^-[a-zA-Z]*O$/.test(a)) && args[k + 1] === '-') return true;
    }
    return false;
  }
  return false;
}

/** The shell a pipeline member runs (`sh`, `sudo -E bash -s --`, `env sh`), reading stdin. */
function shellName(c: SimpleCommand): string | undefined {
  const i = unwrapCommand(c);
  const name = baseName(c.words[i]?.value);
  if (!name) return undefined;
  if (name === 'busybox') return c.words[i + 1]?.value === 'sh' ? 'busybox sh' : undefined;
  if (SHELLS.has(name)) {
    // `bash -c 'echo'` reads its script from the argument, not stdin.
    if (c.words.slice(i + 1).some((w) => /^-[a-z]*c[a-z]*$/.test(w.value ?? ''))) return undefined;
    return name;
  }
  if (EVALUATORS.has(name) && c.words.slice(i + 1).some((w) => w.value === '/dev/stdin')) return name;
  return undefined;
}
