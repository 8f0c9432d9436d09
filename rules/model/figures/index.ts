/**
 * The figures of a report: every quantity with its source range, measure, role and period, grouped by sentence.
 * Computed once per report (report.memo(FIGURES)) on the normalised text of each body block and mapped back
 * to the source with toSource.
 */
import type { Report } from '../report.js';
import type { Block } from '../parse.js';
import type { Range } from '../text.js';
import { toSource } from '../normalize.js';
import { textCache } from '../cache.js';
import { extractQuantities, quoteMask, type RawQuantity } from './extract.js';
import { findPeriodMarkers, type PeriodKind, type PeriodMarker } from './periods.js';
import { describeMeasure, type MeasureInfo } from './measure.js';
import { SENTENCE_END_CLASS } from '../sentence.js';
import { memoKey } from '../memo.js';

export type { RawQuantity, Approx } from './extract.js';
export type { PeriodKind, PeriodMarker } from './periods.js';
export type { Role, ChainRole } from './measure.js';
export { extractQuantities, parseChineseAmount } from './extract.js';
export { findPeriodMarkers } from './periods.js';

export interface PlacedMarker extends PeriodMarker {
  block: Block;
  range: Range;
}

export interface Period {
  kind: PeriodKind;
  key: string;
  /** the marker that set it; none for the report year by default */
  marker?: PlacedMarker;
}

export interface Quantity extends RawQuantity, MeasureInfo {
  block: Block;
  /** stated in the plans section: a target or a schedule for the next year, not a result of this one */
  inPlans: boolean;
  /** index into FiguresModel.sentences */
  sentence: number;
  range: Range;
  period: Period;
}

export interface Sentence {
  index: number;
  block: Block;
  /** normalised offsets in block.norm.text */
  from: number;
  to: number;
  text: string;
  quantities: Quantity[];
  markers: PlacedMarker[];
  /** normalised offsets of 其中 / 分别 that open a list of parts */
  partsAt: number[];
}

export interface FiguresModel {
  year: number | null;
  sentences: Sentence[];
  quantities: Quantity[];
}

const SENTENCE_END = new RegExp(`[${SENTENCE_END_CLASS}]`, 'g');
const PARTS = /其中|分别/g;

/** Figures of the body; the plans section is read as next year's, so they depend on the checklist and the year. */
const FIGURES = memoKey<FiguresModel>('figures', ['blocks', 'frame', 'checklist', 'year']);

export function figuresOf(report: Report): FiguresModel {
  return report.memo(FIGURES, () => {
    // figures in the plans section are targets for the next year, not results of this one
    const plans = report.entry('plans');
    const planRange = plans?.status === 'section' && !plans.mergedWith ? plans.range : null;
    return buildFigures(report.bodyBlocks, report.year?.year ?? null, planRange);
  });
}

export function buildFigures(blocks: readonly Block[], year: number | null, planRange: Range | null = null): FiguresModel {
  const sentences: Sentence[] = [];
  const quantities: Quantity[] = [];
  for (const block of blocks) {
    const text = block.norm.text;
    if (!MAY_HOLD_FIGURES.test(text)) continue;
    const defaultKey = planRange && block.start >= planRange.start && block.end <= planRange.end ? `plan:${year === null ? '' : year + 1}` : `year:${year}`;
    const inPlans = defaultKey.startsWith('plan:');
    for (const local of analyseBlock(text, year, defaultKey)) {
      // Object.assign, not `{ ...m, block, … }`: the same object (keys in the same order), but V8 (Node 20) builds a literal
      // with a spread followed by more properties on a slow path, a hundred times slower; this model makes one per figure.
      // The placed fields are set one by one after the copy (the same keys in the same order, no object for them)
      const markers: PlacedMarker[] = local.markers.map((m) => {
        const placed = Object.assign({}, m) as PlacedMarker;
        placed.block = block;
        placed.range = toSource(block.norm, m.from, m.to);
        return placed;
      });
      const s: Sentence = { index: sentences.length, block, from: local.from, to: local.to, text: local.text, quantities: [], markers, partsAt: local.partsAt };
      for (const { fields, marker } of local.quantities) {
        const placed = marker >= 0 ? markers[marker] : undefined;
        const period: Period = placed ? { kind: placed.kind, key: placed.key, marker: placed } : { kind: 'year', key: defaultKey };
        const q = Object.assign({}, fields) as Quantity;
        q.block = block;
        q.inPlans = inPlans;
        q.sentence = s.index;
        q.range = toSource(block.norm, fields.from, fields.to);
        q.period = period;
        s.quantities.push(q);
        quantities.push(q);
      }
      sentences.push(s);
    }
  }
  return { year, sentences, quantities };
}

const MAY_HOLD_FIGURES = /[0-9零〇一二两三四五六七八九十百千今去目近至以期季]/;

/** A block's sentences with their quantities and period markers, in normalised offsets of the block's text. */
interface LocalSentence {
  from: number;
  to: number;
  text: string;
  partsAt: number[];
  markers: PeriodMarker[];
  /** each quantity with the index of the marker that sets its period, or -1 */
  quantities: { fields: RawQuantity & MeasureInfo; marker: number }[];
}

/**
 * What a block's text says about figures depends only on that text, the report year and whether it stands in the
 * plans: kept by those, so an editor re-check analyses only the lines that changed.
 */
const blockAnalyses = textCache<{ year: number | null; period: string; value: LocalSentence[] }[]>(20_000, true);
/** analyses kept per text (the same line in the body and in the plans, or under two report years) */
const VARIANTS = 4;

function analyseBlock(text: string, year: number | null, defaultKey: string): LocalSentence[] {
  // by text first (no key string of the block's length built per block per keystroke), then year and period
  const list = blockAnalyses.get(text);
  if (list) for (const e of list) if (e.year === year && e.period === defaultKey) return e.value;
  const value = analyseBlockNow(text, year, defaultKey);
  const entry = { year, period: defaultKey, value };
  if (!list) blockAnalyses.set(text, [entry]);
  else {
    list.push(entry);
    if (list.length > VARIANTS) list.shift();
  }
  return value;
}

function analyseBlockNow(text: string, year: number | null, defaultKey: string): LocalSentence[] {
  const out: LocalSentence[] = [];
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
    const s: LocalSentence = { from, to, text: text.slice(from, to), partsAt: [], markers: [], quantities: [] };
    PARTS.lastIndex = 0;
    for (let m = PARTS.exec(s.text); m; m = PARTS.exec(s.text)) if (mask[from + m.index] === 0) s.partsAt.push(from + m.index);
    while (mi < markers.length && markers[mi].from < to) s.markers.push(markers[mi++]);
    let floor = from;
    while (qi < raw.length && raw[qi].from < to) {
      const r = raw[qi++];
      const inParts = s.partsAt.some((p) => p < r.lead);
      const info = describeMeasure(text, r, floor, inParts, floor !== from);
      // r is this call's own (extractQuantities made it): the measure goes onto it, keys in the same order as a copy
      s.quantities.push({ fields: Object.assign(r, info), marker: lastBefore(s.markers, r.lead) });
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
    // 全年 ends a cumulative span only: 截至11月底，全年共受理… stays cut short
    if (m.endsCumulative && found >= 0 && markers[found].kind !== 'cumulative') return;
    found = i;
  });
  return found;
}

/** The figure as written, with its unit: 5亿元, 20宗, 93.6%. */
export function figureText(q: Quantity): string {
  return q.text.replace(/\s+/g, '');
}
