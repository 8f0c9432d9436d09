/**
 * `npm run bench`: how long a check takes compared with parsing and with markdownlint, what a keystroke costs in
 * the server, what the CLI costs as a process, and how much memory the server holds with 50 reports open.
 * Inputs are made at run time from the shared corpus (never copied into the repository).
 * Prints a table and writes bench/results.json so figures compare across commits.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { lint as markdownlint } from 'markdownlint/sync';
import { check, allRules, defaultConfig, clearCaches } from '../rules/index.js';
import { parseMarkdown } from '../rules/model/parse.js';
import { LspSession } from './lsp.js';
import { DocumentChecker } from '../server/documents.js';
import { reviewOf } from '../output/review/model.js';
import { renderReviewHtml } from '../output/review/html.js';
import { benchPage } from './page.js';
import { QUICK, load, rows, quantile, round, utf8, measure, record, sideBySide, rowTable, type Row } from './measure.js';
import { benchPairing, corpusPairs } from './pairing.js';
import { profileParts } from './parts.js';
import { GROWTH_MB, GROWTH_MB_QUICK, corpusReports, distinctReports, generatedDocument } from './inputs.js';

let reviewRenderMs = NaN;
let reviewProcessMs = NaN;

const ROOT = process.cwd();
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const config = defaultConfig(allRules);

// ---------------------------------------------------------------- inputs (bench/inputs.ts)
const corpus = corpusReports(CORPUS);
const corpusFiles = corpus.map((c) => c.name);
const report100k = generatedDocument(corpus, 100 * 1024);
const doc1m = generatedDocument(corpus, 1024 * 1024);

// cold: the per-line caches an editor keeps between keystrokes are emptied first, so this is a first check
const fullCheck = (text: string) => {
  clearCaches();
  return check(text, { config });
};
const mdlint = (text: string) => markdownlint({ strings: { doc: text } });

// ---------------------------------------------------------------- in-process timings, side by side
process.stderr.write('in-process timings: remark-parse, full check, markdownlint side by side\n');
const inputs = [...corpus, { name: 'report-100KB', text: report100k }, { name: 'document-1MB', text: doc1m }];
const byInput: Record<string, { parse: Row; full: Row; mdl: Row }> = {};
for (const { name, text } of inputs) {
  const big = text.length > 200_000;
  const o = big ? { runs: 9, budgetMs: 30_000, warmup: 1 } : {};
  const r = sideBySide(name, utf8(text), { 'remark-parse': () => parseMarkdown(text), 'full check': () => fullCheck(text), markdownlint: () => mdlint(text) }, o);
  byInput[name] = { parse: r['remark-parse'], full: r['full check'], mdl: r.markdownlint };
}

// ---------------------------------------------------------------- growth: varied documents, the full check at every size
// anySize: above LARGE_DOCUMENT_BYTES an editor gets the cheap rules only; these rows time every rule.
process.stderr.write('growth\n');
const growth: { mb: number; bytes: number; medianMs: number; msPerMB: number; load: [number, number, number] }[] = [];
for (const mb of QUICK ? GROWTH_MB_QUICK : GROWTH_MB) {
  const text = generatedDocument(corpus, mb * 1024 * 1024);
  const row = measure(`growth: full check (every rule), ${mb} MB varied`, utf8(text), () => {
    clearCaches();
    return check(text, { config, anySize: true });
  }, { runs: QUICK ? 1 : 3, budgetMs: 60_000, warmup: QUICK ? 0 : 1 });
  growth.push({ mb, bytes: row.bytes, medianMs: row.medianMs, msPerMB: round(row.medianMs / (row.bytes / 2 ** 20)), load: row.load });
}
/** least-squares slope of log(time) on log(size) over the sizes from 1 MB up */
const growthExponent = (() => {
  const pts = growth.filter((g) => g.mb >= 1).map((g) => [Math.log(g.bytes), Math.log(g.medianMs)]);
  const mx = pts.reduce((a, p) => a + p[0], 0) / pts.length;
  const my = pts.reduce((a, p) => a + p[1], 0) / pts.length;
  return round(pts.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0) / pts.reduce((a, p) => a + (p[0] - mx) ** 2, 0));
})();

