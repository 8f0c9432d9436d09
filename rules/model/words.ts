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
