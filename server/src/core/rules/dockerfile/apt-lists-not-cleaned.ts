import { runShell, type RunShell } from '../../model/dockerfile-run';
import type { DockerfileModel } from '../../model/dockerfile';
import type { Fix } from '../../types';
import { baseName, simpleCommands, unwrapCommand, type SimpleCommand } from '../../util/shell';
import { defineRule, type MessageOf } from '../define';
import { runInstructions, shipsInImage } from './util';
import { appendCommandFix, mountsCacheOver } from './packages';

const CLEANUP = 'rm -rf /var/lib/apt/lists/*';

/**
 * `apt-get install` leaves the package lists `apt-get update` downloaded (tens of MB) in the layer
 * unless the same RUN removes /var/lib/apt/lists; a later RUN cannot take them out of the layer.
 * Not reported when the RUN mounts a cache or tmpfs over /var/lib/apt (the lists never reach the
 * layer), nor in a build stage the final image does not build on (its output is only `COPY
 * --from`'d, so its package lists never ship). Fix (tier safe): append `&& rm -rf /var/lib/apt/lists/*`, in the file's continuation style
 * when the RUN spans several lines. `&&` after the whole script keeps its behaviour: the cleanup
 * runs only when everything before it succeeded, and the RUN's exit status is unchanged otherwise.
 */
export const aptListsNotCleaned = defineRule({
  id: 'apt-lists-not-cleaned',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'information',
  equivalents: ['hadolint:DL3009'],
  fixTiers: ['safe'],
  references: [
    { title: 'Dockerfile best practices: apt-get', url: 'https://docs.docker.com/build/building/best-practices/#apt-get' },
    { title: 'hadolint DL3009', url: 'https://github.com/hadolint/hadolint/wiki/DL3009' },
  ],
  docs: {
    summary: 'apt-get install without removing /var/lib/apt/lists in the same RUN, in a stage that ships (the final stage or one it builds on).',
    risk: 'The package lists (tens of MB) stay in the layer; a later RUN cannot take them out of it.',
    fix: 'End the same RUN with && rm -rf /var/lib/apt/lists/*, or mount a cache over /var/lib/apt (RUN --mount=type=cache,target=/var/lib/apt).',
  },
  messages: {
    message: '{command} without rm -rf /var/lib/apt/lists/* in the same RUN.',
    fixTitle: 'Append && rm -rf /var/lib/apt/lists/*',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const { ins, onbuild } of runInstructions(model)) {
      if (!ins.getTextContent().includes('apt')) continue;
      if (mountsCacheOver(ins, ['/var/lib/apt/lists']) || !shipsInImage(model, ins, onbuild)) continue;
      const run = runShell(model, ins);
      if (!run.script) continue;
      const cmds = simpleCommands(run.script.list);
      const install = cmds.map(aptInstall).find((x) => x);
      if (!install || cmds.some(removesLists)) continue;
      ctx.report({
        range: run.range({ start: install.cmd.words[install.nameAt].start, end: install.verb.end }),
        message: m('message', { command: `${install.cmd.words[install.nameAt].value} ${install.verb.value}` }),
        // Built on first use (a code action, `dockyard fix`): most findings are never fixed.
        fixes: () => cleanupFix(model, run, m),
      });
    }
  },
});

/** `&& rm -rf /var/lib/apt/lists/*` after the whole script, when the RUN is one plain shell command list. */
function cleanupFix(model: DockerfileModel, run: RunShell, m: MessageOf<'fixTitle'>): Fix[] {
  return appendCommandFix(model, run, CLEANUP, m('fixTitle'), true);
}

/** `apt-get [opts] install …`, `apt install …`, `aptitude install …` (through sudo/env wrappers). */
function aptInstall(c: SimpleCommand): { cmd: SimpleCommand; nameAt: number; verb: SimpleCommand['words'][number] } | undefined {
  const i = unwrapCommand(c);
  const name = baseName(c.words[i]?.value);
  if (name !== 'apt-get' && name !== 'apt' && name !== 'aptitude') return undefined;
  for (let k = i + 1; k < c.words.length; k++) {
    const v = c.words[k].value;
    if (v === undefined) return undefined;
    if (v.startsWith('-')) {
      if (v === '-o' || v === '-c' || v === '-t' || v === '--target-release' || v === '--option' || v === '--config-file') k++;
      continue;
    }
    return v === 'install' || v === 'reinstall' || v === 'build-dep' ? { cmd: c, nameAt: i, verb: c.words[k] } : undefined;
  }
  return undefined;
}

function removesLists(c: SimpleCommand): boolean {
  const i = unwrapCommand(c);
  const name = baseName(c.words[i]?.value);
  if (name !== 'rm' && name !== 'find') return false;
  return c.words.slice(i + 1).some((w) => (w.value ?? w.text).replace(/["']/g, '').startsWith('/var/lib/apt/lists'));
}

