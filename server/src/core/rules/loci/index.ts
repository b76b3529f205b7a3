import type { Rule } from '../registry';

/** The loci rules, in catalog order. */
export const LOCI_RULES: Rule[] = [];
