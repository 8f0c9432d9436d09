/**
 * jiezhi-usage: 截止 (to stop) written where 截至 (up to a point in time) is meant: 截止2020年底, 截止到12月30日,
 * 截止今年10月份. 截止日期, 报名截止, 截止时间 name a deadline and are right.
 */
import { defineBlockRule, type RawFinding } from '../engine/rule.js';
import { isQuoted, sourceOf } from './_shared.js';

const CN = '〇零一二三四五六七八九十';
/** 截止(到|至)? followed by a point in time. Group 1 is what is replaced. */
const JIEZHI = new RegExp(
  `(截止(?:到|至)?)\\s*(?=\\d{1,4}\\s*[年月日号.\\-/]|[${CN}]{1,4}[年月]|[今去本明上前当同]年|[本上当]月|年[底末中初]|月[底末]|目前|当前|现在|今天|今日|发稿|本报告|报告期)`,
  'g',
);

export default defineBlockRule(
  { id: 'jiezhi-usage', family: 'residue', defaultSeverity: 'info', basis: ['practice'], fixable: true, cheap: true },
  'text',
  (report, b) => {
    const out: RawFinding<'jiezhi-usage'>[] = [];
    const t = b.norm.text;
    if (!t.includes('截止')) return out;
    JIEZHI.lastIndex = 0;
    for (let m = JIEZHI.exec(t); m; m = JIEZHI.exec(t)) {
      const r = sourceOf(b, m.index, m.index + m[1].length);
      if (isQuoted(report, r)) continue;
      out.push({ ...r, messageId: 'usage', data: { text: m[1] }, fixes: [{ messageId: 'replace', edits: [{ ...r, newText: '截至' }], safe: true }] });
    }
    return out;
  },
);
