/**
 * The reviewer's page and table (`--format html` / `csv`): built from the same findings and checklist as the JSON
 * output, self-contained, escaped, and small enough for a batch of a hundred reports.
 */
import { describe, expect, test } from 'vitest';
import { check } from '../../rules/index.js';
import { reviewOf, excerpt, opinionOf, opinionPartOf, type ReviewedReport } from '../../output/review/model.js';
import { allRules } from '../../rules/registry.js';
import { renderReviewHtml, summaryColumns } from '../../output/review/html.js';
import { renderReviewCsv, BOM } from '../../output/review/csv.js';
import { corpusFiles, readCorpus } from '../helpers/corpus.js';
import { main, type Io } from '../../cli/main.js';
import { CORPUS_DIR } from '../helpers/corpus.js';
import * as path from 'node:path';
import * as os from 'node:os';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';

function reviewed(file: string, text = readCorpus(file)): ReviewedReport {
  return reviewOf(check(text, { filePath: file }), file);
}

function run(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const io: Io = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: () => new Uint8Array(), isTTY: false, cwd: CORPUS_DIR };
  return { code: main(argv, io), out, err };
}

const DRAFT = [
  '青山区人民政府关于2023年度法治政府建设情况的报告',
  '一、2023年推进法治政府建设的主要举措和成效',
  '全年办理行政复议案件40件。全年办理行政复议案件45件。',
  '二、存在的不足和原因',
  '行政执法规范化水平有待提高。',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '区长主持召开专题会议3次，研究法治政府建设重大问题。',
  '四、2024年推进法治政府建设的主要安排',
  '加强行政复议工作<script>alert(1)</script>。',
  '青山区人民政府',
  '2024年3月5日',
].join('\n');

describe('review model', () => {
  test('organ, year, 成文日期 and the publication deadline come from the report', () => {
    const r = reviewed('draft.md', DRAFT);
    expect(r.organ).toBe('青山区人民政府');
    expect(r.year).toBe(2023);
    expect(r.date).toMatchObject({ year: 2024, month: 3, day: 5 });
    expect(r.deadline).toMatchObject({ year: 2024, month: 4, day: 1 });
    expect(r.onTime).toBe(true);
    const late = reviewed('late.md', DRAFT.replace('2024年3月5日', '2024年4月1日'));
    expect(late.onTime).toBe(false);
  });

  test('excerpts mark the flagged characters and never cut a surrogate pair', () => {
    const line = '𠮷'.repeat(100) + '错字' + '𠮷'.repeat(100);
    const start = 200;
    const e = excerpt(line, start, start + 2);
    expect(e.marked).toBe('错字');
    for (const part of [e.before, e.after]) expect(part).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(e.cutBefore && e.cutAfter).toBe(true);
    // an odd window boundary inside the pairs: 61 units before the mark
    const e2 = excerpt('a' + line, start + 1, start + 3);
    expect(e2.before).not.toMatch(/^[\udc00-\udfff]/);
  });

  test('the 审查意见 names what must be added, corrected and explained', () => {
    const r = reviewed('draft.md', DRAFT);
    const o = opinionOf(r, 'zh-CN');
    expect(o.intro).toContain('《青山区人民政府2023年度法治政府建设报告》');
    const add = o.parts.find((p) => p.part === 'add');
    expect(add?.items.join()).toMatch(/未分析原因/);
    const correct = o.parts.find((p) => p.part === 'correct');
    expect(correct?.items.join()).toMatch(/40件.*45件|45件.*40件/);
    expect(o.text).toMatch(/^经审查/);
    const en = opinionOf(r, 'en');
    expect(en.text).toMatch(/^Having reviewed/);
    expect(en.parts.map((p) => p.label)).toContain('To check and correct');
  });

  test("a rule's own opinion part comes from its metadata, and only where it differs from its family's", () => {
    const familyPart = { checklist: 'add', form: 'correct', figures: 'correct', residue: 'correct' } as const;
    const own = allRules.filter((r) => r.meta.opinion);
    // a rule naming its family's part would hide the family default behind a repeated word
    expect(own.filter((r) => r.meta.opinion === familyPart[r.meta.family])).toEqual([]);
    expect(own.map((r) => r.meta.id)).toContain('figure-missing');
    const base = reviewed('draft.md', DRAFT);
    const as = (ruleId: string, family: ReviewedReport['findings'][number]['family']) => ({ ...base.findings[0], ruleId, family });
    expect(opinionPartOf(as('figure-missing', 'figures'))).toBe('add');
    expect(opinionPartOf(as('period-relative', 'figures'))).toBe('explain');
    expect(opinionPartOf(as('figure-conflict', 'figures'))).toBe('correct');
    expect(opinionPartOf(as('section-missing', 'checklist'))).toBe('add');
    expect(opinionPartOf(as('no-such-rule', 'other'))).toBe('correct');
  });

  test('a report with nothing to send back gets the clean opinion', () => {
    const r: ReviewedReport = { ...reviewed('draft.md', DRAFT), findings: [] };
    const o = opinionOf(r, 'zh-CN');
    expect(o.parts).toEqual([]);
    expect(o.text).toContain('未发现须退回修改的问题');
  });
});

