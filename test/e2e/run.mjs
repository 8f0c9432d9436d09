#!/usr/bin/env node
// End-to-end test of the packaged extension in a REAL VS Code (code-server 4.100.3 = VS Code 1.100.3) driven
// through its UI by headless Chromium. Nothing here calls the VS Code API: every check reads what a person sees
// (Problems panel, code action menu, the file saved with Ctrl+S, the checklist view, the status bar, the hover).
//
//   npm run test:e2e          (= node test/e2e/run.mjs)
//
// Phases: e2e-setup.sh (idempotent) → `npm run package` → install the .vsix into an isolated extensions dir →
// copy corpus reports into a temp workspace → code-server on 127.0.0.1 (--auth none, no telemetry/updates) →
// Chromium → the four checks. Screenshots go to test-output/e2e/. Prints one PASS/FAIL line per check and ends
// with exactly "N passed, N failed"; exits 1 on any failure. code-server and the browser are always stopped.
//
// What to expect is not written here: it comes from ../shared/corpus/expected.json (what a reviewer must find)
// and from the checking core of the same source tree (which rules are registered, their Chinese message
// templates, fix titles and bases) — so the test follows the rule set as it grows and fails loudly when a
// rule the corpus needs is absent.
//
// Env:
//   E2E_SOURCE_DIR=<dir>   source tree to package and to read the core from (default: this repo)
//   E2E_VSIX=<file>        use this .vsix instead of running `npm run package`
//   E2E_SKIP_SETUP=1       do not run scripts/e2e-setup.sh (it must have run before)
//   E2E_KEEP_TMP=1         keep the temp workspace/user data (code-server logs under user-data/logs)
//   E2E_UPDATE_DOCS=1      copy the four README screenshots into docs/images/
//   E2E_TIMEOUT_MS         bound on the UI phase (default 330000)
//   E2E_HEADFUL=1          show the browser (needs a display)
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = path.resolve(process.env.E2E_SOURCE_DIR || REPO_ROOT);
const CORPUS = path.resolve(process.env.FAZHI_CORPUS || path.join(REPO_ROOT, '..', 'shared', 'corpus'));
const OUT = path.join(REPO_ROOT, 'test-output', 'e2e');
const DOCS_IMAGES = path.join(REPO_ROOT, 'docs', 'images');
const UI_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 330_000);
const EXTENSION_ID = 'fazhi-lint.fazhi-lint';
const FIGURES_REPORT = 'kecheng-2020.md';
const MISSING_REPORT = 'xiangqiao-sifaju-2017.md';
/** a corpus report exported to Word (by the project's writer), opened as a .docx: its text view is checked */
const DOCX_SOURCE = 'hedong-sifaju-2020.md';
const DOCX_REPORT = 'hedong-sifaju-2020.docx';
const WAIT = 30_000; // default bound on any single UI wait

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const timings = {};
const results = [];
const t0 = Date.now();
function phase(name) {
  const start = Date.now();
  console.log(`[e2e] ${name} …`);
  return () => { timings[name] = (Date.now() - start) / 1000; console.log(`[e2e] ${name}: ${timings[name].toFixed(1)} s`); };
}
function record(name, ok, detail = '') {
  results.push({ name, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? `\n      ${detail.replace(/\n/g, '\n      ')}` : ''}`);
}
class CheckFailed extends Error {}
function expect(cond, msg) { if (!cond) throw new CheckFailed(msg); }
const cjk = /[\u4e00-\u9fff]/;
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---------------------------------------------------------------------------------------------------------------
// Preparation (outside the browser)
// ---------------------------------------------------------------------------------------------------------------

function runSetup() {
  if (process.env.E2E_SKIP_SETUP) return;
  const done = phase('setup (scripts/e2e-setup.sh)');
  const r = spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'e2e-setup.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scripts/e2e-setup.sh failed (exit ${r.status})`);
  done();
}

function packageVsix() {
  if (process.env.E2E_VSIX) return path.resolve(process.env.E2E_VSIX);
  const done = phase(`package (npm run package in ${SRC})`);
  const pkg = JSON.parse(fs.readFileSync(path.join(SRC, 'package.json'), 'utf8'));
  if (!pkg.scripts?.package) {
    throw new Error(`package.json of ${SRC} has no "package" script: the extension (issue 6) is not in this tree, nothing to test`);
  }
  const r = spawnSync('npm', ['run', 'package'], { cwd: SRC, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`npm run package failed (exit ${r.status})`);
  const vsix = path.join(SRC, 'fazhi-lint.vsix');
  if (!fs.existsSync(vsix)) throw new Error(`npm run package did not produce ${vsix}`);
  done();
  return vsix;
}

/**
 * The checking core of the source tree, bundled on the fly: it tells which rules exist, their Chinese message
 * templates, fix titles and bases, and what the core itself finds — the oracle the UI is compared with.
 */
async function loadCore(tmp) {
  const entry = path.join(tmp, 'core-entry.ts');
  fs.writeFileSync(entry, [
    `export * from ${JSON.stringify(path.join(SRC, 'rules', 'index.ts'))};`,
    `export { ITEM_LABEL_ZH, REQUIRED_ITEMS } from ${JSON.stringify(path.join(SRC, 'rules', 'model', 'vocabulary.ts'))};`,
    `export { readDocx } from ${JSON.stringify(path.join(SRC, 'input', 'docx', 'index.ts'))};`,
    `export { exportDocx } from ${JSON.stringify(path.join(SRC, 'output', 'docx', 'export.ts'))};`,
  ].join('\n'));
  const require = createRequire(path.join(REPO_ROOT, 'package.json'));
  const { build } = require('esbuild');
  const outfile = path.join(tmp, 'core.cjs');
  await build({
    entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    mainFields: ['module', 'main'], logLevel: 'error', nodePaths: [path.join(SRC, 'node_modules'), path.join(REPO_ROOT, 'node_modules')],
  });
  return createRequire(outfile)(outfile);
}

/** A regexp matching any rendering of a rule's message templates (placeholders become wildcards). */
function messagePattern(core, ruleId) {
  const alts = [];
  for (const lang of ['zh-CN', 'en']) {
    const t = core.ruleText(lang, ruleId);
    for (const tpl of Object.values(t?.messages ?? {})) alts.push(tpl.split(/\{[\w-]+\}/).map(escapeRe).join('[\\s\\S]*?'));
  }
  return new RegExp(alts.map((a) => `(?:${a})`).join('|'));
}

// ---------------------------------------------------------------------------------------------------------------
// UI helpers (all bounded)
// ---------------------------------------------------------------------------------------------------------------

let lib; // scripts/e2e-lib.mjs, loaded after setup
const mod = 'Control';

async function shot(page, name, { moveMouse = true, clip } = {}) {
  if (moveMouse) await page.mouse.move(5, 400).catch(() => {});
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, clip }).catch((e) => console.log(`[e2e] screenshot ${name} failed: ${e.message}`));
  return file;
}

