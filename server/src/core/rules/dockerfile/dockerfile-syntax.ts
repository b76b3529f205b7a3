import type { Instruction } from 'dockerfile-ast';
import { msg } from '../../messages/catalog';
import type { DockerfileRule } from '../registry';
import { nearest } from '../../util/strings';

/** Instructions Docker's frontend knows, and the flags each accepts (BuildKit dockerfile:1 syntax). */
export const INSTRUCTIONS: Record<string, { minArgs: number; flags: string[] }> = {
  ADD: { minArgs: 2, flags: ['chown', 'chmod', 'link', 'checksum', 'keep-git-dir', 'exclude', 'unpack'] },
  ARG: { minArgs: 1, flags: [] },
  CMD: { minArgs: 1, flags: [] },
  COPY: { minArgs: 2, flags: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'] },
  ENTRYPOINT: { minArgs: 1, flags: [] },
  ENV: { minArgs: 1, flags: [] },
  EXPOSE: { minArgs: 1, flags: [] },
  FROM: { minArgs: 1, flags: ['platform'] },
  HEALTHCHECK: { minArgs: 1, flags: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'] },
  LABEL: { minArgs: 1, flags: [] },
  MAINTAINER: { minArgs: 1, flags: [] },
  ONBUILD: { minArgs: 1, flags: [] },
  RUN: { minArgs: 1, flags: ['mount', 'network', 'security'] },
  SHELL: { minArgs: 1, flags: [] },
  STOPSIGNAL: { minArgs: 1, flags: [] },
  USER: { minArgs: 1, flags: [] },
  VOLUME: { minArgs: 1, flags: [] },
  WORKDIR: { minArgs: 1, flags: [] },
};

export const dockerfileSyntax: DockerfileRule = {
  id: 'dockerfile-syntax',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'error',
  generic: 'dockerfile',
  check(ctx) {
    const { model } = ctx;
    const all = model.instructions;
    let sawFrom = false;
    for (const ins of all) {
      const keyword = ins.getKeyword();
      const spec = INSTRUCTIONS[keyword];
      const kwRange = model.range(ins.getInstructionRange());
      if (!spec) {
        const suggestion = nearest(keyword, Object.keys(INSTRUCTIONS), 2);
        ctx.report({
          range: kwRange,
          message: suggestion
            ? msg('rule.dockerfile-syntax.unknownInstructionSuggest', { instruction: ins.getInstruction(), suggestion })
            : msg('rule.dockerfile-syntax.unknownInstruction', { instruction: ins.getInstruction() }),
        });
        continue;
      }
      if (keyword === 'FROM') sawFrom = true;
      else if (!sawFrom && keyword !== 'ARG') {
        ctx.report({ range: kwRange, message: msg('rule.dockerfile-syntax.beforeFrom', { instruction: keyword }) });
      }
      const args = ins.getArguments();
      if (args.length < spec.minArgs && !(keyword === 'HEALTHCHECK' && args.length === 0 && hasNone(ins))) {
        ctx.report({
          range: kwRange,
          message:
            spec.minArgs > 1
              ? msg('rule.dockerfile-syntax.tooFewArguments', { instruction: keyword, count: spec.minArgs })
              : msg('rule.dockerfile-syntax.missingArguments', { instruction: keyword }),
        });
      }
      const flags = (ins as unknown as { getFlags?: () => { getName(): string; getNameRange(): never; getRange(): never }[] }).getFlags?.() ?? [];
      for (const f of flags) {
        const name = f.getName();
        if (!spec.flags.includes(name)) {
          ctx.report({
            range: model.range(f.getRange()),
            message: spec.flags.length
              ? msg('rule.dockerfile-syntax.unknownFlag', { flag: name, instruction: keyword, allowed: spec.flags.map((x) => '--' + x).join(', ') })
              : msg('rule.dockerfile-syntax.noFlags', { flag: name, instruction: keyword }),
          });
        }
      }
    }
  },
};

function hasNone(ins: Instruction): boolean {
  return /\bNONE\b/i.test(ins.getTextContent?.() ?? '');
}
