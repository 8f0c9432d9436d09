/**
 * title-format: a report is titled "<organ>关于<year>年度法治政府建设情况的报告". A missing title gets one inserted
 * (nothing of the writer's text changes); a wrong one only gets a suggested wording, since replacing it would
 * discard the writer's words.
 */
import { defineRule, type RawFinding } from '../engine/rule.js';
import { detectOrgan } from '../model/organ.js';
import { yearIn } from '../model/year.js';
import { toSource } from '../model/normalize.js';
import type { Report } from '../model/report.js';
import type { ProfileKind } from '../model/profile.js';
import { ORGAN_PLACEHOLDER, reportTitle } from '../messages/draft.js';


/**
 * The title the practice asks for. Bodies signing together (中共青山区委、青山区人民政府) stand side by side in the
 * title, a space between them, as a joint document names its 发文机关 side by side.
 */
export function suggestedTitle(report: Report): string | null {
  const year = report.year?.year;
  if (!year) return null;
  const organ = detectOrgan(report);
  const name = organ ? (organ.from === 'signature' ? organ.name.replace(/、/g, ' ') : organ.name) : ORGAN_PLACEHOLDER;
  return reportTitle(name, year);
}

/**
 * What a title must name as its subject: 法治政府建设 — or 法治建设, for a Party committee and a government (or a
 * township's Party committee and government) reporting together on the rule of law as a whole.
 */
const SUBJECT_BY_PROFILE: Partial<Record<ProfileKind, RegExp>> = { joint: /法治(?:政府)?建设/, township: /法治(?:政府)?建设/ };

/**
 * Does a title lack what the practice asks for: the year, 法治政府建设, a 报告 word (汇报 is not one)? The accepted
 * variants (…年度法治政府建设情况报告, …法治政府建设年度报告, …工作报告, …年度情况报告) all pass; a status note
 * after the title (（征求意见稿）) is not part of it.
 */
export function titleDefects(text: string, kind: ProfileKind = 'unknown'): boolean {
  const t = text
    .replace(/^#+\s*/, '')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[。．.]$/, '')
    // the document number a disclosure page adds after the title (…工作报告(潭县自然资字〔2025〕79号)) is no part of it
    .replace(/[（(][^（）()]{0,16}[〔[［]\d{4}[〕\]］]\d{1,4}号[)）]$/, '')
    .replace(/[（(][^（）()]{1,12}[)）]$/, '');
  return !yearIn(t) || !(SUBJECT_BY_PROFILE[kind] ?? /法治政府建设/).test(t) || !/报告$/.test(t);
}

export default defineRule(
  { id: 'title-format', family: 'form', defaultSeverity: 'warning', basis: ['practice'], fixable: true },
  (report, _options, { profile }): RawFinding<'title-format'>[] => {
    const { title, titleSpan } = report.frame;
    if (title) {
      if (report.frame.titleCopies.some((copy) => !titleDefects(copy, profile.kind))) return [];
      const suggestion = suggestedTitle(report);
      // furniture glued onto the title's line is web-boilerplate's: the finding names the title's words only
      const own = titleSpan ? toSource(title.norm, titleSpan.from, titleSpan.to) : title;
      return [
        {
          start: report.frame.titleHead ? report.frame.titleHead.start : own.start,
          end: own.end,
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
