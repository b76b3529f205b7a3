/** Messages of the scaffold area. Ids: `rule.<rule-id>.*` for rules, `scaffold.*` for the rest. */
export const scaffold: Record<string, string> = {
};
