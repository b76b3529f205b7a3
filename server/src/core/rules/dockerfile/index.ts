import type { Rule } from '../registry';

/** The dockerfile rules, in catalog order. */
export const DOCKERFILE_RULES: Rule[] = [];
