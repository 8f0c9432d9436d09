/**
 * signature-date: a report ends with its issuing organ (落款) and its date (成文日期), the date written as GB/T 9704
 * 7.3.5 asks (2021年3月1日: Arabic numerals, full year, no leading zeros). A web page's 发布日期 is chrome, not a date.
 */
import { defineRule, type RawFinding } from '../engine/rule.js';
import type { ReportDate } from '../model/frame.js';
import { CJK } from '../model/text.js';
import { dateText } from '../messages/draft.js';

export function gbDate(d: ReportDate): string {
  return dateText(d);
}

export default defineRule(
  { id: 'signature-date', family: 'form', defaultSeverity: 'warning', basis: ['documentDate'], fixable: true },
  (report) => {
    const sig = report.frame.signature;
    // the end of the text proper: stray marks such as a lone backquote are not where a reader looks
    const body = report.bodyBlocks;
    let k = body.length - 1;
    while (k > 0 && !CJK.test(body[k].text)) k--;
    const last = body[k] ?? report.frame.title;
    const atEnd = last ? { start: last.end, end: last.end } : { start: 0, end: 0 };
    if (!sig || (!sig.date && !sig.organs.length)) return [{ ...atEnd, messageId: 'missing' }];
    const out: RawFinding<'signature-date'>[] = [];
    if (!sig.date) {
      const organ = sig.organs[sig.organs.length - 1];
      out.push({ start: organ.start, end: organ.end, messageId: 'noDate' });
    } else if (!sig.organs.length) {
      out.push({ start: sig.date.start, end: sig.date.end, messageId: 'noOrgan' });
    }
    const d = sig.dateValue;
    if (sig.date && d && !d.conforming) {
      const expected = gbDate(d);
      out.push({
        start: sig.date.start,
        end: sig.date.end,
        messageId: 'format',
        data: { expected },
        fixes: [{ messageId: 'rewrite', data: { expected }, edits: [{ start: sig.date.start, end: sig.date.end, newText: expected }], safe: true }],
      });
    }
    return out;
  },
);
