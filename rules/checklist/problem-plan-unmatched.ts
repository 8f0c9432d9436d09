/**
 * problem-plan-unmatched: a listed problem that no plan item answers. Problem and plan are matched by the key
 * terms they share (words from Intl.Segmenter, general words dropped); a single shared term is a weak match and
 * the message names the closest plan so the writer can check it. A problem that states its own remedy is answered.
 */
import { defineRule, type RawFinding } from '../engine/rule.js';
import { carriesOwnRemedy, planItems, problemItems } from '../model/items.js';
import { foldLegalSystem, keyTerms, termWeight } from '../model/terms.js';
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
    // which plans hold each term: a problem is scored against the plans it shares a term with, not against every
    // plan (a long document lists hundreds of both)
    const plansWith = new Map<string, number[]>();
    plans.forEach((p, i) => {
      for (const t of keyTerms(foldLegalSystem(p.text))) {
        const list = plansWith.get(t);
        if (list) list.push(i);
        else plansWith.set(t, [i]);
      }
    });
    const shared = new Float64Array(plans.length);
    const touched: number[] = [];
    const out: RawFinding<'problem-plan-unmatched'>[] = [];
    for (const problem of problems) {
      if (carriesOwnRemedy(problem, report.year?.year)) continue;
      // rarest terms first: a problem that a plan answers is known as soon as one plan reaches the weight
      const lists: { list: number[]; w: number }[] = [];
      for (const t of keyTerms(foldLegalSystem(problem.text))) {
        const list = plansWith.get(t);
        if (list) lists.push({ list, w: termWeight(t) });
      }
      lists.sort((a, b) => a.list.length - b.list.length);
      let answered = false;
      for (const { list, w } of lists) {
        for (const i of list) {
          if (shared[i] === 0) touched.push(i);
          shared[i] += w;
          if (shared[i] >= min) answered = true;
        }
        if (answered) break;
      }
      // else the first plan with the most shared weight, as a scan of the plans in order would find it
      let bestShared = 0;
      let bestIndex = -1;
      for (const i of touched) {
        if (shared[i] > bestShared || (shared[i] === bestShared && i < bestIndex)) [bestIndex, bestShared] = [i, shared[i]];
        shared[i] = 0;
      }
      touched.length = 0;
      if (answered || bestShared >= min) continue;
      const data: Record<string, string> = { problem: problem.first };
      if (bestShared > 0) data.plan = plans[bestIndex].first;
      out.push({ ...problem.firstRange, messageId: bestShared > 0 ? 'weak' : 'unmatched', data });
    }
    return out;
  },
);
