import { defineRule } from '../engine/rule.js';
import { figuresOf } from '../model/figures/index.js';
import { governingMarkers, quoted } from './_shared.js';

/** Annual figures cut short of the year: 截至11月底, 1-10月份, 前三季度, 至2017年10月底 (in the report year). */
export default defineRule(
  { id: 'period-partial-year', family: 'figures', opinion: 'explain', defaultSeverity: 'warning', basis: ['content'] },
  (report) =>
    governingMarkers(figuresOf(report), 'partial').map((m) => ({ ...m.range, messageId: 'partial', data: { found: quoted(m.text) } })),
);
