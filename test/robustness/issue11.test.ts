/**
 * Named regressions of issue 11 (never corrupt a draft, never hang): each case below once damaged a user's file
 * through an ordinary --fix, crashed, or gave results that depended on what was checked before.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LARGE_DOCUMENT_BYTES, allRules, applyEdits, defaultConfig, check, clearCaches, compatibleFixes, createReport, fixAll, isLargeDocument, parseConfigText, utf8Length } from '../../rules/index.js';
import { defuseDeepContainers, parseDocument, parseMarkdown, pastInlineHtml } from '../../rules/model/parse.js';
import { renderNumbering, sectionTitle } from '../../rules/checklist/_insert.js';
import { readsBackBefore, type NumberStyle } from '../../rules/model/outline.js';
import { STATUTORY_ITEMS } from '../../rules/model/vocabulary.js';
import { balancedDeletion, keepsPairs, unmatchedBrackets, withoutUnmatched } from '../../rules/model/brackets.js';
import { LineIndex, splitsPair, truncate, truncateStart, withoutBrokenCharacters } from '../../rules/model/text.js';
import { damageCheck, damagesText, damagesTextAt } from '../../rules/engine/fix.js';
import type { TextEdit } from '../../rules/engine/rule.js';
import { readsBack } from '../../rules/model/numbering.js';
import { openingWords } from '../../rules/model/items.js';
import { readCorpus } from '../helpers/corpus.js';
import { MEASURES, PLANS, PROBLEMS, renumbered, report } from '../helpers/reports.js';
import { brokenCharacters } from './checks.js';
import { defineRuleForTest } from '../server/fakeRules.js';
import { cpuMs } from '../helpers/cpu-time.js';

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

describe('issue 11 item 5: a cached result holds everything it depends on', () => {
  it('duplicate-sentence on a line gives the same result whatever was checked before (Markdown context)', () => {
    const line = '全面推进依法行政工作*取得新成效，全面推进依法行政工作取得新成效。';
    // in a, the * pairs with one on the next line and is emphasis markup; in b it is a character of the text
    const a = `某县2020年法治政府建设情况的报告\n一、主要举措和成效\n${line}\n结束*了。\n`;
    const b = `某县2020年法治政府建设情况的报告\n一、主要举措和成效\n${line}\n`;
    const dup = (t: string) => check(t).findings.filter((f) => f.ruleId === 'duplicate-sentence').map((f) => [f.start, f.end, f.fixes]);
    clearCaches();
    const fresh = dup(b);
    clearCaches();
    dup(a);
    expect(dup(b)).toEqual(fresh);
    clearCaches();
    const freshA = dup(a);
    dup(b);
    expect(dup(a)).toEqual(freshA);
  });
});

describe('issue 11 item 6: deep nesting never overflows the stack', () => {
  it.each([
    ['- ', 3000],
    ['> ', 10000],
    ['1. ', 5000],
  ])('one line of %j × %i', (marker, n) => {
    const text = `某县2020年法治政府建设情况的报告\n\n${marker.repeat(n)}深层嵌套的一行正文。\n\n一、主要举措和成效\n`;
    const { ms, value: r } = cpuMs(() => check(text));
    // containers beyond 32 levels are read as text: micromark alone took seconds on these lines
    expect(ms).toBeLessThan(3000);
    expect(r.findings.filter((f) => f.messageId === 'ruleError')).toEqual([]);
    expect(r.report.blocks.some((b) => b.text.endsWith('深层嵌套的一行正文。'))).toBe(true);
  });

  it('200 lines each indented two columns deeper: lists nest at most 33 levels, the text of every line kept', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `${' '.repeat(2 * i)}- 正文${i}`);
    const text = `一、主要举措和成效\n${lines.join('\n')}\n`;
    // unguarded, micromark took 2 s on this and 80 s on 800 such lines (its list preparation walks every nested list's events)
    let deepest = 0;
    const stack: [{ type: string; children?: unknown[] }, number][] = [[parseMarkdown(defuseDeepContainers(text)), 0]];
    while (stack.length) {
      const [node, depth] = stack.pop()!;
      const d = depth + (node.type === 'list' ? 1 : 0);
      deepest = Math.max(deepest, d);
      for (const c of node.children ?? []) stack.push([c as { type: string; children?: unknown[] }, d]);
    }
    expect(deepest).toBe(33);
    const blocks = parseDocument(text).blocks;
    for (let i = 0; i < 200; i += 7) expect(blocks.some((b) => b.text.endsWith(`正文${i}`)), `line ${i}`).toBe(true);
    expect(check(text).findings.filter((f) => f.messageId === 'ruleError')).toEqual([]);
  });

  it('a marker beyond column 64 is masked whatever the line before it; up to column 64 it stays', () => {
    const at = (n: number, marker = '- ') => `${' '.repeat(n)}${marker}正文`;
    expect(defuseDeepContainers(at(64))).toBe(at(64));
    expect(defuseDeepContainers(at(65))).toBe(at(65, 'a '));
    expect(defuseDeepContainers(`\t`.repeat(17) + '> 正文')).toBe(`\t`.repeat(17) + 'a 正文');
    expect(defuseDeepContainers(at(70, '1. - '))).toBe(at(70, 'aa a '));
  });

  it('a rule with more findings than a call takes arguments (200 000) is not a rule error', () => {
    const many = defineRuleForTest('test-many-findings', (report) => Array.from({ length: 200_000 }, (_, i) => ({ start: i % report.source.length, end: (i % report.source.length) + 1, messageId: 'm' })));
    const text = '某县2020年法治政府建设情况的报告\n';
    const r = check(text, { rules: [many], config: defaultConfig([many]), strict: true });
    expect(r.findings).toHaveLength(200_000);
  });

  it('32 levels of quotes and lists are still read as containers, offsets unchanged', () => {
    const line = `${'> '.repeat(20)}${'- '.repeat(12)}正文。`;
    const deep = `${'> '.repeat(40)}正文。`;
    expect(defuseDeepContainers(line)).toBe(line);
    expect(defuseDeepContainers(deep)).toBe(`${'> '.repeat(32)}${'a '.repeat(8)}正文。`);
    const b = parseDocument(`一、甲\n\n${line}\n`).blocks[1];
    expect([b.text, b.kind]).toEqual(['正文。', 'listItem']);
  });
});

describe('issue 11 item 12: smaller defects', () => {
  it('period-relative reports 今年 in 截至今年6月, never the 至今 of 截至, before and after the jiezhi fix', () => {
    const doc = (w: string) => `某县2020年法治政府建设情况的报告\n一、主要举措和成效\n${w}今年6月，共办理行政复议案件12件。\n`;
    const words = (t: string) => check(t).findings.filter((f) => f.ruleId === 'period-relative').map((f) => [f.data.word, t.slice(f.start, f.end)]);
    expect(words(doc('截至'))).toEqual([['今年', '今年']]);
    expect(words(doc('截止'))).toEqual([['今年', '今年']]);
    expect(words(fixAll(doc('截止')).output)).toEqual([['今年', '今年']]);
    // 至今 on its own still dates a figure
    expect(words(`某县2020年法治政府建设情况的报告\n一、主要举措和成效\n成立至今已办理案件12件，至今共受理投诉8件。\n`).map((w) => w[0])).toContain('至今');
  });

  it('a byte-order mark opening a later parse segment does not shift block ranges', () => {
    const src = '一、甲**强调**\n\n\ufeff二、乙**强调**\n\n\ufeff三、丙\n';
    const blocks = (seg: { maxChars: number; maxBlocks: number }) => parseDocument(src, seg).blocks.map((b) => [b.start, b.end, b.norm.text]);
    expect(blocks({ maxChars: 1, maxBlocks: 1 })).toEqual(blocks({ maxChars: Infinity, maxBlocks: Infinity }));
    expect(blocks({ maxChars: 1, maxBlocks: 1 })[1]).toEqual([12, 21, '二、乙强调']);
  });

  it('section-empty on a heading without a title marks the heading line, not an empty range', () => {
    const text = '# 主要举措和成效\n# \n# 存在的问题\n# 下一步工作安排\n正文一段正文一段正文。';
    const found = check(text).findings.filter((f) => f.end === f.start && f.ruleId === 'section-empty');
    expect(found).toEqual([]);
    const empty = check(text).findings.filter((f) => f.ruleId === 'section-empty');
    expect(empty.length).toBeGreaterThan(0);
  });

  it('a rule option named __proto__ or constructor is an unknown option, not "must be undefined"', () => {
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const text = `{"rules": {"duplicate-sentence": ["warning", {"${name}": 1}]}}`;
      let message = '';
      try {
        parseConfigText('/x/.fazhi-lint.json', text, allRules);
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toContain('没有选项');
      expect(message).not.toContain('undefined');
    }
  });
});

describe('issue 11 item 8: a large document is degraded by its size in bytes', () => {
  it('utf8Length is the size the file has on disk, surrogate pairs and lone halves included', () => {
    for (const s of ['', 'abc', 'é', '法治', '𠮷', '\ud800', 'a\udc00b', '\ud83d\ude00\ud83d', '\u07ff\u0800\uffff']) expect(utf8Length(s)).toBe(Buffer.byteLength(s));
  });

  it('a Chinese draft of 2.1 MB in UTF-8 (0.7 M UTF-16 units) gets the cheap rules only', () => {
    const para = '全面推进依法行政，严格规范公正文明执法，全年办理行政复议案件十二件。\n';
    const text = `某县2020年法治政府建设情况的报告\n${para.repeat(Math.ceil((LARGE_DOCUMENT_BYTES + 1024) / utf8Length(para)))}`;
    expect(text.length).toBeLessThan(LARGE_DOCUMENT_BYTES / 2);
    expect(isLargeDocument(text)).toBe(true);
    expect(isLargeDocument(text.slice(0, Math.floor(text.length / 2)))).toBe(false);
    expect(isLargeDocument('a'.repeat(LARGE_DOCUMENT_BYTES))).toBe(false);
    expect(isLargeDocument('a'.repeat(LARGE_DOCUMENT_BYTES + 1))).toBe(true);
    expect(check(text).degraded).toBe(true);
  });

  it('anySize (the bench\'s growth rows) runs every rule on the same draft', () => {
    const para = '全面推进依法行政，严格规范公正文明执法，全年办理行政复议案件十二件。\n';
    const text = `某县2020年法治政府建设情况的报告\n${para.repeat(Math.ceil((LARGE_DOCUMENT_BYTES + 1024) / utf8Length(para)))}`;
    const rules = allRules.filter((r) => !r.meta.cheap && r.meta.id === 'duplicate-sentence');
    expect(rules).toHaveLength(1);
    expect(check(text, { rules }).findings).toHaveLength(0);
    const full = check(text, { rules, anySize: true });
    expect(full.degraded).toBe(false);
    expect(full.findings.length).toBeGreaterThan(0);
  });
});

/** Found by the fuzz driver (test/robustness/fuzz.test.ts, seed 20261202), each the shrunk counterexample. */
describe('issue 11 fuzz finds: fixes write no unmatched bracket and no broken character', () => {
  it('first-responsible-separate quotes an opening cut before its 】 without the 【 (司法局10000[…, 一、【全年办理…)', () => {
    for (const text of ['司法局10000[党政主要负责人履行推进法治建设第一责任人职责', '一、【全年办理行政复议案件12件，同比增长20%。主要负责人履行推进法治建设第一责任人职责']) {
      const f = check(text).findings.find((x) => x.ruleId === 'first-responsible-separate');
      expect(f).toBeDefined();
      for (const fx of f!.fixes) expect(unmatchedBrackets(applyEdits(text, fx.edits))).toBe(unmatchedBrackets(text));
      expect(unmatchedBrackets(fixAll(text).output)).toBeLessThanOrEqual(unmatchedBrackets(text));
    }
    // the placeholder still names the paragraph, without the bracket
    const f = check('一、【全年办理行政复议案件12件，同比增长20%。主要负责人履行推进法治建设第一责任人职责').findings.find((x) => x.ruleId === 'first-responsible-separate')!;
    expect(f.fixes[0].edits[0].newText).toContain('可将“全年办理行政复议案件12件”一段移至本部分');
  });

  it('withoutUnmatched drops only the brackets without a partner in the text', () => {
    expect(withoutUnmatched('【全年办理')).toBe('全年办理');
    expect(withoutUnmatched('《条例》（试行')).toBe('《条例》试行');
    expect(withoutUnmatched('a】b“c”(d）')).toBe('ab“c”(d）');
    expect(unmatchedBrackets(withoutUnmatched('（【）】《'))).toBe(0);
  });

  it('a long heading title is cut before 𠮷, not through it: section-merged rewrites no half character', () => {
    const text = '一、2021年推进法治政府建设的主要安排存在的问题和不足𠮷村𠮷镇𠮷街道落实【𠮷村𠮷镇𠮷街道落实';
    const h = createReport(text).outline[0];
    expect(brokenCharacters(h.title)).toBe(0);
    expect(brokenCharacters(text.slice(h.titleRange.start, h.titleRange.end))).toBe(0);
    expect(brokenCharacters(fixAll(text).output)).toBe(0);
  });

  it('first-responsible-separate does not copy a lone surrogate of a damaged draft into its placeholder', () => {
    const text = '\ud800主要负责人履行推进法治建设第一责任人职责\n一、@';
    const f = check(text).findings.find((x) => x.ruleId === 'first-responsible-separate')!;
    expect(brokenCharacters(f.fixes[0].edits.map((e) => e.newText).join(''))).toBe(0);
    expect(brokenCharacters(fixAll(text).output)).toBe(brokenCharacters(text));
    expect(withoutBrokenCharacters('a\ud800b\udc00c𠮷\ufffd')).toBe('abc𠮷');
  });
});

