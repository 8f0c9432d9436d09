/**
 * Text as rules match it: traditional characters converted to simplified, pinyin debris (區(qū)) dropped,
 * full- and half-width forms folded. Every normalised character remembers the source offset it came from,
 * so a match on normalised text lands on the exact characters of the original.
 */
import { Converter } from 'opencc-js/t2cn';
import type { Range } from './text.js';
import { CJK } from './text.js';
import { textCache } from './cache.js';
import { int32s } from './slab.js';
import { OPENCC_ALONE_HEX } from './opencc-alone.js';

export interface NormalizedText {
  /** the normalised text */
  readonly text: string;
  /** source offset of each normalised character */
  readonly map: Int32Array;
  /** source offset just after the normalised span */
  readonly sourceEnd: number;
  /**
   * OpenCC ran on the text (a character of it converts to simplified). False: every Han character is the source's
   * own, which most blocks of most drafts are — traditional-characters need not compare them.
   */
  readonly converted: boolean;
}

let t2s: ((s: string) => string) | undefined;
/** OpenCC's traditional → mainland-simplified converter (phrase-aware), built on first use. */
export function toSimplified(s: string): string {
  t2s ??= Converter({ from: 't', to: 'cn' });
  return t2s(s);
}

const TONE = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
/** Neutral-tone syllables that carry no tone mark but still occur as debris. */
const NEUTRAL = new Set(['de', 'le', 'men', 'me', 'zi', 'ma', 'ne', 'ba', 'zhe', 'guo', 'li', 'shang', 'xia', 'tou']);
const PINYIN_BODY = new RegExp(`^[a-zü${TONE}]{1,7}$`);
const TONED = new RegExp(`[${TONE}]`);

/**
 * Pinyin annotations left behind by web "conversion" (區(qū)): a CJK character followed by one
 * bracketed pinyin syllable. Returns the bracket ranges (the character itself is kept).
 */
export function findPinyinDebris(text: string, from = 0, to = text.length): Range[] {
  const out: Range[] = [];
  for (let i = from; i < to; i++) {
    // char codes, not text[i]: a one-character string of a CJK character is a new allocation each time
    const c = text.charCodeAt(i);
    if (c !== 0x28 && c !== 0xff08) continue;
    if (i === 0 || !CJK.test(text[i - 1]) && !isDebrisEnd(text, i) && !afterLostCapital(text, i)) continue;
    const close = findClose(text, i + 1, Math.min(to, i + 10));
    if (close < 0) continue;
    const body = text.slice(i + 1, close);
    if (!PINYIN_BODY.test(body)) continue;
    if (!TONED.test(body) && !NEUTRAL.has(body)) continue;
    out.push({ start: i, end: close + 1 });
    i = close;
  }
  return out;
}

function isDebrisEnd(text: string, i: number): boolean {
  // "區(qū)域(yù)" — the preceding char is CJK anyway; a closing bracket before means a run of debris
  return text[i - 1] === ')' || text[i - 1] === '）';
}

/**
 * 。現(xiàn) decoded as ?,F(xiàn): the annotated character became a capital after a lost character and its mark, and its
 * pinyin bracket is debris like any other (the garbage ?,F is mojibake's to report, not to repair).
 */
function afterLostCapital(text: string, i: number): boolean {
  return i >= 3 && /[A-Z]/.test(text[i - 1]) && /[!！。，,]/.test(text[i - 2]) && text[i - 3] === '?';
}

function findClose(text: string, from: number, to: number): number {
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x29 || c === 0xff09) return j;
  }
  return -1;
}

/** Half-width punctuation folded to the full-width form Chinese text uses, and full-width ASCII to ASCII. */
function foldChar(text: string, i: number): string {
  const c = text[i];
  const code = c.charCodeAt(0);
  switch (c) {
    case ',':
      // 1,234 keeps its thousands separator
      return isDigit(text.charCodeAt(i - 1)) && /^\d{3}(?!\d)/.test(text.slice(i + 1, i + 5)) ? ',' : '，';
    case ';':
      return '；';
    case ':':
      // 09:42 is a time
      return isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1)) ? ':' : '：';
    case '(':
      return '（';
    case ')':
      return '）';
    case '!':
      return '！';
    case '?':
      return '？';
    case '\u3000':
      return ' ';
    case '．':
      return '.';
    case '～':
      return '~';
    case '－':
      return '-';
    case '，':
    case '；':
    case '：':
    case '（':
    case '）':
    case '！':
    case '？':
      return c;
  }
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return c;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** ASCII codes foldChar may change: , ; : ( ) ! ? */
const ASCII_FOLDS = new Uint8Array(128);
for (const c of ',;:()!?') ASCII_FOLDS[c.charCodeAt(0)] = 1;

/** Could foldChar change this code unit? Nearly every character of a report (CJK, digits, letters) cannot. */
function mayFold(code: number): boolean {
  return code < 0x80 ? ASCII_FOLDS[code] === 1 : code === 0x3000 || (code >= 0xff01 && code <= 0xff5e);
}

/**
 * Normalised lines by their text, with offsets relative to the line: reused across the versions of a document. A line
 * that drops nothing (most: no inline markup, no pinyin debris) keeps no map — its map is the identity.
 */