/** Bring a report to the front: its tab when it is open, else Quick Open (Ctrl+P), else the Explorer. */
async function openFile(page, name) {
  await closeWidgets(page);
  const tab = page.locator('.tabs-container .tab', { hasText: name }).first();
  if (await tab.isVisible().catch(() => false)) {
    await tab.click({ timeout: WAIT });
    await page.mouse.move(24, 500); // off the tab: its tooltip would cover the editor
  } else {
    try { await lib.quickOpen(page, name, { timeoutMs: 20_000 }); return; } catch (err) {
      console.log(`[e2e]   quick open of ${name} failed (${err.message.split('\n')[0]}); using the Explorer`);
      await closeWidgets(page);
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click({ timeout: WAIT });
    }
  }
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ state: 'visible', timeout: WAIT });
}

async function closeWidgets(page) {
  for (let i = 0; i < 3; i++) { await page.keyboard.press('Escape'); await sleep(100); }
}

async function focusEditor(page) {
  // "View: Focus First Editor Group": keyboard focus into the editor without moving its cursor
  await page.keyboard.press(`${mod}+1`);
  await sleep(150);
}

async function openProblems(page) {
  const panel = page.locator('.part.panel .markers-panel');
  if (!(await panel.isVisible().catch(() => false))) {
    await page.keyboard.press(`${mod}+Shift+M`);
    try { await panel.waitFor({ state: 'visible', timeout: 5000 }); } catch {
      await lib.runCommand(page, 'View: Focus on Problems View');
      await panel.waitFor({ state: 'visible', timeout: WAIT });
    }
  }
  return panel;
}

/** Type into the Problems filter box (rule ids match the diagnostic code column). */
async function filterProblems(page, text) {
  await openProblems(page);
  const input = page.locator('.part.panel .viewpane-filter input, .part.panel .markers-panel-action-filter input').first();
  await input.waitFor({ state: 'visible', timeout: WAIT });
  await input.focus(); // not click(): the "Showing n of m" badge may sit over the input's centre
  await input.fill(text);
  await sleep(400); // the filter is debounced
}

/** Marker rows of the Problems panel as text: "message  fazhi-lint(rule) [Ln 18, Col 11]". */
async function problemRows(page) {
  return page.locator('.part.panel .markers-panel .monaco-list-row').evaluateAll((rows) =>
    rows.map((r) => ({ text: r.innerText.replace(/\s+/g, ' ').trim(), label: r.getAttribute('aria-label') || '' })));
}

function parseRow(row) {
  const m = /\[(?:Ln|行)\s*(\d+)[,，]\s*(?:Col|列)\s*(\d+)\]/.exec(row.text);
  const code = /fazhi-lint\s*\(?\s*([a-z][\w-]*)\s*\)?/.exec(row.text);
  return { ...row, line: m ? Number(m[1]) : null, col: m ? Number(m[2]) : null, rule: code ? code[1] : null };
}

/** Poll the Problems panel (filtered by rule id) until a row satisfies pred; returns it or the last rows seen. */
async function waitForProblem(page, ruleId, pred, timeoutMs = 60_000) {
  await filterProblems(page, ruleId);
  const deadline = Date.now() + timeoutMs;
  let rows = [];
  // the tree renders only the rows in view: page through it with the mouse wheel, then back to the top
  const list = page.locator('.part.panel .markers-panel .monaco-list').first();
  let scrolls = 0;
  for (;;) {
    rows = (await problemRows(page).catch(() => [])).map(parseRow);
    const hit = rows.find((r) => r.rule === ruleId && pred(r));
    if (hit) return { hit, rows };
    if (Date.now() > deadline) return { hit: undefined, rows };
    const box = rows.length > 5 ? await list.boundingBox().catch(() => null) : null;
    if (box) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, ++scrolls % 6 === 0 ? -20_000 : box.height * 0.8);
      await sleep(250);
    } else {
      await sleep(500);
    }
  }
}

/** Open the quick-fix menu at the cursor (Ctrl+. , else the command) and read its entries. */
async function openQuickFixMenu(page) {
  const menu = page.locator('.action-widget');
  await page.keyboard.press(`${mod}+.`);
  try { await menu.waitFor({ state: 'visible', timeout: 8000 }); } catch {
    await lib.runCommand(page, 'Quick Fix...');
    await menu.waitFor({ state: 'visible', timeout: WAIT });
  }
  const entries = menu.locator('.monaco-list-row.action');
  await entries.first().waitFor({ state: 'visible', timeout: WAIT });
  return { menu, texts: await entries.allInnerTexts() };
}

