import type { Rule } from '../engine/rule.js';

export const figuresRules: Rule[] = [];
