/**
 * The plan follow-up matching as it was before issue 17 (every candidate paragraph segmented into key terms),
 * kept to show the bigram-index matching of rules/model/previous.ts finds the same paragraph for every plan.
 */
import type { Block } from '../../rules/model/parse.js';
import type { Report } from '../../rules/model/report.js';
import { itemBlocks } from '../../rules/model/content.js';
import { planItems } from '../../rules/model/items.js';
import { keyTerms, termWeight } from '../../rules/model/terms.js';
import { firstSentence } from '../../rules/model/sentence.js';
import { POSTPONED, DEFAULT_FOLLOWUP, type FollowupOptions, type PlanFollowup } from '../../rules/model/previous.js';

function bigramsOf(terms: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const t of terms) for (let i = 0; i + 2 <= t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

interface Candidate {
  block: Block;
  text: string;
  terms: Set<string> | null;
  explains: boolean;
}

export function referenceMatchPlans(prev: Report, report: Report, options: FollowupOptions = DEFAULT_FOLLOWUP): PlanFollowup[] {
  const plans = planItems(prev).items;
  if (!plans.length) return [];
  const explaining = new Set([...itemBlocks(report, report.entry('problems')), ...itemBlocks(report, report.entry('plans'))].map((b) => b.index));
  const candidates: Candidate[] = report.bodyBlocks
    .filter((b) => b.kind !== 'tableRow' || b.norm.text.length > 0)
    .map((b): Candidate => ({ block: b, text: b.norm.text, terms: null, explains: explaining.has(b.index) }))
    .filter((c) => !c.explains || POSTPONED.test(c.text));
  return plans.map((plan) => {
    const terms = keyTerms(plan.text);
    const topic = keyTerms(firstSentence(plan.text, { semicolon: true, lineBreak: true }));
    const bigrams = bigramsOf(topic.size ? topic : terms);
    const ends = [...terms].map((t) => [t.slice(0, 2), t.slice(-2)] as const);
    let best: Candidate | null = null;
    let bestScore = 0;
    for (const c of candidates) {
      let possible = 0;
      for (const [head, tail] of ends) if (c.text.includes(head) && c.text.includes(tail) && ++possible >= 2) break;
      if (possible < 2) continue;
      c.terms ??= keyTerms(c.text);
      let shared = 0;
      let count = 0;
      let onTopic = false;
      for (const t of terms) {
        if (c.terms.has(t)) {
          shared += termWeight(t);
          count++;
          if (topic.has(t)) onTopic = true;
        }
      }
      if (count < 2) continue;
      let covered = 0;
      for (const g of bigrams) if (c.text.includes(g)) covered++;
      const coverage = bigrams.size ? covered / bigrams.size : 0;
      const matches = shared >= options.minShared || coverage >= options.minCoverage || onTopic;
      if (!matches) continue;
      const score = shared + coverage * 4 + (c.explains ? 0 : 1000);
      if (score > bestScore) [best, bestScore] = [c, score];
    }
    if (!best) return { plan, status: 'missing' as const, block: null };
    const b = best as Candidate;
    return { plan, status: POSTPONED.test(b.text) ? ('postponed' as const) : ('reported' as const), block: b.block };
  });
}