/** Choose the menu entry whose text matches with the keyboard, as the menu is meant to be used (arrow keys move the focused entry). */
async function chooseMenuEntry(page, menu, count, matches) {
  for (let i = 0; i <= count; i++) {
    const focused = await menu.locator('.monaco-list-row.action.focused').first().innerText().catch(() => '');
    if (matches(focused)) break;
    await page.keyboard.press('ArrowDown');
    await sleep(100);
  }
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden', timeout: WAIT });
}

/** Put the cursor at line:col through Quick Open's ":line:col" (Ctrl+G is the browser's in some builds). */
async function gotoPosition(page, line, col) {
  await focusEditor(page);
  const input = page.locator('.quick-input-widget input');
  await page.keyboard.press(`${mod}+P`);
  await input.waitFor({ state: 'visible', timeout: WAIT });
  await input.fill(`:${line}:${col}`);
  await sleep(200);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: WAIT }).catch(() => {});
  await page.locator('.part.statusbar', { hasText: new RegExp(`Ln ${line}, Col ${col}\\b`) })
    .waitFor({ state: 'visible', timeout: 10_000 })
    .catch(() => { throw new CheckFailed(`could not put the cursor at line ${line}, column ${col}`); });
}

async function statusBarItems(page) {
  return page.locator('.part.statusbar .statusbar-item').evaluateAll((els) =>
    els.map((e) => ({ id: e.id, text: e.innerText.replace(/\s+/g, ' ').trim(), label: e.getAttribute('aria-label') || '' })));
}

/** The extension's status bar summary, e.g. "法定部分 3/4 2 5" (codicons render as empty text). */
async function waitForStatus(page, pred, timeoutMs = 30_000) {
  const re = /(法定部分|Sections)\s*(\d)\s*\/\s*4/;
  const deadline = Date.now() + timeoutMs;
  let last = [];
  for (;;) {
    last = await statusBarItems(page).catch(() => []);
    for (const it of last) {
      const m = re.exec(it.text) || re.exec(it.label);
      if (m && pred(Number(m[2]))) return { item: it, n: Number(m[2]) };
    }
    if (Date.now() > deadline) return { item: undefined, seen: last.map((i) => i.text).filter(Boolean) };
    await sleep(500);
  }
}

function readFileWhenChanged(file, before, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  return (async () => {
    for (;;) {
      const now = fs.readFileSync(file, 'utf8');
      if (now !== before) return now;
      if (Date.now() > deadline) return now;
      await sleep(250);
    }
  })();
}

// ---------------------------------------------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------------------------------------------

/** Step 1: the Problems panel lists kecheng-2020.md's expected Chinese diagnostics. Returns the rows found. */
async function stepProblems(page, core, expected) {
  try {
    return await stepProblemsInner(page, core, expected);
  } catch (err) {
    await shot(page, 'step1-problems');
    record(`1. Problems panel lists ${FIGURES_REPORT}'s Chinese diagnostics`, false, String(err?.stack || err));
    return [];
  }
}

async function stepProblemsInner(page, core, expected) {
  // as test/corpus-expectations.test.ts reads an entry: `anyOf` lists alternative rules, `lines` alternative lines
  const rulesOf = (m) => m.anyOf ?? (m.rule ? [m.rule] : []);
  const linesOf = (m) => m.lines ?? (m.line !== undefined ? [m.line] : null);
  const mustHere = expected[FIGURES_REPORT].must.filter((m) => linesOf(m));
  const registered = new Set(core.allRules.map((r) => r.meta.id));
  // one check per (rules, lines) whose rule exists; figure-conflict first: it is this report's headline finding
  const seen = new Set();
  const wanted = [];
  for (const m of [...mustHere.filter((m) => rulesOf(m).includes('figure-conflict')), ...mustHere]) {
    const rules = rulesOf(m).filter((r) => registered.has(r));
    const key = `${rules.join('|')}@${linesOf(m).join('/')}`;
    if (!rules.length || seen.has(key)) continue;
    seen.add(key);
    wanted.push({ rules, lines: linesOf(m), why: m.why });
  }
  const label = (w) => `${w.rules.join('|')}@L${w.lines.join('/')}`;
  const missingRules = [...new Set(mustHere.flatMap(rulesOf))].filter((r) => !registered.has(r));
  console.log(`[e2e] step 1 checks ${wanted.length} expected diagnostic(s) of ${FIGURES_REPORT}: ${wanted.map(label).join(', ') || '(none)'}`);
  if (missingRules.length) console.log(`[e2e]   not registered in this build (not checked): ${missingRules.join(', ')}`);
  if (!registered.has('figure-conflict')) console.log('[e2e]   figure-conflict is not registered yet: its line-18 conflict is not checked');

  await openFile(page, FIGURES_REPORT);
  await openProblems(page);
  const name = `1. Problems panel lists ${FIGURES_REPORT}'s Chinese diagnostics`;
  if (!wanted.length) {
    record(name, false, `no rule of ${FIGURES_REPORT}'s must list (${missingRules.join(', ')}) is registered in this build — nothing can be shown`);
    return [];
  }
  const text = fs.readFileSync(path.join(CORPUS, FIGURES_REPORT), 'utf8');
  const coreFindings = core.check(text, { language: 'zh-CN', filePath: FIGURES_REPORT }).findings;
  const failures = [];
  const found = [];
  let first = true;
  for (const w of wanted) {
    let hit;
    let rows = [];
    for (const rule of w.rules) {
      const pattern = messagePattern(core, rule);
      ({ hit, rows } = await waitForProblem(page, rule,
        (r) => w.lines.includes(r.line) && cjk.test(r.text) && pattern.test(r.text), first ? 60_000 : 5_000));
      first = false;
      if (hit) break;
    }
    if (hit) { found.push(hit); console.log(`[e2e]   ok ${hit.rule}@L${hit.line}: ${hit.text.slice(0, 90)}`); continue; }
    const inCore = coreFindings.some((f) => w.rules.includes(f.ruleId) && w.lines.includes(f.line));
    failures.push(`${label(w)} (${w.why}): no Chinese row in the Problems panel` +
      (inCore ? ' although the core finds it (extension problem)' : ' — the core does not find it either (rule problem)') +
      (rows.length ? `; rows with this filter: ${rows.slice(0, 3).map((r) => r.text.slice(0, 80)).join(' / ')}` : ''));
  }
  if (found.length) await filterProblems(page, found[0].rule);
  await shot(page, 'step1-problems');
  await filterProblems(page, '');
  record(name, failures.length === 0,
    failures.length ? failures.join('\n') : `${found.length} diagnostic(s) shown in Chinese: ${found.map((f) => `${f.rule}@L${f.line}`).join(', ')}`);
  return found;
}

