/**
 * plan-year: the plans section should name the year it plans for (report year + 1), in its heading or the
 * opening of its text. A year named in the heading that is not the next one is reported as wrong.
 */
import { defineRule } from '../engine/rule.js';
import { itemBlocks } from '../model/content.js';
import { parseChineseNumeral } from '../model/numerals.js';
import { firstSentence } from '../model/sentence.js';

const YEAR_G = /((?:19|20)\d{2})\s*年|([〇零一二三四五六七八九]{4})年/g;

export function yearsIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(YEAR_G)) {
    const y = m[1] ? Number(m[1]) : parseChineseNumeral(m[2]);
    if (y && y >= 1900 && y < 2100) out.push(y);
  }
  return out;
}

export default defineRule(
  { id: 'plan-year', family: 'checklist', opinion: 'correct', defaultSeverity: 'info', basis: ['content'] },
  (report) => {
    const year = report.year?.year;
    const e = report.entry('plans');
    if (!year || (e.status !== 'section' && e.status !== 'merged')) return [];
    const h = e.sections[0].heading!;
    const next = year + 1;
    const inHeading = yearsIn(h.title);
    const first = itemBlocks(report, e)[0];
    const opening = first ? firstSentence(first.norm.text) : '';
    if (inHeading.includes(next) || yearsIn(opening).includes(next)) return [];
    const wrong = inHeading.find((y) => y !== next);
    if (wrong) return [{ ...h.titleRange, messageId: 'wrong', data: { found: wrong, year: next } }];
    return [{ ...h.titleRange, messageId: 'missing', data: { year: next } }];
  },
);