// ---------------------------------------------------------------- last year's report beside this year's (issue 14)
process.stderr.write("pairing with last year's report\n");
const pairing = benchPairing(corpusPairs(corpus));

// ---------------------------------------------------------------- where the time goes (all corpus reports)
process.stderr.write('profile: model parts and rules, summed over the corpus reports\n');
const profile: { part: string; ms: number }[] = (() => {
  const reps = QUICK ? 3 : 15;
  const parts = profileParts(
    corpus.map((c) => c.text),
    config,
    reps,
    { cold: false },
  );
  // the whole check beside its parts, for reference
  for (let r = 0; r < reps; r++) for (const { text } of corpus) {
    const s = performance.now();
    fullCheck(text);
    parts.set('engine: full check (for reference)', (parts.get('engine: full check (for reference)') ?? 0) + (performance.now() - s) / reps);
  }
  return [...parts].map(([part, ms]) => ({ part, ms }));
})();
for (const p of profile) p.ms = round(p.ms);

// ---------------------------------------------------------------- the CLI as a process
process.stderr.write('CLI as a whole process\n');
const cli = path.join(ROOT, 'dist/cli.cjs');
const corpusPaths = corpusFiles.map((f) => path.join(CORPUS, f));
{
  const samples: number[] = [];
  for (let i = 0; i < (QUICK ? 3 : 10); i++) {
    const s = performance.now();
    spawnSync(process.execPath, [cli, ...corpusPaths], { stdio: 'ignore' });
    samples.push(performance.now() - s);
  }
  record(`cli: node dist/cli.cjs corpus/*.md (${corpusPaths.length} files)`, corpus.reduce((n, c) => n + utf8(c.text), 0), samples);
}

