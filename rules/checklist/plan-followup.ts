/**
 * plan-followup: a plan of last year's report (its 下一年度主要安排) that this year's report never reports on —
 * neither done, partly done, nor explained as put off. Silent unless a previous report of the same organ for
 * year − 1 is paired (model/previous.ts). The match is by meaning (shared key terms, bigrams of the plan's topic),
 * so a plan reported in other words is followed up. The finding sits on this year's measures heading, where the
 * report should have said it; its related place is the plan in last year's file.
 */
import { defineRule, type RawFinding } from '../engine/rule.js';
import { planFollowups } from '../model/previous.js';
import type { Report } from '../model/report.js';
import type { Range } from '../model/text.js';

/** Where the finding goes: the measures heading, else the title, else the first body line. */
function anchor(report: Report): Range {
  const m = report.entry('measures');
  const h = m.status !== 'missing' ? m.sections[0]?.heading : null;
  if (h) return h.titleRange;
  const b = m.block ?? report.frame.title ?? report.bodyBlocks[0] ?? report.blocks[0];
  return b ? { start: b.start, end: b.end } : { start: 0, end: 0 };
}

export default defineRule(
  {
    id: 'plan-followup',
    family: 'checklist',
    opinion: 'explain',
    defaultSeverity: 'warning',
    basis: ['content', 'practice'],
    readsPrevious: true,
    options: {
      minShared: { type: 'number', description: "weight of key terms a paragraph shares with last year's plan to report on it on their own (a four-character term weighs 2)", default: 5 },
      minCoverage: { type: 'number', description: "share of the bigrams of the plan's topic a paragraph sharing two key terms must contain", default: 0.5 },
    },
  },
  (report, options) => {
    const followups = planFollowups(report, { minShared: options.minShared, minCoverage: options.minCoverage });
    if (!followups) return [];
    const at = anchor(report);
    const out: RawFinding<'plan-followup'>[] = [];
    for (const f of followups) {
      if (f.status !== 'missing') continue;
      out.push({
        ...at,
        messageId: 'notFollowed',
        data: { plan: f.plan.first },
        related: [{ ...f.plan.firstRange, messageId: 'plan', inPrevious: true }],
      });
    }
    return out;
  },
);
