/**
 * Named regressions of issue 11 (never corrupt a draft, never hang): each case below once damaged a user's file
 * through an ordinary --fix, crashed, or gave results that depended on what was checked before.
 */
import { describe, expect, it } from 'vitest';
import { check, compatibleFixes, createReport, fixAll } from '../../rules/index.js';
import { renderNumbering, sectionTitle } from '../../rules/checklist/_insert.js';
import type { NumberStyle } from '../../rules/model/outline.js';
import { STATUTORY_ITEMS } from '../../rules/model/vocabulary.js';
import { balancedDeletion, unmatchedBrackets } from '../../rules/model/brackets.js';
import { truncate, truncateStart } from '../../rules/model/text.js';
import { openingWords } from '../../rules/model/items.js';
import { readCorpus } from '../helpers/corpus.js';
import { MEASURES, PLANS, PROBLEMS, renumbered, report } from '../helpers/reports.js';
import { brokenCharacters } from './checks.js';

describe('issue 11 item 1: an inserted heading is read back as the heading it was inserted as', () => {
  it('the smallest draft found ("二〇二〇年\\n２、襁") converges, with one plans heading and no stray 】', () => {
    const once = fixAll('二〇二〇年\n２、襁').output;
    expect(once.match(/2021年推进法治政府建设的主要安排\n/g)).toHaveLength(1);
    expect(once).not.toMatch(/^】/m);
    expect(fixAll(once).output).toBe(once);
  });

  it('4.2021年… and ３．2022年… are numbered headings; 1.5亿元 stays a decimal', () => {
    const outline = (line: string) => createReport(`标题\n一段正文。\n${line}`).outline.map((h) => [h.numbering?.style ?? null, h.numbering?.value ?? null, h.title]);
    expect(outline('4.2021年推进法治政府建设的主要安排')).toEqual([['arabic-dot', 4, '2021年推进法治政府建设的主要安排']]);
    expect(outline('３．2022年推进法治政府建设的主要安排')).toEqual([['arabic-dot', 3, '2022年推进法治政府建设的主要安排']]);
    expect(outline('1.5亿元资金全部到位')).toEqual([]);
  });

  it('every heading line a fix can write, in every numbering style, reads back with its style, number and title', () => {
    const styles: NumberStyle[] = ['cn-dun', 'cn-paren', 'arabic-dot', 'arabic-dun', 'arabic-paren', 'circled'];
    const bad: string[] = [];
    for (const style of styles)
      for (const bracket of ['half', 'full'] as const)
        for (const value of [1, 2, 4, 9, 10, 12, 19])
          for (const item of STATUTORY_ITEMS)
            for (const year of [null, 2020, 2024]) {
              const title = sectionTitle(item, year);
              const line = renderNumbering(style, value, bracket) + title;
              const h = createReport(`某县2020年法治政府建设情况的报告\n正文一段。\n${line}\n正文一段。`).outline[0];
              if (h?.numbering?.style !== style || h.numbering.value !== value || h.title !== title) bad.push(line);
            }
    expect(bad).toEqual([]);
  });
});

describe('issue 11 item 2: two insertions at one offset are not compatible', () => {
  it('compatibleFixes takes one of two insertions at the same point, and both of two at different points', () => {
    const a = { edits: [{ start: 5, end: 5, newText: '三、' }] };
    const b = { edits: [{ start: 5, end: 5, newText: '三、党政主要负责人…\n' }] };
    expect(compatibleFixes([a, b])).toEqual([a]);
    const c = { edits: [{ start: 6, end: 6, newText: 'x' }] };
    expect(compatibleFixes([a, c])).toEqual([a, c]);
    // an insertion at the edge of a replacement keeps its place before or after it
    const d = { edits: [{ start: 5, end: 8, newText: 'y' }] };
    expect(compatibleFixes([a, d])).toEqual([a, d]);
  });

  it('xiaobailou-2020.md: heading-sequence and section-missing no longer write 三、三、', () => {
    const once = fixAll(readCorpus('xiaobailou-2020.md')).output;
    expect(once).not.toContain('三、三、');
    expect(once.match(/^三、党政主要负责人履行推进法治建设第一责任人职责情况$/gm)).toHaveLength(1);
    expect(once).toMatch(/^四、2021年法治政府建设的计划安排$/m);
    expect(fixAll(once).output).toBe(once);
  });
});

