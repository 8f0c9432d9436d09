/**
 * The review page as a reviewer uses it: opened from file:// in a real browser (Debian chromium through
 * playwright-core, as the e2e test drives it) with no request of any kind, its summary table agreeing with the CLI's
 * JSON, printed to PDF on A4, every report starting on a page of its own and no line running past the margin
 * (read back with poppler's pdftotext), and the first pages turned into PNG with pdftoppm.
 * Chromium and poppler-utils are installed by scripts/ensure-packages.sh when missing (CI starts without them).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, statSync, readdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { main, type Io } from '../../cli/main.js';
import { corpusFiles, CORPUS_DIR, readCorpus } from '../helpers/corpus.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'test-output', 'review');

function cli(argv: string[], cwd: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const io: Io = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: () => new Uint8Array(), isTTY: false, cwd };
  return { code: main(argv, io), out, err };
}

/** A report whose lines a printer would cut if the page did not wrap them: one very long unbroken line. */
const LONG = [
  '青山区人民政府关于2023年度法治政府建设情况的报告',
  '一、2023年推进法治政府建设的主要举措和成效',
  '持续深化' + '依法行政制度建设推进行政执法规范化'.repeat(120) + 'XX项',
  'https://example.invalid/' + 'a'.repeat(400),
  '二、存在的不足和原因',
  '行政执法规范化水平有待提高，主要原因是执法人员培训不足。',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '区长主持召开专题会议3次，研究法治政府建设重大问题。',
  '四、2024年推进法治政府建设的主要安排',
  '加强执法人员培训，全年开展培训4次。',
  '青山区人民政府',
  '2024年3月5日',
].join('\n');

let dir = '';
let htmlPath = '';
let pdfPath = '';
let json: { filePath: string; checklist: { item: string; status: string }[]; errorCount: number; warningCount: number; infoCount: number }[] = [];
const requests: string[] = [];
let summaryCells: string[][] = [];
let headings: string[] = [];

beforeAll(async () => {
  execFileSync('bash', [path.join(ROOT, 'scripts/ensure-packages.sh'), 'chromium', 'poppler-utils', 'fonts-noto-cjk'], { stdio: 'inherit', timeout: 600_000 });
  dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-review-print-'));
  for (const f of corpusFiles) writeFileSync(path.join(dir, f), readCorpus(f));
  writeFileSync(path.join(dir, 'long-lines-2023.md'), LONG);
  const files = [...corpusFiles, 'long-lines-2023.md'];
  json = JSON.parse(cli(['-f', 'json', ...files], dir).out);
  htmlPath = path.join(dir, 'review.html');
  const r = cli(['-f', 'html', '-o', htmlPath, ...files], dir);
  expect(r.err).toBe('');

  // @ts-ignore the e2e helpers are plain ES modules without type declarations
  const lib = await import('../../scripts/e2e-lib.mjs');
  const browser = await lib.launchBrowser();
  try {
    const page = await browser.newPage();
    page.on('request', (req: { url(): string }) => requests.push(req.url()));
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    // the suite's TypeScript has no DOM library: the page's elements are typed by what is read of them
    type Cell = { textContent: string | null };
    summaryCells = await page.$$eval('table.summary tbody tr', (rows: { cells: ArrayLike<Cell> }[]) =>
      rows.map((row) => Array.from(row.cells).map((c) => c.textContent ?? '')),
    );
    headings = await page.$$eval('section.report > h2', (hs: Cell[]) => hs.map((h) => h.textContent ?? ''));
    pdfPath = path.join(dir, 'review.pdf');
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}, 900_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function pageTexts(): string[] {
  const n = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))![1]);
  const texts: string[] = [];
  for (let p = 1; p <= n; p++) texts.push(execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdfPath, '-'], { encoding: 'utf8' }));
  return texts;
}

interface Word { page: number; pageWidth: number; pageHeight: number; xMin: number; xMax: number; yMin: number; text: string }
function words(): Word[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out: Word[] = [];
  let page = 0;
  let w = 0;
  let h = 0;
  for (const m of xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="[\d.-]+">([^<]*)<\/word>/g)) {
    if (m[1]) (page++, (w = Number(m[1])), (h = Number(m[2])));
    else out.push({ page, pageWidth: w, pageHeight: h, xMin: Number(m[3]), yMin: Number(m[4]), xMax: Number(m[5]), text: m[6] });
  }
  return out;
}

