/**
 * `npm run bench:keys`: where a keystroke's re-check goes (issue 17, incremental re-check). Opens a 100 KB and a
 * 1 MB generated report (bench/inputs.ts: corpus copies with digits and words varied per copy), types single
 * characters near the top (every later offset moves) and in the middle, and prints per document and place:
 *   - the median re-check in this process (the server's DocumentChecker, debounce 0, caches warm from the versions
 *     before, as in the editor), its median CPU time (this process, GC threads included: steadier than wall time
 *     when other processes share the cores); then, over more keystrokes with each rule timed, the mean CPU time with
 *     each rule's mean share and what is outside the rules (parse, report, localising, sorting);
 *   - the median keystroke → diagnostics over stdio with dist/server.cjs (the figure of the target), unless --no-stdio.
 * --quick: fewer keystrokes; --only=1MB (or 100KB, top, middle, "1MB middle"): those rows only (with node
 * --cpu-prof on the bundle, a profile of just those keystrokes). Nothing is written; `npm run bench` keeps the figures of record.
 */
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { allRules, defaultConfig, type Rule } from '../rules/index.js';
import { DocumentChecker } from '../server/documents.js';
import { corpusReports, generatedDocument } from './inputs.js';
import { LspSession } from './lsp.js';

const ROOT = process.cwd();
const QUICK = process.argv.includes('--quick');
const STDIO = !process.argv.includes('--no-stdio');
const corpus = corpusReports(path.resolve(ROOT, '../shared/corpus'));
const config = defaultConfig(allRules);
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const TYPED = [...'法治政府建设，依法行政。'];

/** each rule's CPU time in the current check (wall time on a shared machine is mostly waiting for a core) */
const ruleMs = new Map<string, number>();
const timed: Rule[] = allRules.map((rule) => ({
  ...rule,
  check: (...args: Parameters<Rule['check']>) => {
    const t = process.cpuUsage();
    try {
      return rule.check(...args);
    } finally {
      const d = process.cpuUsage(t);
      ruleMs.set(rule.meta.id, (ruleMs.get(rule.meta.id) ?? 0) + (d.user + d.system) / 1000);
    }
  },
}));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const f1 = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

/** the line typed at: near the top, the first body line after the title; else the middle line */
function lineOf(text: string, where: 'top' | 'middle'): number {
  const lines = text.split(/\r?\n/);
  return where === 'top' ? lines.findIndex((l, i) => i > 0 && l.trim().length > 20) : Math.floor(lines.length / 2);
}

/**
 * Keystrokes re-checked in this process. With `perRule`, each rule is timed (a getrusage call before and after
 * each, which costs more than some rules: those keystrokes give the shares, never the totals).
 */
function inProcess(text: string, where: 'top' | 'middle', n: number, perRule: boolean): { total: number[]; cpu: number[]; rules: Map<string, number[]> } {
  const checker = new DocumentChecker({ configFor: () => ({ config, language: 'zh-CN' }), debounceMs: 0, rules: perRule ? timed : allRules });
  const uri = `file:///keys/${where}.md`;
  let doc = checker.open(uri, 'markdown', 1, text);
  checker.checkNow(uri);
  const line = lineOf(text, where);
  const total: number[] = [];
  const cpu: number[] = [];
  const rules = new Map<string, number[]>();
  const WARM = 3;
  for (let v = 2; v < n + 2 + WARM; v++) {
    const character = doc.getText().split('\n', line + 1)[line].length;
    doc = checker.change(uri, v, [{ range: { start: { line, character }, end: { line, character } }, text: TYPED[v % TYPED.length] }])!;
    ruleMs.clear();
    const t = performance.now();
    const c = process.cpuUsage();
    checker.checkNow(uri);
    if (v < 2 + WARM) continue; // the first keystrokes warm the JIT and the caches of the first check
    total.push(performance.now() - t);
    const dc = process.cpuUsage(c);
    cpu.push((dc.user + dc.system) / 1000);
    let sum = 0;
    for (const [id, ms] of ruleMs) {
      sum += ms;
      (rules.get(id) ?? rules.set(id, []).get(id)!).push(ms);
    }
    (rules.get('(outside the rules)') ?? rules.set('(outside the rules)', []).get('(outside the rules)')!).push(cpu[cpu.length - 1] - sum);
  }
  checker.dispose();
  return { total, cpu, rules };
}

async function overStdio(s: LspSession, text: string, where: 'top' | 'middle', n: number, label: string): Promise<number[]> {
  const uri = `file:///keys/${label.replace(/\s+/g, '-')}.md`;
  await s.open(uri, text);
  await s.diagnosticsFor(uri, 1, 120_000);
  const line = lineOf(text, where);
  const lines = text.split(/\r?\n/);
  const out: number[] = [];
  for (let v = 2; v < n + 2; v++) {
    const character = lines[line].length;
    const ch = TYPED[v % TYPED.length];
    const t = performance.now();
    await s.change(uri, v, { start: { line, character }, end: { line, character } }, ch);
    lines[line] += ch;
    await s.diagnosticsFor(uri, v, 120_000);
    out.push(performance.now() - t);
  }
  await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return out;
}

const docs = [
  ['100KB', generatedDocument(corpus, 100 * 1024)],
  ['1MB', generatedDocument(corpus, 1024 * 1024)],
] as const;
const serverPath = path.join(ROOT, 'dist/server.cjs');
const session = STDIO && existsSync(serverPath) ? new LspSession(serverPath) : null;
if (session) await session.initialize({ settings: { debounceMs: 0 } });
const out = process.stdout;
out.write(`keystroke re-check (issue 17), load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
for (const [size, text] of docs) {
  for (const where of ['top', 'middle'] as const) {
    if (ONLY && !`${size} ${where}`.includes(ONLY)) continue;
    const n = QUICK ? 5 : size === '1MB' ? 12 : 30;
    const { total, cpu } = inProcess(text, where, n, false);
    const { cpu: timedCpu, rules } = inProcess(text, where, Math.max(3, Math.ceil(n / 2)), true);
    const stdio = session ? median(await overStdio(session, text, where, n, `${size} ${where}`)) : NaN;
    out.write(`\n${size} ${where} (${n} keystrokes): check in process ${f1(median(total))} ms median (CPU ${f1(median(cpu))} ms: the figure to compare on a loaded machine)` + (session ? `, keystroke → diagnostics over stdio ${f1(stdio)} ms median` : '') + '\n');
    // CPU means, so that the parts add up to the mean check (a GC falls on whichever part runs then)
    out.write(`  rule by rule (${rules.get('(outside the rules)')!.length} more keystrokes, each rule timed): mean CPU ${f1(mean(timedCpu))} ms, of which:\n`);
    const rows = [...rules].map(([id, ms]) => [id, mean(ms)] as const).sort((a, b) => b[1] - a[1]);
    for (const [id, ms] of rows.slice(0, 12)) out.write(`  ${f1(ms).padStart(7)} ms  ${id}\n`);
  }
}
out.write(`\nload ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
await session?.close();
