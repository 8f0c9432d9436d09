import { defineRule, type RawFinding } from '../engine/rule.js';
import type { Block } from '../model/parse.js';
import type { Report } from '../model/report.js';
import { toSource } from '../model/normalize.js';
import { quoteMask } from '../model/figures/extract.js';
import { CJK, CJK_CLASS, codePointFloor } from '../model/text.js';
import { textCache } from '../model/cache.js';

/**
 * figure-missing: a figure whose number was cut in editing, so that the words around it are left with nothing to
 * say. Each shape below is one a finished sentence never takes:
 *   - a unit or percent sign with no numeral before it: 同比增长%, 提高个百分点, 挽回经济损失万元;
 *   - a total word and a verb straight before a unit: 共办理件, 累计培训人次;
 *   - a counting verb straight before a unit that ends the clause: 受理件，办结件。;
 *   - a measure and a copula that needs a value, then nothing: 满意率达到。, 案件数量为，, 分别为、、;
 *   - a clause that is only rate names, with no verb, no number and nothing after them: 接通率、办结率、满意率。
 *   - 确保 (保证, 力争) and rate names that end the sentence with no value: 确保文件的报备率、及时率、合法合规率。
 * Not reported: a number later in the clause (参训人次达5000), a rate governed by a verb (提高办结率, 实现办结率、
 * 满意率双提升), a rate with a predicate (满意率稳步提升, 均达到100%), 万元 as a scale (万元GDP能耗, 亿元以上项目,
 * 上亿元), count nouns (受理件数), names in 《》 and “”, heading titles.
 */

/** a numeral, Arabic or Chinese, or a word standing for an amount (数万元, 上亿元, 几个百分点) */
const NUMERAL_BEFORE = /[0-9零〇一二两三四五六七八九十百千万亿数几上超破逾余近约多半.]$/;
const NUMBER_IN = /[0-9]|[零〇一二两三四五六七八九十百千万亿]+(?:[件次人名场个项份起宗家户条篇批元%]|万元|亿元)/;

const COUNT_UNIT = '人次|件次|户次|场次|万元|亿元|件|次|人|名|场|个|项|份|起|宗|家|户|条|篇|批';
/** verbs that count what they did: 受理42件, 开展培训3场 */
const COUNT_VERB =
  '受理|办理|办结|审结|审查|审核|备案|调解|化解|排查|查处|处罚|立案|结案|接待|接听|答复|举办|开展|组织|培训|召开|发放|印发|出台|制定|修订|清理|废止|挽回|追回|收到|收回|新增|撤销|注销|发布|公开|走访|检查|抽查|督查|核查|整改|出庭|应诉|提供|解答|录入|报送|审批|纠正|办件';
const TOTAL_WORD = '共计|总计|合计|累计|一共|总共|(?<!公)共(?![同享建治识产青性])';

/** unit or percent sign with nothing numeric before it */
const BARE_UNIT = /(%|个百分点|万元|亿元)/g;
/** 万元 and 亿元 as a scale or class, not an amount */
const SCALE_AFTER = /^(?:以上|以下|级|GDP|生产总值|能耗|产值|户|大关|关口|元)/;
const TOTAL_UNIT = new RegExp(`(?:${TOTAL_WORD})((?:${COUNT_VERB})?[${CJK_CLASS}]{0,6}?)(${COUNT_UNIT})(?=[，。；、）：]|$)`, 'g');
/** 人 and 名 after a verb make a noun (受理人, 审查人, 报名): only units that never do */
const VERB_UNIT = new RegExp(`(?:${COUNT_VERB})(人次|件次|户次|场次|万元|亿元|件|次|场|项|份|宗)(?=[，。；、）]|$)`, 'g');
/** two-character words that end in a unit character: 案件, 排名, 市场 — a unit there is a word, not a cut figure */
const UNIT_WORDS = new Set(
  ('案件 文件 事件 条件 证件 稿件 邮件 软件 要件 物件 部件 信件 函件 急件 审批件 办件 ' +
    '排名 署名 提名 报名 实名 签名 点名 命名 匿名 联名 知名 罪名 ' +
    '整个 各个 个人 本人 他人 法人 责任人 当事人 负责人 代理人 申请人 被申请人 委托人 行政相对人 ' +
    '国家 大家 专家 农家 独家 商家 作家 自家 全家 居家 人家 ' +
    '农户 住户 用户 客户 门户 账户 散户 ' +
    '层次 档次 首次 依次 其次 再次 历次 此次 本次 该次 人次 ' +
    '市场 现场 广场 会场 战场 考场 立场 农场 机场 赛场 商场 ' +
    '事项 款项 选项 强项 弱项 专项 单项 立项 ' +
    '身份 股份 年份 月份 省份 部份 ' +
    '发起 提起 引起 一起 兴起 崛起 ' +
    '祖宗 正宗 卷宗 链条 线条 教条 萧条 便条 开篇 长篇 通篇 审批 报批').split(' '),
);
const endsInUnitWord = (text: string, unitAt: number, unit: string) =>
  [1, 2, 3, 4, 5].some((k) => UNIT_WORDS.has(text.slice(Math.max(0, unitAt - k), unitAt + unit.length)));
