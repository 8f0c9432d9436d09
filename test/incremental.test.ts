/**
 * Issue 17: a re-check after edits (the server's document checker, every cross-check cache warm from the versions
 * before) gives exactly the findings and checklist of a fresh check of the same text with every cache emptied.
 * Random edit sequences on corpus reports and a Markdown draft: typing near the top (every later offset moves) and
 * in the middle, deleting, splitting and joining lines, duplicating a line, digits, quotations, a heading marker,
 * traditional characters and pinyin debris, page fields and footers, a title line and a signature (the frame). Once
 * compared after every edit (a fresh check between), once after a chain of re-checks with the caches as they left them.
 */
import { describe, expect, test } from 'vitest';
import { DocumentChecker } from '../server/documents.js';
import { allRules, check, clearCaches, defaultConfig } from '../rules/index.js';
import { corpusFiles, readCorpus } from './helpers/corpus.js';
import { random } from './helpers/random.js';

const config = defaultConfig(allRules);

const INSERTS = ['。', '，', '法', '2', '１', '“', '”', '《', '》', '\n', '\n\n', '# ', '（一）', '一是', '發', '區(qū)', '   ', '**', '同比增长12.5%', '截至目前', '严格规范公正文明执法，',
  // what moves the frame: page fields and footers (chrome), a title line, a signature
  '\n发布时间：2024-01-05 10:00\n', '\n打印 关闭\n', '版权所有', '\n某县2023年法治政府建设情况报告\n', '\n某县人民政府\n2024年1月5日\n',
  // what the block rules find (their findings are kept by block and moved): a placeholder, 截止, a document number
  'XX局', '（几次）', '*次', '截止2023年底', '厅字[2019]28号'];

/**
 * One random edit: [start, end) replaced by text. Never between the CR and the LF of a CRLF: an editor's positions
 * (LSP's lines and characters) cannot name that offset.
 */
function randomEdit(text: string, r: () => number): { start: number; end: number; newText: string } {
  const e = anyEdit(text, r);
  const whole = (at: number) => (text[at - 1] === '\r' && text[at] === '\n' ? at + 1 : at);
  const start = whole(e.start);
  return { start, end: Math.max(start, whole(e.end)), newText: e.newText };
}

function anyEdit(text: string, r: () => number): { start: number; end: number; newText: string } {
  const lines = text.split('\n');
  const kind = r();
  // near the top a fifth of the time, else anywhere
  const at = kind < 0.2 ? Math.floor(r() * Math.min(text.length, 400)) : Math.floor(r() * text.length);
  if (kind < 0.55) return { start: at, end: at, newText: INSERTS[Math.floor(r() * INSERTS.length)] };
  if (kind < 0.75) return { start: at, end: Math.min(text.length, at + 1 + Math.floor(r() * 12)), newText: '' };
  if (kind < 0.85) {
    // a whole line copied below itself (copy-and-paste residue)
    const li = Math.floor(r() * lines.length);
    const start = lines.slice(0, li + 1).join('\n').length;
    return { start, end: start, newText: '\n' + lines[li] };
  }
  // digits changed
  const m = /\d+/g;
  const all = [...text.matchAll(m)];
  if (!all.length) return { start: at, end: at, newText: '3' };
  const d = all[Math.floor(r() * all.length)];
  return { start: d.index!, end: d.index! + d[0].length, newText: String(Math.floor(r() * 1000)) };
}

