/** section-order: the items' own sections do not follow the order of 督察规定 (off by default). */
import { defineRule } from '../engine/rule.js';
import { STATUTORY_ITEMS } from '../model/vocabulary.js';

export default defineRule(
  { id: 'section-order', family: 'checklist', opinion: 'explain', defaultSeverity: { off: 'info' }, basis: ['content'] },
  (report) => {
    const placed = report.checklist
      .filter((e) => (e.status === 'section' || e.status === 'merged') && e.sections[0]?.heading)
      .map((e) => ({ rank: STATUTORY_ITEMS.indexOf(e.item), heading: e.sections[0].heading! }))
      .sort((a, b) => a.heading.block.index - b.heading.block.index);
    // the first section that stands before an item the statute puts ahead of it
    let maxRank = -1;
    for (const p of placed) {
      if (p.rank < maxRank) {
        const ahead = placed.find((q) => q.rank > p.rank)!;
        return [{ ...ahead.heading.titleRange, messageId: 'order' }];
      }
      maxRank = Math.max(maxRank, p.rank);
    }
    return [];
  },
);
