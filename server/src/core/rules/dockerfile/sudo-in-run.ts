import { runShell } from '../../model/dockerfile-run';
import type { Fix } from '../../types';
import { baseName, walkCommands, type SimpleCommand } from '../../util/shell';
import { defineRule, type MessageOf } from '../define';
import { runInstructions } from './util';

/** sudo options that do not change who runs the command or how: removing them with sudo is safe. */
const HARMLESS: ReadonlySet<string> = new Set(['-E', '-H', '-n', '-S', '--preserve-env', '--set-home', '--non-interactive', '--stdin', '--']);

/**
 * `sudo` in RUN: the build already runs as root (or as the USER you chose on purpose); sudo adds a
 * setuid binary and a privilege path to the image, and its TTY/PAM behaviour is unpredictable in
 * builds. Fix: remove `sudo` (with options that do not change the user, like `-E`) — offered only
 * when nothing else (`-u user`) depends on it.
 */
export const sudoInRun = defineRule({
  id: 'sudo-in-run',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  equivalents: ['hadolint:DL3004'],
  fixTiers: ['review'],
  references: [{ title: 'hadolint DL3004', url: 'https://github.com/hadolint/hadolint/wiki/DL3004' }],
  docs: {
    summary: 'sudo inside RUN.',
    risk: 'The build already runs as root or as the USER you chose; sudo adds a setuid binary and a privilege path to the image, and behaves unpredictably without a TTY.',
    fix: 'Remove sudo; to run a step as root after USER, switch with USER root before it and back after.',
  },
  messages: {
    message: 'sudo in RUN: the build does not need it.',
    fixTitle: 'Remove sudo',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const { ins } of runInstructions(model)) {
      if (!ins.getTextContent().includes('sudo')) continue;
      const run = runShell(model, ins);
      if (!run.script) continue;
      walkCommands(run.script.list, (c) => {
        if (c.type !== 'simple' || !c.words.length) return;
        const name = baseName(c.words[0].value);
        if (name !== 'sudo') return;
        const fix = removeSudo(c, run.offset, model.lines.rangeOf.bind(model.lines), m);
        ctx.report({
          range: run.range(c.words[0]),
          message: m('message'),
          fixes: fix ? [fix] : undefined,
        });
      });
    }
  },
});

function removeSudo(
  c: SimpleCommand,
  offset: (o: number, end?: boolean) => number,
  rangeOf: (s: number, e: number) => import('../../types').Range,
  m: MessageOf<'fixTitle'>,
): Fix | undefined {
  let i = 1;
  while (i < c.words.length && c.words[i].value?.startsWith('-')) {
    if (!HARMLESS.has(c.words[i].value!)) return undefined;
    i++;
    if (c.words[i - 1].value === '--') break;
  }
  const next = c.words[i];
  if (!next) return undefined;
  // From `sudo` to the first character of the command it ran (its following blanks included).
  const start = offset(c.words[0].start);
  const end = offset(next.start);
  return { title: m('fixTitle'), edits: [{ range: rangeOf(start, end), newText: '' }] };
}
