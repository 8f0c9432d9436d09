/**
 * disclosure-deadline: the 督察规定 has annual reports published before 1 April of the year after the one they
 * cover; a 成文日期 on or after that day means the report could not have been published in time.
 */
import { defineRule } from '../engine/rule.js';

/** The first day on which a report on `year` is late: 4月1日 of the next year (the 督察规定's publication clause). */
export function publicationDeadline(year: number): { year: number; month: number; day: number; raw: string } {
  return { year: year + 1, month: 4, day: 1, raw: `${year + 1}年4月1日` };
}

export default defineRule(
  { id: 'disclosure-deadline', family: 'form', defaultSeverity: 'info', basis: ['publication'] },
  (report) => {
    const sig = report.frame.signature;
    const d = sig?.dateValue;
    const year = report.year?.year;
    if (!sig?.date || !d || !year) return [];
    const last = publicationDeadline(year);
    if (d.year * 10000 + d.month * 100 + d.day < last.year * 10000 + last.month * 100 + last.day) return [];
    return [{ start: sig.date.start, end: sig.date.end, messageId: 'late', data: { year: year + 1 } }];
  },
);
