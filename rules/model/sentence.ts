/**
 * Where a sentence ends, the one definition. Chinese prose ends a sentence with 。！？; a 分号 (；) ends a clause
 * that reads as a sentence of its own in a list of measures (一是……；二是……；), so the callers that cut a paragraph
 * into statements say whether it counts. A line break ends a statement in text that still holds them (a block's
 * lines). Everything is on normalised text, where half-width ! ? ; are already folded to full width.
 */

/** The marks that end a sentence. */
export const SENTENCE_END_CLASS = '。！？';
/** The marks that end a sentence or a clause that reads as one. */
export const STATEMENT_END_CLASS = `${SENTENCE_END_CLASS}；`;

export interface SentenceCut {
  /** a 分号 also ends a statement */
  semicolon?: boolean;
  /** a line break also ends a statement */
  lineBreak?: boolean;
}

const ENDS = [false, true].map((semicolon) =>
  [false, true].map((lineBreak) => new RegExp(`[${semicolon ? STATEMENT_END_CLASS : SENTENCE_END_CLASS}${lineBreak ? '\\n' : ''}]`)),
);

/** The pattern of one end mark under a cut (not global: for search, split and test). */
export function sentenceEnd(cut: SentenceCut = {}): RegExp {
  return ENDS[cut.semicolon ? 1 : 0][cut.lineBreak ? 1 : 0];
}

const CLOSING = new RegExp(`[${SENTENCE_END_CLASS}]$`);

/** Offset of the first end mark, or -1. */
export function firstSentenceEnd(text: string, cut: SentenceCut = {}): number {
  return text.search(sentenceEnd(cut));
}

/** The text up to its first end mark (the whole text when it has none), the mark excluded. */
export function firstSentence(text: string, cut: SentenceCut = {}): string {
  const stop = firstSentenceEnd(text, cut);
  return stop < 0 ? text : text.slice(0, stop);
}

/** The statements of a text, end marks dropped (empty pieces kept, as String.split gives them). */
export function sentencesOf(text: string, cut: SentenceCut = {}): string[] {
  return text.split(sentenceEnd(cut));
}

/** Does the text hold an end mark anywhere? */
export function hasSentenceEnd(text: string, cut: SentenceCut = {}): boolean {
  return sentenceEnd(cut).test(text);
}

/** Does the text close with a full stop (。！？)? */
export function closesSentence(text: string): boolean {
  return CLOSING.test(text);
}

/** 。！？； and their half-width forms (a normalised span may keep them next to Latin text), by char code. */
const STATEMENT_CODES = new Set([...STATEMENT_END_CLASS, '!', '?', ';'].map((c) => c.charCodeAt(0)));
/** the same set as a table over UTF-16 units: a Set lookup for every character of every block was a visible cost */
const STATEMENT_TABLE = new Uint8Array(0x10000);
for (const c of STATEMENT_CODES) STATEMENT_TABLE[c] = 1;
export function endsStatement(c: number): boolean {
  return STATEMENT_TABLE[c] === 1;
}
/** For tests: the set the table is made from. */
export const STATEMENT_CODE_SET: ReadonlySet<number> = STATEMENT_CODES;
/** Closing quotes and brackets that belong to the sentence they end (……。” ) */
function closes(c: number): boolean {
  // ”’」』）)》
  return c === 0x201d || c === 0x2019 || c === 0x300d || c === 0x300f || c === 0xff09 || c === 41 || c === 0x300b;
}

export interface SentenceSpan {
  /** normalised range in the block, terminator (and a closing quote after it) included */
  from: number;
  to: number;
  /** the normalised range without the terminator */
  bodyTo: number;
}

/**
 * Statement spans of a normalised line, for rules that compare sentences by position: split after 。！？； (a run
 * of them ends one statement, a closing quote after it belongs to it), then at the line end.
 */
export function sentenceSpans(text: string, from = 0, to = text.length): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  forEachSentenceSpan(text, (f, t, bodyTo) => void out.push({ from: f, to: t, bodyTo }), from, to);
  return out;
}

/** sentenceSpans one at a time, no object for each (a caller reading every sentence of a report once). */
export function forEachSentenceSpan(text: string, visit: (from: number, to: number, bodyTo: number) => void, from = 0, to = text.length): void {
  let start = from;
  let i = from;
  while (i < to) {
    if (!endsStatement(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const bodyTo = i;
    while (i < to && endsStatement(text.charCodeAt(i))) i++;
    while (i < to && closes(text.charCodeAt(i))) i++;
    visit(start, i, bodyTo);
    start = i;
  }
  if (start < to) visit(start, to, to);
}
