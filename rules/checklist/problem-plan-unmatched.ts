/**
 * problem-plan-unmatched: a listed problem that no plan item answers. Problem and plan are matched by the key
 * terms they share (words from Intl.Segmenter, general words dropped); a single shared term is a weak match and
 * the message names the closest plan so the writer can check it. Only the problems are segmented whole (issue 17):
 * a plan is segmented only in the spans where a problem's term may stand, and only while it may still be the
 * problem's best plan — the same findings as segmenting every plan (test/rules/problem-plan-unmatched.test.ts
 * compares them with every problem scored against every plan). A problem that states its own remedy is answered.
 */
import { defineRule, type RawFinding } from '../engine/rule.js';
import { carriesOwnRemedy, planItems, problemItems } from '../model/items.js';
import { TermText, alsoKnownSpanTerms, bigramCode, bigramPostings, foldLegalSystem, reportKeyTerms, reportSpanTerms, termMayStandIn, termWeight } from '../model/terms.js';

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
    const problemTerms = problems.map((p) => reportKeyTerms(report, foldLegalSystem(p.text)));
    // the plans are not segmented whole: a plan is asked only about the terms of the problems that may stand in it
    const known = reportSpanTerms(report);
    // spans last year's check segmented (the same sentences in both years' plans) are not segmented again
    const also = alsoKnownSpanTerms(report);
    const planTexts = plans.map((p) => new TermText(foldLegalSystem(p.text), known));
    const wanted = new Set<number>();
    for (const terms of problemTerms) for (const t of terms) wanted.add(bigramCode(t, 0));
    // which plans may hold each term: those holding its first bigram (a long document lists hundreds of plans)
    const postings = bigramPostings(
      planTexts.map((p) => p.text),
      wanted,
    );
    const bound = new Float64Array(plans.length);
    const touched: number[] = [];
    const out: RawFinding<'problem-plan-unmatched'>[] = [];
    problems.forEach((problem, k) => {
      if (carriesOwnRemedy(problem, report.year?.year)) return;
      const terms = problemTerms[k];
      // each plan's weight of the terms that may stand in it: never below the weight of those it has
      for (const t of terms) {
        const w = termWeight(t);
        // a two-character term stands in every plan holding its (only) bigram
        const whole = t.length === 2;
        for (const i of postings.get(bigramCode(t, 0)) ?? []) {
          if (!whole && !termMayStandIn(planTexts[i].text, t)) continue;
          if (bound[i] === 0) touched.push(i);
          bound[i] += w;
        }
      }
      const order = touched.map((i) => ({ i, bound: bound[i] }));
      for (const i of touched) bound[i] = 0;
      touched.length = 0;
      order.sort((x, y) => y.bound - x.bound || x.i - y.i);
      // the first plan with the most shared weight, as a scan of the plans in order would find it: plans taken
      // best bound first and segmented where the problem's terms may stand, until none left can beat the best
      let bestShared = 0;
      let bestIndex = -1;
      for (const { i, bound: b } of order) {
        if (bestShared >= min) break;
        if (b < bestShared || (b === bestShared && i > bestIndex)) break;
        let shared = 0;
        for (const t of terms) if (planTexts[i].has(t, also)) shared += termWeight(t);
        if (shared > bestShared || (shared > 0 && shared === bestShared && i < bestIndex)) [bestIndex, bestShared] = [i, shared];
      }
      if (bestShared >= min) return;
      const data: Record<string, string> = { problem: problem.first };
      if (bestShared > 0) data.plan = plans[bestIndex].first;
      out.push({ ...problem.firstRange, messageId: bestShared > 0 ? 'weak' : 'unmatched', data });
    });
    return out;
  },
);
