import type { Argument, Flag, From, Instruction, Onbuild } from 'dockerfile-ast';
import type { Range } from '../../types';
import type { DockerfileContext } from '../registry';
import { defineRule, type MessageOf } from '../define';
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

/** The helpers below report with the rule's own (typed) messages. */
type SyntaxMessage = MessageOf<
  | 'unknownInstruction' | 'unknownInstructionSuggest' | 'missingArguments' | 'tooFewArguments' | 'unknownFlag' | 'noFlags'
  | 'healthcheckNoneArgs' | 'healthcheckType' | 'healthcheckCmd' | 'fromArguments' | 'stageName' | 'duplicateStage'
  | 'duplicateStageFirst' | 'exposePort' | 'exposeProtocol' | 'duplicateDirective' | 'escapeValue'
>;

export const dockerfileSyntax = defineRule({
  id: 'dockerfile-syntax',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'error',
  equivalents: ['hadolint:DL3011', 'hadolint:DL3024', 'hadolint:DL3043', 'hadolint:DL3061', 'buildkit:DuplicateStageName', 'buildkit:ExposeInvalidFormat'],
  generic: 'dockerfile',
  references: [{ title: 'Dockerfile reference', url: 'https://docs.docker.com/reference/dockerfile/' }],
  docs: {
    summary: 'An instruction Docker cannot make sense of: unknown instruction, missing arguments, an unknown flag, an instruction before the first FROM, a bad ONBUILD trigger, HEALTHCHECK, FROM … AS, EXPOSE or parser directive.',
    fix: 'Correct the instruction; see the Dockerfile reference.',
  },
  messages: {
    unknownInstruction: 'Unknown instruction "{instruction}".',
    unknownInstructionSuggest: 'Unknown instruction "{instruction}"; did you mean {suggestion}?',
    beforeFrom: '{instruction} before the first FROM; only ARG may come before FROM.',
    missingArguments: '{instruction} needs an argument.',
    tooFewArguments: '{instruction} needs at least {count} arguments.',
    unknownFlag: 'Unknown flag --{flag} for {instruction} (allowed: {allowed}).',
    noFlags: '{instruction} takes no flags (found --{flag}).',
    onbuildChain: 'ONBUILD ONBUILD is not allowed.',
    onbuildTrigger: '{instruction} is not allowed as an ONBUILD trigger.',
    healthcheckNoneArgs: 'HEALTHCHECK NONE takes no arguments.',
    healthcheckType: 'Unknown HEALTHCHECK type "{type}": use CMD or NONE.',
    healthcheckCmd: 'HEALTHCHECK CMD needs a command.',
    fromArguments: 'FROM takes an image and optionally AS name.',
    stageName: 'Invalid stage name "{name}": it must start with a letter and hold only letters, digits, "-", "_" and ".".',
    duplicateStage: 'Stage name "{name}" is used twice.',
    duplicateStageFirst: 'First stage with this name.',
    exposePort: 'Invalid port "{value}" in EXPOSE.',
    exposeProtocol: 'Invalid protocol in EXPOSE {value}: use tcp, udp or sctp.',
    duplicateDirective: 'The {name} parser directive is given twice.',
    escapeValue: 'Invalid escape character "{value}": use \\ or `.',
  },
  check(ctx, m) {
    const { model } = ctx;
    checkDirectives(ctx, m);
    let sawFrom = false;
    const stageNames = new Map<string, Range>();
    for (const ins of model.instructions) {
      const keyword = ins.getKeyword();
      if (keyword === 'FROM') sawFrom = true;
      else if (!sawFrom && keyword !== 'ARG' && INSTRUCTIONS[keyword]) {
        ctx.report({ range: model.range(ins.getInstructionRange()), message: m('beforeFrom', { instruction: keyword }) });
      }
      checkInstruction(ctx, ins, m);
      if (keyword === 'FROM') checkStageName(ctx, ins as From, stageNames, m);
      if (keyword === 'ONBUILD') {
        const ob = ins as Onbuild;
        const trigger = ob.getTriggerInstruction?.();
        const triggerRange = ob.getTriggerRange?.();
        if (!trigger || !triggerRange) continue;
        const tk = trigger.getKeyword();
        if (tk === 'ONBUILD' || tk === 'FROM' || tk === 'MAINTAINER') {
          ctx.report({
            range: model.range(triggerRange),
            message: tk === 'ONBUILD' ? m('onbuildChain') : m('onbuildTrigger', { instruction: tk }),
          });
          continue;
        }
        checkInstruction(ctx, trigger, m);
      }
    }
  },
});