/** after a unit, these make a count noun or a larger unit, not a figure: 件数, 人次, 次数 */
const COUNT_NOUN_AFTER = /^(?:数|量|率|均|以上|以下|次)/;

const RATE_NAME = `[${CJK_CLASS}]{0,6}?(?:率|满意度|知晓度|占比|比例|比重)`;
/** words ending in 率 that are not rates stated as figures */
const NOT_A_RATE = /(?:效率|表率|频率|概率|税率|利率|汇率|草率|轻率|坦率|直率|统率|督率)$/;
const METRIC = `(?:${RATE_NAME}|[${CJK_CLASS}]{0,6}?(?:总数|数量|总量|总额|金额|人数|件数|次数|户数|数))`;
const NEEDS_VALUE = '分别为|分别达到|分别达|达到|高达|保持在|稳定在|提高到|提高至|提升到|提升至|上升到|上升至|下降到|下降至|降低到|降低至|降至|降到|增至|增加到|减少到|为|达|是';
const COPULA_EMPTY = new RegExp(`(${METRIC})(?:${NEEDS_VALUE})(?=[、，。；]|$)`, 'g');
/**
 * the tail every COPULA_EMPTY match ends with: a cheap test first, because COPULA_EMPTY tries up to six CJK
 * characters of metric at every position of the text (the rule's largest cost on a large report)
 */
const COPULA_TAIL = new RegExp(`(?:${NEEDS_VALUE})(?=[、，。；]|$)`);
/** a clause made only of rate names (接通率、办结率、满意率), perhaps after a short subject (热线) */
const RATE_LIST = new RegExp(`^([${CJK_CLASS}]{0,6}?)(${RATE_NAME}(?:[、和及与]${RATE_NAME})*)$`);
/** what governs a rate or says it needs no number: 提高办结率, 实现…双提升, 均, 全部, 以 */
const GOVERNED =
  /提高|提升|降低|增加|减少|保持|确保|实现|巩固|强化|加强|围绕|聚焦|纳入|列入|包括|涵盖|考核|考评|统计|监测|通报|公布|排名|评估|测评|计算|推动|促进|优化|作为|重点|关注|抓|全部|均|都|指标|^[以将把对在从按向]/;
/**
 * verbs that need the value a rate is to reach (确保报备率达到100%), then rate names to the end of the sentence; a
 * name is at most four characters before 率 and never spans 的, so that 文件的报备率 reports 报备率
 */
const OWN_RATE_NAME = `(?:(?!的)[${CJK_CLASS}]){0,4}?(?:率|满意度|知晓度|占比|比例|比重)`;
const VALUE_VERB_RATES = new RegExp(`(确保|保证|力争)([^，。；！？：]{0,16}?)(${OWN_RATE_NAME}(?:[、和及与]${OWN_RATE_NAME})*)(?=[。；！？]|$)`, 'g');
/** a quality word before the rates gives them their value: 确保较高的满意率, 保证稳定的办结率 */
const QUALITY_BEFORE = /高|低|稳定|良好|提升|提高|上升|下降|达标/;
/** a sentence that says the rates need no number: 均达到, 全部, 实现…全覆盖 */
const NEEDS_NO_NUMBER = /均|全部|实现|都/;