describe('issue 11 fuzz finds (seed 99): numbers a fix writes read back; a title is not split inside a bracket', () => {
  it('a hundred unnumbered top-level headings: no number past 九十九 is written, fixAll converges', () => {
    const text = '\n' + Array.from({ length: 130 }, () => '主要举措').join('\n');
    const once = fixAll(text).output;
    expect(once).not.toMatch(/一百/);
    expect(fixAll(once).output).toBe(once);
    expect(readsBack('cn-dun', 99)).toBe(true);
    expect(readsBack('cn-dun', 111)).toBe(false);
    expect(readsBack('circled', 21)).toBe(false);
    // each number allowed reads back as that number
    for (const [style, max] of [['cn-dun', 99], ['cn-paren', 99], ['arabic-dot', 999], ['arabic-dun', 999], ['arabic-paren', 999], ['circled', 20]] as const) {
      const line = renderNumbering(style, max, 'full') + '主要举措和成效';
      const h = createReport(`某县2020年法治政府建设情况的报告\n正文一段。\n${line}\n正文一段。`).outline[0];
      expect([style, h?.numbering?.value]).toEqual([style, max]);
    }
  });

  it('section-merged does not cut (主要举措和成效)存在的问题和不足 at the 和 inside the brackets', () => {
    const text = '一、(主要举措和成效)存在的问题和不足';
    const f = check(text).findings.find((x) => x.ruleId === 'section-merged');
    expect(f).toBeDefined();
    for (const fx of f!.fixes) expect(unmatchedBrackets(applyEdits(text, fx.edits))).toBe(0);
    expect(unmatchedBrackets(fixAll(text).output)).toBe(0);
  });
});