const lineCache = textCache<{ text: string; map: Int32Array | null; converted: boolean }>(20_000, true);

/** Normalise source[start, end) skipping the given ranges (inline Markdown markup), sorted by start. */
export function normalizeSpan(source: string, start: number, end: number, skip: readonly Range[] = []): NormalizedText {
  const markup = skip.some((r) => r.end > start && r.start < end);
  if (markup) return normalizeUncached(source, start, end, skip, true) as NormalizedText;
  const key = source.slice(start, end);
  let hit = lineCache.get(key);
  if (!hit) {
    hit = normalizeUncached(key, 0, key.length, [], false);
    lineCache.set(key, hit);
  }
  const rel = hit.map;
  const map = int32s(rel ? rel.length : key.length);
  if (rel) for (let i = 0; i < map.length; i++) map[i] = rel[i] + start;
  else for (let i = 0; i < map.length; i++) map[i] = start + i;
  return { text: hit.text, map, sourceEnd: end, converted: hit.converted };
}

/** `identity`: the map even when nothing is dropped (else null then: it is [start, end) in order) */
function normalizeUncached(source: string, start: number, end: number, skip: readonly Range[], identity: boolean): { text: string; map: Int32Array | null; sourceEnd: number; converted: boolean } {
  const debris = findPinyinDebris(source, start, end);
  const inSpan = skip.length ? skip.filter((r) => r.end > start && r.start < end) : skip;
  const drops = debris.length || inSpan.length ? mergeRanges([...debris, ...inSpan]) : [];
  // the kept characters are [start, end) less the drops; folding changes a character, never the count, so the
  // map is the kept positions and the text is their slices with the few folded characters put in
  let count = end - start;
  for (const r of drops) count -= Math.max(0, Math.min(end, r.end) - Math.max(start, r.start));
  const map = identity || count !== end - start ? int32s(count) : null;
  let kept = '';
  let k = 0;
  let from = start;
  for (let d = 0; d <= drops.length; d++) {
    const to = d < drops.length ? Math.min(end, Math.max(from, drops[d].start)) : end;
    let run = from;
    if (map) for (let i = from; i < to; i++) map[k++] = i;
    for (let i = from; i < to; i++) {
      if (!mayFold(source.charCodeAt(i))) continue;
      const folded = foldChar(source, i);
      if (folded === source[i]) continue;
      kept += source.slice(run, i) + folded;
      run = i + 1;
    }
    kept += source.slice(run, to);
    if (d < drops.length) from = Math.max(from, Math.min(end, drops[d].end));
  }
  const converted = hasTraditional(kept);
  let simplified = converted ? toSimplified(kept) : kept;
  if (simplified.length !== kept.length) {
    // a phrase conversion changed the length: convert character by character so the map stays exact
    let s = '';
    for (const ch of kept) {
      const conv = toSimplified(ch);
      s += conv.length === ch.length ? conv : ch;
    }
    simplified = s;
  }
  return { text: simplified, map, sourceEnd: end, converted };
}

/**
 * Per code unit: does OpenCC change it on its own? Read from the generated table (rules/model/opencc-alone.ts), so a
 * simplified text is told without building the converter: a run over simplified drafts never loads OpenCC's
 * dictionaries (tens of milliseconds and megabytes at every start of the CLI and the server).
 */
let alone: Uint8Array | undefined;
function changesAlone(): Uint8Array {
  if (alone) return alone;
  alone = new Uint8Array(0x10000);
  for (let i = 0; i < OPENCC_ALONE_HEX.length; i += 4) alone[parseInt(OPENCC_ALONE_HEX.slice(i, i + 4), 16)] = 1;
  return alone;
}

/**
 * Most drafts are simplified: the phrase-aware converter then only costs time. A text none of whose characters
 * converts on its own is left as it is (OpenCC's phrase table keys all contain a traditional character).
 */
export function hasTraditional(s: string): boolean {
  const table = changesAlone();
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0x3400 && table[code] === 1) return true;
  }
  return false;
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = ranges.slice().sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/**
 * The normalised index of a source offset, the inverse of toSource: how many normalised characters come from
 * source before the offset (the map only grows, so the first one at or after it).
 */
export function normIndexAt(n: NormalizedText, sourceOffset: number): number {
  let k = 0;
  while (k < n.map.length && n.map[k] < sourceOffset) k++;
  return k;
}

/** Source range of the normalised range [from, to). */
export function toSource(n: NormalizedText, from: number, to: number): Range {
  if (n.map.length === 0) return { start: n.sourceEnd, end: n.sourceEnd };
  const f = Math.max(0, Math.min(from, n.map.length));
  const t = Math.max(f, Math.min(to, n.map.length));
  const start = f < n.map.length ? n.map[f] : n.sourceEnd;
  const end = t === f ? start : t < n.map.length ? n.map[t - 1] + 1 : lastEnd(n);
  return { start, end };
}

function lastEnd(n: NormalizedText): number {
  return n.map[n.map.length - 1] + 1;
}

/** Normalise a standalone string (no source mapping needed): used for config values and tests. */
export function normalize(s: string): string {
  return normalizeSpan(s, 0, s.length).text;
}
