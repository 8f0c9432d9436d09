/**
 * disclosure-deadline: the 督察规定 has annual reports published before 1 April of the year after the one they
 * cover; a 成文日期 on or after that day means the report could not have been published in time.
 */
import { defineRule } from '../engine/rule.js';

export default defineRule(
  { id: 'disclosure-deadline', family: 'form', defaultSeverity: 'info', basis: ['publication'] },
  (report) => {
    const sig = report.frame.signature;
    const d = sig?.dateValue;
    const year = report.year?.year;
    if (!sig?.date || !d || !year) return [];
    const deadline = (year + 1) * 10000 + 401;
    if (d.year * 10000 + d.month * 100 + d.day < deadline) return [];
    return [{ start: sig.date.start, end: sig.date.end, messageId: 'late', data: { year: year + 1 } }];
  },
);