function checklistOf(core, text, file) {
  return core.check(text, { language: 'zh-CN', filePath: file }).checklist;
}

/** Step 3: checklist view and status bar for the active report (items from the core's checklist). */
async function stepChecklist(page, core, text, label) {
  const name = `3. checklist view and status bar show ${MISSING_REPORT}'s items (${label})`;
  try {
    const items = checklistOf(core, text, MISSING_REPORT).filter((c) => core.REQUIRED_ITEMS.includes(c.item));
    const present = items.filter((c) => c.status !== 'missing').length;
    const status = await waitForStatus(page, (n) => n === present);
    expect(status.item, `status bar: no item reading "法定部分 ${present}/4" / "Sections ${present}/4"; status bar shows: ${JSON.stringify(status.seen)}`);
    // clicking the status bar item opens the checklist view: collapse the view first, so the click has to open it
    const header = page.locator('.part.sidebar .pane-header', { hasText: /法治报告清单|Report Checklist/i }).first();
    const pane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: /法治报告清单|Report Checklist/i }) }).first();
    if (await header.getAttribute('aria-expanded').catch(() => null) === 'true') {
      await header.click({ timeout: WAIT });
      await page.waitForFunction((el) => el.getAttribute('aria-expanded') === 'false', await header.elementHandle(), { timeout: 5000 }).catch(() => {});
    }
    await page.locator(`.part.statusbar .statusbar-item[id="${status.item.id}"]`).first().click({ timeout: WAIT });
    await pane.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: WAIT })
      .catch(() => { throw new CheckFailed('clicking the status bar item did not open the checklist view'); });
    const where = await page.evaluate(() => document.activeElement?.closest('.pane')?.querySelector('.pane-header')?.textContent ?? document.activeElement?.tagName);
    console.log(`[e2e]   status bar click opened the checklist view (keyboard focus: ${where})`);
    const labels = (it) => [core.ITEM_LABEL_ZH[it], core.ui('zh-CN', `item_${it}`), core.ui('en', `item_${it}`)];
    const statusWords = (s) => [core.ui('zh-CN', `status_${s}`), core.ui('en', `status_${s}`)];
    const deadline = Date.now() + WAIT;
    let rows = [];
    let problems = [];
    for (;;) {
      rows = await pane.locator('.monaco-list-row').evaluateAll((els) =>
        els.map((e) => `${e.innerText} ${e.getAttribute('aria-label') || ''} ${e.querySelector('[title]')?.getAttribute('title') || ''}`.replace(/\s+/g, ' ')));
      problems = [];
      for (const c of items) {
        const row = rows.find((r) => labels(c.item).some((l) => r.toLowerCase().includes(l.toLowerCase())));
        if (!row) { problems.push(`no row for item ${c.item} (${core.ITEM_LABEL_ZH[c.item]})`); continue; }
        const missingShown = statusWords('missing').some((w) => row.toLowerCase().includes(w.toLowerCase()));
        if ((c.status === 'missing') !== missingShown) problems.push(`row for ${c.item} should${c.status === 'missing' ? '' : ' not'} say missing: "${row.trim()}"`);
      }
      if (!problems.length || Date.now() > deadline) break;
      await sleep(500);
    }
    // give the checklist the sidebar's height for the picture (collapse the file tree, then restore it)
    const folders = page.locator('.part.sidebar .pane-header', { hasText: /^\s*workspace/i }).first();
    const expanded = await folders.getAttribute('aria-expanded').catch(() => null);
    if (expanded === 'true') await folders.click({ timeout: 5000 }).catch(() => {});
    await sleep(300);
    // the left part holds what this step is about: the checklist view and the status bar item (bottom left)
    const vp = page.viewportSize();
    await shot(page, `step3-checklist-${label}`, { clip: { x: 0, y: 0, width: Math.round(vp.width * 0.62), height: vp.height } });
    if (expanded === 'true') await folders.click({ timeout: 5000 }).catch(() => {});
    expect(!problems.length, `${problems.join('; ')}\nview rows: ${JSON.stringify(rows)}`);
    record(name, true, `status bar "${status.item.text}"; view rows: ${rows.length}; missing: ${items.filter((c) => c.status === 'missing').map((c) => c.item).join(', ') || 'none'}`);
  } catch (err) {
    await shot(page, `step3-checklist-${label}`);
    record(name, false, err instanceof CheckFailed ? err.message : String(err?.stack || err));
  }
}

