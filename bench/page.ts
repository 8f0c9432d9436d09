/**
 * The offline checking page (dist/web/fazhi-lint.html) in headless Chromium (Debian's, through playwright-core, as
 * the e2e and page tests drive it): the time from the text being set, as a paste sets it, to its marks and
 * messages laid out on screen — the Web Worker's check, the reply, the drawing and the layout. Measured, not asserted.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PageTiming {
  checkMs: number;
  renderMs: number;
  totalMs: number;
}

export interface PageBench {
  /** a fresh page each time: the worker starts cold, as when the writer opens the file and pastes */
  first: PageTiming[];
  /** one character changed in the middle, the page already warm: what typing costs after the pause */
  edit: PageTiming[];
}

export async function benchPage(root: string, text: string, runs: { first: number; edit: number }): Promise<PageBench | string> {
  const file = path.join(root, 'dist/web/fazhi-lint.html');
  if (!existsSync(file)) return 'dist/web/fazhi-lint.html not built';
  let lib: { launchBrowser(): Promise<import('playwright-core').Browser> };
  try {
    lib = await import(pathToFileURL(path.join(root, 'scripts/e2e-lib.mjs')).href);
  } catch (err) {
    return `no browser: ${err instanceof Error ? err.message : String(err)}`;
  }
  let browser: import('playwright-core').Browser;
  try {
    browser = await lib.launchBrowser();
  } catch (err) {
    return `no browser: ${err instanceof Error ? err.message : String(err)}`;
  }
  const url = pathToFileURL(file).href;
  const out: PageBench = { first: [], edit: [] };
  // what runs inside the page: the page's own hook for scripts (web/page.ts)
  const setText = (t: string) => (globalThis as unknown as { fazhiPage: { check(t: string): Promise<PageTiming> } }).fazhiPage.check(t);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    for (let i = 0; i < runs.first; i++) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForSelector('body[data-state="idle"]', { state: 'attached' });
      out.first.push(await page.evaluate(setText, text));
      await page.close();
    }
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('body[data-state="idle"]', { state: 'attached' });
    await page.evaluate(setText, text);
    const mid = text.indexOf('\n', text.length >> 1);
    for (let i = 0; i < runs.edit; i++) {
      const edited = text.slice(0, mid) + '，'.repeat((i % 3) + 1) + text.slice(mid);
      out.edit.push(await page.evaluate(setText, edited));
    }
  } finally {
    await browser.close();
  }
  return out;
}