describe('issue 11 fuzz finds (seed 31337): a number is written only where it reads back; ranges on whole code points', () => {
  const allOn = defaultConfig(allRules, true);

  it('fixAll on "0年度报告\\n2、\\ud800" converges: no 1. before a title opening with a digit (1.0 is a decimal)', () => {
    const text = '0年度报告\n2、\ud800';
    const once = fixAll(text, { config: allOn }).output;
    expect(once.startsWith('0年度报告\n')).toBe(true);
    expect(fixAll(once, { config: allOn }).output).toBe(once);
    const unnumbered = check(text, { config: allOn }).findings.filter((f) => f.ruleId === 'heading-sequence' && f.messageId === 'unnumbered');
    for (const f of unnumbered) expect(f.fixes).toEqual([]);
  });

  it('heading-numeral-style does not rewrite 2、5亿元… into the decimal 2.5亿元…; 2、2021年… becomes 2.2021年…', () => {
    const rewrites = (line: string) =>
      check(`某县2020年法治政府建设情况的报告\n一、主要举措和成效\n（一）执法\n1.开展执法检查\n${line}`, { config: allOn })
        .findings.filter((f) => f.ruleId === 'heading-numeral-style' && f.messageId === 'dun')
        .map((f) => f.fixes.length);
    expect(rewrites('2、5亿元资金全部到位')).toEqual([0]);
    expect(rewrites('2、2021年专项整治')).toEqual([1]);
    expect(readsBackBefore('1.', '0年度报告', 'arabic-dot', 1)).toBe(false);
    expect(readsBackBefore('2.', '5亿元资金全部到位', 'arabic-dot', 2)).toBe(false);
    expect(readsBackBefore('4.', '2021年推进法治政府建设的主要安排', 'arabic-dot', 4)).toBe(true);
    expect(readsBackBefore('(一)', '执法', 'cn-paren', 1)).toBe(true);
    expect(readsBackBefore('一、', '执法', 'cn-paren', 1)).toBe(false);
  });

  it('figure-missing on 𠮷村𠮷镇𠮷街道落实下％ starts its range on a whole 𠮷, not between its halves', () => {
    // closed by 。: a text that stops mid-sentence at its very end is an unfinished clause, not a cut figure
    const line = '𠮷村𠮷镇𠮷街道落实下％';
    const text = line + '。';
    const f = check(text, { config: allOn }).findings.find((x) => x.ruleId === 'figure-missing');
    expect(f).toBeDefined();
    expect(text.slice(f!.start, f!.end)).toBe(line);
    const raw = allRules.find((r) => r.meta.id === 'figure-missing')!.check(createReport(text), {}, undefined as never);
    expect(raw.map((x) => [x.start, x.end])).toEqual([[0, line.length]]);
  });

  it('the engine widens any rule range that cuts a surrogate pair to take the whole character', () => {
    const cut = defineRuleForTest('test-cut-pair', () => [{ start: 1, end: 4, messageId: 'm' }]);
    const text = '𠮷村𠮷镇';
    const [f] = check(text, { rules: [cut], config: defaultConfig([cut]), strict: true }).findings;
    expect([f.start, f.end]).toEqual([0, 5]);
  });
});

