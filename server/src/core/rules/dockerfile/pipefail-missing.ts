import type { JSONInstruction } from 'dockerfile-ast';
import type { DockerfileModel } from '../../model/dockerfile';
import { runShell } from '../../model/dockerfile-run';
import { stageIndexAtLine, stageInfos, type StageInfo } from '../../model/dockerfile-stages';
import { baseName, pipelines, simpleCommands, unwrapCommand, type SimpleCommand } from '../../util/shell';
import { defineRule } from '../define';
import { runInstructions } from './util';

/**
 * A pipeline in RUN (`curl … | tar x`) without `set -o pipefail` before it in the same RUN and
 * without a SHELL that sets it (`SHELL ["/bin/bash", "-o", "pipefail", "-c"]`): the RUN's status is
 * the last command's, so a failed download still "succeeds" and the layer is cached broken. Not
 * reported under a non-POSIX SHELL (PowerShell, cmd). No fix: Debian's /bin/sh (dash) has no
 * pipefail, so the right edit (a bash SHELL, or `set -o pipefail` on ash/bash) depends on the image.
 */
export const pipefailMissing = defineRule({
  id: 'pipefail-missing',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  equivalents: ['hadolint:DL4006'],
  references: [{ title: 'Dockerfile best practices: using pipes', url: 'https://docs.docker.com/build/building/best-practices/#using-pipes' }],
  docs: {
    summary: 'A pipe in RUN without set -o pipefail (in the RUN or through SHELL).',
    risk: 'The RUN succeeds when the last command of the pipe does, even if an earlier one failed: a failed download piped to tar or sh leaves a broken, cached layer.',
    fix: 'Put SHELL ["/bin/bash", "-o", "pipefail", "-c"] before the RUN (Debian\'s /bin/sh has no pipefail), or start the RUN with set -o pipefail && on shells that have it (bash, ash, zsh).',
  },
  messages: {
    message: 'A pipe without pipefail: the RUN only fails when {last} fails, not when {first} does.',
  },
  check(ctx, m) {
    const { model } = ctx;
    const pipefailShell = shellPipefail(model);
    for (const { ins, onbuild } of runInstructions(model)) {
      if (!ins.getTextContent().includes('|')) continue;
      const run = runShell(model, ins);
      if (!run.script || run.form === 'other' || run.form === 'exec') continue;
      if (!onbuild && pipefailShell(ins.getRange().start.line)) continue;
      const pipes = pipelines(run.script.list);
      if (!pipes.length) continue;
      const setAt = simpleCommands(run.script.list).find(setsPipefail)?.start ?? Infinity;
      const p = pipes.find((x) => x.start < setAt);
      if (!p) continue;
      const first = p.commands[0];
      const last = p.commands[p.commands.length - 1];
      const label = (c: typeof first) => (c.type === 'simple' ? c.words[unwrapCommand(c)]?.text ?? c.type : c.type);
      ctx.report({ range: run.range({ start: p.start, end: p.end }), message: m('message', { first: label(first), last: label(last) }) });
    }
  },
});

/** `set -o pipefail`, `set -euo pipefail`, `set -eo pipefail`. */
function setsPipefail(c: SimpleCommand): boolean {
  const i = unwrapCommand(c);
  if (baseName(c.words[i]?.value) !== 'set') return false;
  for (let k = i + 1; k + 1 < c.words.length; k++) {
    if (/^-[a-zA-Z]*o$/.test(c.words[k].value ?? '') && c.words[k + 1].value === 'pipefail') return true;
  }
  return false;
}

/** Whether the SHELL in force at a line sets pipefail (per stage, inherited from the stage built on). */
function shellPipefail(model: DockerfileModel): (line: number) => boolean {
  const perStage = new Map<number, { line: number; pipefail: boolean }[]>();
  const endState = new Map<StageInfo, boolean>();
  for (const info of stageInfos(model)) {
    let state = info.parent ? endState.get(info.parent) ?? false : false;
    const changes = [{ line: info.stage.from.getRange().start.line, pipefail: state }];
    for (const ins of info.stage.instructions) {
      if (ins.getKeyword() !== 'SHELL') continue;
      const words = (ins as unknown as JSONInstruction).getJSONStrings?.().map((s) => s.getJSONValue()) ?? [];
      state = words.some((w, i) => /^-[a-zA-Z]*o$/.test(w) && words[i + 1] === 'pipefail');
      changes.push({ line: ins.getRange().start.line, pipefail: state });
    }
    perStage.set(info.stage.index, changes);
    endState.set(info, state);
  }
  return (line) => {
    const changes = perStage.get(stageIndexAtLine(model, line));
    if (!changes) return false;
    let lo = 0;
    let hi = changes.length - 1;
    let v = false;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (changes[mid].line <= line) {
        v = changes[mid].pipefail;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return v;
  };
}
