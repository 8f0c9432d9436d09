/**
 * Words as the ICU dictionary reads them (Intl.Segmenter, granularity word): one segmenter for every rule that asks
 * what the words of a span are. Intl.Segmenter is quadratic on long strings in Node 20, so callers give it short
 * spans only (a clause, a window around a match).
 */
let segmenter: Intl.Segmenter | undefined;

export function wordSegmenter(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' }));
}

/** Does the dictionary read `span.slice(from, to)` as one word of that short span? */
export function isDictionaryWordAt(span: string, from: number, to: number): boolean {
  for (const s of wordSegmenter().segment(span)) {
    if (s.index === from) return s.index + s.segment.length === to && s.isWordLike === true;
    if (s.index > from) return false;
  }
  return false;
}

/**
 * Terms of these reports that the ICU dictionary splits wrongly (行政复议案件 → 行政/复/议案/件, reading 议案 “motion”),
 * kept whole: a span is cut at them and only the pieces between go to the segmenter. Longest first.
 */
const REPORT_TERMS = [
  '规范性文件', '合法性审查', '行政复议', '行政诉讼', '行政应诉', '行政执法', '行政处罚', '行政许可', '行政检查', '行政强制',
  '法律援助', '人民调解', '社区矫正', '法律顾问', '公职律师', '复议', '应诉', '执法',
];
const REPORT_TERM = new RegExp(REPORT_TERMS.join('|'), 'g');

export interface WordSegment {
  segment: string;
  index: number;
  isWordLike: boolean;
}

/** The words of a short span, the report's own terms (行政复议, 规范性文件) kept whole. */
export function reportWords(span: string): WordSegment[] {
  const out: WordSegment[] = [];
  forEachReportWord(span, (segment, index, isWordLike) => out.push({ segment, index, isWordLike }));
  return out;
}

/**
 * reportWords one word at a time, in order, without the list: a caller that reads each word once (terms.ts) builds
 * no object per word beside the segmenter's own.
 */
export function forEachReportWord(span: string, visit: (segment: string, index: number, isWordLike: boolean) => void): void {
  const segmentPiece = (from: number, to: number) => {
    if (to <= from) return;
    for (const s of wordSegmenter().segment(span.slice(from, to))) visit(s.segment, from + s.index, s.isWordLike === true);
  };
  let at = 0;
  REPORT_TERM.lastIndex = 0;
  for (let m = REPORT_TERM.exec(span); m; m = REPORT_TERM.exec(span)) {
    segmentPiece(at, m.index);
    visit(m[0], m.index, true);
    at = m.index + m[0].length;
  }
  segmentPiece(at, span.length);
}