describe('html', () => {
  const reports = corpusFiles.map((f) => reviewed(f));
  const html = renderReviewHtml(reports, { lang: 'zh-CN' });

  test('self-contained: no external resource, no network', () => {
    expect(html).not.toMatch(/<link[^>]+href="(?!data:)/);
    expect(html).not.toMatch(/\bsrc=/);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toContain("default-src 'none'");
  });

  test('one section per report, each on its own named page with its running header', () => {
    expect(html.match(/<section class="report"/g)?.length).toBe(reports.length);
    for (let i = 1; i <= reports.length; i++) {
      expect(html).toContain(`section#r${i} { page: r${i}; }`);
      expect(html).toMatch(new RegExp(`@page r${i} \\{ @top-center \\{ content: "[^"]+"`));
    }
  });

  test('user text is escaped', () => {
    const h = renderReviewHtml([reviewed('a<b>.md', DRAFT)], { lang: 'zh-CN' });
    expect(h).not.toContain('<script>alert(1)</script>');
    expect(h).not.toContain('a<b>.md');
    // a single report has no summary table and no script at all
    expect(h).not.toContain('<script>');
    expect(h).not.toContain('class="summary"');
  });

  test('English labels with --lang en', () => {
    const h = renderReviewHtml(reports, { lang: 'en' });
    expect(h).toContain('<html lang="en">');
    expect(h).toContain('Summary of reports');
    expect(h).toContain('Review opinion');
  });

  test('a 100-report batch stays under 5 MB', () => {
    const base = corpusFiles.map((f) => readCorpus(f));
    const batch: ReviewedReport[] = [];
    for (let i = 0; i < 100; i++) {
      // vary digits so each copy is its own report (and no per-line cache makes the batch look cheaper)
      const text = base[i % base.length].replace(/\d/g, (d) => String((Number(d) + i) % 10));
      batch.push(reviewed(`batch-${i}.md`, text));
    }
    const h = renderReviewHtml(batch, { lang: 'zh-CN' });
    expect(batch.reduce((n, r) => n + r.findings.length, 0)).toBeGreaterThan(1000);
    expect(Buffer.byteLength(h)).toBeLessThan(5 * 1024 * 1024);
  });
});

describe('csv', () => {
  const reports = corpusFiles.map((f) => reviewed(f));
  const csv = renderReviewCsv(reports, 'zh-CN');

  /** RFC 4180 reader, so the test reads the file as a spreadsheet would. */
  function parseCsv(s: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (quoted) {
        if (c === '"' && s[i + 1] === '"') (field += '"'), i++;
        else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') row.push(field), (field = '');
      else if (c === '\r' && s[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
      else field += c;
    }
    return rows;
  }

  test('UTF-8 with BOM; read back through the BOM the characters are right', () => {
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8').decode(bytes); // strips the BOM, as spreadsheet programs do
    expect(text.startsWith('序号,报告单位,年度,文件')).toBe(true);
    const rows = parseCsv(text);
    expect(rows.some((r) => r.includes('河东区司法局'))).toBe(true);
  });

  test('a fixed column count, one row per report', () => {
    const rows = parseCsv(csv.slice(BOM.length));
    expect(rows.length).toBe(reports.length + 1);
    const n = summaryColumns('zh-CN').length;
    for (const r of rows) expect(r.length).toBe(n);
  });

  test('fields with commas, quotes and line breaks are quoted', () => {
    const r = { ...reviewed('draft.md', DRAFT), organ: '甲,乙"丙"\n丁' };
    const rows = parseCsv(renderReviewCsv([r], 'zh-CN').slice(1));
    expect(rows[1][1]).toBe('甲,乙"丙"\n丁');
  });
});

describe('CLI', () => {
  test('--format csv rows agree with --format json', () => {
    const files = corpusFiles;
    const json = JSON.parse(run(['-f', 'json', ...files]).out) as { filePath: string; checklist: { item: string; status: string }[]; errorCount: number; warningCount: number; infoCount: number }[];
    const csv = run(['-f', 'csv', ...files]).out;
    const rows = csv.slice(1).trim().split('\r\n').map((l) => l.split(','));
    const header = rows[0];
    json.forEach((j, i) => {
      const row = rows[i + 1];
      expect(row[header.indexOf('文件')]).toBe(path.basename(j.filePath));
      expect(Number(row[header.indexOf('错误')])).toBe(j.errorCount);
      expect(Number(row[header.indexOf('警告')])).toBe(j.warningCount);
      expect(Number(row[header.indexOf('提示')])).toBe(j.infoCount);
      const plans = j.checklist.find((c) => c.item === 'plans')!.status;
      expect(row[header.indexOf('下年安排')]).toBe({ section: '单列', inside: '在内', merged: '合并', missing: '缺' }[plans]);
    });
  });

  test('-o writes the file (and nothing to stdout); exit code as for any format', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-review-'));
    try {
      const target = path.join(dir, 'review.html');
      const r = run(['-f', 'html', '-o', target, 'kecheng-2020.md']);
      expect(r.out).toBe('');
      expect(r.code).toBe(1);
      const h = readFileSync(target, 'utf8');
      expect(h).toMatch(/^<!DOCTYPE html>/);
      expect(h).toContain('柯城区');
      const bad = run(['-f', 'csv', '-o', path.join(dir, 'missing-dir', 'x.csv'), 'kecheng-2020.md']);
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/无法写入/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('unknown format lists html and csv', () => {
    const r = run(['-f', 'pdf', 'kecheng-2020.md']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('html');
    expect(r.err).toContain('csv');
  });
});
