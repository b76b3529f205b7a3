import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../define';

/**
 * Instruction keywords in mixed casing: all upper-case or all lower-case, as the file's majority
 * writes them (`From`, or a lower-case `run` in an upper-case file), `FROM … as name` whose `AS`
 * does not match the casing of `FROM`, stage names with upper-case letters, and EXPOSE protocols
 * not in lower case (`80/TCP`). Quick fix (fix-all): rewrite the word in the expected casing
 * (stage names are matched case-insensitively, so references need no change); nothing else changes.
 */
export const instructionCasing = defineRule({
  id: 'instruction-casing',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'information',
  fixTiers: ['safe'],
  equivalents: ['buildkit:ConsistentInstructionCasing', 'buildkit:FromAsCasing', 'buildkit:StageNameCasing', 'buildkit:ExposeProtoCasing'],
  references: [{ title: 'Build checks: ConsistentInstructionCasing', url: 'https://docs.docker.com/reference/build-checks/consistent-instruction-casing/' }],
  docs: {
    summary: 'Instruction keywords not in the casing the rest of the file uses, FROM … AS with AS in another casing than FROM, a stage name or an EXPOSE protocol that is not lower-case.',
    risk: 'Mixed casing makes a Dockerfile harder to scan; keywords are case-insensitive, so it is purely a readability problem.',
    fix: 'Write every keyword in one casing (upper-case is the convention); the fix rewrites the keyword.',
  },
  messages: {
    message: '{keyword} is not in the casing the file uses for instructions ({expected}).',
    fromAs: '"{as}" does not match the casing of "{from}" ({expected}).',
    stageName: 'Stage name "{name}" is not lower-case ({expected}).',
    exposeProtocol: 'EXPOSE protocol "{protocol}" is not lower-case ({expected}).',
    fixTitle: 'Write {expected}',
  },
  check(ctx, m) {
    const { model } = ctx;
    const all: Instruction[] = [];
    let upper = 0;
    let lower = 0;
    for (const ins of model.instructions) {
      all.push(ins);
      const t = (ins as unknown as { getTriggerInstruction?: () => Instruction | null }).getTriggerInstruction?.();
      if (t) all.push(t);
    }
    for (const ins of all) {
      const kw = ins.getInstruction();
      if (kw === kw.toUpperCase()) upper++;
      else if (kw === kw.toLowerCase()) lower++;
    }
    const toUpper = upper >= lower;
    for (const ins of all) {
      const kw = ins.getInstruction();
      const expected = toUpper ? kw.toUpperCase() : kw.toLowerCase();
      if (kw !== expected) {
        const range = model.range(ins.getInstructionRange());
        ctx.report({ range, message: m('message', { keyword: kw, expected }), fixes: [{ title: m('fixTitle', { expected }), edits: [{ range, newText: expected }], tier: 'safe' }] });
      }
      if (ins.getKeyword() === 'EXPOSE') {
        for (const a of ins.getArguments()) {
          const slash = a.getValue().lastIndexOf('/');
          const protocol = slash >= 0 ? a.getValue().slice(slash + 1) : '';
          if (!protocol || protocol === protocol.toLowerCase() || protocol.includes('$')) continue;
          const ar = model.range(a.getRange());
          if (ar.start.line !== ar.end.line || ar.end.character - ar.start.character !== a.getValue().length) continue;
          const range = { start: { line: ar.end.line, character: ar.end.character - protocol.length }, end: ar.end };
          const lower = protocol.toLowerCase();
          ctx.report({ range, message: m('exposeProtocol', { protocol, expected: lower }), fixes: [{ title: m('fixTitle', { expected: lower }), edits: [{ range, newText: lower }], tier: 'safe' }] });
        }
      }
      if (ins.getKeyword() !== 'FROM') continue;
      const args = ins.getArguments();
      const stageName = args.length === 3 ? args[2].getValue() : '';
      if (stageName && stageName !== stageName.toLowerCase() && !stageName.includes('$')) {
        const range = model.range(args[2].getRange());
        const lower = stageName.toLowerCase();
        ctx.report({ range, message: m('stageName', { name: stageName, expected: lower }), fixes: [{ title: m('fixTitle', { expected: lower }), edits: [{ range, newText: lower }], tier: 'safe' }] });
      }
      if (args.length !== 3) continue;
      const as = args[1].getValue();
      if (as.toUpperCase() !== 'AS') continue;
      const fromUpper = expected === expected.toUpperCase();
      const asExpected = fromUpper ? 'AS' : 'as';
      if (as === asExpected) continue;
      const range = model.range(args[1].getRange());
      ctx.report({ range, message: m('fromAs', { as, from: expected, expected: asExpected }), fixes: [{ title: m('fixTitle', { expected: asExpected }), edits: [{ range, newText: asExpected }], tier: 'safe' }] });
    }
  },
});
