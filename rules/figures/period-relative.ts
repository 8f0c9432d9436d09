import { defineRule } from '../engine/rule.js';
import { figuresOf } from '../model/figures/index.js';
import { toSource } from '../model/normalize.js';
import { governingMarkers } from './_shared.js';

/**
 * Relative time words that date a figure: 今年, 去年, 目前, 截至目前, 至今. A word without a figure after it in its
 * sentence (今年以来，我局进一步完善…) and a comparison base (较去年) are left alone.
 */
export default defineRule(
  { id: 'period-relative', family: 'figures', opinion: 'explain', defaultSeverity: 'info', basis: ['publication'] },
  (report) =>
    governingMarkers(figuresOf(report), 'relative', (m) => !!m.relative).map((m) => {
      // point at the word itself (今年 inside 截止今年10月份); a literal, no spread (V8's slow path in Node 20)
      const r = toSource(m.block.norm, m.from + m.text.indexOf(m.relative!), m.from + m.text.indexOf(m.relative!) + m.relative!.length);
      return { start: r.start, end: r.end, messageId: 'relative' as const, data: { word: m.relative! } };
    }),
);
