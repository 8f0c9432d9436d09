import { defineRule } from '../engine/rule.js';
import { figuresOf } from '../model/figures/index.js';
import { governingMarkers, quoted } from './_shared.js';

/** Figures counted from a start other than the report year: 自成立以来, “七五”普法以来, 成立至今, 2018年以来. */
export default defineRule(
  { id: 'period-cumulative', family: 'figures', opinion: 'explain', defaultSeverity: 'info', basis: ['content'] },
  (report) =>
    governingMarkers(figuresOf(report), 'cumulative').map((m) => ({ ...m.range, messageId: 'cumulative', data: { found: quoted(m.text) } })),
);
