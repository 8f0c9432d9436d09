/**
 * text-recycled: a sentence of this year's problems, causes, measures or plans that stands word for word in last
 * year's report — the same problems with the same causes, the same plans. Compared on a key of the sentence
 * without punctuation and spaces, after the model's normalisation (width, traditional forms), so re-punctuating
 * does not hide a copy; figures stay in the key, so a sentence of the same form with this year's figures is not
 * recycled. Only text of substance counts: 《》 titles, “” quotations and the statutory set phrases every report
 * repeats do not make up the 20 characters. Silent unless last year's report of the same organ is paired.
 */
import { defineRule, type RawFinding } from '../engine/rule.js';
import type { Report } from '../model/report.js';
import type { Block } from '../model/parse.js';
import { itemBlocks } from '../model/content.js';
import { pairedPrevious } from '../model/previous.js';
import { excerpt, quotedMask, sourceOf } from './_shared.js';
import { SET_PHRASES } from './duplicate-sentence.js';
import { sentenceSpans } from '../model/sentence.js';
import { memoKey } from '../model/memo.js';
import { isCjkCode } from '../model/text.js';

/** The items whose text a reviewer expects to be this year's own (the first-responsible item is not among them). */
const ITEMS = ['measures', 'problems', 'plans'] as const;

/** An enumerator opening a sentence (一是, （二）, 3.): last year's 二是 may be this year's 一是. */
const ENUMERATOR = /^\s*(?:[一二三四五六七八九十]{1,3}是|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．](?!\d)|[一二三四五六七八九十]{1,3}、)/;

