import type { Rule } from '../registry';

/** The kubernetes rules, in catalog order. */
export const KUBERNETES_RULES: Rule[] = [];
