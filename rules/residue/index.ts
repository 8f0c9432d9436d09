import type { Rule } from '../engine/rule.js';

export const residueRules: Rule[] = [];
