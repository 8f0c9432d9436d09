/**
 * mojibake: what a broken web conversion leaves — a character followed by its pinyin in brackets (區(qū)), reported
 * once per line with the line's count and stripped file-wide by one fix; replacement characters (U+FFFD) and
 * GBK/UTF-8 garbage (擔(dān)當(dāng)?shù)乃痉ㄨF軍), reported but never "repaired" by guessing the lost characters.
 */
import { defineRule, type RawFinding, type TextEdit } from '../engine/rule.js';
import type { Report } from '../model/report.js';
import { findPinyinDebris } from '../model/normalize.js';
import { CJK_CLASS, type Range } from '../model/text.js';
import { excerpt } from './_shared.js';
import { memoKey } from '../model/memo.js';
import { textCache } from '../model/cache.js';

/**
 * Characters that do not occur in a mainland report but do in mis-decoded text — and a box-drawing corner or tee
 * (┏ ┓ ┣ …) touching a Han character: full-width brackets decoded as the wrong code page turn into them (（二）→
 * ǘ┏). A table drawn in text joins corners to lines (┏━┓), not to words.
 */
const STRONG = new RegExp(String.raw`[\ufffd\u3100-\u312f\u31a0-\u31bf銆锛鈥鐨鏄鍦]|锟斤拷|烫烫烫|屯屯屯|\?[a-zü\u00e0-\u01dc]{1,6}[)）]|(?<=[${CJK_CLASS}])[\u250c-\u254b]|[\u250c-\u254b](?=[${CJK_CLASS}])`, 'g');
/**
 * Signs that only count next to a strong one, or two of them together: a lost character (?) between words or
 * before a mark, full- or half-width (工作?!毒V要, 水平?,F將), a stray capital between Han characters or after such a
 * lost character (its own pinyin bracket may follow it: 成效?,F(xiàn)將), a toned Latin letter glued to a Han
 * character outside a pinyin bracket (ǘ┏浞).
 */
const WEAK = new RegExp(String.raw`(?<=[${CJK_CLASS})）])\?(?=[${CJK_CLASS}(（])|(?<=[${CJK_CLASS}]|^)\?[!！。，,](?=[${CJK_CLASS}\u3100-\u312f\u00c0-\u024fA-Z])|(?<=[\u3100-\u312f${CJK_CLASS}]|[${CJK_CLASS}]\?[!！。，,])[A-Z](?=[\u3100-\u312f${CJK_CLASS}]|[(（][a-zü\u00e0-\u01dc]{1,6}[)）])|[\u00e0-\u00fc\u0100-\u01dc](?=[${CJK_CLASS}\u2500-\u257f])|(?<=[${CJK_CLASS}])[\u00e0-\u00fc\u0100-\u01dc]`, 'g');
/**
 * A character every match of STRONG (and of WEAK) consumes: a text without one has no sign of that kind, so the
 * regex (lookbehinds tried at every position) need not scan it — most report lines have none.
 */
export const STRONG_ANY = /[\ufffd\u3100-\u312f\u31a0-\u31bf銆锛鈥鐨鏄鍦锟烫屯?\u250c-\u254b]/;
export const WEAK_ANY = /[?A-Z\u00e0-\u00fc\u0100-\u01dc]/;
export { STRONG, WEAK };
/** Signs this close together (in characters) belong to one run of garbage. */
const GAP = 3;

const DEBRIS = memoKey<{ byBlock: Map<number, Range[]>; edits: TextEdit[] }>('residue:debris', ['blocks', 'frame']);

/** Every pinyin bracket in the report text, and the edits that strip them all: one fix shared by every line. */
function allDebris(report: Report): { byBlock: Map<number, Range[]>; edits: TextEdit[] } {
  return report.memo(DEBRIS, () => {
    const byBlock = new Map<number, Range[]>();
    const edits: TextEdit[] = [];
    for (const b of report.blocks) {
      const d = findPinyinDebris(report.source, b.start, b.end);
      if (!d.length) continue;
      byBlock.set(b.index, d);
      // Object.assign: the same edit as `{ ...r, newText: '' }`, without V8's slow path for a spread followed by a property
      for (const r of d) edits.push(Object.assign({}, r, { newText: '' }));
    }
    return { byBlock, edits };
  });
}

function garbageRuns(text: string, offset: number): Range[] {
  const signs: { start: number; end: number; strong: boolean }[] = [];
  for (const [re, strong, any] of [[STRONG, true, STRONG_ANY], [WEAK, false, WEAK_ANY]] as const) {
    if (!any.test(text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) signs.push({ start: m.index, end: m.index + m[0].length, strong });
  }
  if (signs.length < 2 && !signs.some((s) => s.strong)) return [];
  signs.sort((a, b) => a.start - b.start);
  const runs: Range[] = [];
  // a run is garbage with a strong sign in it, or with two weak signs of different kinds (工作?!毒V要: ?! and V)
  let cur: { start: number; end: number; strong: boolean; kinds: Set<string> } | null = null;
  const flush = () => {
    if (cur && (cur.strong || cur.kinds.size >= 2)) runs.push({ start: offset + cur.start, end: offset + cur.end });
  };
  for (const s of signs) {
    const sign = text.slice(s.start, s.end);
    const kind = s.strong ? 'strong' : sign.includes('?') ? 'lost' : /[A-Z]/.test(sign) ? 'capital' : 'toned';
    if (cur && s.start - cur.end <= GAP) {
      cur.end = Math.max(cur.end, s.end);
      cur.strong ||= s.strong;
      cur.kinds.add(kind);
    } else {
      flush();
      cur = { start: s.start, end: s.end, strong: s.strong, kinds: new Set([kind]) };
    }
  }
  flush();
  return runs;
}

/**
 * A line's garbage runs depend on its source text alone (garbageRuns reads nothing else): kept by that text at
 * offset 0 and moved to where the line stands, so a re-check scans only the lines that changed.
 */
const runsByText = textCache<readonly Range[]>(20_000, true);

function garbageAt(text: string, offset: number): Range[] {
  let runs = runsByText.get(text);
  if (!runs) {
    runs = garbageRuns(text, 0);
    runsByText.set(text, runs);
  }
  return runs.map((r) => ({ start: r.start + offset, end: r.end + offset }));
}

export default defineRule(
  { id: 'mojibake', family: 'residue', defaultSeverity: 'error', basis: ['practice'], fixable: true, cheap: true },
  (report) => {
    const out: RawFinding<'mojibake'>[] = [];
    const src = report.source;
    const debris = allDebris(report);
    for (const b of report.blocks) {
      const d = debris.byBlock.get(b.index);
      if (d) {
        // the finding sits on the first annotated character and its bracket
        const first = { start: Math.max(b.start, d[0].start - 1), end: d[0].end };
        out.push({
          start: first.start,
          end: first.end,
          messageId: 'debris',
          data: { text: src.slice(first.start, first.end), n: d.length },
          fixes: [{ messageId: 'strip', data: { n: debris.edits.length }, edits: debris.edits, safe: true }],
        });
      }
      for (const g of garbageAt(src.slice(b.start, b.end), b.start)) {
        out.push({ start: g.start, end: g.end, messageId: 'garbage', data: { text: excerpt(src.slice(g.start, g.end)) } });
      }
    }
    return out;
  },
);