describe('issue 11 fuzz finds (seed 2): a title replaced whole is balanced', () => {
  it('section-merged does not rewrite a title cut at 40 characters inside [ … ] (the ] after it would lose its partner)', () => {
    const text = '一、主要举措和成效[某县人民政府关于2020年法治政府建设情况的报告其他需要报告的事项]';
    const merged = check(text, { config: defaultConfig(allRules, true) }).findings.filter((x) => x.ruleId === 'section-merged');
    expect(merged).toHaveLength(1);
    for (const f of merged) for (const fx of f.fixes) expect(unmatchedBrackets(applyEdits(text, fx.edits))).toBe(0);
    expect(unmatchedBrackets(fixAll(text, { config: defaultConfig(allRules, true) }).output)).toBe(0);
    // the same title written whole within the limit is still split
    const short = '一、主要举措和成效及其他需要报告的事项';
    expect(check(short).findings.find((x) => x.ruleId === 'section-merged')?.fixes).toHaveLength(1);
  });
});

describe('issue 11 fuzz finds (seed 6): a pattern repeated is not a sentence written twice', () => {
  it('a paragraph of one short unit repeated to 2000 characters ("\\ud800(二)", （二）, 甲乙, 【推进依法行政】): no duplicate-sentence run, fixAll idempotent', () => {
    const allOn = defaultConfig(allRules, true);
    for (const unit of ['\ud800(二)', 'x(二)', '（二）', '甲乙', '【推进依法行政】']) {
      const text = '\n' + unit.repeat(Math.ceil(2000 / unit.length)) + '\n';
      expect(check(text, { config: allOn }).findings.filter((f) => f.ruleId === 'duplicate-sentence'), unit).toEqual([]);
      const once = fixAll(text, { config: allOn }).output;
      expect(fixAll(once, { config: allOn }).output, unit).toBe(once);
    }
  });

  it('a sentence of 12+ characters written twice in a paragraph is still reported and deleted', () => {
    const text = '某县2020年法治政府建设情况的报告\n\n全面推进严格规范公正文明执法全面推进严格规范公正文明执法，成效明显。\n';
    const dup = check(text).findings.filter((f) => f.ruleId === 'duplicate-sentence');
    expect(dup).toHaveLength(1);
    expect(fixAll(text).output).toContain('\n全面推进严格规范公正文明执法，成效明显。');
  });
});