describe('issue 11 item 3: no cut through a surrogate pair', () => {
  const P = '全镇各村社区和白沙镇大坪乡石门坎村'.slice(0, 17); // 17 units, so 𠮷 straddles unit 18

  it('truncate, truncateStart and openingWords keep 𠮷 whole', () => {
    expect(truncate(`${P}𠮷村`, 18)).toBe(`${P}…`);
    expect(truncate(`${P}𠮷村`, 19)).toBe(`${P}𠮷…`);
    expect(truncateStart(`村𠮷${P}`, 18)).toBe(`…${P}`);
    const o = openingWords(`${P}𠮷村落实主要负责人履行推进法治建设第一责任人职责，局长主持。`);
    expect(o.first).toBe(`${P}…`);
    expect(o.to - o.from).toBe(17);
  });

  it('the placeholder first-responsible-separate writes quotes whole characters', () => {
    const inside = `（三）一是${P}𠮷村落实主要负责人履行推进法治建设第一责任人职责。局长主持专题会议研究法治工作。`;
    const text = report(...renumbered([...MEASURES, inside], PROBLEMS, PLANS));
    const f = check(text).findings.find((x) => x.ruleId === 'first-responsible-separate')!;
    expect(f.fixes[0].edits[0].newText).toContain(`可将“${P}…”一段移至本部分`);
    expect(brokenCharacters(fixAll(text).output)).toBe(0);
  });

  it('duplicate-sentence excerpts in messages keep whole characters', () => {
    const s = `${'全面推进依法行政工作取得了新成效'.repeat(2).slice(0, 29)}𠮷村。`;
    const text = `某县2020年法治政府建设情况的报告\n一、主要举措和成效\n${s}\n${s}\n`;
    const dup = check(text).findings.filter((x) => x.ruleId === 'duplicate-sentence');
    expect(dup.length).toBeGreaterThan(0);
    for (const f of dup) {
      expect(brokenCharacters(f.message)).toBe(0);
      for (const r of f.related) expect(brokenCharacters(r.message)).toBe(0);
    }
  });
});

describe('issue 11 item 4: a repeated sentence is deleted with its enclosing bracket or not at all', () => {
  it('【…。】 written twice: the second copy goes with both its brackets', () => {
    const line = '【待补充：写明2021年推进法治政府建设的主要安排。】';
    const text = `某县2020年法治政府建设情况的报告\n一、主要举措和成效\n${line}\n${line}\n`;
    const f = check(text).findings.find((x) => x.ruleId === 'duplicate-sentence')!;
    expect(text.slice(f.fixes[0].edits[0].start, f.fixes[0].edits[0].end)).toBe(line);
    const out = fixAll(text).output;
    expect(out).not.toMatch(/^】/m);
    expect(unmatchedBrackets(out)).toBe(0);
  });

  it('balancedDeletion widens over the partners beside a range, else refuses', () => {
    const t = '甲【乙丙。】丁';
    expect(balancedDeletion(t, { start: 1, end: 5 })).toEqual({ start: 1, end: 6 }); // 【乙丙。 + 】
    expect(balancedDeletion(t, { start: 2, end: 6 })).toEqual({ start: 1, end: 6 }); // 【 + 乙丙。】
    expect(balancedDeletion(t, { start: 2, end: 5 })).toEqual({ start: 2, end: 5 });
    expect(balancedDeletion('【乙。丙】', { start: 0, end: 3 })).toBeNull(); // its 】 is not beside it
    expect(balancedDeletion('（一）【乙', { start: 3, end: 5 })).toBeNull();
  });

  it('unmatchedBrackets counts partners per line, mixed widths pairing', () => {
    expect(unmatchedBrackets('（一)【甲】“乙”')).toBe(0);
    expect(unmatchedBrackets('】\n【')).toBe(2);
    expect(unmatchedBrackets('《甲\n》')).toBe(2);
  });
});
