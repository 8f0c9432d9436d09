/**
 * text-recycled as it was before its keys were hashed (each sentence's key built as a string, last year's
 * sentences in a Map by key), kept to show the hashed keys of rules/residue/text-recycled.ts find the same
 * sentences (test/pairing-identity.test.ts).
 */
import type { RawFinding } from '../../rules/engine/rule.js';
import type { Report } from '../../rules/model/report.js';
import type { Block } from '../../rules/model/parse.js';
import { itemBlocks } from '../../rules/model/content.js';
import { excerpt, quotedMask, sourceOf } from '../../rules/residue/_shared.js';
import { SET_PHRASES } from '../../rules/residue/duplicate-sentence.js';
import { sentenceSpans } from '../../rules/model/sentence.js';
import { memoKey } from '../../rules/model/memo.js';
import { isCjkCode } from '../../rules/model/text.js';

const ITEMS = ['measures', 'problems', 'plans'] as const;

/** An enumerator opening a sentence (一是, （二）, 3.): last year's 二是 may be this year's 一是. */
const ENUMERATOR = /^\s*(?:[一二三四五六七八九十]{1,3}是|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．](?!\d)|[一二三四五六七八九十]{1,3}、)/;

interface KeyedSentence {
  block: Block;
  /** normalised range of the sentence in its block (after its enumerator) */
  from: number;
  to: number;
  /** where its key characters end (the sentence's body, without its closing mark) */
  bodyTo: number;
  /** Han characters, letters and digits, quotations included */
  key: string;
}

/** A key character: Han (the one CJK class, with 〇, a digit of 二〇二一年), a Latin letter or a digit. */
const isKeyCode = (c: number) => isCjkCode(c) || c === 0x3007 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The block's sentences with their keys: runs of key characters sliced whole, no string made per character. */
function sentencesOf(block: Block): KeyedSentence[] {
  const { text } = block.norm;
  const out: KeyedSentence[] = [];
  for (const s of sentenceSpans(text, 0)) {
    const lead = ENUMERATOR.exec(text.slice(s.from, s.bodyTo));
    const from = s.from + (lead ? lead[0].length : 0);
    let key = '';
    let run = -1;
    for (let i = from; i < s.bodyTo; i++) {
      if (isKeyCode(text.charCodeAt(i))) {
        if (run < 0) run = i;
      } else if (run >= 0) {
        key += text.slice(run, i);
        run = -1;
      }
    }
    if (run >= 0) key += text.slice(run, s.bodyTo);
    out.push({ block, from, to: s.to, bodyTo: s.bodyTo, key });
  }
  return out;
}

/**
 * Characters of a sentence's key outside quotations and set phrases: asked only of a sentence whose key stands in
 * last year's report too.
 */
function substanceOf(report: Report, s: KeyedSentence): number {
  const mask = quotedMask(report);
  const { text, map } = s.block.norm;
  // most sentences quote nothing: their key characters are the key itself, no string built a character at a time
  let quoted = false;
  for (let i = s.from; i < s.bodyTo && !quoted; i++) if (mask[map[i]] && isKeyCode(text.charCodeAt(i))) quoted = true;
  let plain = quoted ? '' : s.key;
  if (quoted) {
    for (let i = s.from; i < s.bodyTo; i++) {
      if (!isKeyCode(text.charCodeAt(i))) continue;
      plain += mask[map[i]] ? '\u0000' : text[i];
    }
  }
  let rest = plain;
  for (const p of SET_PHRASES) if (rest.includes(p)) rest = rest.split(p).join('\u0000');
  return rest.replaceAll('\u0000', '').length;
}

/** Kept on last year's report: its index serves every report it is paired with. */
const PREVIOUS_INDEX = memoKey<Map<string, KeyedSentence>>('test:text-recycled-reference:index', ['blocks', 'frame', 'outline']);


/** Last year's sentences by key (the whole body: a sentence may have moved to another part). */
function previousIndex(prev: Report): Map<string, KeyedSentence> {
  return prev.memo(PREVIOUS_INDEX, () => {
    const index = new Map<string, KeyedSentence>();
    for (const b of prev.bodyBlocks) for (const s of sentencesOf(b)) if (!index.has(s.key)) index.set(s.key, s);
    return index;
  });
}

export function referenceRecycled(prev: Report, report: Report, minLength: number): RawFinding<'text-recycled'>[] {
  const index = previousIndex(prev);
  const out: RawFinding<'text-recycled'>[] = [];
  const seen = new Set<number>();
  for (const item of ITEMS) {
    for (const block of itemBlocks(report, report.entry(item))) {
      if (seen.has(block.index)) continue;
      seen.add(block.index);
      // consecutive recycled sentences of a paragraph are one finding
      let run: { first: KeyedSentence; last: KeyedSentence; was: KeyedSentence } | null = null;
      const flush = () => {
        if (!run) return;
        const range = sourceOf(block, run.first.from, run.last.to);
        const was = run.was;
        out.push({
          ...range,
          messageId: 'recycled',
          data: { line: was.block.line, text: excerpt(block.norm.text.slice(run.first.from, run.first.to)) },
          related: [{ ...sourceOf(was.block, was.from, was.to), messageId: 'previous', inPrevious: true }],
        });
        run = null;
      };
      for (const s of sentencesOf(block)) {
        // the key is looked up first: a sentence last year's report does not have needs no substance counted
        const found = s.key.length >= minLength ? index.get(s.key) : undefined;
        const was = found && substanceOf(report, s) >= minLength ? found : undefined;
        if (!was) {
          flush();
          continue;
        }
        if (run) run.last = s;
        else run = { first: s, last: s, was };
      }
      flush();
    }
  }
  return out;
}