describe('issue 11 fuzz finds: a number or section inserted at a line inside inline HTML is read back', () => {
  const allOn = defaultConfig(allRules, true);

  it('"\\ud800<!--\\n-->主要负责人…": 一、 goes after the comment\'s -->, not inside it; fixAll converges in one pass', () => {
    // the lone surrogate makes <!-- inline HTML of a paragraph, so the comment runs into the heading's line
    for (const text of [
      '\ud800<!--\n-->主要负责人履行推进法治建设第一责任人职责',
      'x<!--\n-->主要负责人履行推进法治建设第一责任人职责',
      'x<span\nclass="a">主要负责人履行推进法治建设第一责任人职责',
      '某县2020年法治政府建设情况的报告\n一、主要举措和成效\n正文一段。\nx<!-- a\n-->二、存在的问题\n正文',
    ]) {
      const once = fixAll(text, { config: allOn }).output;
      expect(once, text).not.toMatch(/一、一、/);
      expect(fixAll(once, { config: allOn }).output, text).toBe(once);
    }
    const text = '\ud800<!--\n-->主要负责人履行推进法治建设第一责任人职责';
    const number = check(text, { config: allOn }).findings.find((f) => f.ruleId === 'heading-sequence' && f.messageId === 'unnumbered')!;
    expect(number.fixes[0].edits).toEqual([{ start: text.indexOf('主'), end: text.indexOf('主'), newText: '一、' }]);
    const h = createReport(applyEdits(text, number.fixes[0].edits)).outline[0];
    expect([h.numbering?.value, h.title]).toEqual([1, '主要负责人履行推进法治建设第一责任人职责']);
  });

  it('pastInlineHtml moves a point inside an inline span to its end, and leaves others', () => {
    const spans = [{ start: 1, end: 9 }, { start: 12, end: 15 }];
    expect([0, 1, 6, 9, 10, 13, 15].map((at) => pastInlineHtml(spans, at))).toEqual([0, 1, 9, 9, 10, 15, 15]);
    expect(pastInlineHtml([], 3)).toBe(3);
  });
});