/** ，。；！？： (the clause marks of `clauses`), by char code: `text[i]` of a Han character is a new string */
export const isClauseMark = (c: number) => c === 0xff0c || c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 0xff1a;
/** what `\s` matches (ECMAScript WhiteSpace and LineTerminator), by char code */
export const isSpaceCode = (c: number) =>
  (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
/** [，。；！？：、（）\s]: where a clause starts, looking back */
export const isClauseStartBreak = (c: number) => isClauseMark(c) || c === 0x3001 || c === 0xff08 || c === 0xff09 || isSpaceCode(c);

function clauses(text: string): { from: number; to: number; opener: string }[] {
  const out: { from: number; to: number; opener: string }[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || isClauseMark(text.charCodeAt(i))) {
      if (i > from) out.push({ from, to: i, opener: from > 0 ? text[from - 1] : '' });
      from = i + 1;
    }
  }
  return out;
}

function findInText(text: string, mask: Uint8Array): { from: number; to: number }[] {
  const hits: { from: number; to: number }[] = [];
  const clauseStart = (at: number, max = 12) => {
    let i = at;
    while (i > 0 && at - i < max && !isClauseStartBreak(text.charCodeAt(i - 1))) i--;
    // the limit counts UTF-16 units: never stop between the halves of 𠮷
    return codePointFloor(text, i);
  };
  const add = (from: number, to: number) => {
    if (mask[from] || mask[to - 1]) return;
    if (hits.some((h) => h.from < to && from < h.to)) return;
    hits.push({ from, to });
  };
  const clauseEnd = (at: number) => {
    const m = /[，。；！？：]/.exec(text.slice(at));
    return m ? at + m.index : text.length;
  };
  const numberAfter = (at: number) => NUMBER_IN.test(text.slice(at, clauseEnd(at)));

  BARE_UNIT.lastIndex = 0;
  for (let m = BARE_UNIT.exec(text); m; m = BARE_UNIT.exec(text)) {
    // the text before, trailing white space dropped (by char code: a regex `\s+$` would rescan all of it per match)
    let b = m.index;
    while (b > 0 && isSpaceCode(text.charCodeAt(b - 1))) b--;
    const before = text.slice(0, b);
    if (before === '' || NUMERAL_BEFORE.test(before) || !CJK.test(before[before.length - 1])) continue;
    const end = m.index + m[0].length;
    if (m[1] !== '%' && SCALE_AFTER.test(text.slice(end))) continue;
    if (m[1] === '%' && /[)）]$/.test(before)) continue;
    // the words the number belonged to: back to the clause start, at most 12 characters
    add(clauseStart(m.index), end);
  }
  TOTAL_UNIT.lastIndex = 0;
  for (let m = TOTAL_UNIT.exec(text); m; m = TOTAL_UNIT.exec(text)) {
    const end = m.index + m[0].length;
    const unitAt = end - m[2].length;
    if (NUMERAL_BEFORE.test(m[1]) || COUNT_NOUN_AFTER.test(text.slice(end)) || endsInUnitWord(text, unitAt, m[2])) continue;
    add(m.index, end);
  }
  VERB_UNIT.lastIndex = 0;
  for (let m = VERB_UNIT.exec(text); m; m = VERB_UNIT.exec(text)) {
    const end = m.index + m[0].length;
    if (COUNT_NOUN_AFTER.test(text.slice(end)) || numberAfter(end) || endsInUnitWord(text, end - m[1].length, m[1])) continue;
    add(m.index, end);
  }
  COPULA_EMPTY.lastIndex = 0;
  for (let m = COPULA_TAIL.test(text) ? COPULA_EMPTY.exec(text) : null; m; m = COPULA_EMPTY.exec(text)) {
    const end = m.index + m[0].length;
    const metric = m[1];
    if (NOT_A_RATE.test(metric) || metric.length < 2) continue;
    // 以人民满意为…: a copula after a verb phrase, not after a measure
    if (/^(?:以|将|把|作)/.test(metric)) continue;
    add(clauseStart(m.index), end);
  }
  const all = clauses(text);
  all.forEach((c, i) => {
    // a list of the metrics themselves (考核指标：接通率、办结率), or rates that are the subject of the next clause
    // (接通率、办结率、满意率，均居全市前列)
    if (c.opener === '：' || (c.to < text.length && text[c.to] !== '。' && text[c.to] !== '；' && text[c.to] !== '！')) return;
    const body = text.slice(c.from, c.to);
    const m = RATE_LIST.exec(body);
    if (!m) return;
    const [, subject, rates] = m;
    const names = rates.split(/[、和及与]/);
    // a numeral inside a rate's own name (一次办结率) is a name, not its figure
    if (NUMBER_IN.test(subject) || /[0-9](?:\.[0-9]+)?\s*(?:%|个百分点)/.test(body) || GOVERNED.test(subject) || names.some((n) => NOT_A_RATE.test(n) || GOVERNED.test(n))) return;
    // the sentence it stands in: figures elsewhere in it make it a figure sentence; 均/全部/实现 say no number is due
    let from = i;
    while (from > 0 && text[all[from].from - 1] !== '。' && text[all[from].from - 1] !== '；') from--;
    const sentence = text.slice(all[from].from, c.to);
    if (NEEDS_NO_NUMBER.test(sentence)) return;
    const figureSentence = NUMBER_IN.test(text.slice(all[from].from, c.from));
    // two or more bare rate names making a clause of their own, ending the sentence, say nothing unless a figure was
    // there: 接通率、办结率、满意率。 whether it stands alone or after 全年共受理群众来电， (whose number went too)
    if (!figureSentence && !(subject === '' && names.length >= 2)) return;
    add(c.from + subject.length, c.to);
  });
  // 确保…报备率、及时率、合法合规率。: 确保 (保证, 力争) needs the value the rates are to reach; ending the sentence on
  // the rate names, with no number and no 均/全部/实现, the value was cut
  VALUE_VERB_RATES.lastIndex = 0;
  for (let m = VALUE_VERB_RATES.exec(text); m; m = VALUE_VERB_RATES.exec(text)) {
    const [whole, , between, rates] = m;
    const ratesAt = m.index + whole.length - rates.length;
    const names = rates.split(/[、和及与]/);
    if (NUMBER_IN.test(whole) || QUALITY_BEFORE.test(between) || names.some((n) => NOT_A_RATE.test(n))) continue;
    if (names.length < 2 && !/率$/.test(rates)) continue;
    const sentenceFrom = Math.max(text.lastIndexOf('。', m.index), text.lastIndexOf('；', m.index)) + 1;
    if (NEEDS_NO_NUMBER.test(text.slice(sentenceFrom, m.index + whole.length))) continue;
    add(ratesAt, m.index + whole.length);
  }
  return hits.sort((a, b) => a.from - b.from);
}