// ---------------------------------------------------------------- 500 reports through the CLI against markdownlint-cli2
// Whole processes, each timed and its peak RSS read by /usr/bin/time (GNU). markdownlint-cli2 is found in
// node_modules or at $MARKDOWNLINT_CLI2 (its markdownlint-cli2-bin.mjs); without it the target reads n/a.
const batch: { files: number; ms: number | null; rssMB: number | null; mdlMs: number | null; mdlRssMB: number | null; load: [number, number, number] | null; note?: string } = { files: 500, ms: null, rssMB: null, mdlMs: null, mdlRssMB: null, load: null };
if (!QUICK) {
  process.stderr.write('500 reports: CLI against markdownlint-cli2\n');
  const cli2 = [process.env.MARKDOWNLINT_CLI2, path.join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs')].find((p) => p && existsSync(p));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-batch-'));
  try {
    const reports = distinctReports(corpus, batch.files);
    for (const r of reports) writeFileSync(path.join(dir, r.name), r.text);
    const names = reports.map((r) => r.name);
    /** [wall ms, peak RSS MB] of one process, by GNU time */
    const timed = (args: string[]): [number, number] | null => {
      const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
      const m = /([\d.]+) (\d+)\s*$/.exec(r.stderr ?? '');
      return m ? [Number(m[1]) * 1000, Number(m[2]) / 1024] : null;
    };
    const runs = 3;
    const ours: [number, number][] = [];
    const theirs: [number, number][] = [];
    for (let i = 0; i < runs; i++) {
      // alternate who goes first
      const a = () => timed([process.execPath, cli, ...names]);
      const b = () => (cli2 ? timed([process.execPath, cli2, '*.md']) : null);
      let x: [number, number] | null;
      let y: [number, number] | null;
      if (i % 2) {
        y = b();
        x = a();
      } else {
        x = a();
        y = b();
      }
      if (x) ours.push(x);
      if (y) theirs.push(y);
    }
    const med = (xs: number[]) => round(quantile([...xs].sort((p, q) => p - q), 0.5));
    const bytes = reports.reduce((n, r) => n + utf8(r.text), 0);
    if (ours.length) {
      batch.ms = med(ours.map((x) => x[0]));
      batch.rssMB = med(ours.map((x) => x[1]));
      record(`cli: node dist/cli.cjs, ${batch.files} reports (whole process)`, bytes, ours.map((x) => x[0]));
    }
    if (theirs.length) {
      batch.mdlMs = med(theirs.map((x) => x[0]));
      batch.mdlRssMB = med(theirs.map((x) => x[1]));
      record(`markdownlint-cli2, ${batch.files} reports (whole process)`, bytes, theirs.map((x) => x[0]));
    } else batch.note = 'markdownlint-cli2 not found (node_modules or $MARKDOWNLINT_CLI2)';
    batch.load = load();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- the reviewer's batch: 100 reports → one review page
// Each copy has its digits and some words varied (bench/inputs.ts), so few per-line cache hits across copies. Timed: the
// page rendered and written from the checked reports (what "writes the review" costs), and the whole CLI process.
process.stderr.write('review page for 100 reports\n');
const reviewBatch = distinctReports(corpus, 100).map((r) => r.text);
const reviewDir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-review-'));
let reviewBytes = 0;
try {
  const reviewed = reviewBatch.map((text, i) => reviewOf(check(text, { filePath: `r${i}.md`, config }), `r${i}.md`));
  const target = path.join(reviewDir, 'review.html');
  const renderRow = measure('review: render + write html, 100 reports (checked)', reviewBatch.reduce((n, t) => n + utf8(t), 0), () => {
    const html = renderReviewHtml(reviewed, { lang: 'zh-CN' });
    writeFileSync(target, html);
    reviewBytes = utf8(html);
  }, { runs: 10, warmup: 1 });
  reviewRenderMs = renderRow.medianMs;
  const files = reviewBatch.map((t, i) => {
    const f = path.join(reviewDir, `r${i}.md`);
    writeFileSync(f, t);
    return f;
  });
  const samples: number[] = [];
  for (let i = 0; i < (QUICK ? 1 : 3); i++) {
    const s = performance.now();
    spawnSync(process.execPath, [cli, '-f', 'html', '-o', target, ...files], { stdio: 'ignore' });
    samples.push(performance.now() - s);
  }
  reviewProcessMs = record('review: node dist/cli.cjs -f html -o (100 reports, whole process)', reviewBatch.reduce((n, t) => n + utf8(t), 0), samples).medianMs;
} finally {
  rmSync(reviewDir, { recursive: true, force: true });
}

// ---------------------------------------------------------------- the server
const serverPath = path.join(ROOT, 'dist/server.cjs');
interface Keystroke {
  medianMs: number;
  p95Ms: number;
  rawMedianMs: number;
  baselineMs: number;
  /** the check's wall time inside the server process, from its $/logTrace */
  checkInServerMedianMs: number | null;
  /** median over the keystrokes of (stdio − the server's check): what the server and the transport add */
  serverOverheadMedianMs: number | null;
  mode: string;
}
interface Memory {
  rssMB: number;
  peakMB: number;
  documents: number;
  load: [number, number, number];
}
/** keystrokes by document and place: "100KB top", "100KB middle", "1MB top", "1MB middle" */
const keystrokes: Record<string, { medianMs: number; p95Ms: number; checkInServerMedianMs: number | null; load: [number, number, number] }> = {};
const server: { keystroke: Keystroke | null; memory: Memory | null; note: string } = { keystroke: null, memory: null, note: '' };

async function benchServer(): Promise<void> {
  if (!existsSync(serverPath)) {
    server.note = 'dist/server.cjs not built (server/ not on this branch yet): keystroke and memory not measured';
    return;
  }
  // keystroke: one character typed, sequentially, each waiting for its diagnostics; near the top (every later
  // offset moves) and in the middle, on 100 KB and on 1 MB. The server's own debounce setting is 0 here, so the
  // figure is what an editor waits once the debounce has run out.
  // The server is asked for verbose traces ($/logTrace), which give the wall time of each check inside the server
  // process: the rest of a keystroke (sync, publishing, JSON both ways, the pipe, waking two processes) is what the
  // server and the transport add. Nothing else runs in this process meanwhile (a check here between keystrokes
  // leaves garbage that this process collects while the next diagnostics arrive: +3–4 ms on the rest).
  const s = new LspSession(serverPath);
  try {
    await s.initialize({ settings: { debounceMs: 0 } }, 'verbose');
    const checkMsOf = (uri: string, version: number): number => {
      const t = s.traces.find((x) => x.message.startsWith(`checked ${uri} v${version}:`));
      return Number(/check ([\d.]+) ms/.exec(t?.verbose ?? '')?.[1] ?? NaN);
    };
    const measureTyping = async (uri: string, text: string, n: number, where: 'top' | 'middle' = 'middle') => {
      await s.open(uri, text);
      await s.diagnosticsFor(uri, 1, 120_000);
      const lines = text.split(/\r?\n/);
      // near the top: the first line of body text after the title (line 0 is the title)
      const line = where === 'top' ? Math.min(lines.length - 1, lines.findIndex((l, i) => i > 0 && l.trim().length > 20)) : Math.floor(lines.length / 2);
      const stdio: number[] = [];
      const inServer: number[] = [];
      for (let v = 2; v < n + 2; v++) {
        const character = lines[line].length;
        const t = performance.now();
        await s.change(uri, v, { start: { line, character }, end: { line, character } }, '。');
        lines[line] += '。';
        await s.diagnosticsFor(uri, v, 120_000);
        stdio.push(performance.now() - t);
        // the trace follows the diagnostics at once
        for (let i = 0; i < 100 && Number.isNaN(checkMsOf(uri, v)); i++) await new Promise((r) => setTimeout(r, 1));
        inServer.push(checkMsOf(uri, v));
      }
      s.traces.length = 0;
      await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      return { stdio, inServer };
    };
    const n = QUICK ? 5 : 40;
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    // the same edit on a one-line document measures debounce + transport
    const base = (await measureTyping('file:///bench/tiny.md', '# 报告', n)).stdio;
    const { stdio: raw, inServer } = await measureTyping('file:///bench/report-100k.md', report100k, n);
    for (const [label, text, where] of [
      ['100KB top', report100k, 'top'],
      ['100KB middle', report100k, 'middle'],
      ['1MB top', doc1m, 'top'],
      ['1MB middle', doc1m, 'middle'],
    ] as const) {
      const m = label === '100KB middle' ? { stdio: raw, inServer } : await measureTyping(`file:///bench/${label.replace(' ', '-')}.md`, text, QUICK ? 5 : text === doc1m ? 15 : 40, where);
      const traced = !m.inServer.some(Number.isNaN);
      const row = record(`server: keystroke → diagnostics over stdio, ${label} (debounce 0)`, utf8(text), m.stdio);
      keystrokes[label] = { medianMs: row.medianMs, p95Ms: row.p95Ms, checkInServerMedianMs: traced ? round(quantile(sorted(m.inServer), 0.5)) : null, load: row.load };
    }
    const traced = !inServer.some(Number.isNaN);
    const overhead = traced ? raw.map((x, i) => x - inServer[i]) : [];
    const baselineMs = quantile(sorted(base), 0.5);
    const mode = s.pushSeen || !s.capabilities.diagnosticProvider ? 'push' : 'pull';
    const keystroke = {
      medianMs: round(quantile(sorted(raw), 0.5)),
      p95Ms: round(quantile(sorted(raw), 0.95)),
      rawMedianMs: round(quantile(sorted(raw), 0.5)),
      baselineMs: round(baselineMs),
      checkInServerMedianMs: traced ? round(quantile(sorted(inServer), 0.5)) : null,
      serverOverheadMedianMs: traced ? round(quantile(sorted(overhead), 0.5)) : null,
      mode,
    };
    server.keystroke = keystroke;
    record('server: keystroke → diagnostics over stdio, one-line doc', 10, base);
    if (traced) {
      record('server: the check inside the server process, 100 KB middle', utf8(report100k), inServer);
      record('server: keystroke minus its check (sync, publish, JSON, pipe)', utf8(report100k), overhead);
    } else server.note += 'the server sent no $/logTrace: keystroke not split into check and the rest. ';
  } catch (err) {
    server.note += `keystroke not measured: ${(err as Error).message}. `;
  } finally {
    await s.close();
  }

  // memory with 50 open reports
  const m = new LspSession(serverPath);
  try {
    await m.initialize();
    const pending: Promise<unknown>[] = [];
    for (const c of distinctReports(corpus, 50)) {
      const uri = `file:///bench/open/${c.name}`;
      pending.push(m.diagnosticsFor(uri, 1, 120_000));
      await m.open(uri, c.text);
    }
    await Promise.all(pending);
    await new Promise((r) => setTimeout(r, 500));
    const mem = m.memory();
    if (mem) server.memory = { rssMB: round(mem.rssMB), peakMB: round(mem.peakMB), documents: 50, load: load() };
  } catch (err) {
    server.note += `memory not measured: ${(err as Error).message}.`;
  } finally {
    await m.close();
  }
}
await benchServer();

// the server's document checker in process: apply a one-character edit, check the new version (no transport).
// This process has run every check above, so its JIT is warmer than the server's: usually a little faster.
{
  const checker = new DocumentChecker({ configFor: () => ({ config, language: 'zh-CN' }), debounceMs: 0 });
  const uri = 'file:///bench/inproc.md';
  const doc = checker.open(uri, 'markdown', 1, report100k);
  checker.checkNow(uri);
  const line = Math.floor(doc.lineCount / 2);
  let v = 1;
  let character = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '').length;
  measure('server checker in process: edit + check, 100 KB', utf8(report100k), () => {
    checker.change(uri, ++v, [{ range: { start: { line, character }, end: { line, character } }, text: '。' }]);
    character++;
    checker.checkNow(uri);
  }, { runs: 40, budgetMs: 10_000 });
  checker.dispose();
}
const { keystroke, memory, note: serverNote } = server;

