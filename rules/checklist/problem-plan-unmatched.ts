/**
 * problem-plan-unmatched: a listed problem that no plan item answers. Problem and plan are matched by the key
 * terms they share (words from Intl.Segmenter, general words dropped); a single shared term is a weak match and
 * the message names the closest plan so the writer can check it.
 */
import { defineRule, type RawFinding } from '../engine/rule.js';
import { keyTerms, termWeight, planItems, problemItems, type ListItem } from '../model/items.js';

export default defineRule(
  {
    id: 'problem-plan-unmatched',
    family: 'checklist',
    defaultSeverity: 'warning',
    basis: ['content', 'practice'],
    options: { minShared: { type: 'number', description: 'weight of shared key terms for a plan to answer a problem (a four-character term weighs 2)', default: 2 } },
  },
  (report, options) => {
    const problems = problemItems(report).items;
    const plans = planItems(report).items;
    if (!problems.length || !plans.length) return [];
    const min = options.minShared;
    const planTerms = plans.map((p) => keyTerms(p.text));
    const out: RawFinding<'problem-plan-unmatched'>[] = [];
    for (const problem of problems) {
      const terms = keyTerms(problem.text);
      let best: ListItem | null = null;
      let bestShared = 0;
      plans.forEach((p, i) => {
        let shared = 0;
        for (const t of terms) if (planTerms[i].has(t)) shared += termWeight(t);
        if (shared > bestShared) [best, bestShared] = [p, shared];
      });
      if (bestShared >= min) continue;
      const data: Record<string, string> = { problem: problem.first };
      if (best && bestShared > 0) data.plan = (best as ListItem).first;
      out.push({ ...problem.firstRange, messageId: bestShared > 0 ? 'weak' : 'unmatched', data });
    }
    return out;
  },
);