describe('issue 11 fuzz finds (seed 16): no fix leaves a bracket without its partner', () => {
  const allOn = defaultConfig(allRules, true);

  it('title-format on "2020年\\n【人民政府" writes a title without the 【 of the signature line', () => {
    const f = check('2020年\n【人民政府', { config: allOn }).findings.find((x) => x.ruleId === 'title-format')!;
    expect(f.fixes.map((fx) => fx.edits[0].newText)).toEqual(['人民政府关于2020年度法治政府建设情况的报告\n']);
    for (const text of ['2020年\n【人民政府', '2020年\n人民政府】', '2020年\n《人民政府']) {
      const f = check(text, { config: allOn }).findings.find((x) => x.ruleId === 'title-format')!;
      expect(f.fixes).toHaveLength(1);
      expect(unmatchedBrackets(f.fixes[0].edits[0].newText), text).toBe(0);
      const once = fixAll(text, { config: allOn }).output;
      expect(unmatchedBrackets(once), text).toBe(unmatchedBrackets(text));
      expect(fixAll(once, { config: allOn }).output).toBe(once);
    }
  });

  it('the engine drops a rule\'s fix that would unbalance a bracket, cut a pair or write U+FFFD, and keeps its finding', () => {
    const fixes: Record<string, TextEdit[]> = {
      bracket: [{ start: 0, end: 0, newText: '【' }],
      half: [{ start: 2, end: 3, newText: '' }],
      replacement: [{ start: 0, end: 1, newText: '\ufffd' }],
      lone: [{ start: 0, end: 1, newText: '\ud800' }],
      fine: [{ start: 0, end: 1, newText: '（乙）' }],
    };
    const rule = defineRuleForTest('test-damaging-fixes', () => Object.entries(fixes).map(([messageId, edits]) => ({ start: 0, end: 1, messageId: 'm', data: { k: messageId }, fixes: [{ messageId: 'x', edits, safe: true }] })));
    const found = check('甲𠮷乙', { rules: [rule], config: defaultConfig([rule]), strict: true }).findings;
    expect(found.map((f) => [f.data.k, f.fixes.length])).toEqual([['bracket', 0], ['half', 0], ['replacement', 0], ['lone', 0], ['fine', 1]]);
  });

  it('damagesText agrees with counting the whole text before and after, on random edits of bracketed lines', () => {
    const pieces = ['【', '】', '（', ')', '《', '》', '“', '”', '甲', '乙', '\n', '\r\n', '𠮷'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 4 }), fc.array(fc.constantFrom(...pieces), { maxLength: 3 })), { maxLength: 4 }), (t, raw) => {
        // disjoint edits on whole characters
        const edits: TextEdit[] = [];
        let pos = 0;
        for (const [gap, len, ins] of raw) {
          let start = Math.min(t.length, pos + (gap % 5));
          if (splitsPair(t, start)) start++;
          let end = Math.min(t.length, start + len);
          if (splitsPair(t, end)) end++;
          edits.push({ start, end, newText: ins.join('') });
          pos = end + 1;
          if (pos > t.length) break;
        }
        const expected = unmatchedBrackets(applyEdits(t, edits)) > unmatchedBrackets(t);
        expect(damagesText(t, edits)).toBe(expected);
      }),
      { seed: 16, numRuns: 3000 },
    );
  });

  it('a text keepsPairs passes changes no count of unmatched brackets put in anywhere, and some texts it passes hold brackets', () => {
    const pieces = ['【', '】', '（', ')', '(', '“', '”', '《', '》', '甲', '\n', '\r', '（qū）', '【甲】', '“甲”'];
    const part = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((a) => a.join(''));
    let passed = 0;
    fc.assert(
      fc.property(part, part, part, (before, t, after) => {
        if (!keepsPairs(t, 0, t.length)) return;
        if (/[【（(“《]/.test(t)) passed++;
        expect(unmatchedBrackets(before + t + after)).toBe(unmatchedBrackets(before + after));
      }),
      { seed: 17, numRuns: 5000 },
    );
    expect(passed).toBeGreaterThan(50);
    // a closer before its opener, a kind left open, a line break: not passed
    for (const t of ['）（', '【', '】', '“甲', '（\n）', '\n']) expect(keepsPairs(t, 0, t.length)).toBe(false);
  });

  it('damagesTextAt (each run of touched lines judged once and kept) agrees with damagesText, the same lines at other offsets', () => {
    const pieces = ['【', '】', '（', ')', '“', '”', '甲', '\n', '\r\n', '\r', '𠮷', '\ud842', '\ufffd'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((a) => a.join(''));
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 4 }), fc.array(fc.constantFrom(...pieces), { maxLength: 3 }));
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), (t, raw, lead) => {
        const edits: TextEdit[] = [];
        let pos = 0;
        for (const [gap, len, ins] of raw) {
          const start = Math.min(t.length, pos + (gap % 5));
          const end = Math.min(t.length, start + len);
          edits.push({ start, end, newText: ins.join('') });
          pos = end + 1;
          if (pos > t.length) break;
        }
        expect(damagesTextAt(t, edits)).toBe(damagesText(t, edits));
        // the same text after other lines (a keystroke above moved it): a kept verdict where the lines are the same
        const before = lead.join('');
        const moved = edits.map((e) => ({ ...e, start: e.start + before.length, end: e.end + before.length }));
        expect(damagesTextAt(before + t, moved)).toBe(damagesText(before + t, moved));
      }),
      { seed: 17, numRuns: 3000 },
    );
  });

  // engine/run.ts: one check's fixes share the text's lines (a run's ends found by line, not by walking) and the
  // runs judged so far (by where they start): each fix's verdict is still damagesText's, whatever was judged before
  it('damagesTextAt with one check shared by many fixes agrees with damagesText for each', () => {
    const pieces = ['【', '】', '（', ')', '“', '”', '甲', '\n', '\r\n', '\r', '𠮷', '\ud842', '\ufffd'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((a) => a.join(''));
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 4 }), fc.array(fc.constantFrom(...pieces), { maxLength: 3 }));
    const fix = fc.array(edit, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(text, fc.array(fix, { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), (t, fixes, lead) => {
        for (const source of [t, lead.join('') + t]) {
          const check = damageCheck(source, new LineIndex(source));
          for (const raw of fixes) {
            const edits: TextEdit[] = [];
            let pos = 0;
            for (const [gap, len, ins] of raw) {
              const start = Math.min(source.length, pos + (gap % 5));
              const end = Math.min(source.length, start + len);
              edits.push({ start, end, newText: ins.join('') });
              pos = end + 1;
              if (pos > source.length) break;
            }
            expect(damagesTextAt(source, edits, check)).toBe(damagesText(source, edits));
          }
        }
      }),
      { seed: 18, numRuns: 3000 },
    );
  });
});