// ---------------------------------------------------------------- the offline checking page in headless Chromium
process.stderr.write('offline page in headless chromium\n');
const pageBench = await benchPage(ROOT, report100k, QUICK ? { first: 2, edit: 5 } : { first: 7, edit: 20 });
let pageNote = '';
if (typeof pageBench === 'string') pageNote = `offline page not measured: ${pageBench}`;
else {
  record('page: paste 100 KB → marks on screen (fresh page, cold worker)', utf8(report100k), pageBench.first.map((t) => t.totalMs));
  record('page: edit 100 KB → marks on screen (warm)', utf8(report100k), pageBench.edit.map((t) => t.totalMs));
  const med = (xs: number[]) => round(quantile([...xs].sort((a, b) => a - b), 0.5));
  pageNote = `offline page, edit 100 KB (medians): check in the worker ${med(pageBench.edit.map((t) => t.checkMs))} ms, drawing and layout ${med(pageBench.edit.map((t) => t.renderMs))} ms; cold: check ${med(pageBench.first.map((t) => t.checkMs))} ms, drawing ${med(pageBench.first.map((t) => t.renderMs))} ms`;
}
const pageEditMs = typeof pageBench === 'string' ? null : round(quantile(pageBench.edit.map((t) => t.totalMs).sort((a, b) => a - b), 0.5));
const pageFirstMs = typeof pageBench === 'string' ? null : round(quantile(pageBench.first.map((t) => t.totalMs).sort((a, b) => a - b), 0.5));

