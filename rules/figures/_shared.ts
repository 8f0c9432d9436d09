/** Helpers the figure and period rules share: formatting numbers the way the report writes them. */
import type { Quantity } from '../model/figures/index.js';
import { figureText } from '../model/figures/index.js';
import { truncateStart } from '../model/text.js';

export { figureText };

/** 1477, 5905.23, 92.9 — no float noise, no exponent. */
export function formatNumber(v: number, maxDecimals = 2): string {
  const s = v.toFixed(maxDecimals);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** A value in the unit of a given figure (a sum of 宗 and 件 parts is written in the total's unit). */
export function inUnitOf(value: number, q: Quantity): string {
  if (q.unit === '万元') return formatNumber(value / 1e4) + '万元';
  if (q.unit === '亿元') return formatNumber(value / 1e8, 4) + '亿元';
  return formatNumber(value) + q.unit;
}

/** The value a figure states, in its own unit: 5905.23 for 5905.23万元. */
export function statedNumber(q: Quantity): string {
  const factor = q.unit === '万元' ? 1e4 : q.unit === '亿元' ? 1e8 : 1;
  return formatNumber(q.value / factor, 4);
}

/** A measure short enough for a message. */
export function measureLabel(q: Quantity, max = 16): string {
  const m = q.measure.replace(/\s+/g, '');
  return truncateStart(m, max);
}

/** Exact figures only: approximations (100余件) and ranges (1-2次) do not enter arithmetic. */
export function isExact(q: Quantity): boolean {
  return !q.approx && q.high === undefined;
}

import type { FiguresModel, PeriodKind, PlacedMarker } from '../model/figures/index.js';

const FREQUENCY = /每(?:年度?|半年|季度?|个?月|周|天|日)/;

/**
 * Period markers of one kind that govern at least one figure (a frequency such as 每月1次 is governed by none): one per sentence (the first), so a sentence of
 * ten figures counted 截至11月底 gives one finding, not ten.
 */
export function governingMarkers(fig: FiguresModel, kind: PeriodKind, accept: (m: PlacedMarker) => boolean = () => true): PlacedMarker[] {
  const out: PlacedMarker[] = [];
  for (const s of fig.sentences) {
    for (const q of s.quantities) {
      // a frequency (每年举办1次, 每月召开1次) is not counted over the span the marker names
      if (FREQUENCY.test(q.phrase)) continue;
      // 上半年完成轮训2期 in the plans is a schedule for next year, not this year's data cut short
      if (q.inPlans && kind !== 'relative') continue;
      const m = q.period.marker;
      if (m && accept(m) && (m.kind === kind || kind === 'relative' && m.relative)) {
        out.push(m);
        break;
      }
    }
  }
  return out;
}

/** Text to be put inside “…” in a message: its own double quotation marks become single ones (“‘七五’普法以来”). */
export function quoted(s: string): string {
  return s.replace(/“/g, '‘').replace(/”/g, '’');
}
