/**
 * traditional-characters: a mainland report written in traditional characters. Reported once, on the first line
 * that has them; the fix converts the whole report text with OpenCC (phrase-aware) as minimal edits — only the
 * characters that change — and leaves pinyin debris brackets alone, so mojibake's strip fix applies beside it in
 * the same pass and either order gives the same clean text.
 */
import { defineRule, type RawFinding, type TextEdit } from '../engine/rule.js';
import type { Report } from '../model/report.js';
import type { Block } from '../model/parse.js';
import { findPinyinDebris, toSimplified } from '../model/normalize.js';
import { isCjkCode } from '../model/text.js';
import { quotedMask } from './_shared.js';
import { int32s } from '../model/slab.js';

/** A few traditional forms (a quoted name, 乾隆) do not make a traditional report; a share of the text does. */
const MIN_CHANGED = 3;
const MIN_SHARE = 0.05;


/** Characters of a block that normalisation (OpenCC) simplified, as source offsets; names and quotations aside. */
function changedOffsets(report: Report, b: Block): number[] {
  const { text, map } = b.norm;
  const src = report.source;
  const quoted = quotedMask(report);
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = src.charCodeAt(map[i]);
    if (text.charCodeAt(i) !== code && isCjkCode(code) && !quoted[map[i]]) out.push(map[i]);
  }
  return out;
}

/** Minimal edits that simplify a block: its text with debris brackets left out, converted phrase by phrase. */
export function simplifyEdits(report: Report, b: Block): TextEdit[] {
  const src = report.source;
  const debris = findPinyinDebris(src, b.start, b.end);
  // the kept text is sliced whole between brackets (a string per character would be garbage); map: source offset of
  // each kept character
  let kept = '';
  const map = int32s(Math.max(0, b.end - b.start));
  let n = 0;
  let run = b.start;
  let d = 0;
  for (let i = b.start; i < b.end; i++) {
    if (d < debris.length && i === debris[d].start) {
      kept += src.slice(run, i);
      i = debris[d++].end - 1;
      run = i + 1;
      continue;
    }
    map[n++] = i;
  }
  if (run < b.end) kept += src.slice(run, b.end);
  // normalisation converted the same text already when it kept the same characters and folded only what OpenCC
  // cannot see: its Han characters are this conversion's (only those are read below), without OpenCC a second time
  let conv = sameKeptText(b, src, map, n) ? b.norm.text : toSimplified(kept);
  if (conv.length !== kept.length) {
    // a phrase changed length: convert character by character so every edit stays on its own character
    conv = Array.from(kept, (ch) => {
      const c = toSimplified(ch);
      return c.length === ch.length ? c : ch;
    }).join('');
  }
  const edits: TextEdit[] = [];
  for (let i = 0; i < kept.length; i++) {
    if (conv.charCodeAt(i) === kept.charCodeAt(i) || !isCjkCode(kept.charCodeAt(i))) continue;
    const last = edits[edits.length - 1];
    // runs that touch in the source become one edit; a debris bracket in between splits them
    if (last && last.end === map[i]) {
      last.end++;
      last.newText += conv[i];
    } else edits.push({ start: map[i], end: map[i] + 1, newText: conv[i] });
  }
  return edits;
}

/**
 * Punctuation normalisation folds (, → ，, ( → （, : → ：…) that stands in no key of OpenCC's dictionaries, in either
 * form: OpenCC replaces the longest key at each position, so a character in no key is copied through and no key
 * reaches across it — the text around it converts the same whichever form it has (test/speed-identity.test.ts
 * reads the dictionaries).
 */
export const FOLDS_OUTSIDE_OPENCC = new Set([',', ';', ':', '(', ')', '!', '?', '\u3000'].map((c) => c.charCodeAt(0)));

/**
 * Did normalisation run OpenCC on this kept text, up to folds OpenCC cannot see: the same source characters (the
 * same debris left out, no markup), each outside the Han range as the source has it or folded from one of
 * FOLDS_OUTSIDE_OPENCC? Its Han characters are then this text's conversion.
 */
function sameKeptText(b: Block, src: string, map: Int32Array, n: number): boolean {
  const { text, map: normMap, converted } = b.norm;
  if (!converted || normMap.length !== n) return false;
  for (let i = 0; i < n; i++) {
    if (normMap[i] !== map[i]) return false;
    const code = src.charCodeAt(map[i]);
    if (!isCjkCode(code) && text.charCodeAt(i) !== code && !FOLDS_OUTSIDE_OPENCC.has(code)) return false;
  }
  return true;
}

export default defineRule(
  { id: 'traditional-characters', family: 'residue', defaultSeverity: 'warning', basis: ['language'], fixable: true, cheap: true },
  (report) => {
    let changed = 0;
    let first: { block: Block; offset: number } | null = null;
    for (const b of report.blocks) {
      // a block OpenCC did not run on has every Han character as written (folding changes none)
      if (!b.norm.converted) continue;
      const c = changedOffsets(report, b);
      changed += c.length;
      if (c.length && !first) first = { block: b, offset: c[0] };
    }
    if (!first || changed < MIN_CHANGED) return [];
    // the share of the text only when there is something to share: a simplified draft is never counted
    let han = 0;
    for (const b of report.blocks) {
      const t = b.norm.text;
      for (let i = 0; i < t.length; i++) if (isCjkCode(t.charCodeAt(i))) han++;
    }
    if (changed < han * MIN_SHARE) return [];
    const edits = report.blocks.flatMap((b) => simplifyEdits(report, b));
    return [
      {
        start: first.offset,
        end: first.offset + 1,
        messageId: 'traditional',
        fixes: [{ messageId: 'convert', edits, safe: true }],
      } satisfies RawFinding<'traditional-characters'>,
    ];
  },
);