/** Lines equal after stripping the numbering of a heading (a fix may renumber the headings that follow). */
const stripNumbering = (line) => line.replace(/^(#+\s*)?([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d+[.、．])\s*/, '$1');

/** Step 2: quick fix of section-missing inserts the section; the saved file is right. Returns the new text. */
async function stepQuickFix(page, core, workspaceDir) {
  const name = `2. quick fix for the missing section of ${MISSING_REPORT} inserts it`;
  const file = path.join(workspaceDir, MISSING_REPORT);
  const original = fs.readFileSync(file, 'utf8');
  try {
    expect(core.ruleById('section-missing'), 'rule section-missing is not registered in this build: there is no diagnostic to fix');
    const label = core.ITEM_LABEL_ZH['first-responsible'];
    const coreFinding = core.check(original, { language: 'zh-CN', filePath: MISSING_REPORT }).findings
      .find((f) => f.ruleId === 'section-missing' && f.message.includes(label));
    const { hit, rows } = await waitForProblem(page, 'section-missing', (r) => r.text.includes(label), 60_000);
    expect(hit, `no section-missing row for “${label}” in the Problems panel` +
      (coreFinding ? ' although the core finds it' : ' (the core does not find it either)') + `; rows: ${JSON.stringify(rows.map((r) => r.text))}`);
    expect(messagePattern(core, 'section-missing').test(hit.text), `message not in the catalogue's wording: ${hit.text}`);

    await gotoPosition(page, hit.line, hit.col);
    const fixTitles = ['insert', 'insertRenumber'].flatMap((id) => ['zh-CN', 'en'].map((l) => core.fixTitle(l, 'section-missing', id, { item: label })));
    const { menu, texts } = await openQuickFixMenu(page);
    const idx = texts.findIndex((t) => fixTitles.some((f) => t.includes(f)));
    await page.mouse.move(5, 400);
    await shot(page, 'step2-quickfix-menu');
    expect(idx >= 0, `quick fix menu has no entry titled ${JSON.stringify(fixTitles.slice(0, 2))}; entries: ${JSON.stringify(texts)}`);
    await chooseMenuEntry(page, menu, texts.length, (t) => fixTitles.some((f) => t.includes(f)));

    // save through the UI and read what a person would find on disk
    await focusEditor(page);
    await page.keyboard.press(`${mod}+S`);
    const saved = await readFileWhenChanged(file, original);
    expect(saved !== original, 'the file on disk did not change after the quick fix and Ctrl+S');

    // 1) the item is now its own section, per the core reading the saved text
    const after = checklistOf(core, saved, MISSING_REPORT).find((c) => c.item === 'first-responsible');
    expect(after && after.status === 'section', `after the fix the core reads first-responsible as "${after?.status}", not as its own section`);
    // 2) every original line is still there, in order (only heading numerals may change)
    const newLines = saved.split('\n').map(stripNumbering);
    let j = 0;
    for (const [i, line] of original.split('\n').entries()) {
      const want = stripNumbering(line);
      while (j < newLines.length && newLines[j] !== want) j++;
      expect(j < newLines.length, `original line ${i + 1} is gone or altered after the fix: ${JSON.stringify(line.slice(0, 60))}`);
      j++;
    }
    // 3) exactly what the core's own fix produces (the editor applied the edit the rule offers, nothing else)
    if (coreFinding?.fixes?.length) {
      const expectedText = core.applyEdits(original, coreFinding.fixes[0].edits);
      expect(saved === expectedText, `saved text differs from the core's fix.\n--- expected (around the insertion) ---\n${diffHint(expectedText, saved)}`);
    }
    // 4) the diagnostic went away
    const gone = await waitForProblem(page, 'section-missing', (r) => !r.text.includes(label), 100);
    const still = (await problemRows(page)).map(parseRow).filter((r) => r.rule === 'section-missing' && r.text.includes(label));
    void gone;
    await shot(page, 'step2-after-fix');
    expect(!still.length, `section-missing for “${label}” is still listed after the fix`);
    const inserted = saved.split('\n').filter((l) => !original.includes(l) && l.trim()).slice(0, 2).join(' | ');
    record(name, true, `saved file has the section (${inserted.slice(0, 100)}), all ${original.split('\n').length} original lines kept`);
    return saved;
  } catch (err) {
    await shot(page, 'step2-quickfix');
    record(name, false, err instanceof CheckFailed ? err.message : String(err?.stack || err));
    return undefined;
  }
}

function diffHint(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `expected: ${JSON.stringify(a.slice(Math.max(0, i - 40), i + 80))}\nsaved:    ${JSON.stringify(b.slice(Math.max(0, i - 40), i + 80))}`;
}

/** Step 4: hovering a flagged range shows the rule's title and its basis. */
async function stepHover(page, core, found) {
  const name = '4. hover on a diagnostic shows the rule and its basis';
  try {
    // prefer a rule whose basis is quoted verbatim (督察规定 …): the hover must then show the quotation itself
    const basesOf = (f) => (core.ruleById(f.rule)?.meta.basis ?? []).map((k) => core.BASIS[k]).filter(Boolean);
    const target = found.find((f) => basesOf(f).some((b) => b.quote)) ?? found.find((f) => basesOf(f).length);
    expect(target, `no diagnostic from step 1 to hover (step 1 found ${found.length}; rules need a basis)`);
    await openFile(page, FIGURES_REPORT);
    const meta = core.ruleById(target.rule).meta;
    const titles = ['zh-CN', 'en'].map((l) => core.ruleText(l, target.rule)?.title).filter(Boolean);
    const bases = meta.basis.map((k) => core.BASIS[k]).filter(Boolean);
    await gotoPosition(page, target.line, target.col + 1);
    const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
    const showHover = async () => {
      await focusEditor(page);
      await page.keyboard.press(`${mod}+K`);
      await page.keyboard.press(`${mod}+I`);
      await hover.waitFor({ state: 'visible', timeout: 8000 });
    };
    const fits = (t) => titles.some((x) => t.includes(x)) && bases.some((b) => t.includes(b.name) || (b.quote && t.includes(b.quote.slice(0, 20))));
    let text = '';
    const deadline = Date.now() + WAIT;
    for (;;) {
      try { await showHover(); text = (await hover.innerText()).replace(/\s+/g, ' '); } catch { /* retry */ }
      if (fits(text) || Date.now() > deadline) break;
      // the squiggle itself, by mouse, as a person would
      const squiggle = page.locator('.monaco-editor .view-overlays .squiggly-error, .monaco-editor .view-overlays .squiggly-warning, .monaco-editor .view-overlays .squiggly-info').first();
      const box = await squiggle.boundingBox().catch(() => null);
      if (box) {
        await page.mouse.move(box.x + Math.min(10, box.width / 2), box.y + box.height / 2);
        await hover.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
        text = (await hover.innerText().catch(() => '')).replace(/\s+/g, ' ');
        if (fits(text)) break;
      }
      await sleep(500);
    }
    await shot(page, 'step4-hover', { moveMouse: false });
    expect(text, 'no hover appeared at the diagnostic');
    expect(titles.some((x) => text.includes(x)), `hover lacks the rule title ${JSON.stringify(titles)}: ${text.slice(0, 300)}`);
    expect(bases.some((b) => text.includes(b.name)), `hover lacks the basis ${JSON.stringify(bases.map((b) => b.name))}: ${text.slice(0, 300)}`);
    const quoted = bases.filter((b) => b.quote).every((b) => text.includes(b.quote.slice(0, 20)));
    expect(quoted, `hover does not quote the basis text (${bases.filter((b) => b.quote).map((b) => b.quote.slice(0, 20) + '…').join(', ')}): ${text.slice(0, 300)}`);
    record(name, true, `${target.rule}@L${target.line}: ${text.slice(0, 120)}…`);
  } catch (err) {
    await shot(page, 'step4-hover');
    record(name, false, err instanceof CheckFailed ? err.message : String(err?.stack || err));
  }
}

// ---------------------------------------------------------------------------------------------------------------

const live = { cs: undefined, browser: undefined, tmp: undefined };
async function cleanup() {
  const { browser, cs, tmp } = live;
  live.browser = live.cs = live.tmp = undefined;
  if (browser) await lib.withTimeout(browser.close(), 10_000, 'browser.close').catch(() => {});
  if (cs) await cs.stop().catch(() => {});
  if (tmp && process.env.E2E_KEEP_TMP) console.log(`[e2e] kept ${tmp}`);
  else if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}

async function ui(core, vsix, expected) {
  const tmp = live.tmp;
  const workspaceDir = path.join(tmp, 'workspace');
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(workspaceDir, { recursive: true });
  for (const f of [FIGURES_REPORT, MISSING_REPORT]) fs.copyFileSync(path.join(CORPUS, f), path.join(workspaceDir, f));
  fs.writeFileSync(path.join(workspaceDir, DOCX_REPORT), await core.exportDocx(fs.readFileSync(path.join(CORPUS, DOCX_SOURCE), 'utf8')));

  let done = phase('install vsix');
  lib.installExtension({ vsix, extensionsDir, userDataDir });
  const installed = fs.readdirSync(extensionsDir).filter((d) => d.toLowerCase().startsWith(EXTENSION_ID));
  if (!installed.length) throw new Error(`${EXTENSION_ID} not found in ${extensionsDir} after --install-extension`);
  done();

  done = phase('start code-server + chromium');
  live.cs = await lib.startCodeServer({
    workspaceDir, userDataDir, extensionsDir,
    settings: {
      'fazhi-lint.language': 'zh-CN',
      'workbench.colorTheme': 'Default Light Modern',
      'editor.minimap.enabled': false,
      'editor.wordWrap': 'on',
      'editor.hover.delay': 200,
      'editor.fontSize': 14,
      'files.autoSave': 'off',
      'workbench.editor.enablePreview': false,
      'problems.showCurrentInStatus': false,
      // the walkthrough is opened by step 8, not by the install
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
    },
  });
  live.browser = await lib.launchBrowser({ headless: !process.env.E2E_HEADFUL });
  const page = await live.browser.newPage({ viewport: { width: 1200, height: 760 } });
  page.setDefaultTimeout(WAIT);
  await lib.openWorkbench(page, live.cs.url);
  done();

  done = phase('checks');
  const found = await stepProblems(page, core, expected);
  await openFile(page, MISSING_REPORT);
  const original = fs.readFileSync(path.join(workspaceDir, MISSING_REPORT), 'utf8');
  await stepChecklist(page, core, original, 'before-fix');
  const saved = await stepQuickFix(page, core, workspaceDir);
  if (saved !== undefined) await stepChecklist(page, core, saved, 'after-fix');
  else record(`3. checklist view and status bar show ${MISSING_REPORT}'s items (after-fix)`, false, 'not checked: the quick fix (step 2) failed');
  await stepHover(page, core, found);
  await stepDocx(page, core, workspaceDir);
  await stepExport(page, core, workspaceDir);
  await stepIgnore(page, core, workspaceDir);
  await stepWalkthrough(page);
  done();
}

/**
 * 7. "忽略此处（不改动正文）" from the quick-fix menu: the diagnostic leaves the Problems panel, the workspace's
 * .fazhi-lint.json gains the entry (rule, file, sentence), and the draft's text is unchanged.
 */
async function stepIgnore(page, core, workspaceDir) {
  const name = `7. 忽略此处 hides a diagnostic of ${FIGURES_REPORT} through .fazhi-lint.json, the text unchanged`;
  const file = path.join(workspaceDir, FIGURES_REPORT);
  const config = path.join(workspaceDir, '.fazhi-lint.json');
  try {
    const text = fs.readFileSync(file, 'utf8');
    const title = core.ui('zh-CN', 'ignoreHere');
    // a finding of its own words (a duplicated word): the one row with that rule, line and column must go
    const target = core.check(text, { language: 'zh-CN', filePath: file }).findings.find((f) => f.ruleId === 'duplicate-word' && f.end > f.start);
    expect(target, 'the core finds no duplicate-word in the draft to ignore');
    const anchor = core.ignoreAnchor(core.createReport(text), target);
    await openFile(page, FIGURES_REPORT);
    const at = (r) => r.line === target.line && r.col === target.column;
    const { hit, rows } = await waitForProblem(page, target.ruleId, at, 30_000);
    expect(hit, `no ${target.ruleId} row at ${target.line}:${target.column}; rows: ${rows.map((r) => r.text).slice(0, 4).join(' | ')}`);
    await gotoPosition(page, target.line, target.column + 1);
    const { menu, texts } = await openQuickFixMenu(page);
    await shot(page, 'step7-ignore-menu');
    expect(texts.some((t) => t.includes(title)), `quick fix menu has no “${title}”; entries: ${JSON.stringify(texts)}`);
    await chooseMenuEntry(page, menu, texts.length, (t) => t.includes(title));
    // the config file on disk gains the entry
    const deadline = Date.now() + 15_000;
    let ignoreEntries = [];
    while (Date.now() < deadline) {
      try { ignoreEntries = JSON.parse(fs.readFileSync(config, 'utf8')).ignores ?? []; } catch { ignoreEntries = []; }
      if (ignoreEntries.length) break;
      await sleep(250);
    }
    expect(ignoreEntries.length === 1, `${config} has ${ignoreEntries.length} ignore entries: ${fs.existsSync(config) ? fs.readFileSync(config, 'utf8').slice(0, 300) : '(no file)'}`);
    const e = ignoreEntries[0];
    expect(e.rule === target.ruleId && e.file === FIGURES_REPORT && e.sentence === anchor.sentence, `entry ${JSON.stringify(e)} does not name ${target.ruleId}, ${FIGURES_REPORT} and the finding's sentence`);
    // the row goes from the Problems panel; the draft is untouched (on disk and unsaved: no dirty tab)
    let still = true;
    const until = Date.now() + 15_000;
    while (still && Date.now() < until) {
      await filterProblems(page, target.ruleId);
      still = (await problemRows(page)).map(parseRow).some((r) => r.rule === target.ruleId && at(r));
      if (still) await sleep(500);
    }
    await shot(page, 'step7-ignored');
    expect(!still, `the ${target.ruleId} row at ${target.line}:${target.column} is still listed after 忽略此处`);
    expect(fs.readFileSync(file, 'utf8') === text, 'the draft on disk changed');
    const dirty = await page.locator('.tabs-container .tab.active.dirty').count();
    expect(dirty === 0, 'the draft has unsaved changes after 忽略此处 (the text was edited)');
    await filterProblems(page, '');
    record(name, true, `${target.ruleId}@L${target.line} gone; entry ${JSON.stringify(e).slice(0, 120)}`);
  } catch (err) {
    await shot(page, 'step7-ignore').catch(() => {});
    record(name, false, err instanceof CheckFailed ? err.message : String(err?.stack || err));
  }
}

/** 8. The getting-started walkthrough opens, and its first step's button starts a new report from the template. */
async function stepWalkthrough(page) {
  const name = '8. the walkthrough opens and its first step starts a new report';
  try {
    await closeWidgets(page);
    await lib.runCommand(page, 'Welcome: Open Walkthrough...');
    const input = page.locator('.quick-input-widget input');
    await input.fill('fazhi-lint');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: /fazhi-lint/ }).first();
    await row.waitFor({ state: 'visible', timeout: WAIT });
    await page.keyboard.press('Enter');
    const walk = page.locator('.gettingStartedContainer').first();
    await walk.waitFor({ state: 'visible', timeout: WAIT });
    const heading = walk.locator('h2', { hasText: /Get started with fazhi-lint|fazhi-lint 入门/ }).first();
    await heading.waitFor({ state: 'visible', timeout: WAIT });
    const button = walk.locator('.getting-started-step.expanded .button-link, .getting-started-step.expanded a, .getting-started-step.expanded button', { hasText: /New from Template|从模板新建/ }).first();
    await button.waitFor({ state: 'visible', timeout: WAIT });
    await shot(page, 'step8-walkthrough');
    await button.click({ timeout: WAIT });
    // fazhiLint.newReport asks for the organ
    const prompt = page.locator('.quick-input-widget', { hasText: /New annual report|新建年度报告/ }).first();
    await prompt.waitFor({ state: 'visible', timeout: WAIT }).catch(() => { throw new CheckFailed('the first step\'s button did not start “New Annual Report” (no organ prompt)'); });
    await shot(page, 'step8-new-report');
    await closeWidgets(page);
    record(name, true, 'walkthrough shown; its first step asked for the reporting organ');
  } catch (err) {
    await shot(page, 'step8-walkthrough').catch(() => {});
    record(name, false, err instanceof CheckFailed ? err.message : String(err?.stack || err));
  }
}