// ---------------------------------------------------------------- ratios, table, results.json
const sum = (k: 'parse' | 'full' | 'mdl', names: string[]) => names.reduce((n, x) => n + byInput[x][k].medianMs, 0);
const names = corpus.map((c) => c.name);
const ratios = {
  fullOverParseCorpus: round(sum('full', names) / sum('parse', names)),
  fullOverMarkdownlintCorpus: round(sum('full', names) / sum('mdl', names)),
  fullOverMarkdownlint100KB: round(byInput['report-100KB'].full.medianMs / byInput['report-100KB'].mdl.medianMs),
  fullOverParse100KB: round(byInput['report-100KB'].full.medianMs / byInput['report-100KB'].parse.medianMs),
  fullOverParse1MB: round(byInput['document-1MB'].full.medianMs / byInput['document-1MB'].parse.medianMs),
  keystrokeMedianMs: keystroke?.medianMs ?? null,
  growthExponent1MBUp: growthExponent,
  serverMemoryMB: memory?.rssMB ?? null,
  reviewHtml100RenderMs: reviewRenderMs,
  reviewHtml100ProcessMs: reviewProcessMs,
  reviewHtml100MB: round(reviewBytes / 2 ** 20),
  pageFirst100KBMs: pageFirstMs,
  pageEdit100KBMs: pageEditMs,
  /** what pairing with last year's report adds to checking both files (0.2 = 20 %) */
  pairingOverheadCorpus: pairing.overhead,
};
const ks = (k: string) => keystrokes[k]?.medianMs ?? null;
const meanLoad = (rs: Row[]) => rs.length ? (rs.map((r) => r.load).reduce((a, l) => a.map((x, i) => x + l[i] / rs.length) as [number, number, number], [0, 0, 0] as [number, number, number]).map((x) => Math.round(x * 100) / 100) as [number, number, number]) : null;
const corpusRows = names.flatMap((n) => [byInput[n].full, byInput[n].mdl, byInput[n].parse]);
const r100 = byInput['report-100KB'];
const at = (v: number | null, limit: number) => (v === null || Number.isNaN(v) ? null : v <= limit);
interface Target {
  target: string;
  value: number | null;
  limit: number;
  met: boolean | null;
  /** os.loadavg() (1, 5, 15 min) when the figure was taken */
  load: [number, number, number] | null;
  issue?: number;
}
const target = (t: string, value: number | null, limit: number, l: [number, number, number] | null, issue?: number): Target => ({ target: t, value, limit, met: at(value, limit), load: l, ...(issue ? { issue } : {}) });
const cli2Ratio = batch.ms !== null && batch.mdlMs !== null ? round(batch.ms / batch.mdlMs) : null;
const cli2Rss = batch.rssMB !== null && batch.mdlRssMB !== null ? round(batch.rssMB / batch.mdlRssMB) : null;
const targets: Target[] = [
  // issue 17
  target('cold full check ≤ 0.75× markdownlint default rules (corpus)', ratios.fullOverMarkdownlintCorpus, 0.75, meanLoad(corpusRows), 17),
  target('cold full check ≤ 0.75× markdownlint default rules (100 KB)', ratios.fullOverMarkdownlint100KB, 0.75, meanLoad([r100.full, r100.mdl]), 17),
  target('cold full check ≤ 1.5× remark-parse (corpus)', ratios.fullOverParseCorpus, 1.5, meanLoad(corpusRows), 17),
  target('cold full check ≤ 1.5× remark-parse (100 KB)', ratios.fullOverParse100KB, 1.5, meanLoad([r100.full, r100.parse]), 17),
  target('keystroke → diagnostics ≤ 10 ms median, 100 KB, near the top', ks('100KB top'), 10, keystrokes['100KB top']?.load ?? null, 17),
  target('keystroke → diagnostics ≤ 10 ms median, 100 KB, middle', ks('100KB middle'), 10, keystrokes['100KB middle']?.load ?? null, 17),
  target('keystroke → diagnostics ≤ 50 ms median, 1 MB, near the top', ks('1MB top'), 50, keystrokes['1MB top']?.load ?? null, 17),
  target('keystroke → diagnostics ≤ 50 ms median, 1 MB, middle', ks('1MB middle'), 50, keystrokes['1MB middle']?.load ?? null, 17),
  target(`growth exponent ≤ 1.1 (full check, ${growth.filter((g) => g.mb >= 1).map((g) => g.mb).join('/')} MB varied)`, growthExponent, 1.1, growth.at(-1)?.load ?? null, 17),
  target(`${batch.files} reports through the CLI ≤ 0.6× markdownlint-cli2 wall time`, cli2Ratio, 0.6, batch.load, 17),
  target(`${batch.files} reports through the CLI: peak RSS ≤ markdownlint-cli2's (ratio)`, cli2Rss, 1, batch.load, 17),
  target('server with 50 distinct reports open ≤ 100 MB RSS', ratios.serverMemoryMB, 100, memory?.load ?? null, 17),
  // earlier issues
  target('review page of 100 reports written ≤ 2 s (render + write)', ratios.reviewHtml100RenderMs, 2000, null),
  target('review page of 100 reports ≤ 5 MB', ratios.reviewHtml100MB, 5, null),
  target('offline page: 100 KB pasted, checked and drawn ≤ 300 ms (cold)', ratios.pageFirst100KBMs, 300, null),
  target('offline page: 100 KB edited, checked and drawn ≤ 300 ms (warm)', ratios.pageEdit100KBMs, 300, null),
  // issue 14
  target("pairing with last year's report adds ≤ 20 % to checking the pair, cold (corpus, each report with its own text one year earlier)", ratios.pairingOverheadCorpus, 0.2, null, 14),
];