/** A key character: Han (the one CJK class, with 〇, a digit of 二〇二一年), a Latin letter or a digit. */
const isKeyCode = (c: number) => isCjkCode(c) || c === 0x3007 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** What an enumerator can open on (ENUMERATOR's first character, or a blank before it): no slice tried for a sentence opening otherwise. */
const MAY_OPEN_ENUMERATOR = /[\s一二三四五六七八九十（(\d]/;

/**
 * Where a sentence's key starts: after its enumerator. The pattern is tried only on a sentence that opens on a
 * character an enumerator can open on, or a blank (most open on another Han character and cannot hold one).
 */
function keyStart(text: string, from: number, bodyTo: number): number {
  if (from >= bodyTo || !MAY_OPEN_ENUMERATOR.test(text[from])) return from;
  const lead = ENUMERATOR.exec(text.slice(from, bodyTo));
  return from + (lead ? lead[0].length : 0);
}

/**
 * The sentences of a block, each with its key — its Han characters, letters and digits, quotations included, from
 * after its enumerator to its closing mark — as the key's length and a hash of it: no key string is built for a
 * sentence until one of the same key is found in last year's report (keyString). Two sentences have the same key
 * when their lengths, hashes and characters agree (sameKey).
 */
function forEachSentence(block: Block, visit: (from: number, to: number, bodyTo: number, length: number, hash: number) => void): void {
  const { text } = block.norm;
  for (const s of sentenceSpans(text, 0)) {
    const from = keyStart(text, s.from, s.bodyTo);
    let hash = 0;
    let length = 0;
    for (let i = from; i < s.bodyTo; i++) {
      const c = text.charCodeAt(i);
      if (!isKeyCode(c)) continue;
      hash = (Math.imul(hash, 31) + c) | 0;
      length++;
    }
    visit(from, s.to, s.bodyTo, length, hash & 0x3fffffff);
  }
}

/** The hash forEachSentence gives a sentence of this key (for tests: two keys of one hash). */
export function keyHash(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (Math.imul(hash, 31) + key.charCodeAt(i)) | 0;
  return hash & 0x3fffffff;
}

/** Do two sentences' key characters agree ([aFrom, aTo) of a, [bFrom, bTo) of b; lengths already equal)? */
function sameKey(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number): boolean {
  let i = aFrom;
  let j = bFrom;
  for (;;) {
    while (i < aTo && !isKeyCode(a.charCodeAt(i))) i++;
    while (j < bTo && !isKeyCode(b.charCodeAt(j))) j++;
    if (i >= aTo || j >= bTo) return i >= aTo && j >= bTo;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    i++;
    j++;
  }
}

/** A sentence's key as a string: its runs of key characters sliced whole, no string made per character. */
function keyString(text: string, from: number, bodyTo: number): string {
  let key = '';
  let run = -1;
  for (let i = from; i < bodyTo; i++) {
    if (isKeyCode(text.charCodeAt(i))) {
      if (run < 0) run = i;
    } else if (run >= 0) {
      key += text.slice(run, i);
      run = -1;
    }
  }
  if (run >= 0) key += text.slice(run, bodyTo);
  return key;
}

/**
 * The set phrases by their first two characters, and which characters open one: whether a key holds any phrase is
 * answered in one pass over it (most hold none), and only a key that does is cut at them.
 */
const PHRASES_BY_START = new Map<number, string[]>();
const OPENS_PHRASE = new Uint8Array(0x10000);
/** a phrase of one character would open at every character of it: then every key is cut (none is, today) */
const ONE_CHARACTER_PHRASE = SET_PHRASES.some((p) => p.length < 2);
for (const p of SET_PHRASES) {
  if (p.length < 2) continue;
  const start = p.charCodeAt(0) * 0x10000 + p.charCodeAt(1);
  const list = PHRASES_BY_START.get(start);
  if (list) list.push(p);
  else PHRASES_BY_START.set(start, [p]);
  OPENS_PHRASE[p.charCodeAt(0)] = 1;
}

/** Does any set phrase stand in the key? Exactly when one of the phrases that open at one of its characters does. */
function holdsSetPhrase(key: string): boolean {
  if (ONE_CHARACTER_PHRASE) return true;
  for (let i = 0; i + 1 < key.length; i++) {
    if (!OPENS_PHRASE[key.charCodeAt(i)]) continue;
    const list = PHRASES_BY_START.get(key.charCodeAt(i) * 0x10000 + key.charCodeAt(i + 1));
    if (list) for (const p of list) if (key.startsWith(p, i)) return true;
  }
  return false;
}

/**
 * Characters of a sentence's key outside quotations and set phrases: asked only of a sentence whose key stands in
 * last year's report too.
 */
function substanceOf(report: Report, block: Block, from: number, bodyTo: number): number {
  const mask = quotedMask(report);
  const { text, map } = block.norm;
  // most sentences quote nothing: their key characters are the key itself, no string built a character at a time
  let quoted = false;
  for (let i = from; i < bodyTo && !quoted; i++) if (mask[map[i]] && isKeyCode(text.charCodeAt(i))) quoted = true;
  let plain = '';
  if (!quoted) plain = keyString(text, from, bodyTo);
  else {
    // a NUL for each quoted key character, the others by runs
    let run = -1;
    for (let i = from; i < bodyTo; i++) {
      const key = isKeyCode(text.charCodeAt(i));
      if (key && !mask[map[i]]) {
        if (run < 0) run = i;
        continue;
      }
      if (run >= 0) {
        plain += text.slice(run, i);
        run = -1;
      }
      if (key) plain += '\u0000';
    }
    if (run >= 0) plain += text.slice(run, bodyTo);
  }
  // a key holding no set phrase keeps all its characters but the quoted ones
  if (!holdsSetPhrase(plain)) return quoted ? plain.replaceAll('\u0000', '').length : plain.length;
  let rest = plain;
  for (const p of SET_PHRASES) if (rest.includes(p)) rest = rest.split(p).join('\u0000');
  return rest.replaceAll('\u0000', '').length;
}

/**
 * Last year's sentences, the first of each key (the whole body: a sentence may have moved to another part), in
 * arrays rather than an object per sentence, found by the hash of their key.
 */
interface PreviousIndex {
  blocks: Block[];
  from: number[];
  to: number[];
  bodyTo: number[];
  length: number[];
  /** hash → the first sentence of that hash; further sentences of the same hash (other keys) by `next` */
  first: Map<number, number>;
  next: number[];
}

/** Kept on last year's report: its index serves every report it is paired with. */
const PREVIOUS_INDEX = memoKey<PreviousIndex>('text-recycled:index', ['blocks', 'frame', 'outline']);

/** Last year's sentence with the key of [from, bodyTo) of `text` (its length and hash given), or -1. */
function lookUp(index: PreviousIndex, text: string, from: number, bodyTo: number, length: number, hash: number): number {
  for (let k = index.first.get(hash) ?? -1; k >= 0; k = index.next[k]) {
    if (index.length[k] === length && sameKey(index.blocks[k].norm.text, index.from[k], index.bodyTo[k], text, from, bodyTo)) return k;
  }
  return -1;
}

function previousIndex(prev: Report): PreviousIndex {
  return prev.memo(PREVIOUS_INDEX, () => {
    const index: PreviousIndex = { blocks: [], from: [], to: [], bodyTo: [], length: [], first: new Map(), next: [] };
    for (const b of prev.bodyBlocks) {
      const text = b.norm.text;
      forEachSentence(b, (from, to, bodyTo, length, hash) => {
        // a key seen before keeps its first sentence
        if (lookUp(index, text, from, bodyTo, length, hash) >= 0) return;
        const k = index.from.length;
        index.blocks.push(b);
        index.from.push(from);
        index.to.push(to);
        index.bodyTo.push(bodyTo);
        index.length.push(length);
        index.next.push(index.first.get(hash) ?? -1);
        index.first.set(hash, k);
      });
    }
    return index;
  });
}

export default defineRule(
  {
    id: 'text-recycled',
    family: 'residue',
    opinion: 'explain',
    defaultSeverity: 'info',
    basis: ['content', 'practice'],
    readsPrevious: true,
    options: { minLength: { type: 'number', description: 'characters of substance (no titles, quotations or set phrases) a sentence needs to count as recycled', default: 20 } },
  },
  (report, options) => {
    const prev = pairedPrevious(report);
    return prev ? recycledSentences(prev, report, options.minLength) : [];
  },
);

/**
 * The rule's findings for a report beside a previous one, paired or not (the rule asks only of the paired one):
 * this year's sentences of `minLength` characters of substance or more whose key stands in `prev`.
 */
export function recycledSentences(prev: Report, report: Report, minLength: number): RawFinding<'text-recycled'>[] {
  const index = previousIndex(prev);
  const out: RawFinding<'text-recycled'>[] = [];
  const seen = new Set<number>();
  for (const item of ITEMS) {
    for (const block of itemBlocks(report, report.entry(item))) {
      if (seen.has(block.index)) continue;
      seen.add(block.index);
      const text = block.norm.text;
      // consecutive recycled sentences of a paragraph are one finding: from the first one's start to the last one's end
      let first = -1;
      let firstTo = 0;
      let lastTo = 0;
      let was = -1;
      const flush = () => {
        if (first < 0) return;
        const range = sourceOf(block, first, lastTo);
        const wasBlock = index.blocks[was];
        const wasRange = sourceOf(wasBlock, index.from[was], index.to[was]);
        // literals, no spread (V8's slow path in Node 20): a recycled report has a finding for every paragraph
        out.push({
          start: range.start,
          end: range.end,
          messageId: 'recycled',
          data: { line: wasBlock.line, text: excerpt(text.slice(first, firstTo)) },
          related: [{ start: wasRange.start, end: wasRange.end, messageId: 'previous', inPrevious: true }],
        });
        first = -1;
      };
      forEachSentence(block, (from, to, bodyTo, length, hash) => {
        // the key is looked up first: a sentence last year's report does not have needs no substance counted
        const found = length >= minLength ? lookUp(index, text, from, bodyTo, length, hash) : -1;
        if (found < 0 || substanceOf(report, block, from, bodyTo) < minLength) {
          flush();
          return;
        }
        if (first < 0) {
          first = from;
          firstTo = to;
          was = found;
        }
        lastTo = to;
      });
      flush();
    }
  }
  return out;
}