describe('issue 11: a bracketed sentence written sixty times goes in one --fix pass', () => {
  it.each(['【全面推进依法行政工作取得新成效】', '（全面推进依法行政工作取得新成效）', '[全面推进依法行政工作取得新成效]', '〔全面推进依法行政工作取得新成效〕', '【全面推进依法行政工作取得新成效】，'])('%s × 60: every copy after the first has its own deletion, one pass leaves one copy', (unit) => {
    const text = `某县2020年法治政府建设情况的报告\n一、主要举措和成效\n${unit.repeat(60)}\n`;
    const dup = check(text).findings.filter((f) => f.ruleId === 'duplicate-sentence');
    expect(dup).toHaveLength(59);
    // each copy is deleted whole, its own brackets along: 【X】, never 】【X of two neighbours
    for (const f of dup) expect(f.fixes.map((fx) => fx.edits.map((e) => text.slice(e.start, e.end)))).toEqual([[unit]]);
    const once = fixAll(text).output;
    expect(once.split(unit).length - 1).toBe(1);
    expect(unmatchedBrackets(once)).toBe(0);
    expect(fixAll(once).output).toBe(once);
  });
});

describe('issue 11 fuzz finds (seed 21): rows repeated at the head of a page go in one --fix pass', () => {
  const allOn = defaultConfig(allRules, true);

  it.each([
    ['|---|---|\n', 601],
    ['| a | b |\n|---|---|\n', 300],
  ])('%j × %i before hedong-sifaju-2020.md: the head runs over them, fixAll converges and a second changes nothing', (rows, n) => {
    const text = rows.repeat(n) + '\n\n' + readCorpus('hedong-sifaju-2020.md');
    const r = fixAll(text, { config: allOn });
    expect(r.output).not.toContain('|---|---|');
    expect(r.passes).toBeLessThan(10);
    expect(fixAll(r.output, { config: allOn }).output).toBe(r.output);
  });
});

