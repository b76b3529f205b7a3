/** Messages of the dockerfile area. Ids: `rule.<rule-id>.*` for rules, `dockerfile.*` for the rest. */
export const dockerfile: Record<string, string> = {
  'rule.dockerfile-syntax.summary': 'An instruction Docker cannot make sense of: unknown instruction, missing arguments, an unknown flag, or an instruction before the first FROM.',
  'rule.dockerfile-syntax.fix': 'Correct the instruction; see the Dockerfile reference.',
  'rule.dockerfile-syntax.unknownInstruction': 'Unknown instruction "{instruction}".',
  'rule.dockerfile-syntax.unknownInstructionSuggest': 'Unknown instruction "{instruction}"; did you mean {suggestion}?',
  'rule.dockerfile-syntax.beforeFrom': '{instruction} before the first FROM; only ARG may come before FROM.',
  'rule.dockerfile-syntax.missingArguments': '{instruction} needs an argument.',
  'rule.dockerfile-syntax.tooFewArguments': '{instruction} needs at least {count} arguments.',
  'rule.dockerfile-syntax.unknownFlag': 'Unknown flag --{flag} for {instruction} (allowed: {allowed}).',
  'rule.dockerfile-syntax.noFlags': '{instruction} takes no flags (found --{flag}).',
};
