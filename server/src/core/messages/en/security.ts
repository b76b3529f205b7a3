/** Messages of the security area. Ids: `rule.<rule-id>.*` for rules, `security.*` for the rest. */
export const security: Record<string, string> = {
};
