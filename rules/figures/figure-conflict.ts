import { defineRule, type RawFinding } from '../engine/rule.js';
import { figuresOf, type Quantity } from '../model/figures/index.js';
import { figureText, isExact, measureLabel } from './_shared.js';

/**
 * The same measure (same subject phrase, same unit family, same period) stated with two values — the same measure
 * in two wordings too: 办理行政许可事项 and 办理行政许可, 行政复议申请 and 复议申请 (see canonicalMeasure). Parts (after
 * 其中) count within a whole that may differ, so they are left out; rates and short, generic measures are
 * compared only within one paragraph, where the same words name the same thing.
 */
export default defineRule(
  { id: 'figure-conflict', family: 'figures', defaultSeverity: 'error', basis: ['practice'] },
  (report) => {
    const groups = new Map<string, Quantity[]>();
    for (const q of figuresOf(report).quantities) {
      if (!isExact(q) || q.role === 'part' || q.growth || q.key.length < 4) continue;
      const key = `${canonicalMeasure(q.key)}|${q.family}|${q.period.key}`;
      const g = groups.get(key);
      if (g) g.push(q);
      else groups.set(key, [q]);
    }
    const out: RawFinding<'figure-conflict'>[] = [];
    for (const g of groups.values()) {
      if (g.length < 2) continue;
      const first = g[0];
      const seen = new Set([first.value]);
      for (const q of g.slice(1)) {
        if (seen.has(q.value)) continue;
        const local = q.block === first.block;
        if (!local && (q.role === 'rate' || Math.max(q.key.length, first.key.length) < 5)) continue;
        seen.add(q.value);
        const data = { measure: measureLabel(first), a: figureText(first), lineA: first.block.line, b: figureText(q), lineB: q.block.line };
        out.push({
          ...first.range,
          messageId: 'conflict',
          data,
          related: [{ ...q.range, messageId: 'other', data: { measure: data.measure, value: data.b, line: data.lineA } }],
        });
      }
    }
    return out;
  },
);

/**
 * One form for wordings of a measure that name the same thing: the filler 事项 / 各类 / 的 dropped (办理行政许可事项 =
 * 办理行政许可), and 行政 before 复议, 许可 and 处罚 (never anything else in these reports) dropped (行政复议申请 =
 * 复议申请). The verb and the head noun stay: 收到…申请 and 受理…申请 count different things, and 诉讼 may be 民事.
 */
export function canonicalMeasure(key: string): string {
  return key.replace(/事项|各类|的/g, '').replace(/行政(?=复议|许可|处罚)/g, '');
}
