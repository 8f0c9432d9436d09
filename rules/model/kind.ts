/**
 * What kind of document a text says it is, when it says it is not an annual report. Government pages about 法治政府建设
 * are often not reports: an interpretation of one (《…年度报告》解读), an implementation plan (…实施方案, 制定本方案),
 * a notice, opinions, key points, a speech, a news item on the meeting that heard the report. They speak of 法治政府建设 in their opening, so reading the opening for
 * the subject alone takes them for reports and then finds every statutory section missing. A document declares its
 * kind in the head noun of its title and in its opening formula; that declaration is read here.
 *
 * Precision first: only a declaration counts, and any sign of a report overrides it — a title whose head is 报告,
 * 汇报 or 总结 outside 《》, an opening saying 报告如下, or two statutory items carried by headings (a notice that
 * transmits a report, 关于印发《…报告》的通知, is followed by the report itself).
 */
import type { Block } from './parse.js';
import type { Report } from './report.js';

export interface DeclaredKind {
  /** the words that declare it, as the text has them (解读, 实施方案, 制定本方案) */
  word: string;
  block: Block;
}

/** Head nouns of a title naming a document that is not a report; the longest first, so 实施方案 wins over 方案. */
const KIND_AT_END =
  /(政策解读|图文解读|解读|答记者问|问答|实施方案|工作方案|行动方案|方案|工作要点|要点|实施意见|指导意见|意见|规划|纲要|工作计划|计划|实施办法|办法|实施细则|细则|规定|条例|通知|通报|讲话|发言|致辞)$/;
/** Titles that open with the kind: 一图读懂《…报告》, 图解：… */
const KIND_AT_START = /^(一图读懂|图解|解读)/;
/** Opening formulas of other documents: 结合实际，制定本方案 / 制定本实施意见; 现印发给你们; 现就…解读如下 */
const KIND_IN_OPENING = /制定本(实施)?(方案|意见|办法|细则|规定|规划|计划|要点)|印发给你们|解读如下|(^|\n)(摘要|关键词)[:：]/;
/**
 * A headline about a report: a news verb before the report it names (国家卫健委发布2020年度法治政府建设报告, 区政府
 * 常务会议审议…报告). A report's own title names its organ and year, never what was done with it.
 */
const NEWS_HEADLINE = /(发布|公布|审议|听取|出炉|亮相)[^，,。]*(报告|汇报)$/;
/** A text about a report quotes it by a short name: (以下简称《报告》)，《报告》指出 */
const ABOUT_A_REPORT = /以下简称《报告》|《报告》(指出|提出|显示|强调|介绍)/;
/** A title's own words outside 《》 that make it a report whatever else it names (…工作总结和2021年工作计划). */
const REPORT_HEAD = /报告|汇报|总结/;
const REPORT_OPENING = /(报告|汇报)如下/;
/**
 * A news item's lead: the body opens with the day it happened (4月22日下午，…主持召开…会议，听取…汇报) or with
 * the paper's dateline (本报讯 近日，…). A report's body opens with its year or its guidance, never with either.
 */
const NEWS_LEAD = /^((\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日(上午|下午|晚上?|早上)?)[，,]|^(本报讯|本网讯|本刊讯|新华社[^，,。]{0,10}电)/;
/** A title is a short line; a longer first line is prose, not a title declaring a kind. */
const TITLE_MAX = 60;

/** A title's text outside 《》 and trailing bracketed notes ((试行), （征求意见稿）), without spaces and end marks. */
function ownWords(text: string): string {
  return text
    .replace(/《[^》]*》/g, '')
    .replace(/\s+/g, '')
    .replace(/[。.!！]+$/, '')
    .replace(/[(（][^()（）]{1,8}[)）]$/, '');
}

/**
 * The declared kind of a document that is not an annual report, or null (a report, or a text that says nothing of
 * its kind). The title is the frame's title, else the first line of the body when it is short.
 */
export function declaredKind(report: Report): DeclaredKind | null {
  const body = report.bodyBlocks;
  // without a title found, a short first line that is no sentence and no outline heading (一、下一步工作计划 is a section)
  const looksTitled = (b: Block) => b.norm.text.length <= TITLE_MAX && !/[，,。；;：:！!？?]/.test(b.norm.text) && report.headingOf(b)?.block !== b;
  const first = body[0] && looksTitled(body[0]) ? body[0] : null;
  const titleBlock = report.frame.title ?? first;
  // a disclosure page's fields, the addressee and the transmitting sentence may all come before the text proper
  const opening = body.slice(0, 8);
  if (opening.some((b) => REPORT_OPENING.test(b.norm.text))) return null;
  if (report.checklist.filter((e) => e.status === 'section' || e.status === 'merged').length >= 2) return null;
  // the day leads the first paragraph; a dateline may follow a newspaper's page field (3184期 / 第7版)
  const leads = body.filter((b) => b !== titleBlock).slice(0, 3);
  for (const [i, lead] of leads.entries()) {
    const news = NEWS_LEAD.exec(lead.norm.text);
    if (news && (news[5] || i === 0)) return { word: news[1] ?? news[5], block: lead };
  }
  if (titleBlock) {
    const title = report.frame.title ? (report.frame.titleText ?? titleBlock.norm.text) : titleBlock.norm.text;
    const own = ownWords(title);
    const headline = NEWS_HEADLINE.exec(own);
    if (headline) return { word: headline[1], block: titleBlock };
    if (REPORT_HEAD.test(own)) return null;
    const m = KIND_AT_END.exec(own) ?? KIND_AT_START.exec(title.replace(/\s+/g, ''));
    if (m) return { word: m[1], block: titleBlock };
  }
  for (const b of opening) {
    const m = KIND_IN_OPENING.exec(b.norm.text) ?? ABOUT_A_REPORT.exec(b.norm.text);
    if (m) return { word: m[0].replace(/(^|\n)/, '').replace(/[:：]$/, ''), block: b };
  }
  return null;
}
