/**
 * The offline checking page (dist/web/fazhi-lint.html) as a writer uses it: opened from file:// in a real browser
 * (Debian chromium through playwright-core, as the e2e test drives it) with every request but the file itself
 * aborted; a corpus report dropped on it, a .docx and a GBK text opened, a report typed in; on screen the same
 * findings (rule, line, message) as the CLI gives for the same files; a fix applied, "fix all safe", the downloads.
 * Chromium is installed by scripts/ensure-packages.sh when missing (CI starts without it).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { strToU8, strFromU8, unzipSync, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { main, type Io } from '../../cli/main.js';
import { readCorpus } from '../helpers/corpus.js';
import { corpusDocx } from '../helpers/corpus-docx.js';
import { applyEdits, check, fixAll } from '../../rules/index.js';
import { readDocx } from '../../input/docx/index.js';
import { exportedText } from '../../output/docx/export.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PAGE = path.join(ROOT, 'dist/web/fazhi-lint.html');
const PAGE_URL = pathToFileURL(PAGE).href;

interface Shown {
  ruleId: string;
  line: number;
  message: string;
}
const key = (f: Shown) => `${f.line}\t${f.ruleId}\t${f.message}`;
const sorted = (fs: Shown[]) => fs.map(key).sort();

let dir = '';
/** the CLI's findings for a file alone in a directory (no config, no last year's report beside it) */
function cli(file: string, lang = 'zh-CN'): Shown[] {
  let out = '';
  const io: Io = { stdout: (s) => void (out += s), stderr: () => undefined, readStdin: () => new Uint8Array(), isTTY: false, cwd: path.dirname(file) };
  main(['-f', 'json', '--lang', lang, path.basename(file)], io);
  const [result] = JSON.parse(out) as { messages: Shown[] }[];
  return result.messages.map((m) => ({ ruleId: m.ruleId, line: m.line, message: m.message }));
}

function alone(name: string, bytes: Uint8Array | string): string {
  const d = mkdtempSync(path.join(dir, 'f-'));
  const file = path.join(d, name);
  writeFileSync(file, bytes);
  return file;
}

/** A Word document with a pending tracked change (an empty insertion: the text view is unchanged) */
function withTrackedChange(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  const xml = strFromU8(files['word/document.xml']);
  files['word/document.xml'] = strToU8(xml.replace('</w:p>', '<w:ins w:id="901" w:author="审核人" w:date="2021-03-01T00:00:00Z"><w:r><w:t></w:t></w:r></w:ins></w:p>'));
  return zipSync(files);
}

