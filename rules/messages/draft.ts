/**
 * The report text fazhi-lint writes into a draft: the section titles and placeholders the inserting fixes add,
 * the title title-format suggests, and the template of a new report. Chinese only: it is the report's own text,
 * written in Chinese whatever language the messages are in (the messages are zh-CN.ts / en.ts and bilingual.ts).
 */
import type { StatutoryItem } from '../model/vocabulary.js';
import type { ProfileKind } from '../model/profile.js';
import { say } from './bilingual.js';

/**
 * Whose duty the first-responsible section reports, by profile: a department has one principal leader (局长, 主任),
 * not a Party committee and a government beside it; the others keep the 督察规定's 党政主要负责人.
 */
const DUTY_HOLDER: Partial<Record<ProfileKind, { title: string; placeholder: string }>> = {
  government: { title: '党政主要负责人', placeholder: say('zh-CN', 'office_government') },
  department: { title: '主要负责人', placeholder: '本部门主要负责人' },
  township: { title: '党政主要负责人', placeholder: say('zh-CN', 'office_township') },
};

/** Heading titles the fixes write, one per statutory item. The plans title carries the year it plans for. */
export function sectionTitle(item: StatutoryItem, year: number | null, kind: ProfileKind = 'unknown'): string {
  switch (item) {
    case 'measures':
      return year ? `${year}年推进法治政府建设的主要举措和成效` : '推进法治政府建设的主要举措和成效';
    case 'problems':
      return '存在的不足和原因';
    case 'first-responsible':
      return `${DUTY_HOLDER[kind]?.title ?? '党政主要负责人'}履行推进法治建设第一责任人职责情况`;
    case 'plans':
      return year ? `${year + 1}年推进法治政府建设的主要安排` : '下一年度推进法治政府建设的主要安排';
    case 'other':
      return '其他需要报告的情况';
  }
}

/** What the placeholder asks the writer to put in the section. */
export function placeholderText(item: StatutoryItem, year: number | null, kind: ProfileKind = 'unknown'): string {
  switch (item) {
    case 'measures':
      return '【待补充：逐项写明本年度推进法治政府建设的主要举措和取得的成效，用具体事例和数据说明。】';
    case 'problems':
      return '【待补充：逐条列出本年度推进法治政府建设存在的不足，并分析每条不足的原因（主观和客观原因）。】';
    case 'first-responsible':
      return `【待补充：写明${DUTY_HOLDER[kind]?.placeholder ?? '党政主要负责人'}履行推进法治建设第一责任人职责的具体事实：专题研究法治建设、听取工作汇报的次数和日期，带头学法的次数，年终述法情况，行政机关负责人出庭应诉情况，主持审议、签发的文件名称。】`;
    case 'plans':
      return `【待补充：写明${year ? `${year + 1}年` : '下一年度'}推进法治政府建设的主要安排，逐条回应上文所列不足。】`;
    case 'other':
      return '【待补充：写明其他需要报告的情况。】';
  }
}

/** A date as a report writes it (GB/T 9704: 2024年3月5日, no leading zeros), and a day of the year (4月1日). */
export function dateText(d: { year: number; month: number; day: number }): string {
  return `${d.year}年${monthDayText(d)}`;
}

export function monthDayText(d: { month: number; day: number }): string {
  return `${d.month}月${d.day}日`;
}

/** What a suggested title names when the report's body is not known. */
export const ORGAN_PLACEHOLDER = '××';

/** The title the practice asks for: 某某关于2023年度法治政府建设情况的报告. */
export function reportTitle(organ: string, year: number): string {
  return `${organ}关于${year}年度法治政府建设情况的报告`;
}

/** The placeholder of the first-responsible section split out of another one, naming the paragraph to move. */
export function movedPlaceholder(placeholder: string, opening: string): string {
  // a function, not a replacement string: the quoted draft text may hold $& or $1, which replace would expand
  return placeholder.replace(/。】$/, () => `；可将“${opening}”一段移至本部分。】`);
}

/**
 * The draft "new report from template" creates: the title, every statutory section of 督察规定 in its order,
 * each with a bracketed note on what belongs there (reported as placeholder text until the writer replaces
 * it — intended), and the signature block.
 */
export function reportTemplate(organ: string, year: number): string {
  const next = year + 1;
  return [
    reportTitle(organ, year),
    '',
    `${year}年，${organ}【在此概述全年推进法治政府建设的总体情况】。现将有关情况报告如下：`,
    '',
    `一、${year}年推进法治政府建设的主要举措和成效`,
    '',
    '（一）【举措一的标题】',
    '',
    '【写明采取的主要举措和取得的成效，用数字、时间和文件说明，如“全年审查规范性文件12件”】',
    '',
    `二、${year}年推进法治政府建设存在的不足和原因`,
    '',
    '【逐条列出存在的不足，并分析每一条的原因（如“由于……”“主要原因是……”）】',
    '',
    '三、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
    '',
    '【写明主要负责人专题研究法治工作、带头学法、述法、出庭应诉等履职事实，注明次数、时间和文件】',
    '',
    `四、${next}年推进法治政府建设的主要安排`,
    '',
    '【针对第二部分的每一条不足写明对应措施】',
    '',
    '五、其他需要报告的情况',
    '',
    '【如无其他需要报告的情况，可删去本部分】',
    '',
    organ,
    `${next}年【月】【日】`,
    '',
  ].join('\n');
}