const cpu = /^model name\s*:\s*(.*)$/m.exec(safeRead('/proc/cpuinfo'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
const machine = { cpu, nproc: os.availableParallelism(), node: process.version, platform: `${os.platform()} ${os.release()}`, totalMemMB: Math.round(os.totalmem() / 2 ** 20) };
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {
  /* not a git checkout */
}

function safeRead(p: string): string {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return '';
  }
}

const out = process.stdout;
out.write(`\nfazhi-lint bench — ${commit} — ${machine.cpu}, ${machine.nproc} CPUs, Node ${machine.node}\n\n`);
out.write(rowTable(rows) + '\n\n');
out.write('where the time goes (corpus reports, summed, ms per pass):\n');
for (const p of [...profile].sort((a, b) => b.ms - a.ms)) out.write(`  ${p.part.padEnd(44)} ${p.ms.toFixed(3).padStart(9)}\n`);
out.write('\nratios:\n');
for (const [k, v] of Object.entries(ratios)) out.write(`  ${k.padEnd(30)} ${v}\n`);
if (keystroke) out.write(`  keystroke detail: ${keystroke.mode} diagnostics over stdio with the server's debounceMs set to 0; a one-line document takes ${keystroke.baselineMs} ms (transport and scheduling); of that, the check inside the server ${keystroke.checkInServerMedianMs} ms and everything else ${keystroke.serverOverheadMedianMs} ms (medians)\n`);
if (memory) out.write(`  server memory: RSS ${memory.rssMB} MB, peak ${memory.peakMB} MB with ${memory.documents} reports open\n`);
if (serverNote) out.write(`  note: ${serverNote}\n`);
if (pageNote) out.write(`  ${pageNote}\n`);
if (batch.note) out.write(`  note: ${batch.note}\n`);
out.write('\ngrowth (full check, every rule, varied documents):\n');
for (const g of growth) out.write(`  ${String(g.mb).padStart(4)} MB  ${g.medianMs.toFixed(0).padStart(7)} ms  ${g.msPerMB.toFixed(0).padStart(6)} ms/MB  load ${g.load.join(' ')}\n`);
out.write(`  exponent from 1 MB up: ${growthExponent}\n`);
out.write(`\ntargets (load average 1/5/15 min when measured; now ${load().join(' ')}):\n`);
for (const t of targets) out.write(`  ${t.met === null ? 'n/a ' : t.met ? 'met ' : 'MISS'} ${t.target}: ${t.value ?? '—'}${t.load ? `  (load ${t.load.join(' ')})` : ''}\n`);

if (!QUICK) {
  const results = {
    commit,
    date: new Date().toISOString(),
    machine,
    rows: rows.map(({ name, bytes, medianMs, p95Ms, load }) => ({ name, bytes, medianMs, p95Ms, load })),
    ratios,
    keystroke,
    keystrokes,
    growth,
    batch,
    memory,
    targets,
    profile,
    notes: [serverNote, pageNote].filter(Boolean).join('; ') || undefined,
  };
  writeFileSync(path.join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
  out.write('\nwrote bench/results.json\n');
}
