import { unquote } from './util';
import { argumentsOf } from '../../model/dockerfile';
import { stageInfos, type StageInfo } from '../../model/dockerfile-stages';
import { defineRule } from '../define';

const ABSOLUTE = /^(\/|[A-Za-z]:|\\)/;

/**
 * A relative WORKDIR while no absolute WORKDIR came before it in the stage or the stages it builds
 * on: the path is then relative to whatever working directory the base image set, which can change
 * with the base image. A WORKDIR that starts with a variable is not judged. No fix: only the
 * author knows the directory meant.
 */
export const workdirRelative = defineRule({
  id: 'workdir-relative',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  equivalents: ['hadolint:DL3000', 'buildkit:WorkdirRelativePath'],
  references: [{ title: 'Dockerfile reference: WORKDIR', url: 'https://docs.docker.com/reference/dockerfile/#workdir' }],
  docs: {
    summary: 'A relative WORKDIR with no absolute WORKDIR before it in the stage (or the stages it builds on).',
    risk: 'The directory depends on the base image\'s working directory: a new base image moves the files and commands of every later instruction.',
    fix: 'Use an absolute path (WORKDIR /app), or set an absolute WORKDIR first.',
  },
  messages: {
    message: 'WORKDIR {path} is relative to the base image\'s working directory; use an absolute path.',
  },
  check(ctx, m) {
    const { model } = ctx;
    const absoluteAtEnd = new Map<StageInfo, boolean>();
    for (const info of stageInfos(model)) {
      let absolute = info.parent ? absoluteAtEnd.get(info.parent) ?? false : false;
      for (const ins of info.stage.instructions) {
        if (ins.getKeyword() !== 'WORKDIR') continue;
        const arg = argumentsOf(ins)[0];
        if (!arg) continue;
        const path = unquote(arg.getValue());
        if (ABSOLUTE.test(path) || path.startsWith('$')) absolute = true;
        else if (!absolute) ctx.report({ range: model.range(arg.getRange()), message: m('message', { path }) });
      }
      absoluteAtEnd.set(info, absolute);
    }
  },
});