describe('issue 11 fuzz finds (seed 26): draft text quoted into a fix is written as it is', () => {
  it('first-responsible-separate quoting "$&主要负责人…" writes $& itself, not the placeholder\'s 。】 in its place', () => {
    const text = '$&主要负责人履行推进法治建设第一责任人职责主要负责人履行推进法治建设第一责任人职责';
    const f = check(text).findings.find((x) => x.ruleId === 'first-responsible-separate')!;
    expect(f.fixes).toHaveLength(1);
    const written = f.fixes[0].edits.map((e) => e.newText).join('');
    expect(written).toContain('可将“$&主要负责人');
    expect(unmatchedBrackets(written)).toBe(0);
  });
});

describe('issue 11 fuzz finds (seed 22): an inserted heading does not copy a numbering without its opener', () => {
  it('"一)依法全面履行政府职能": section-missing writes (二), not 二), and fixAll converges', () => {
    const allOn = defaultConfig(allRules, true);
    const text = '一)依法全面履行政府职能';
    const inserts = check(text, { config: allOn }).findings.filter((f) => f.ruleId === 'section-missing');
    expect(inserts.length).toBeGreaterThan(0);
    for (const f of inserts) {
      expect(f.fixes).toHaveLength(1);
      expect(f.fixes[0].edits[0].newText).toMatch(/^\n\(二\)/);
    }
    const once = fixAll(text, { config: allOn }).output;
    expect(unmatchedBrackets(once)).toBeLessThanOrEqual(unmatchedBrackets(text));
    expect(fixAll(once, { config: allOn }).output).toBe(once);
  });
});
