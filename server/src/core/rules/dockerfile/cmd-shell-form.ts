import type { Instruction } from 'dockerfile-ast';
import { argumentsOf } from '../../model/dockerfile';
import { isExecForm, runShell } from '../../model/dockerfile-run';
import { stageInfos, type StageInfo } from '../../model/dockerfile-stages';
import type { Fix } from '../../types';
import { defineRule, type MessageOf } from '../define';
import type { DockerfileModel } from '../../model/dockerfile';

/**
 * CMD or ENTRYPOINT in shell form (`CMD nginx -g 'daemon off;'`): Docker runs it as `/bin/sh -c …`,
 * so the shell is PID 1, the program does not get SIGTERM on `docker stop` and is killed after the
 * grace period; an ENTRYPOINT in shell form also ignores CMD and `docker run` arguments. Not
 * reported in a stage (or the stages it builds on) that sets SHELL: that author chose a shell on
 * purpose. Quick fix: the JSON form, when the command is one simple command of literal words
 * (no variables, operators or redirections), which then means the same without the shell.
 */
export const cmdShellForm = defineRule({
  id: 'cmd-shell-form',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  fixTiers: ['review'],
  equivalents: ['hadolint:DL3025', 'buildkit:JSONArgsRecommended'],
  references: [{ title: 'Dockerfile reference: shell and exec form', url: 'https://docs.docker.com/reference/dockerfile/#shell-and-exec-form' }],
  docs: {
    summary: 'CMD or ENTRYPOINT in shell form instead of the JSON (exec) form.',
    risk: 'The program runs under /bin/sh -c: sh is PID 1 and does not pass SIGTERM on, so docker stop and Kubernetes wait out the grace period and kill the process; a shell-form ENTRYPOINT also drops the CMD and docker run arguments.',
    fix: 'Write CMD ["program", "arg"]; when you need the shell, say so with CMD ["sh", "-c", "… && exec program"] (exec makes the program PID 1). The quick fix rewrites a command of plain words.',
  },
  messages: {
    message: '{instruction} in shell form runs under /bin/sh -c, which does not pass signals on; use the JSON form.',
    fixTitle: 'Use the JSON form: {json}',
  },
  check(ctx, m) {
    const { model } = ctx;
    const shellAtEnd = new Map<StageInfo, boolean>();
    for (const info of stageInfos(model)) {
      let shell = info.parent ? shellAtEnd.get(info.parent) ?? false : false;
      for (const ins of info.stage.instructions) {
        const k = ins.getKeyword();
        if (k === 'SHELL') shell = true;
        if ((k !== 'CMD' && k !== 'ENTRYPOINT') || shell) continue;
        const args = argumentsOf(ins);
        if (!args.length || isExecForm(ins)) continue;
        const range = model.range({ start: args[0].getRange().start, end: args[args.length - 1].getRange().end });
        ctx.report({ range, message: m('message', { instruction: k }), fixes: () => jsonFix(model, ins, range, m) });
      }
      shellAtEnd.set(info, shell);
    }
  },
});

function jsonFix(model: DockerfileModel, ins: Instruction, range: Fix['edits'][number]['range'], m: MessageOf<'fixTitle'>): Fix[] {
  const run = runShell(model, ins);
  const script = run.script;
  if (run.form !== 'shell' || !script || script.errors.length || script.list.items.length !== 1) return [];
  const item = script.list.items[0];
  if (item.separator && item.separator.op !== '\n') return [];
  const ao = item.andOr;
  if (ao.pipelines.length !== 1 || ao.pipelines[0].commands.length !== 1 || ao.pipelines[0].negated) return [];
  const c = ao.pipelines[0].commands[0];
  if (c.type !== 'simple' || c.assignments.length || c.redirects.length || !c.words.length) return [];
  const values: string[] = [];
  for (const w of c.words) {
    if (w.value === undefined || /[*?[~]/.test(w.text)) return [];
    values.push(w.value);
  }
  const json = '[' + values.map((v) => JSON.stringify(v)).join(', ') + ']';
  return [{ title: m('fixTitle', { json }), edits: [{ range, newText: json }] }];
}
