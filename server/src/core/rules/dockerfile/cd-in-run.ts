import { runShell } from '../../model/dockerfile-run';
import { baseName, unwrapCommand } from '../../util/shell';
import { defineRule } from '../define';
import { runInstructions } from './util';

/**
 * `cd` as a command of a RUN's top-level list (`RUN cd /src && make`): WORKDIR says it once for the
 * instructions that follow and is visible in the image config. A `cd` inside a subshell
 * (`(cd sub && make)`) or a compound command is deliberate scoping and not reported.
 */
export const cdInRun = defineRule({
  id: 'cd-in-run',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'information',
  equivalents: ['hadolint:DL3003'],
  references: [{ title: 'Dockerfile best practices: WORKDIR', url: 'https://docs.docker.com/build/building/best-practices/#workdir' }],
  docs: {
    summary: 'cd in a RUN\'s top-level command list where WORKDIR would set the directory.',
    risk: 'Long RUN lines that cd around are hard to read and easy to break; the next RUN starts in the old directory again, which surprises readers.',
    fix: 'Set WORKDIR /path before the RUN (WORKDIR creates the directory); keep cd inside ( … ) when a step needs another directory briefly.',
  },
  messages: {
    message: 'cd {path} in RUN: use WORKDIR {path} to switch directories.',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const { ins } of runInstructions(model)) {
      if (!/\bcd\b/.test(ins.getTextContent())) continue;
      const run = runShell(model, ins);
      if (!run.script) continue;
      for (const item of run.script.list.items) {
        for (const p of item.andOr.pipelines) {
          for (const c of p.commands) {
            if (c.type !== 'simple') continue;
            const i = unwrapCommand(c);
            if (baseName(c.words[i]?.value) !== 'cd') continue;
            const target = c.words[i + 1];
            if (!target || target.value === '-' || target.value?.startsWith('-')) continue;
            ctx.report({ range: run.range({ start: c.words[i].start, end: target.end }), message: m('message', { path: target.text }) });
          }
        }
      }
    }
  },
});