/**
 * The cut figures of a line depend on its normalised text alone (findInText and quoteMask read nothing else): kept
 * by that text, so an editor's re-check looks again only at the lines that changed.
 */
const hitsByText = textCache<readonly { from: number; to: number }[]>(20_000, true);

function hitsOf(text: string): readonly { from: number; to: number }[] {
  let hits = hitsByText.get(text);
  if (!hits) {
    hits = findInText(text, quoteMask(text));
    hitsByText.set(text, hits);
  }
  return hits;
}

function checkBlock(report: Report, b: Block): RawFinding<'figure-missing'>[] {
  const text = b.norm.text;
  // a heading's title is a label, not a figure sentence
  const h = report.headingOf(b);
  const titleEnd = h && h.block.index === b.index ? h.titleRange.end : -1;
  const out: RawFinding<'figure-missing'>[] = [];
  // a text that stops mid-sentence at its very end (a page's stored opening, a paste cut short; no 落款 after it):
  // its last clause is unfinished, not a figure cut out of it (…办理便民服务事项1500余件,群众满意度)
  const body = report.bodyBlocks;
  const cutAt = !report.frame.signature && b === body[body.length - 1] && !/[。！？；…”’）)]\s*$/.test(text) ? text.trimEnd().length : -1;
  for (const hit of hitsOf(text)) {
    if (hit.to >= cutAt && cutAt >= 0) continue;
    const range = toSource(b.norm, hit.from, hit.to);
    if (range.start < titleEnd) continue;
    // 会议*次, 培训X场: a placeholder stands where the number goes (Markdown may have eaten the asterisk); placeholder's
    if (/[*＊xX×Ｘｘ]/.test(report.source.slice(Math.max(0, range.start - 1), range.end + 1))) continue;
    out.push({ ...range, messageId: 'missing', data: { text: report.source.slice(range.start, range.end) } });
  }
  return out;
}

export default defineRule(
  { id: 'figure-missing', family: 'figures', opinion: 'add', defaultSeverity: 'error', basis: ['practice'] },
  (report) => report.bodyBlocks.flatMap((b) => checkBlock(report, b)),
);

/** For tests: the cut figures of one line of text. */
export function missingFigures(text: string): string[] {
  return findInText(text, quoteMask(text)).map((h) => text.slice(h.from, h.to));
}