describe('review page in a real browser', () => {
  test('no request of any kind but the page itself', () => {
    expect(requests).toEqual([pathToFileURL(htmlPath).href]);
  });

  test("the summary table's cells agree with the CLI's JSON", () => {
    expect(summaryCells.length).toBe(json.length);
    const short = { section: '单列', inside: '在内', merged: '合并', missing: '缺' } as Record<string, string>;
    const items = ['measures', 'problems', 'first-responsible', 'plans', 'other'];
    json.forEach((j, i) => {
      const row = summaryCells[i];
      expect(row[3]).toBe(path.basename(j.filePath));
      items.forEach((item, k) => expect(row[4 + k], `${j.filePath} ${item}`).toBe(short[j.checklist.find((c) => c.item === item)!.status]));
      // 4 family counts, then errors, warnings, infos
      expect(row.slice(13, 16).map(Number)).toEqual([j.errorCount, j.warningCount, j.infoCount]);
      expect(row.slice(9, 13).map(Number).reduce((a, b) => a + b, 0)).toBe(j.errorCount + j.warningCount + j.infoCount);
    });
  });

  test('printed on A4: the summary first, then every report from a page of its own, in order', () => {
    const texts = pageTexts();
    const ws = words();
    // A4 is 595×842 pt; the summary page is landscape
    expect(ws.filter((w) => w.page === 1)[0]).toMatchObject({ pageWidth: expect.closeTo(842, 0), pageHeight: expect.closeTo(595, 0) });
    const starts = headings.map((h) => texts.findIndex((t) => t.includes(h)));
    expect(starts.every((s) => s > 0)).toBe(true);
    for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThan(starts[i - 1]);
    headings.forEach((h, i) => {
      // the heading stands in the top part of its first page: under the running header, before anything else
      const p = starts[i] + 1;
      const pageWords = ws.filter((w) => w.page === p);
      const firstHead = pageWords.find((w) => h.startsWith(w.text) || w.text.startsWith(h.slice(0, 4)));
      expect(firstHead, `heading of report ${i + 1} on page ${p}`).toBeDefined();
      expect(firstHead!.yMin).toBeLessThan(pageWords[0].pageHeight * 0.25);
      // the page before belongs to another report (or the summary): its running header is not this one
      expect(texts[starts[i] - 1].split('\n').slice(0, 3).join('\n')).not.toContain(h);
    });
    // every page of a report carries that report's name as its running header
    for (let i = 0; i < headings.length; i++) {
      const end = i + 1 < starts.length ? starts[i + 1] : texts.length;
      for (let p = starts[i]; p < end; p++) expect(texts[p].split('\n').slice(0, 4).join('\n'), `page ${p + 1}`).toContain(headings[i]);
    }
  });

  test('no line is cut at the margin, not even a 2,000-character line or a long URL', () => {
    const ws = words();
    expect(ws.length).toBeGreaterThan(500);
    const outside = ws.filter((w) => w.xMin < 0 || w.xMax > w.pageWidth - 20);
    expect(outside.map((w) => `p${w.page} ${w.xMax.toFixed(0)}/${w.pageWidth}: ${w.text.slice(0, 20)}`)).toEqual([]);
    // the long line's text is all there, wrapped: its end (the placeholder) is printed
    expect(pageTexts().join('\n')).toMatch(/XX项/);
  });

  test('the first pages as PNG (pdftoppm)', () => {
    mkdirSync(OUT, { recursive: true });
    for (const f of readdirSync(OUT)) if (f.endsWith('.png')) rmSync(path.join(OUT, f));
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '3', pdfPath, path.join(OUT, 'page')]);
    const pngs = readdirSync(OUT).filter((f) => f.endsWith('.png')).sort();
    expect(pngs.length).toBe(3);
    for (const p of pngs) {
      const bytes = readFileSync(path.join(OUT, p));
      expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      expect(statSync(path.join(OUT, p)).size).toBeGreaterThan(10_000);
    }
  });
});
