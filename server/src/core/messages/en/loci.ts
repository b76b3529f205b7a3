/** Messages of the loci area. Ids: `rule.<rule-id>.*` for rules, `loci.*` for the rest. */
export const loci: Record<string, string> = {
};