const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('incremental re-check equals a fresh check', () => {
  const drafts = [
    { name: corpusFiles[0], text: readCorpus(corpusFiles[0]) },
    { name: corpusFiles[3], text: readCorpus(corpusFiles[3]) },
    {
      name: 'markdown',
      text: `# 某区2023年法治政府建设年度报告\n\n## 一、主要举措\n\n**加强**组织领导，*严格*执法。全年办理行政复议案件12件，同比增长20%。\n\n- 开展普法宣传30场次\n- 开展普法宣传30场次\n\n## 二、存在的问题\n\n一是执法人员培训不够系统。\n\n## 三、下一步工作安排\n\n（一）规范执法证件管理。\n`,
    },
   // a draft saved on Windows: CRLF line ends (the kept damage verdicts and chrome lines are read up to a CR too), LF
    // ones typed into it
    { name: `crlf-${corpusFiles[1]}`, text: readCorpus(corpusFiles[1]).replace(/\r?\n/g, '\r\n') },
  ];
  test.each(drafts.map((d, i) => [d.name, d.text, i] as const))('%s: 25 random edits, compared after each', (name, initial, seed) => {
    const r = random(1000 + seed);
    const checker = new DocumentChecker({ configFor: () => ({ config, language: 'zh-CN' }), debounceMs: 0 });
    const uri = `file:///incremental/${name}`;
    let doc = checker.open(uri, 'markdown', 1, initial);
    checker.checkNow(uri);
    let compared = 0;
    for (let v = 2; v < 27; v++) {
      const text = doc.getText();
      const e = randomEdit(text, r);
      doc = checker.change(uri, v, [{ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, text: e.newText }])!;
      const incremental = checker.checkNow(uri)!.result;
      const now = doc.getText();
      expect(now).toBe(text.slice(0, e.start) + e.newText + text.slice(e.end));
      clearCaches();
      const fresh = check(now, { config, language: 'zh-CN' });
      expect(plain(incremental.findings)).toEqual(plain(fresh.findings));
      expect(plain(incremental.checklist)).toEqual(plain(fresh.checklist));
      compared += fresh.findings.length;
      // the caches are warm again from the fresh check: the next incremental check reuses the same entries
    }
    checker.dispose();
    expect(compared).toBeGreaterThan(0);
  });

  // a block rule's findings are kept by the block's text, its kind and what its Markdown drops: the same line is read
  // otherwise once the emphasis that ran over it from the next line is gone (截止*2023年底 with * dropped is 截止2023年底)
  test('a line whose Markdown changed with the next line: the kept findings of the old reading are not reused', () => {
    const before = '# 某区2023年法治政府建设年度报告\n\n## 一、主要举措\n\n截止*2023年底，全区办理行政复议案件12件，\n完成*年度任务。\n\n## 二、下一步工作安排\n\n规范执法。\n';
    const checker = new DocumentChecker({ configFor: () => ({ config, language: 'zh-CN' }), debounceMs: 0 });
    const uri = 'file:///incremental/markup.md';
    let doc = checker.open(uri, 'markdown', 1, before);
    const first = checker.checkNow(uri)!.result.findings.filter((f) => f.ruleId === 'jiezhi-usage');
    // the emphasis: 截止 stands before the year once its asterisk is dropped
    expect(first).toHaveLength(1);
    const at = before.indexOf('完成*') + 2;
    doc = checker.change(uri, 2, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + 1) }, text: '' }])!;
    const incremental = checker.checkNow(uri)!.result;
    clearCaches();
    const fresh = check(doc.getText(), { config, language: 'zh-CN' });
    expect(plain(incremental.findings)).toEqual(plain(fresh.findings));
    expect(fresh.findings.filter((f) => f.ruleId === 'jiezhi-usage')).toHaveLength(0);
    checker.dispose();
  });

  // the caches as an editor leaves them: filled by the re-checks of many versions, no fresh check in between
  test.each(drafts.map((d, i) => [d.name, d.text, i] as const))('%s: 40 random edits re-checked one after another, compared every tenth', (name, initial, seed) => {
    const r = random(2000 + seed);
    const checker = new DocumentChecker({ configFor: () => ({ config, language: 'zh-CN' }), debounceMs: 0 });
    const uri = `file:///incremental-chain/${name}`;
    let doc = checker.open(uri, 'markdown', 1, initial);
    checker.checkNow(uri);
    let compared = 0;
    for (let v = 2; v < 42; v++) {
      const e = randomEdit(doc.getText(), r);
      doc = checker.change(uri, v, [{ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, text: e.newText }])!;
      const incremental = checker.checkNow(uri)!.result;
      if (v % 10 !== 1) continue;
      clearCaches();
      const fresh = check(doc.getText(), { config, language: 'zh-CN' });
      expect(plain(incremental.findings)).toEqual(plain(fresh.findings));
      expect(plain(incremental.checklist)).toEqual(plain(fresh.checklist));
      compared += fresh.findings.length;
    }
    checker.dispose();
    expect(compared).toBeGreaterThan(0);
  });
});