/** Checks every instruction gets, ONBUILD triggers included: known keyword, arguments, flags, forms. */
function checkInstruction(ctx: DockerfileContext, ins: Instruction, m: SyntaxMessage): void {
  const { model } = ctx;
  const keyword = ins.getKeyword();
  const spec = INSTRUCTIONS[keyword];
  if (!spec) {
    const kwRange = model.range(ins.getInstructionRange());
    const suggestion = nearest(keyword, Object.keys(INSTRUCTIONS), 2);
    ctx.report({
      range: kwRange,
      message: suggestion
        ? m('unknownInstructionSuggest', { instruction: ins.getInstruction(), suggestion })
        : m('unknownInstruction', { instruction: ins.getInstruction() }),
    });
    return;
  }
  const args = argumentsOf(ins);
  if (args.length < spec.minArgs) {
    ctx.report({
      range: model.range(ins.getInstructionRange()),
      message:
        spec.minArgs > 1
          ? m('tooFewArguments', { instruction: keyword, count: spec.minArgs })
          : m('missingArguments', { instruction: keyword }),
    });
  }
  const flags = (ins as unknown as { getFlags?: () => Flag[] }).getFlags?.() ?? [];
  for (const f of flags) {
    const name = f.getName();
    if (!spec.flags.includes(name)) {
      ctx.report({
        range: model.range(f.getRange()),
        message: spec.flags.length
          ? m('unknownFlag', { flag: name, instruction: keyword, allowed: spec.flags.map((x) => '--' + x).join(', ') })
          : m('noFlags', { flag: name, instruction: keyword }),
      });
    }
  }
  if (keyword === 'HEALTHCHECK' && args.length) checkHealthcheck(ctx, args, m);
  if (keyword === 'FROM') checkFromArguments(ctx, ins as From, m);
  if (keyword === 'EXPOSE') checkExpose(ctx, args, m);
}

/** `HEALTHCHECK NONE` takes nothing else; otherwise `CMD` and a command (BuildKit's dispatcher). */
function checkHealthcheck(ctx: DockerfileContext, args: readonly Argument[], m: SyntaxMessage): void {
  const { model } = ctx;
  const type = args[0].getValue().toUpperCase();
  if (type === 'NONE') {
    if (args.length > 1) {
      const r = { start: args[1].getRange().start, end: args[args.length - 1].getRange().end };
      ctx.report({ range: model.range(r), message: m('healthcheckNoneArgs') });
    }
  } else if (type !== 'CMD') {
    ctx.report({ range: model.range(args[0].getRange()), message: m('healthcheckType', { type: args[0].getValue() }) });
  } else if (args.length === 1) {
    ctx.report({ range: model.range(args[0].getRange()), message: m('healthcheckCmd') });
  }
}

/** `FROM image [AS name]`: one or three arguments, the second one `AS`. */
function checkFromArguments(ctx: DockerfileContext, from: From, m: SyntaxMessage): void {
  const args = argumentsOf(from);
  if (args.length === 1 || args.length === 0) return;
  if (args.length === 3 && args[1].getValue().toUpperCase() === 'AS') return;
  const r = { start: args[1].getRange().start, end: args[args.length - 1].getRange().end };
  ctx.report({ range: ctx.model.range(r), message: m('fromArguments') });
}

const STAGE_NAME = /^[a-z][a-z0-9\-_.]*$/;

function checkStageName(ctx: DockerfileContext, from: From, seen: Map<string, Range>, m: SyntaxMessage): void {
  const args = argumentsOf(from);
  if (args.length !== 3 || args[1].getValue().toUpperCase() !== 'AS') return;
  const name = args[2].getValue();
  const range = ctx.model.range(args[2].getRange());
  if (name.includes('$')) return;
  const lower = name.toLowerCase();
  if (!STAGE_NAME.test(lower)) {
    ctx.report({ range, message: m('stageName', { name }) });
    return;
  }
  const first = seen.get(lower);
  if (first) {
    ctx.report({ range, message: m('duplicateStage', { name }), related: [{ range: first, message: m('duplicateStageFirst') }] });
  } else seen.set(lower, range);
}

/** `EXPOSE 80`, `80/tcp`, `8000-8010/udp`; variables are checked by BuildKit at build time. */
function checkExpose(ctx: DockerfileContext, args: readonly Argument[], m: SyntaxMessage): void {
  for (const a of args) {
    const v = a.getValue();
    if (v.includes('$')) continue;
    const p = /^(\d+)(?:-(\d+))?(?:\/([A-Za-z]+))?$/.exec(v);
    let problem: 'exposePort' | 'exposeProtocol' | undefined;
    if (!p) problem = 'exposePort';
    else if (p[3] && !/^(tcp|udp|sctp)$/i.test(p[3])) problem = 'exposeProtocol';
    else if (Number(p[1]) > 65535 || (p[2] && (Number(p[2]) > 65535 || Number(p[2]) < Number(p[1])))) problem = 'exposePort';
    if (problem) ctx.report({ range: ctx.model.range(a.getRange()), message: m(problem, { value: v }) });
  }
}

/** Parser directives: `escape` must be `\\` or a backtick; each directive at most once. */
function checkDirectives(ctx: DockerfileContext, m: SyntaxMessage): void {
  const { model } = ctx;
  const seen = new Set<string>();
  for (const d of model.dockerfile.getDirectives()) {
    const name = d.getName().toLowerCase();
    if (seen.has(name)) {
      ctx.report({ range: model.range(d.getNameRange()), message: m('duplicateDirective', { name }) });
      continue;
    }
    seen.add(name);
    if (name === 'escape' && d.getValue() !== '\\' && d.getValue() !== '`') {
      ctx.report({ range: model.range(d.getValueRange()), message: m('escapeValue', { value: d.getValue() }) });
    }
  }
}
