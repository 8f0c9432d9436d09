/**
 * title-format: a report is titled "<organ>关于<year>年度法治政府建设情况的报告". A missing title gets one inserted
 * (nothing of the writer's text changes); a wrong one only gets a suggested wording, since replacing it would
 * discard the writer's words.
 */
import { defineRule, type RawFinding } from '../engine/rule.js';
import { detectOrgan } from '../model/organ.js';
import { yearIn } from '../model/year.js';
import type { Report } from '../model/report.js';

export const ORGAN_PLACEHOLDER = '××';

export function suggestedTitle(report: Report): string | null {
  const year = report.year?.year;
  if (!year) return null;
  return `${detectOrgan(report)?.name ?? ORGAN_PLACEHOLDER}关于${year}年度法治政府建设情况的报告`;
}

export function titleDefects(text: string): boolean {
  const t = text.replace(/^#+\s*/, '').replace(/\s+/g, '').replace(/[。．.]$/, '');
  return !yearIn(t) || !/法治政府建设/.test(t) || !/报告$/.test(t);
}

export default defineRule(
  { id: 'title-format', family: 'form', defaultSeverity: 'warning', basis: ['practice'], fixable: true },
  (report): RawFinding<'title-format'>[] => {
    const { title } = report.frame;
    if (title) {
      if (!titleDefects(title.norm.text)) return [];
      const suggestion = suggestedTitle(report);
      return [
        {
          start: title.start,
          end: title.end,
          messageId: suggestion ? 'formatSuggest' : 'format',
          data: suggestion ? { title: suggestion } : {},
        },
      ];
    }
    const first = report.bodyBlocks[0];
    if (!first) return [];
    const suggestion = suggestedTitle(report);
    const at = report.lines.starts[report.lines.lineOf(first.start)];
    const markdown = report.blocks.some((b) => b.kind === 'heading');
    return [
      {
        start: first.start,
        end: first.start,
        messageId: suggestion ? 'missingSuggest' : 'missing',
        data: suggestion ? { title: suggestion } : {},
        fixes: suggestion ? [{ messageId: 'insert', data: { title: suggestion }, edits: [{ start: at, end: at, newText: `${markdown ? '# ' : ''}${suggestion}${report.source.includes('\r\n') ? '\r\n' : '\n'}` }], safe: true }] : [],
      },
    ];
  },
);