/** 6. 导出为 Word on a Markdown draft writes a .docx beside it that reads back as the draft's lines. */
async function stepExport(page, core, workspaceDir) {
  const name = `6. the Export to Word command writes ${FIGURES_REPORT.replace(/\.md$/, '.docx')} that reads back line for line`;
  const target = path.join(workspaceDir, FIGURES_REPORT.replace(/\.md$/, '.docx'));
  try {
    await openFile(page, FIGURES_REPORT);
    await focusEditor(page);
    try {
      await lib.runCommand(page, 'Export to Word', { timeoutMs: 8_000 });
    } catch {
      await closeWidgets(page);
      await lib.runCommand(page, '导出为 Word');
    }
    const deadline = Date.now() + 20_000;
    while (!fs.existsSync(target) && Date.now() < deadline) await sleep(250);
    await shot(page, 'step6-export');
    expect(fs.existsSync(target), `${target} was not written`);
    await sleep(500);
    const r = core.readDocx(fs.readFileSync(target));
    expect(r.ok, 'the exported file reads as a .docx');
    const want = fs.readFileSync(path.join(workspaceDir, FIGURES_REPORT), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
    const got = r.view.lines.map((l) => l.text);
    expect(JSON.stringify(got) === JSON.stringify(want), `read back ${got.length} lines, the draft has ${want.length}`);
    record(name, true, `${got.length} paragraphs`);
  } catch (err) {
    await shot(page, 'step6-export').catch(() => {});
    record(name, false, String(err?.stack || err));
  }
}

/** 5. Opening a .docx shows its text view, checked: a diagnostic on the text view's line and column. */
async function stepDocx(page, core, workspaceDir) {
  const name = `5. opening ${DOCX_REPORT} shows its text view with diagnostics on text-view lines`;
  try {
    const r = core.readDocx(fs.readFileSync(path.join(workspaceDir, DOCX_REPORT)));
    expect(r.ok, 'the exported .docx reads back');
    const findings = core.check(r.view.text, { filePath: DOCX_REPORT }).findings;
    // a finding whose line differs from the Markdown file's (blank lines are not paragraphs): proves text-view lines
    const want = findings.find((f) => f.ruleId === 'heading-numeral-style') ?? findings[0];
    expect(want, 'the text view has findings');
    await openFile(page, DOCX_REPORT);
    const editorText = await page.locator('.editor-instance .view-lines').first().innerText({ timeout: WAIT });
    expect(editorText.includes(r.view.lines[0].text.slice(0, 8)), `the editor shows the text view (got ${editorText.slice(0, 60)})`);
    const { hit, rows } = await waitForProblem(page, want.ruleId, (row) => row.line === want.line && row.col === want.column);
    await shot(page, 'step5-docx');
    expect(hit, `no ${want.ruleId} at ${want.line}:${want.column}; rows: ${rows.map((x) => x.text).slice(0, 5).join(' | ')}`);
    record(name, true, `${want.ruleId} at ${want.line}:${want.column}`);
  } catch (err) {
    await shot(page, 'step5-docx').catch(() => {});
    record(name, false, String(err?.stack || err));
  }
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of fs.readdirSync(OUT)) if (f.endsWith('.png')) fs.rmSync(path.join(OUT, f));
  runSetup();
  lib = await import('../../scripts/e2e-lib.mjs');
  const expected = JSON.parse(fs.readFileSync(path.join(CORPUS, 'expected.json'), 'utf8'));
  const vsix = packageVsix();
  live.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-'));
  const core = await loadCore(live.tmp);
  try {
    await lib.withTimeout(ui(core, vsix, expected), UI_TIMEOUT_MS, 'e2e UI phase');
  } catch (err) {
    record('e2e harness', false, String(err?.stack || err));
    if (live.cs) console.log(`[e2e] --- code-server log (tail) ---\n${live.cs.logs().slice(-3000)}`);
  } finally {
    await cleanup();
  }
  if (process.env.E2E_UPDATE_DOCS) {
    fs.mkdirSync(DOCS_IMAGES, { recursive: true });
    for (const [from, to] of [['step1-problems', 'e2e-problems'], ['step2-quickfix-menu', 'e2e-quickfix'],
      ['step3-checklist-before-fix', 'e2e-checklist'], ['step4-hover', 'e2e-hover']]) {
      const src = path.join(OUT, `${from}.png`);
      if (!fs.existsSync(src)) { console.log(`[e2e] docs: ${from}.png missing, docs/images/${to}.png not updated`); continue; }
      const kb = fs.statSync(src).size / 1024;
      if (kb >= 300) { console.log(`[e2e] docs: ${from}.png is ${kb.toFixed(0)} KB (limit 300), not copied`); continue; }
      fs.copyFileSync(src, path.join(DOCS_IMAGES, `${to}.png`));
      console.log(`[e2e] docs: docs/images/${to}.png (${kb.toFixed(0)} KB)`);
    }
  }
}

let exitCode = 1;
try {
  await main();
} catch (err) {
  record('e2e preparation', false, String(err?.message || err));
  await cleanup().catch(() => {});
} finally {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  timings.total = (Date.now() - t0) / 1000;
  console.log(`[e2e] timings (s): ${Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
  console.log(`[e2e] screenshots: ${path.relative(process.cwd(), OUT) || OUT}`);
  console.log(`${passed} passed, ${failed} failed`);
  exitCode = failed || !results.length ? 1 : 0;
}
process.exit(exitCode);
