import { unquote } from './util';
import { argumentsOf } from '../../model/dockerfile';
import { stageInfos, type StageInfo } from '../../model/dockerfile-stages';
import { defineRule } from '../define';

const ABSOLUTE = /^(\/|[A-Za-z]:|\\|\$)/;

/**
 * COPY or ADD to a relative destination in a stage where no WORKDIR was set (in it or in the stages
 * it builds on): the files land relative to the base image's working directory, which the
 * Dockerfile does not say and a new base image can change.
 */
export const copyRelativeDestination = defineRule({
  id: 'copy-relative-destination',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  equivalents: ['hadolint:DL3045'],
  references: [{ title: 'Dockerfile reference: COPY destination', url: 'https://docs.docker.com/reference/dockerfile/#destination' }],
  docs: {
    summary: 'COPY or ADD to a relative destination with no WORKDIR set before it in the stage (or the stages it builds on).',
    risk: 'The files go wherever the base image\'s working directory is: a new base image moves them, and the commands that expect them break.',
    fix: 'Set WORKDIR /app before the COPY, or copy to an absolute path (COPY app.py /app/).',
  },
  messages: {
    message: '{instruction} to the relative path "{dest}" with no WORKDIR set: it depends on the base image\'s working directory.',
  },
  check(ctx, m) {
    const { model } = ctx;
    const workdirAtEnd = new Map<StageInfo, boolean>();
    for (const info of stageInfos(model)) {
      let workdir = info.parent ? workdirAtEnd.get(info.parent) ?? false : false;
      for (const ins of info.stage.instructions) {
        const k = ins.getKeyword();
        if (k === 'WORKDIR') workdir = true;
        if ((k !== 'COPY' && k !== 'ADD') || workdir) continue;
        const args = argumentsOf(ins);
        if (args.length < 2) continue;
        const json = (ins as unknown as { getJSONStrings?: () => { getJSONValue(): string }[]; getClosingBracket?: () => unknown });
        const js = json.getClosingBracket?.() ? json.getJSONStrings?.() ?? [] : [];
        const dest = js.length >= 2 ? js[js.length - 1].getJSONValue() : args[args.length - 1].getValue();
        // Quotes are the shell's (`COPY a "/x"`), a variable's value is unknown, `c:` is a Windows drive.
        if (ABSOLUTE.test(unquote(dest)) || unquote(dest).startsWith('$')) continue;
        ctx.report({ range: model.range(args[args.length - 1].getRange()), message: m('message', { instruction: k, dest }) });
      }
      workdirAtEnd.set(info, workdir);
    }
  },
});
