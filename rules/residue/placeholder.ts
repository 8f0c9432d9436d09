/**
 * placeholder: text a drafter meant to replace — (几次), XX局, ××, 20XX年, 会议*次, 【待补充】, TODO, 某某单位.
 * Matched on the source line, not the normalised text: Markdown emphasis parsing eats the asterisks of
 * "召开会议*次，培训*人", which are placeholders all the same.
 */
import { defineRule, type RawFinding } from '../engine/rule.js';
import { isQuoted, textBlocks } from './_shared.js';

const UNIT = '次个件人名项场份批期篇家条所起宗元万亿%％年月日天户处部套台轮';
const SURNAME =
  '张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤張劉陳楊黃吳孫鄭謝韓馮鄧蕭許葉蘇呂盧鍾譚陸賈韋鄒熊龔錢聶';

/** Each pattern marks a placeholder; the whole match is reported. */
const PATTERNS: RegExp[] = [
  // (几次) （多少人）: a question left for the figure
  /[(（]\s*(?:几|多少|若干|x+|X+|×+)\s*[次个件人名项场份批期篇家条起宗元万]{0,2}\s*[)）]/g,
  // 20XX年, x01x年, XX月: a date with letters for digits
  /(?<![A-Za-z0-9])(?=[0-9xX×Ｘｘ]*[xX×Ｘｘ])[0-9xX×Ｘｘ]{2,4}(?=[年月日号])/g,
  // XX区, ××局, ＸＸ同志: a run of X standing for a name or number (not part of a Latin word)
  /(?<![A-Za-z0-9])(?:[Xx]{2,}|[×Ｘｘ]{2,})(?![A-Za-z0-9])/g,
  // 会议*次, 共＊件: an asterisk standing for a number before its unit
  new RegExp(`(?<![*＊])(?:\\*|＊{1,3})(?![*＊])(?=[${UNIT}])`, 'g'),
  // 【待补充】 [此处填写数据] （待核实）
  /[【\[［(（]\s*(?:待(?:补充|補充|填写|填寫|填|补|補|定|核实|核實|更新|完善)|此处[^】\]］)）]{0,20}|需补充|请补充|補充|补充)\s*[】\]］)）]/g,
  /(?<![A-Za-z])(?:TODO|TBD|FIXME)(?![A-Za-z])/g,
  // 某某局, 某某同志 — but 王某某 is how a report anonymises a person
  new RegExp(`(?<![${SURNAME}某])某某`, 'g'),
];

export default defineRule(
  { id: 'placeholder', family: 'residue', defaultSeverity: 'error', basis: ['practice'], cheap: true },
  (report) => {
    const out: RawFinding<'placeholder'>[] = [];
    const src = report.source;
    for (const b of textBlocks(report)) {
      const text = src.slice(b.start, b.end);
      const found: { start: number; end: number }[] = [];
      for (const re of PATTERNS) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          const start = b.start + m.index;
          const end = start + m[0].length;
          if (end === start) {
            re.lastIndex++;
            continue;
          }
          if (isQuoted(report, { start, end })) continue;
          if (found.some((f) => f.start < end && start < f.end)) continue;
          found.push({ start, end });
        }
      }
      found.sort((a, b) => a.start - b.start);
      for (const f of found) out.push({ ...f, messageId: 'placeholder', data: { text: src.slice(f.start, f.end) } });
    }
    return out;
  },
);
