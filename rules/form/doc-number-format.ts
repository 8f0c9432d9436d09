/**
 * doc-number-format: a 发文字号 writes its year in 六角括号 (国发〔2010〕33号). Found: a bracket left open
 * (国发〔201033号), the year in other brackets ([2019]28号, (2019)28号), and a year range whose dash was lost in
 * pasting (20152020年). Fixes insert or swap only the missing or wrong marks.
 */
import { defineBlockRule, type RawFinding, type TextEdit } from '../engine/rule.js';
import { toSource } from '../model/normalize.js';
import type { Block } from '../model/parse.js';
import { CJK_CLASS } from '../model/text.js';

const YEAR = '(?:19|20)\\d{2}';
/** 〔 + year + serial with no 〕 between */
const OPEN_BRACKET = new RegExp(`〔(${YEAR})(\\d{1,4})号`, 'g');
/** the year in brackets other than 〔〕, directly followed by the serial and 号 */
const WRONG_BRACKET = new RegExp(`([\\[［【（(〖])\\s*(${YEAR})\\s*([\\]］】）)〗])\\s*(第?\\d{1,5}号)`, 'g');
/** two years run together before 年: a range that lost its dash */
const LOST_DASH = new RegExp(`(?<!\\d)(${YEAR})(${YEAR})(?=年)`, 'g');
/** the document-type code before the bracket (国发, 津政发, 厅字); words such as 依据 are not part of it */
const CODE = new RegExp(`[${CJK_CLASS}]{1,6}$`);
const NOT_CODE = /^.*(?:[据照按依的和与及是为以]|印发|转发|下发|出台|制定)/;

const HAN = new RegExp(`[${CJK_CLASS}]`);

/**
 * For the message only: the fixes never touch it. Codes run 2–4 characters (国发, 国办发, 津政发) — or up to 6 when
 * something other than a Han character sets them off ((九龙坡府办发〔…), so the message never quotes half a code.
 */
function codeBefore(text: string, at: number): string {
  const m = CODE.exec(text.slice(Math.max(0, at - 6), at));
  if (!m) return '';
  const code = m[0].replace(NOT_CODE, '');
  const start = at - code.length;
  return start === 0 || !HAN.test(text[start - 1]) ? code : code.slice(-4);
}

function checkBlock(b: Block, out: RawFinding<'doc-number-format'>[]): void {
  const t = b.norm.text;
  const src = (from: number, to: number) => toSource(b.norm, from, to);
  for (const m of t.matchAll(OPEN_BRACKET)) {
    const at = m.index!;
    const code = codeBefore(t, at);
    const afterYear = src(at + 1, at + 1 + m[1].length).end;
    const r = src(at - code.length, at + m[0].length);
    const expected = `${code}〔${m[1]}〕${m[2]}号`;
    out.push(finding(r, `${code}${m[0]}`, expected, [{ start: afterYear, end: afterYear, newText: '〕' }]));
  }
  for (const m of t.matchAll(WRONG_BRACKET)) {
    const at = m.index!;
    const code = codeBefore(t, at);
    const open = src(at, at + 1);
    const closeAt = at + m[0].indexOf(m[3], 1 + m[2].length);
    const close = src(closeAt, closeAt + 1);
    const r = src(at - code.length, at + m[0].length);
    const expected = `${code}〔${m[2]}〕${m[4].replace(/^第/, '')}`;
    out.push(
      finding(r, code + m[0], expected, [
        { start: open.start, end: open.end, newText: '〔' },
        { start: close.start, end: close.end, newText: '〕' },
      ]),
    );
  }
  for (const m of t.matchAll(LOST_DASH)) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (to <= from || to - from > 30) continue;
    const at = m.index!;
    const r = src(at, at + m[0].length + 1);
    const mid = src(at, at + 4).end;
    const expected = `${m[1]}—${m[2]}年`;
    out.push({
      ...r,
      messageId: 'range',
      data: { found: `${m[0]}年`, expected },
      fixes: [{ messageId: 'rewrite', data: { expected }, edits: [{ start: mid, end: mid, newText: '—' }], safe: true }],
    });
  }
}

function finding(r: { start: number; end: number }, found: string, expected: string, edits: TextEdit[]): RawFinding<'doc-number-format'> {
  return { ...r, messageId: 'format', data: { found, expected }, fixes: [{ messageId: 'rewrite', data: { expected }, edits, safe: true }] };
}

export default defineBlockRule(
  { id: 'doc-number-format', family: 'form', defaultSeverity: 'warning', basis: ['documentNumber'], fixable: true, cheap: true },
  'text',
  (_report, b) => {
    const out: RawFinding<'doc-number-format'>[] = [];
    checkBlock(b, out);
    return out;
  },
);
