/** Every rule, by family, in catalogue order. */
import type { Rule } from './engine/rule.js';
import { checklistRules } from './checklist/index.js';
import { formRules } from './form/index.js';
import { figuresRules } from './figures/index.js';
import { residueRules } from './residue/index.js';

export const allRules: readonly Rule[] = [...checklistRules, ...formRules, ...figuresRules, ...residueRules];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