// the suite's TypeScript has no DOM library: the page's elements are typed by what is read of them
type El = { dataset: Record<string, string>; textContent: string | null; value?: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- what runs inside the page (page.evaluate)
declare const document: any, window: any, DataTransfer: any, DragEvent: any;
type Page = import('playwright-core').Page;
type Browser = import('playwright-core').Browser;

let browser: Browser;
let page: Page;
const requests: string[] = [];
const aborted: string[] = [];
const pageErrors: string[] = [];

async function shown(): Promise<Shown[]> {
  return page.$$eval('li.finding', (items: El[]) =>
    items.map((li) => ({ ruleId: li.dataset.ruleId, line: Number(li.dataset.line), message: (li as unknown as { querySelector(s: string): El }).querySelector('.msg')!.textContent ?? '' })),
  );
}

/** wait for the check after `action` to be drawn */
async function checked(action: () => Promise<unknown>): Promise<void> {
  const before = await page.evaluate(() => Number(document.body.dataset.seq ?? 0));
  await action();
  await page.waitForFunction((n: number) => document.body.dataset.state === 'ready' && Number(document.body.dataset.seq) > n, before, { timeout: 15_000 });
}

/**
 * wait until the page shows the check of `text` after `action`: not "some check finished", which a check of the
 * previous text still pending (a typing pause, a file read) can be, so a file opened or dropped is never compared
 * with what was on the page before it
 */
async function shows(text: string, action: () => Promise<unknown>): Promise<void> {
  await action();
  await page.waitForFunction((want: string) => window.fazhiPage.shownText() === want, text, { timeout: 15_000 });
}

const editorText = () => page.$eval('#editor', (e: El) => e.value ?? '');

beforeAll(async () => {
  execFileSync('bash', [path.join(ROOT, 'scripts/ensure-packages.sh'), 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', timeout: 600_000 });
  dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-web-page-'));
  // @ts-ignore the e2e helpers are plain ES modules without type declarations
  const lib = await import('../../scripts/e2e-lib.mjs');
  browser = await lib.launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  // every request but the page itself is refused: the writer's text cannot leave the machine
  await context.route('**/*', (route) => (route.request().url() === PAGE_URL ? route.continue() : (aborted.push(route.request().url()), route.abort())));
  page = await context.newPage();
  page.on('request', (r) => void requests.push(r.url()));
  page.on('pageerror', (e) => void pageErrors.push(e.message));
  await page.goto(PAGE_URL, { waitUntil: 'load' });
  await page.waitForSelector('body[data-state="idle"]', { state: 'attached', timeout: 15_000 });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('offline checking page', () => {
  test('is one file under 2 MB', () => {
    expect(statSync(PAGE).size).toBeLessThan(2 * 1024 * 1024);
    const html = readFileSync(PAGE, 'utf8');
    // nothing refers to anything outside the file
    expect(html).not.toMatch(/<(script|link|img|iframe)\b[^>]*\s(src|href)=/i);
  });

  test('a corpus report dropped on the page shows the CLI findings, line by line', async () => {
    const md = readCorpus('kecheng-2020.md');
    const file = alone('kecheng-2020.md', md);
    const expected = cli(file);
    expect(expected.length).toBeGreaterThan(5);
    await shows(md, () =>
      page.evaluate(
        ({ text, name }) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([text], name, { type: 'text/markdown' }));
          window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        },
        { text: md, name: 'kecheng-2020.md' },
      ),
    );
    expect(sorted(await shown())).toEqual(sorted(expected));
    // the text is on screen with its marks, each finding's messages beside its line
    expect(await page.$$eval('#view .ln', (rows: El[]) => rows.length)).toBe(md.split('\n').length);
    const notes = await page.$$eval('#view .note', (ns: El[]) => ns.length);
    expect(notes).toBe(expected.length);
    expect(await page.$$eval('#view mark[data-f]', (ms: El[]) => ms.length)).toBeGreaterThan(0);
    // the checklist with each item's line, as the core has it
    const core = check(md);
    const rows = await page.$$eval('#checklist tr', (trs: El[]) => trs.map((tr) => `${tr.dataset.item}:${tr.dataset.status}:${(tr.textContent ?? '').match(/\d+/)?.[0] ?? '-'}`));
    expect(rows).toEqual(core.checklist.map((c) => `${c.item}:${c.status}:${c.line ?? '-'}`));
  });

  test('hovering a mark shows the rule title, reason and basis; its rule page opens inside the page', async () => {
    const mark = page.locator('#view mark[data-f]').first();
    await mark.hover();
    const tip = page.locator('#tip');
    await tip.waitFor({ state: 'visible' });
    const rule = (await tip.locator('.tip-title code').first().textContent())!;
    const tipText = (await tip.textContent())!;
    const { ruleText } = await import('../../rules/messages/index.js');
    expect(tipText).toContain(ruleText('zh-CN', rule)!.title);
    expect(tipText).toContain(ruleText('zh-CN', rule)!.why);
    await tip.locator('[data-rule]').first().click();
    const heading = await page.locator('#pageBody h2').first().textContent();
    expect(heading).toBe(readFileSync(path.join(ROOT, 'docs/rules', `${rule}.md`), 'utf8').split('\n')[0].replace(/^# /, ''));
    await page.click('#closePage');
  });

  test('clicking a finding jumps to its line', async () => {
    const item = page.locator('li.finding').last();
    const line = await item.getAttribute('data-line');
    await item.click();
    await page.locator(`#L${line}.flash, #L${line} .flash`).first().waitFor({ state: 'attached' });
    expect(await page.evaluate((n) => { const r = document.getElementById(`L${n}`)!.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }, line)).toBe(true);
  });

  test("a finding's fix button changes exactly what the core's fix changes", async () => {
    const md = readCorpus('kecheng-2020.md');
    const core = check(md);
    const target = core.findings.find((f) => f.fixes.length && f.fixes[0].safe && f.ruleId === 'punctuation-residue') ?? core.findings.find((f) => f.fixes.length && f.fixes[0].safe)!;
    const k = (await shown()).findIndex((s) => s.ruleId === target.ruleId && s.line === target.line && s.message === target.message);
    expect(k).toBeGreaterThanOrEqual(0);
    await page.locator('li.finding').nth(k).locator('button.fix').first().click();
    await page.waitForFunction(() => document.body.dataset.state === 'ready');
    const fixed = applyEdits(md, target.fixes[0].edits);
    expect(fixed).not.toBe(md);
    expect(await editorText()).toBe(fixed);
    // and the page re-checked the fixed text
    await page.waitForFunction((want: string) => window.fazhiPage.shownText() === want, fixed);
    expect(sorted(await shown())).toEqual(sorted(check(fixed).findings));
    // undo brings the original back
    await shows(md, () => page.click('#undo'));
    expect(await editorText()).toBe(md);
  });

  test('"fix all safe" gives the text of the core\'s fix engine, and it downloads as .md and .docx', async () => {
    const md = readCorpus('kecheng-2020.md');
    const expected = fixAll(md).output;
    await shows(expected, () => page.click('#fixAll'));
    expect(expected).not.toBe(md);
    expect(await editorText()).toBe(expected);
    const [mdDownload] = await Promise.all([page.waitForEvent('download'), page.click('#dlMd')]);
    expect(mdDownload.suggestedFilename()).toBe('kecheng-2020.md');
    expect(readFileSync((await mdDownload.path())!, 'utf8')).toBe(expected);
    const [docxDownload] = await Promise.all([page.waitForEvent('download'), page.click('#dlDocx')]);
    expect(docxDownload.suggestedFilename()).toBe('kecheng-2020.docx');
    const read = readDocx(new Uint8Array(readFileSync((await docxDownload.path())!)));
    if (!read.ok) throw read.error;
    // the exporter writes one paragraph per non-empty line: read back, the draft's lines one for one
    expect(read.view.lines.map((l) => l.text).filter((l) => l.trim())).toEqual(expected.split('\n').filter((l) => l.trim()).map(exportedText));
  });

  test('a .docx opened from the file dialog shows the CLI findings, tracked changes included', async () => {
    const md = readCorpus('hedong-sifaju-2020.md');
    const docx = withTrackedChange(corpusDocx(md).docx);
    const file = alone('hedong-sifaju-2020.docx', docx);
    const expected = cli(file);
    expect(expected.some((f) => f.ruleId === 'tracked-changes')).toBe(true);
    const view = readDocx(docx);
    if (!view.ok) throw view.error;
    await shows(view.view.text, () => page.setInputFiles('#file', file));
    expect(sorted(await shown())).toEqual(sorted(expected));
    expect(await page.evaluate(() => document.body.dataset.source)).toBe('hedong-sifaju-2020.docx');
  });

  test('a .docx dropped on the page shows the CLI findings', async () => {
    const md = readCorpus('xiangqiao-sifaju-2017.md');
    const docx = corpusDocx(md).docx;
    const expected = cli(alone('xiangqiao-sifaju-2017.docx', docx));
    expect(expected.length).toBeGreaterThan(0);
    const view = readDocx(docx);
    if (!view.ok) throw view.error;
    expect(view.view.text).not.toBe(await page.evaluate(() => window.fazhiPage.shownText()));
    await shows(view.view.text, () =>
      page.evaluate(
        ({ bytes, name }) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
          window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        },
        { bytes: [...docx], name: 'xiangqiao-sifaju-2017.docx' },
      ),
    );
    expect(sorted(await shown())).toEqual(sorted(expected));
    expect(await page.evaluate(() => document.body.dataset.source)).toBe('xiangqiao-sifaju-2017.docx');
  });

  test('a GBK text file reads as the CLI reads it', async () => {
    // as Chinese Windows saves it: a character GBK lacks (a no-break space) becomes "?"
    const md = iconv.decode(iconv.encode(readCorpus('xiaobailou-2020.md'), 'gbk'), 'gbk');
    const file = alone('xiaobailou-2020.txt', iconv.encode(md, 'gbk'));
    expect(readFileSync(file).toString('utf8')).not.toBe(md);
    const expected = cli(file);
    await shows(md, () => page.setInputFiles('#file', file));
    expect(sorted(await shown())).toEqual(sorted(expected));
    expect(await editorText()).toBe(md);
  });

  test('typing re-checks after a pause; English shows the English messages', async () => {
    const md = readCorpus('xiangzhou-sifaju-2022.md');
    await page.click('#tabEdit');
    // the writer empties the page (the opened document is forgotten) and types a new report
    await shows('', () => page.fill('#editor', ''));
    await shows(md, () => page.fill('#editor', md));
    expect(sorted(await shown())).toEqual(sorted(cli(alone('xiangzhou-sifaju-2022.md', md))));
    await checked(() => page.click('#lang'));
    expect(sorted(await shown())).toEqual(sorted(cli(alone('xiangzhou-sifaju-2022.md', md), 'en')));
    expect(await page.locator('#fixAll').textContent()).toBe('Fix all safe');
    await checked(() => page.click('#lang'));
  });

  test('a document that declares another kind: the CLI findings, the CLI\'s sentence instead of ✖ items, fixes of its residue only', async () => {
    // an implementation plan (制定本方案), with a doubled full stop for the residue rules
    const plan = '某区法治政府建设实施方案\n为深入推进依法行政，结合本区实际，制定本方案。\n一、健全政府机构职能体系\n推进政务服务标准化。。\n';
    await page.click('#tabEdit');
    await shows(plan, () => page.fill('#editor', plan));
    const file = alone('plan.md', plan);
    expect(sorted(await shown())).toEqual(sorted(cli(file)));
    expect((await shown()).map((f) => f.ruleId)).toContain('not-a-report');
    expect(await page.$$eval('#checklist tr', (trs: El[]) => trs.length)).toBe(0);
    expect(await page.$eval('#checklist .not-report', (e: El) => e.textContent)).toBe('本文件不是年度报告（见 not-a-report 提示），未列法定部分');
    // "fix all safe" writes what the CLI's --fix writes: the 。 mended, no report section inserted
    main(['--fix', '--no-config', 'plan.md'], { stdout: () => undefined, stderr: () => undefined, readStdin: () => new Uint8Array(), isTTY: false, cwd: path.dirname(file) });
    const fixed = readFileSync(file, 'utf8');
    expect(fixed).toBe(plan.replace('。。', '。'));
    await shows(fixed, () => page.click('#fixAll'));
    expect(await editorText()).toBe(fixed);
  });

  test('no request of any kind left the page, and nothing failed in it', () => {
    expect(pageErrors).toEqual([]);
    expect(aborted).toEqual([]);
    // the file itself and the checking worker, which the page makes from its own inline source (a blob: URL)
    expect(requests.filter((u) => u !== PAGE_URL && !u.startsWith('blob:'))).toEqual([]);
    expect(requests.filter((u) => u.startsWith('blob:')).length).toBeLessThanOrEqual(1);
  });
});
