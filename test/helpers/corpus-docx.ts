/**
 * A corpus report as its author would have it in Word: every line a paragraph (blank lines empty paragraphs), and
 * the typed outline numbers (一、 （一） (一) 1. 1、 （1） ①) turned into automatic numbering of one multi-level
 * list, as a drafter who used Word's numbering would have. A typed number that Word's count would not produce
 * (a gap, a repeat: defects the rules must still see) stays typed text.
 */
import { lvl, makeDocx } from './ooxml.js';
import { parseChineseNumeral } from '../../rules/model/numerals.js';

interface Template {
  re: RegExp;
  format: string;
  text: (ilvl: number) => string;
  rank: number;
}

const CN = '[一二三四五六七八九十]{1,3}';
const TEMPLATES: Template[] = [
  { re: new RegExp(`^(${CN})、`), format: 'chineseCounting', text: (l) => `%${l + 1}、`, rank: 1 },
  { re: new RegExp(`^（(${CN})）`), format: 'chineseCounting', text: (l) => `（%${l + 1}）`, rank: 2 },
  { re: new RegExp(`^\\((${CN})\\)`), format: 'chineseCounting', text: (l) => `(%${l + 1})`, rank: 2 },
  { re: /^(\d{1,2})\.(?!\d)/, format: 'decimal', text: (l) => `%${l + 1}.`, rank: 3 },
  { re: /^(\d{1,2})、/, format: 'decimal', text: (l) => `%${l + 1}、`, rank: 3 },
  { re: /^（(\d{1,2})）/, format: 'decimal', text: (l) => `（%${l + 1}）`, rank: 4 },
  { re: /^\((\d{1,2})\)/, format: 'decimal', text: (l) => `(%${l + 1})`, rank: 4 },
  { re: /^([①-⑳])/, format: 'decimalEnclosedCircle', text: (l) => `%${l + 1}`, rank: 5 },
];

const valueOf = (t: Template, s: string) => (t.format === 'decimal' ? Number(s) : t.format === 'decimalEnclosedCircle' ? s.charCodeAt(0) - 0x2460 + 1 : parseChineseNumeral(s));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function corpusDocx(md: string): { docx: Uint8Array; numbered: number; typed: number } {
  const lines = md.split('\n');
  // one list level per template the report uses, in GB/T 9704 order
  const used = TEMPLATES.filter((t) => lines.some((l) => t.re.test(l)));
  const levelOf = new Map(used.map((t, i) => [t, i]));
  const counts: (number | undefined)[] = [];
  // a level's start value is its first typed number (Word's 起始编号: a report that opens at 二、 after an unnumbered part)
  const starts: number[] = [];
  for (const line of lines) {
    const t = used.find((x) => x.re.test(line));
    if (t) starts[levelOf.get(t)!] ??= valueOf(t, t.re.exec(line)![1]) ?? 1;
  }
  let numbered = 0;
  let typed = 0;
  const body = lines.map((line) => {
    const t = used.find((x) => x.re.test(line));
    if (t) {
      const m = t.re.exec(line)!;
      const ilvl = levelOf.get(t)!;
      const value = valueOf(t, m[1]);
      const next = counts[ilvl] === undefined ? starts[ilvl] : counts[ilvl]! + 1;
      if (value === next) {
        // as Word and LibreOffice count: parent levels not used yet count as used at their start values
        for (let j = 0; j < ilvl; j++) counts[j] ??= starts[j] ?? 1;
        counts[ilvl] = next;
        for (let k = ilvl + 1; k < counts.length; k++) counts[k] = undefined;
        numbered++;
        return `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">${esc(line.slice(m[0].length))}</w:t></w:r></w:p>`;
      }
      typed++;
    }
    return line ? `<w:p><w:r><w:t xml:space="preserve">${esc(line)}</w:t></w:r></w:p>` : '<w:p/>';
  });
  const levels = used.map((t, i) => lvl(i, t.format, t.text(i)).replace('<w:start w:val="1"/>', `<w:start w:val="${starts[i] ?? 1}"/>`)).join('');
  const numbering = used.length ? `<w:abstractNum w:abstractNumId="1">${levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>` : '';
  return { docx: makeDocx({ body: body.join(''), numbering }), numbered, typed };
}
