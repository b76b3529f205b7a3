import type { Rule } from '../registry';

/** The security rules, in catalog order. */
export const SECURITY_RULES: Rule[] = [];
