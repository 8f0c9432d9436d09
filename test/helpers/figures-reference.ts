/**
 * The figures model's buildFigures as it was before its objects were built field by field (issue 17): each figure
 * a copy of the extracted fields merged with its measure, copied again with its place. Kept to show the new code
 * builds the same objects (keys in the same order) on every report.
 */
import type { Block } from '../../rules/model/parse.js';
import type { Range } from '../../rules/model/text.js';
import { toSource } from '../../rules/model/normalize.js';
import { extractQuantities, quoteMask, type RawQuantity } from '../../rules/model/figures/extract.js';
import { findPeriodMarkers, type PeriodMarker } from '../../rules/model/figures/periods.js';
import { describeMeasure, type MeasureInfo } from '../../rules/model/figures/measure.js';
import { SENTENCE_END_CLASS } from '../../rules/model/sentence.js';

const SENTENCE_END = new RegExp(`[${SENTENCE_END_CLASS}]`, 'g');
const PARTS = /其中|分别/g;
const MAY_HOLD_FIGURES = /[0-9零〇一二两三四五六七八九十百千今去目近至以期季]/;

export function referenceBuildFigures(blocks: readonly Block[], year: number | null, planRange: Range | null = null) {
  const sentences: { markers: object[] }[] = [];
  const quantities: object[] = [];
  for (const block of blocks) {
    const text = block.norm.text;
    if (!MAY_HOLD_FIGURES.test(text)) continue;
    const defaultKey = planRange && block.start >= planRange.start && block.end <= planRange.end ? `plan:${year === null ? '' : year + 1}` : `year:${year}`;
    for (const local of analyse(text, year)) {
      const markers = local.markers.map((m) => Object.assign({}, m, { block, range: toSource(block.norm, m.from, m.to) }));
      const s = { index: sentences.length, block, from: local.from, to: local.to, text: local.text, quantities: [] as unknown[], markers, partsAt: local.partsAt };
      for (const { fields, marker } of local.quantities) {
        const placed = marker >= 0 ? markers[marker] : undefined;
        const period = placed ? { kind: placed.kind, key: placed.key, marker: placed } : { kind: 'year', key: defaultKey };
        const q = Object.assign({}, fields, { block, inPlans: defaultKey.startsWith('plan:'), sentence: s.index, range: toSource(block.norm, fields.from, fields.to), period });
        s.quantities.push(q);
        quantities.push(q);
      }
      sentences.push(s);
    }
  }
  return { year, sentences, quantities };
}

function analyse(text: string, year: number | null) {
  const out: { from: number; to: number; text: string; partsAt: number[]; markers: PeriodMarker[]; quantities: { fields: RawQuantity & MeasureInfo; marker: number }[] }[] = [];
  const mask = quoteMask(text);
  const raw = extractQuantities(text, mask);
  const markers = findPeriodMarkers(text, year, mask);
  let from = 0;
  let qi = 0;
  let mi = 0;
  const ends: number[] = [];
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) ends.push(m.index + 1);
  if (ends[ends.length - 1] !== text.length) ends.push(text.length);
  for (const to of ends) {
    if (to <= from) continue;
    const s: (typeof out)[number] = { from, to, text: text.slice(from, to), partsAt: [], markers: [], quantities: [] };
    PARTS.lastIndex = 0;
    for (let m = PARTS.exec(s.text); m; m = PARTS.exec(s.text)) if (mask[from + m.index] === 0) s.partsAt.push(from + m.index);
    while (mi < markers.length && markers[mi].from < to) s.markers.push(markers[mi++]);
    let floor = from;
    while (qi < raw.length && raw[qi].from < to) {
      const r = raw[qi++];
      const inParts = s.partsAt.some((p) => p < r.lead);
      const info = describeMeasure(text, r, floor, inParts, floor !== from);
      s.quantities.push({ fields: Object.assign({}, r, info), marker: lastBefore(s.markers, r.lead) });
      floor = r.to;
    }
    out.push(s);
    from = to;
  }
  return out;
}

function lastBefore(markers: readonly PeriodMarker[], at: number): number {
  let found = -1;
  markers.forEach((m, i) => {
    if (m.to > at) return;
    if (m.endsCumulative && found >= 0 && markers[found].kind !== 'cumulative') return;
    found = i;
  });
  return found;
}
