import { defineRule, type RawFinding } from '../engine/rule.js';
import { figuresOf } from '../model/figures/index.js';
import { figureText, measureLabel } from './_shared.js';

/**
 * A share, completion or success rate above 100%. Growth (同比增长150%, 提高) may exceed 100%, and so may a
 * percentage that names no rate (完成进度120% is over-fulfilment, not a share).
 */
export default defineRule(
  { id: 'figure-rate-impossible', family: 'figures', defaultSeverity: 'error', basis: ['practice'] },
  (report) => {
    const out: RawFinding<'figure-rate-impossible'>[] = [];
    for (const q of figuresOf(report).quantities) {
      if (!q.percent || !q.rateName || q.growth || q.approx === 'under') continue;
      if (Math.max(q.value, q.high ?? 0) <= 100) continue;
      out.push({ ...q.range, messageId: 'over', data: { rate: measureLabel(q) + figureText(q) } });
    }
    return out;
  },
);
