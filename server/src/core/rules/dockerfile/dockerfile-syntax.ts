import type { Argument, Flag, From, Instruction, Onbuild } from 'dockerfile-ast';
import { msg } from '../../messages/catalog';
import type { Range } from '../../types';
import type { DockerfileContext, DockerfileRule } from '../registry';
import { nearest } from '../../util/strings';
import { argumentsOf } from '../../model/dockerfile';

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
  references: [{ title: 'Dockerfile reference', url: 'https://docs.docker.com/reference/dockerfile/' }],
  check(ctx) {
    const { model } = ctx;
    checkDirectives(ctx);
    let sawFrom = false;
    const stageNames = new Map<string, Range>();
    for (const ins of model.instructions) {
      const keyword = ins.getKeyword();
      if (keyword === 'FROM') sawFrom = true;
      else if (!sawFrom && keyword !== 'ARG' && INSTRUCTIONS[keyword]) {
        ctx.report({ range: model.range(ins.getInstructionRange()), message: msg('rule.dockerfile-syntax.beforeFrom', { instruction: keyword }) });
      }
      checkInstruction(ctx, ins);
      if (keyword === 'FROM') checkStageName(ctx, ins as From, stageNames);
      if (keyword === 'ONBUILD') {
        const ob = ins as Onbuild;
        const trigger = ob.getTriggerInstruction?.();
        const triggerRange = ob.getTriggerRange?.();
        if (!trigger || !triggerRange) continue;
        const tk = trigger.getKeyword();
        if (tk === 'ONBUILD' || tk === 'FROM' || tk === 'MAINTAINER') {
          ctx.report({
            range: model.range(triggerRange),
            message: tk === 'ONBUILD' ? msg('rule.dockerfile-syntax.onbuildChain') : msg('rule.dockerfile-syntax.onbuildTrigger', { instruction: tk }),
          });
          continue;
        }
        checkInstruction(ctx, trigger);
      }
    }
  },
};

/** Checks every instruction gets, ONBUILD triggers included: known keyword, arguments, flags, forms. */
function checkInstruction(ctx: DockerfileContext, ins: Instruction): void {
  const { model } = ctx;
  const keyword = ins.getKeyword();
  const spec = INSTRUCTIONS[keyword];
  if (!spec) {
    const kwRange = model.range(ins.getInstructionRange());
    const suggestion = nearest(keyword, Object.keys(INSTRUCTIONS), 2);
    ctx.report({
      range: kwRange,
      message: suggestion
        ? msg('rule.dockerfile-syntax.unknownInstructionSuggest', { instruction: ins.getInstruction(), suggestion })
        : msg('rule.dockerfile-syntax.unknownInstruction', { instruction: ins.getInstruction() }),
    });
    return;
  }
  const args = argumentsOf(ins);
  if (args.length < spec.minArgs) {
    ctx.report({
      range: model.range(ins.getInstructionRange()),
      message:
        spec.minArgs > 1
          ? msg('rule.dockerfile-syntax.tooFewArguments', { instruction: keyword, count: spec.minArgs })
          : msg('rule.dockerfile-syntax.missingArguments', { instruction: keyword }),
    });
  }
  const flags = (ins as unknown as { getFlags?: () => Flag[] }).getFlags?.() ?? [];
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
  if (keyword === 'HEALTHCHECK' && args.length) checkHealthcheck(ctx, args);
  if (keyword === 'FROM') checkFromArguments(ctx, ins as From);
  if (keyword === 'EXPOSE') checkExpose(ctx, args);
}

/** `HEALTHCHECK NONE` takes nothing else; otherwise `CMD` and a command (BuildKit's dispatcher). */
function checkHealthcheck(ctx: DockerfileContext, args: readonly Argument[]): void {
  const { model } = ctx;
  const type = args[0].getValue().toUpperCase();
  if (type === 'NONE') {
    if (args.length > 1) {
      const r = { start: args[1].getRange().start, end: args[args.length - 1].getRange().end };
      ctx.report({ range: model.range(r), message: msg('rule.dockerfile-syntax.healthcheckNoneArgs') });
    }
  } else if (type !== 'CMD') {
    ctx.report({ range: model.range(args[0].getRange()), message: msg('rule.dockerfile-syntax.healthcheckType', { type: args[0].getValue() }) });
  } else if (args.length === 1) {
    ctx.report({ range: model.range(args[0].getRange()), message: msg('rule.dockerfile-syntax.healthcheckCmd') });
  }
}

/** `FROM image [AS name]`: one or three arguments, the second one `AS`. */
function checkFromArguments(ctx: DockerfileContext, from: From): void {
  const args = from.getArguments();
  if (args.length === 1 || args.length === 0) return;
  if (args.length === 3 && args[1].getValue().toUpperCase() === 'AS') return;
  const r = { start: args[1].getRange().start, end: args[args.length - 1].getRange().end };
  ctx.report({ range: ctx.model.range(r), message: msg('rule.dockerfile-syntax.fromArguments') });
}

const STAGE_NAME = /^[a-z][a-z0-9\-_.]*$/;

function checkStageName(ctx: DockerfileContext, from: From, seen: Map<string, Range>): void {
  const args = from.getArguments();
  if (args.length !== 3 || args[1].getValue().toUpperCase() !== 'AS') return;
  const name = args[2].getValue();
  const range = ctx.model.range(args[2].getRange());
  if (name.includes('$')) return;
  const lower = name.toLowerCase();
  if (!STAGE_NAME.test(lower)) {
    ctx.report({ range, message: msg('rule.dockerfile-syntax.stageName', { name }) });
    return;
  }
  const first = seen.get(lower);
  if (first) {
    ctx.report({ range, message: msg('rule.dockerfile-syntax.duplicateStage', { name }), related: [{ range: first, message: msg('rule.dockerfile-syntax.duplicateStageFirst') }] });
  } else seen.set(lower, range);
}

/** `EXPOSE 80`, `80/tcp`, `8000-8010/udp`; variables are checked by BuildKit at build time. */
function checkExpose(ctx: DockerfileContext, args: readonly Argument[]): void {
  for (const a of args) {
    const v = a.getValue();
    if (v.includes('$')) continue;
    const m = /^(\d+)(?:-(\d+))?(?:\/([A-Za-z]+))?$/.exec(v);
    let problem: string | undefined;
    if (!m) problem = 'rule.dockerfile-syntax.exposePort';
    else if (m[3] && !/^(tcp|udp|sctp)$/i.test(m[3])) problem = 'rule.dockerfile-syntax.exposeProtocol';
    else if (Number(m[1]) > 65535 || (m[2] && (Number(m[2]) > 65535 || Number(m[2]) < Number(m[1])))) problem = 'rule.dockerfile-syntax.exposePort';
    if (problem) ctx.report({ range: ctx.model.range(a.getRange()), message: msg(problem, { value: v }) });
  }
}

/** Parser directives: `escape` must be `\\` or a backtick; each directive at most once. */
function checkDirectives(ctx: DockerfileContext): void {
  const { model } = ctx;
  const seen = new Set<string>();
  for (const d of model.dockerfile.getDirectives()) {
    const name = d.getName().toLowerCase();
    if (seen.has(name)) {
      ctx.report({ range: model.range(d.getNameRange()), message: msg('rule.dockerfile-syntax.duplicateDirective', { name }) });
      continue;
    }
    seen.add(name);
    if (name === 'escape' && d.getValue() !== '\\' && d.getValue() !== '`') {
      ctx.report({ range: model.range(d.getValueRange()), message: msg('rule.dockerfile-syntax.escapeValue', { value: d.getValue() }) });
    }
  }
}
