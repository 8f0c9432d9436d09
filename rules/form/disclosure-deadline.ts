/**
 * disclosure-deadline: the 督察规定 has annual reports published before 1 April of the year after the one they
 * cover; a 成文日期 on or after that day means the report could not have been published in time. The config's
 * `deadlines` moves the day, and may set an earlier day for reporting to the superior body (some provinces ask
 * departments for 3月1日): a date past that one only is reported as late for reporting.
 */
import { defineRule } from '../engine/rule.js';
import { NATIONAL_DEADLINES, type MonthDay } from '../engine/settings.js';
import { dateText, monthDayText } from '../messages/draft.js';

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The first day on which a report on `year` is late: 4月1日 of the next year (the 督察规定's publication clause), or the config's day. */
export function publicationDeadline(year: number, day: MonthDay = NATIONAL_DEADLINES.publish): { year: number; month: number; day: number; raw: string } {
  return { year: year + 1, month: day.month, day: day.day, raw: dateText({ year: year + 1, month: day.month, day: day.day }) };
}

const dayNumber = (y: number, d: MonthDay) => y * 10000 + d.month * 100 + d.day;
const words = (d: MonthDay) => ({ deadline: monthDayText(d), deadlineEn: `${d.day} ${MONTHS_EN[d.month - 1]}` });

export default defineRule(
  { id: 'disclosure-deadline', family: 'form', opinion: 'explain', defaultSeverity: 'info', basis: ['publication'] },
  (report, _options, { deadlines }) => {
    const sig = report.frame.signature;
    const d = sig?.dateValue;
    const year = report.year?.year;
    if (!sig?.date || !d || !year) return [];
    const dated = dayNumber(d.year, d);
    const at = { start: sig.date.start, end: sig.date.end };
    if (dated >= dayNumber(year + 1, deadlines.publish)) return [{ ...at, messageId: 'late', data: { year: year + 1, ...words(deadlines.publish) } }];
    if (dated >= dayNumber(year + 1, deadlines.report)) return [{ ...at, messageId: 'lateReport', data: { year: year + 1, ...words(deadlines.report) } }];
    return [];
  },
);
