#!/usr/bin/env node
// The README's pictures of the offline checking page (docs/images/page-*.png): dist/web/fazhi-lint.html opened from
// file:// in Debian's chromium (headless, through playwright-core, every request but the page refused) with a corpus
// report dropped on it, as test/web/page.test.ts drives it. Run after `npm run build`:
//   node scripts/page-screenshots.mjs
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, launchBrowser } from './e2e-lib.mjs';

const PAGE_URL = pathToFileURL(path.join(REPO_ROOT, 'dist/web/fazhi-lint.html')).href;
const REPORT = 'kecheng-2020.md';
const text = readFileSync(path.join(REPO_ROOT, '../shared/corpus', REPORT), 'utf8');
const out = (name) => path.join(REPO_ROOT, 'docs/images', name);

const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const refused = [];
  await context.route('**/*', (route) => (route.request().url() === PAGE_URL ? route.continue() : (refused.push(route.request().url()), route.abort())));
  const page = await context.newPage();
  await page.goto(PAGE_URL, { waitUntil: 'load' });
  await page.waitForSelector('body[data-state="idle"]', { state: 'attached', timeout: 15_000 });
  await page.evaluate(({ text, name }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], name, { type: 'text/markdown' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, { text, name: REPORT });
  await page.waitForFunction((want) => window.fazhiPage.shownText() === want, text, { timeout: 15_000 });

  const shots = [];
  await page.screenshot({ path: out('page-check.png') });
  shots.push('page-check.png');
  // a mark's tip (a figure that conflicts with another): the rule's title, reason, basis and fixes, with its line
  const mark = page.locator('#L18 mark[data-f]').first();
  await mark.scrollIntoViewIfNeeded();
  await mark.hover();
  const tip = page.locator('#tip');
  await tip.waitFor({ state: 'visible' });
  const [m, t] = [await mark.boundingBox(), await tip.boundingBox()];
  const top = Math.max(0, Math.min(m.y, t.y) - 60);
  const bottom = Math.min(800, Math.max(m.y + m.height, t.y + t.height) + 20);
  await page.screenshot({ path: out('page-hover.png'), clip: { x: 384, y: top, width: 896, height: bottom - top } });
  shots.push('page-hover.png');
  if (refused.length) throw new Error(`the page made requests: ${refused.join(', ')}`);
  for (const s of shots) console.log(`docs/images/${s} (${(statSync(out(s)).size / 1024).toFixed(0)} KB)`);
} finally {
  await browser.close();
}
