/**
 * The year a report covers: from its title, else the first sentence of its body, else front matter `year:`, else a
 * measures heading at the top of the body that names its year, else the one-year work documents its measures section
 * cites (《2022年度党委理论学习中心组学习计划》).
 */
import type { Block } from './parse.js';
import type { Frame } from './frame.js';
import { yearIn } from './year-text.js';
import { firstSentence, sentencesOf } from './sentence.js';
import { CJK_CLASS } from './text.js';

const DOC_NUMBER_LINE = new RegExp(String.raw`^[${CJK_CLASS}]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号$`);
const ADDRESSEE_LINE = /^[^，。；！？,.;!?]{2,40}[:：]$/;
/**
 * The report formula of an opening paragraph (现将2025年工作情况总结如下), a sentence of its own or the last clause of
 * one (根据《…通知》（…〔2025〕1号），对照《…》，现将周溪乡2024年法治政府建设工作报告如下): what it names is the year the
 * report covers; only the formula's own words are read, not the notice cited before it.
 */
const REPORT_FORMULA = /(?:^|[，,；;：:])\s*(?:现将|特将|现把|现就)[^，,；;。]*(?:[，,][^，,；;。]*){0,2}?(?:报告|总结|汇报|通报)如下/;

/** A top-level measures heading that names its year (一、2024年度推进法治政府建设的主要举措和成效, 一、2023年工作情况). */
const MEASURES_HEADING = /^(?:#+\s*)?[一二三四五六七八九十]、\s*((?:19|20)\d{2})\s*年度?[^，。；！？]{0,24}(?:主要举措|举措和成效|工作情况|主要做法|工作开展情况)/;
/** How many body lines down that heading is looked for. */
const MEASURES_HEADING_SCAN = 4;

/**
 * The report's own title written inside 《》 (《某乡2022年法治政府建设情况报告》): the marks quote the title, they do not
 * cite another document, so the year inside is the report's.
 */
const QUOTED_OWN_TITLE = /^(?:#+\s*)?《([^《》]*法治[^《》]*报告)》[。.]?$/;

/**
 * A document that sets one year's work (《2022年度党委理论学习中心组学习计划》, 《城中区2025年法治政府建设工作要点》,
 * 《关于印发…2023年法治政府建设工作要点的通知》): cited in the measures section, it names the year the work was done.
 * Not a report (《静海区2022年度法治政府建设情况报告》, 《2023年度…考核情况报告》 are last year's, reviewed or published
 * in the year reported on; 《2020年营商环境报告》 is another body's), not a period (2021—2025年) nor a law.
 */
const ONE_YEAR_WORK = /^[^《》\d]*((?:19|20)\d{2})\s*年度?[^《》\d]*(?:要点|计划|方案|清单|细则|办法|意见|安排|重点工作|分解表|责任分工)(?:的通知)?$/;

export { yearIn };

export interface ReportYear {
  year: number;
  from: 'title' | 'body' | 'frontmatter' | 'citation';
  block: Block | null;
}

/**
 * The year named by the one-year work documents cited in these blocks (the measures section), when they all name
 * the same one; null when there is none or they differ (a plan for the next year, prepared at the year's end).
 */
function citedWorkYear(blocks: readonly Block[]): { year: number; block: Block } | null {
  let found: { year: number; block: Block } | null = null;
  for (const b of blocks) {
    if (!b.norm.text.includes('《')) continue;
    for (const m of b.norm.text.matchAll(/《([^《》]*)》/g)) {
      const w = ONE_YEAR_WORK.exec(m[1].replace(/[\s\u3000]+/g, ''));
      if (!w) continue;
      const year = Number(w[1]);
      if (found && found.year !== year) return null;
      found ??= { year, block: b };
    }
  }
  return found;
}

/**
 * `measures`: the blocks of the measures item when it has a section of its own, asked for only when nothing above
 * dates the report.
 */
export function findYear(blocks: readonly Block[], frame: Frame, frontmatter: string | null, measures: () => readonly Block[] = () => []): ReportYear | null {
  if (frame.title) {
    for (const copy of [...frame.titleCopies].reverse()) {
      const y = yearIn(copy) ?? yearIn(QUOTED_OWN_TITLE.exec(copy.replace(/[\s\u3000]+/g, ''))?.[1] ?? '');
      if (y) return { year: y, from: 'title', block: frame.title };
    }
  }
  for (let i = frame.bodyStart; i < frame.bodyEnd; i++) {
    if (frame.chrome.has(i)) continue;
    const text = blocks[i].norm.text;
    // a 发文字号 (交法发〔2019〕31号) or an addressee (市委全面依法治市委员会：) may stand above the opening paragraph
    if (DOC_NUMBER_LINE.test(text.trim()) || ADDRESSEE_LINE.test(text.trim())) continue;
    const y = yearIn(firstSentence(text));
    if (y) return { year: y, from: 'body', block: blocks[i] };
    // 法治是安邦治国的基石…。2022年，在市委…: an opening maxim, then the sentence that dates the report
    const second = sentencesOf(text)[1]?.trim() ?? '';
    const y2 = /^(?:19|20)\d{2}年/.test(second) ? yearIn(second) : null;
    if (y2) return { year: y2, from: 'body', block: blocks[i] };
    // 在全面建设…新征程上，…。现将2025年工作情况总结如下：an opening with no date, closed by the report formula
    const formula = sentencesOf(text)
      .map((s) => REPORT_FORMULA.exec(s.trim())?.[0])
      .find((f) => f);
    const y3 = formula ? yearIn(formula) : null;
    if (y3) return { year: y3, from: 'body', block: blocks[i] };
    break;
  }
  if (frontmatter) {
    const m = /^year\s*:\s*['"]?(\d{4})/m.exec(frontmatter);
    if (m) return { year: Number(m[1]), from: 'frontmatter', block: null };
  }
  // 一年来，…: an opening with no date; the measures heading below it names the year it reports on (一、2024年度推进
  // 法治政府建设的主要举措和成效 — the statutory item with 上一年度 written out)
  for (let i = frame.bodyStart, seen = 0; i < frame.bodyEnd && seen < MEASURES_HEADING_SCAN; i++) {
    if (frame.chrome.has(i)) continue;
    seen++;
    const m = MEASURES_HEADING.exec(blocks[i].norm.text.trim());
    if (m) return { year: Number(m[1]), from: 'body', block: blocks[i] };
  }
  const cited = citedWorkYear(measures());
  return cited ? { year: cited.year, from: 'citation', block: cited.block } : null;
}
