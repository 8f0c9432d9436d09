/**
 * rules/model/normalize.ts as it was before it was made faster (commit 190aa7d), kept verbatim so a test can show
 * the new code gives the same normalised text and offset map on every span. Not used by the checker.
 */
import type { Range } from '../../rules/model/text.js';
import { CJK } from '../../rules/model/text.js';
import { toSimplified, type NormalizedText } from '../../rules/model/normalize.js';

/** what the old code returned: the text and its offset map (the `converted` flag came later) */
type Reference = Omit<NormalizedText, 'converted'>;

const TONE = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
/** Neutral-tone syllables that carry no tone mark but still occur as debris. */
const NEUTRAL = new Set(['de', 'le', 'men', 'me', 'zi', 'ma', 'ne', 'ba', 'zhe', 'guo', 'li', 'shang', 'xia', 'tou']);
const PINYIN_BODY = new RegExp(`^[a-zü${TONE}]{1,7}$`);
const TONED = new RegExp(`[${TONE}]`);

export function referencePinyinDebris(text: string, from = 0, to = text.length): Range[] {
  const out: Range[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c !== '(' && c !== '（') continue;
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

/** 。現(xiàn) decoded as ?,F(xiàn): the bracket after the garbage capital is debris too (the rule's reading, not a speed-up) */
function afterLostCapital(text: string, i: number): boolean {
  return i >= 3 && /[A-Z]/.test(text[i - 1]) && /[!！。，,]/.test(text[i - 2]) && text[i - 3] === '?';
}

function isDebrisEnd(text: string, i: number): boolean {
  // "區(qū)域(yù)" — the preceding char is CJK anyway; a closing bracket before means a run of debris
  return text[i - 1] === ')' || text[i - 1] === '）';
}

function findClose(text: string, from: number, to: number): number {
  for (let j = from; j < to; j++) {
    const c = text[j];
    if (c === ')' || c === '）') return j;
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

export function referenceNormalize(source: string, start: number, end: number, skip: readonly Range[]): Reference {
  const debris = referencePinyinDebris(source, start, end);
  const drops = mergeRanges([...debris, ...skip.filter((r) => r.end > start && r.start < end)]);
  let kept = '';
  const keptMap: number[] = [];
  let d = 0;
  for (let i = start; i < end; i++) {
    while (d < drops.length && drops[d].end <= i) d++;
    if (d < drops.length && drops[d].start <= i && i < drops[d].end) {
      i = drops[d].end - 1;
      continue;
    }
    kept += foldChar(source, i);
    keptMap.push(i);
  }
  let simplified = hasTraditional(kept) ? toSimplified(kept) : kept;
  if (simplified.length !== kept.length) {
    // a phrase conversion changed the length: convert character by character so the map stays exact
    let s = '';
    for (const ch of kept) {
      const conv = toSimplified(ch);
      s += conv.length === ch.length ? conv : ch;
    }
    simplified = s;
  }
  return { text: simplified, map: Int32Array.from(keptMap), sourceEnd: end };
}

/** Per character: does OpenCC change it on its own? Filled on first sight of each character. */
const changesAlone = new Map<number, boolean>();

/**
 * Most drafts are simplified: the phrase-aware converter then only costs time. A text none of whose characters
 * converts on its own is left as it is (OpenCC's phrase table keys all contain a traditional character).
 */
function hasTraditional(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x3400) continue;
    let changes = changesAlone.get(code);
    if (changes === undefined) {
      const ch = s[i];
      changes = toSimplified(ch) !== ch;
      changesAlone.set(code, changes);
    }
    if (changes) return true;
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


/** normalizeSpan as it was (its line cache left out: a hit returned what a miss computes). */
export function referenceSpan(source: string, start: number, end: number, skip: readonly Range[] = []): Reference {
  if (skip.some((r) => r.end > start && r.start < end)) return referenceNormalize(source, start, end, skip);
  const key = source.slice(start, end);
  const n = referenceNormalize(key, 0, key.length, []);
  return { text: n.text, map: n.map.map((x) => x + start), sourceEnd: end };
}
