/** A report for 2020 around a paragraph, for the figure and period rules' tests. */
export const TITLE = '某区司法局关于2020年度法治政府建设情况的报告\n';
export const report = (...paragraphs: string[]) => TITLE + paragraphs.join('\n');
