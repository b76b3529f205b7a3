/** Messages of the kubernetes area. Ids: `rule.<rule-id>.*` for rules, `kubernetes.*` for the rest. */
export const kubernetes: Record<string, string> = {
};
