/** Messages of the dockerfile area. Ids: `rule.<rule-id>.*` for rules, `dockerfile.*` for the rest. */
export const dockerfile: Record<string, string> = {
};
