/**
 * Issue 14, the file side: last year's report is found (same folder, the files of the run), named (--previous,
 * "previous" in the config), read like any input (.md, .docx) and confined to the workspace; a named file that
 * cannot be read is one clear line and the check goes on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../cli/main.js';
import { PreviousFinder, checkFile, type FileCheck } from '../../node/index.js';
import { LARGE_DOCUMENT_BYTES, asPrevious, checkReport, createReport, defaultConfig, allRules, previousReport } from '../../rules/index.js';
import { memoKey } from '../../rules/model/memo.js';
import { keyTerms, reportKeyTerms, reportSpanTerms } from '../../rules/model/terms.js';
import { planItems } from '../../rules/model/items.js';
import { PreviousFinder as InputFinder } from '../../input/previous.js';
import { FOLLOWED, LAST_YEAR, PREVIOUS, lineOf, thisYear, yearReport } from '../helpers/pairs.js';
import { makeDocx, p } from '../helpers/ooxml.js';

/** This year's report reporting on plans 1–3 of last year's, silent on plan 4 (繁简分流). */
const CURRENT = thisYear(FOLLOWED.slice(0, 3));
const DROPPED = '推行行政复议案件繁简分流';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function workspace(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-previous-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

interface JsonFile {
  filePath: string;
  messages: { ruleId: string; message: string; line: number; related?: { filePath?: string; line: number; message: string }[] }[];
  previous?: { filePath?: string; year: number; followed: number; plans: { plan: string; status: string; line: number | null; planLine: number }[] } | null;
}

function cli(cwd: string, ...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), readStdin: () => new Uint8Array(), isTTY: false, cwd });
  return { code, out, err };
}

function json(cwd: string, ...args: string[]): JsonFile[] {
  const r = cli(cwd, '-f', 'json', ...args);
  expect(r.err).toBe('');
  return JSON.parse(r.out) as JsonFile[];
}

const followups = (f: JsonFile) => f.messages.filter((m) => m.ruleId === 'plan-followup');

/** The finder over files held in memory (last year's report at /w/2022.md), counting the reads it makes. */
function memoryFinder() {
  const disk = new Map([['/w/2022.md', PREVIOUS]]);
  const open = new Map<string, string>();
  let count = 0;
  const finder = new InputFinder<string>({
    files: {
      beside: (f) => [...disk.keys()].filter((x) => x !== f),
      stat: (f) => (disk.has(f) ? { stamp: String(disk.get(f)!.length), size: disk.get(f)!.length } : null),
      read: (f) => (count++, disk.has(f) ? { ok: true, text: disk.get(f)! } : { ok: false, problem: 'missing' }),
    },
    openText: (f) => open.get(f),
  });
  return { disk, open, finder, reads: () => count };
}

describe('finding last year\'s report', () => {
  it('in the same folder: the dropped plan is one finding whose related place is the plan\'s line in that file', () => {
    const dir = workspace({ 'reports/2023.md': CURRENT, 'reports/2022.md': PREVIOUS, 'reports/notes.md': '# 会议记录\n\n2022年工作安排讨论。\n' });
    const [r] = json(dir, 'reports/2023.md');
    const found = followups(r);
    expect(found.map((m) => m.message)).toEqual([expect.stringContaining(DROPPED)]);
    expect(found[0].related).toEqual([{ filePath: path.join(dir, 'reports/2022.md'), line: lineOf(PREVIOUS, DROPPED), column: 4, message: expect.any(String) }]);
    expect(r.previous).toMatchObject({ filePath: path.join(dir, 'reports/2022.md'), year: 2022, followed: 3 });
    expect(r.previous!.plans.map((x) => x.status)).toEqual(['reported', 'reported', 'reported', 'missing']);
  });

  it('among the files of the run when it is in another folder; not when it is not checked in the run', () => {
    const dir = workspace({ '2023/report.md': CURRENT, '2022/report.md': PREVIOUS });
    const both = json(dir, '2023', '2022');
    expect(followups(both.find((f) => f.filePath.includes('2023'))!).length).toBe(1);
    const alone = json(dir, '2023');
    expect(followups(alone[0])).toEqual([]);
    expect(alone[0].previous).toBeNull();
  });

  it('skips a report of another organ and one two years back in the same folder', () => {
    const dir = workspace({
      '2023.md': CURRENT,
      'other-2022.md': yearReport({ ...LAST_YEAR, organ: '河东县司法局' }),
      '2021.md': yearReport({ ...LAST_YEAR, year: 2021 }),
    });
    const [r] = json(dir, '2023.md');
    expect(followups(r)).toEqual([]);
    expect(r.previous).toBeNull();
  });

  it('one finder over drafts of several years in turn finds what a fresh finder finds for each (a file skipped for one year is still found for another)', () => {
    const files: Record<string, string> = {};
    for (const organ of ['河西县司法局', '河东县司法局']) for (const year of [2019, 2020, 2021, 2022]) files[`${organ}-${year}.md`] = yearReport({ ...LAST_YEAR, organ, year });
    // a file that names 2021 only inside a longer number (120213): never last year's report of a 2022 draft
    files['notes.md'] = '# 会议记录\n\n编号120213。\n';
    const dir = workspace(files);
    const names = Object.keys(files).filter((f) => f !== 'notes.md');
    const shared = new PreviousFinder({ roots: [dir] });
    let found = 0;
    // years in a changing order, each draft asked twice
    for (const name of [...names, ...names.slice().reverse()]) {
      const file = path.join(dir, name);
      const report = createReport(files[name], file);
      const fresh = new PreviousFinder({ roots: [dir] }).locate(report, file);
      expect(shared.locate(report, file)).toBe(fresh);
      if (fresh) found++;
    }
    // every draft but the 2019 ones has last year's report beside it
    expect(found).toBe(12);
  });

  it('with stable files (a CLI run) a candidate is asked once per year and organ, not once per draft; forgetPairings asks again', () => {
    // three drafts of 2023 and another organ's 2022 report: nothing pairs, so every draft goes through every file
    const other = yearReport({ ...LAST_YEAR, organ: '河东县司法局' });
    const disk = new Map([['/w/other-2022.md', other], ['/w/a.md', CURRENT], ['/w/b.md', CURRENT], ['/w/c.md', CURRENT]]);
    const stats = new Map<string, number>();
    const make = (stable: boolean) =>
      new InputFinder<string>({
        stable,
        files: {
          beside: (f) => [...disk.keys()].filter((x) => x !== f),
          stat: (f) => (stats.set(f, (stats.get(f) ?? 0) + 1), disk.has(f) ? { stamp: String(disk.get(f)!.length), size: disk.get(f)!.length } : null),
          read: (f) => (disk.has(f) ? { ok: true, text: disk.get(f)! } : { ok: false, problem: 'missing' }),
        },
      });
    const drafts = ['/w/a.md', '/w/b.md', '/w/c.md'];
    const located = (finder: InputFinder<string>) => drafts.map((d) => finder.locate(createReport(CURRENT, d), d));
    expect(located(make(false))).toEqual([null, null, null]);
    expect(stats.get('/w/other-2022.md')).toBe(3);
    stats.clear();
    const stable = make(true);
    expect(located(stable)).toEqual([null, null, null]);
    expect(stats.get('/w/other-2022.md')).toBe(1);
    expect(stats.get('/w/b.md')).toBe(1);
    // a file written (a fix): every file is asked again
    stable.forgetPairings();
    located(stable);
    expect(stats.get('/w/other-2022.md')).toBe(2);
  });

  it('a snapshot finder (the CLI) stats each file once: a rewrite is seen after changed(file), and only then', () => {
    const dir = workspace({ '2023.md': CURRENT, '2022.md': PREVIOUS });
    const draft = path.join(dir, '2023.md');
    const last = path.join(dir, '2022.md');
    const finder = new PreviousFinder({ roots: [dir], snapshot: true });
    const report = createReport(CURRENT, draft);
    expect(finder.locate(report, draft)).toBe(last);
    // another organ's report now, larger so its stamp differs
    writeFileSync(last, yearReport({ ...LAST_YEAR, organ: '河东县司法局' }) + '\n\n');
    expect(finder.locate(report, draft)).toBe(last);
    finder.changed(last);
    expect(finder.locate(report, draft)).toBeNull();
    expect(new PreviousFinder({ roots: [dir] }).locate(report, draft)).toBeNull();
  });

  it('hands the file it read as a candidate to the check of that file, once, and not once the file changed', () => {
    const dir = workspace({ '2023.md': CURRENT, '2022.md': PREVIOUS, '2024.md': yearReport({ ...LAST_YEAR, year: 2024 }) });
    const at = (f: string) => path.join(dir, f);
    const finder = new PreviousFinder({ roots: [dir], snapshot: true });
    // last year's report looks for 2021 beside it: it reads the others to see their year
    expect(finder.locate(createReport(PREVIOUS, at('2022.md')), at('2022.md'))).toBeNull();
    const read = ['2023.md', '2024.md'].find((f) => finder.takeView(at(f)) !== undefined);
    expect(read).toBeDefined();
    expect(finder.takeView(at(read!))).toBeUndefined();
    // read again by another finder; then the file is rewritten before its check: not handed over
    const again = () => {
      const f = new PreviousFinder({ roots: [dir], snapshot: true });
      f.locate(createReport(PREVIOUS, at('2022.md')), at('2022.md'));
      return f;
    };
    expect(again().takeView(at(read!))?.text).toBe(readFileSync(at(read!), 'utf8'));
    const stale = again();
    writeFileSync(at(read!), CURRENT + '\n\n补记。\n');
    expect(stale.takeView(at(read!))).toBeUndefined();
  });

  it('a snapshot finder keeps every candidate it read for that file\'s check (a batch reads each file once), a finder without only the last', () => {
    const dir = workspace({ '2022.md': PREVIOUS, '2023.md': CURRENT, '2024.md': yearReport({ ...LAST_YEAR, year: 2024 }) });
    const at = (f: string) => path.join(dir, f);
    const taken = (snapshot: boolean) => {
      const finder = new PreviousFinder({ roots: [dir], snapshot });
      // last year's report looks for 2021 beside it: it reads both others to see their year
      expect(finder.locate(createReport(PREVIOUS, at('2022.md')), at('2022.md'))).toBeNull();
      return ['2023.md', '2024.md'].filter((f) => finder.takeView(at(f))?.text === readFileSync(at(f), 'utf8'));
    };
    expect(taken(true)).toEqual(['2023.md', '2024.md']);
    expect(taken(false)).toHaveLength(1);
  });

  it('reads a .docx previous report through the Word decoder', () => {
    const docx = makeDocx({ body: PREVIOUS.trimEnd().split('\n').map((l) => p(l)).join('') });
    const dir = workspace({ '2023.md': CURRENT, '2022.docx': docx });
    const [r] = json(dir, '2023.md');
    expect(followups(r).map((m) => m.message)).toEqual([expect.stringContaining(DROPPED)]);
    expect(followups(r)[0].related![0].filePath).toBe(path.join(dir, '2022.docx'));
  });
});

describe('naming last year\'s report', () => {
  it('--previous FILE is used instead of looking (a report beside the draft is ignored then)', () => {
    const followedAll = yearReport({ ...LAST_YEAR, plans: LAST_YEAR.plans.slice(0, 3) });
    const dir = workspace({ 'draft/2023.md': CURRENT, 'draft/2022.md': followedAll, 'archive/2022.md': PREVIOUS });
    expect(followups(json(dir, 'draft/2023.md')[0])).toEqual([]);
    const [r] = json(dir, '--previous', 'archive/2022.md', 'draft/2023.md');
    expect(followups(r)[0].related![0].filePath).toBe(path.join(dir, 'archive/2022.md'));
  });

  it('"previous" in the config, relative to the config file', () => {
    const dir = workspace({ '.fazhi-lint.json': '{ "previous": "archive/last.md" }', 'draft/2023.md': CURRENT, 'archive/last.md': PREVIOUS });
    const [r] = json(dir, 'draft/2023.md');
    expect(followups(r)[0].related![0].filePath).toBe(path.join(dir, 'archive/last.md'));
  });

  it('a config "previous" that is not a path is a config error with its position', () => {
    const dir = workspace({ '.fazhi-lint.json': '{\n  "previous": 2022\n}', '2023.md': CURRENT });
    const r = cli(dir, '2023.md');
    expect(r.code).toBe(2);
    expect(r.err).toContain('.fazhi-lint.json:2:15');
  });

  it('a named file that is missing is one line; the draft is still checked, without last year\'s rules', () => {
    const dir = workspace({ '2023.md': CURRENT, '2022.md': PREVIOUS });
    const r = cli(dir, '-f', 'json', '--previous', 'gone.md', '2023.md');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual(['fazhi-lint: 指定的上年度报告 gone.md：无法读取（ENOENT）；本次未对照上年度报告检查']);
    const [f] = JSON.parse(r.out) as JsonFile[];
    // checked all the same, as if no previous report existed (the one beside it is not used instead)
    expect(path.basename(f.filePath)).toBe('2023.md');
    expect(followups(f)).toEqual([]);
    expect(f.previous).toBeNull();
  });

  it('a config "previous" outside the workspace is refused and reported once for all the drafts it governs', () => {
    const outside = workspace({ 'last.md': PREVIOUS });
    const dir = workspace({ 'a/2023.md': CURRENT, 'b/2023.md': CURRENT });
    writeFileSync(path.join(dir, '.fazhi-lint.json'), JSON.stringify({ previous: path.relative(dir, path.join(outside, 'last.md')) }));
    const r = cli(dir, '-f', 'json', 'a', 'b');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('工作区之外');
    expect((JSON.parse(r.out) as JsonFile[]).flatMap(followups)).toEqual([]);
  });
});

describe('--checklist', () => {
  it('lists each of last year\'s plans: followed up with this year\'s line, not found with the plan\'s place', () => {
    const dir = workspace({ '2023.md': CURRENT, '2022.md': PREVIOUS });
    const { out } = cli(dir, '--checklist', '2023.md');
    const section = out.slice(out.indexOf('上年度安排落实情况'));
    expect(section).toContain('对照上年度报告：2022.md（2022年） — 3/4 项有落实情况');
    expect(section).toContain(`✔ 加强行政执法人员培训 — 已落实：第${lineOf(CURRENT, FOLLOWED[0].slice(0, 10))}行`);
    expect(section).toContain(`✖ ${DROPPED} — 未找到落实情况：2022.md:${lineOf(PREVIOUS, DROPPED)}`);
  });

  it('says when no report of last year was found', () => {
    const dir = workspace({ '2023.md': CURRENT });
    expect(cli(dir, '--checklist', '2023.md').out).toContain('未找到上年度报告');
    expect(cli(dir, '--checklist', '--lang', 'en', '2023.md').out).toContain('No report of last year found');
  });
});

describe('the review summary (-f csv)', () => {
  it('says how many of last year\'s plans are reported on, or that no report of last year was found', () => {
    const dir = workspace({ '2023.md': CURRENT, '2022.md': PREVIOUS });
    const rows = cli(dir, '-f', 'csv', '.').out.trim().split(/\r?\n/);
    const last = (file: string) => rows.find((r) => r.includes(file))!.split(',').at(-1);
    expect(last('2023.md')).toBe('3/4 项有落实情况');
    expect(last('2022.md')).toBe('未找到上年度报告');
  });
});

describe('PreviousFinder', () => {
  const ctx = () => ({ config: defaultConfig(allRules), language: 'zh-CN' as const });

  it('a document past the degrade limit is not paired (its title would cost a parse of the whole text on the server thread)', () => {
    const dir = workspace({ '2023.md': CURRENT, '2022.md': PREVIOUS });
    const open = new Map<string, string>();
    const finder = new PreviousFinder({ roots: [dir], openText: (f) => open.get(f) });
    const draft = path.join(dir, '2023.md');
    expect(finder.locate(createReport(CURRENT, draft), draft)).toBe(path.join(dir, '2022.md'));
    // the same report, open in the editor with 2 MB more pasted at its end
    open.set(path.join(dir, '2022.md'), PREVIOUS + '\n' + '全面推进依法行政。'.repeat(Math.ceil(LARGE_DOCUMENT_BYTES / 27) + 1));
    finder.clear();
    expect(finder.locate(createReport(CURRENT, draft), draft)).toBeNull();
  });

  it('an open buffer counts with its current text, and a change of that text is seen', () => {
    const dir = workspace({ '2023.md': CURRENT, '2022.md': yearReport({ ...LAST_YEAR, year: 2020 }) });
    const open = new Map<string, string>();
    const finder = new PreviousFinder({ roots: [dir], openText: (f) => open.get(f) });
    const draft = path.join(dir, '2023.md');
    expect(finder.locate(createReport(CURRENT, draft), draft)).toBeNull();
    open.set(path.join(dir, '2022.md'), PREVIOUS);
    finder.clear();
    expect(finder.locate(createReport(CURRENT, draft), draft)).toBe(path.join(dir, '2022.md'));
    const check = (): FileCheck => checkFile(draft, { explicit: true, contextFor: () => ({ ...ctx(), previous: (r) => finder.previousFor(r, draft) }) });
    const findings = (c: FileCheck) => (c.kind === 'checked' ? c.check.result.findings.filter((f) => f.ruleId === 'plan-followup').length : -1);
    expect(findings(check())).toBe(1);
    open.set(path.join(dir, '2022.md'), yearReport({ ...LAST_YEAR, plans: LAST_YEAR.plans.slice(0, 3) }));
    expect(findings(check())).toBe(0);
  });

  it('hands the check the report it parsed to pair a candidate (read and built once), never one of an older text', () => {
    const { disk, open, finder, reads } = memoryFinder();
    const draft = '/w/2023.md';
    const p = finder.previousFor(createReport(CURRENT, draft), draft)!;
    expect(p.text).toBe(PREVIOUS);
    expect(reads()).toBe(1);
    expect(p.report?.source).toBe(PREVIOUS);
    expect(previousReport(p)).toBe(p.report);
    // rewritten on disk (another stamp): read and parsed again, the older report not handed over
    const shorter = yearReport({ ...LAST_YEAR, plans: LAST_YEAR.plans.slice(0, 3) });
    disk.set('/w/2022.md', shorter);
    const q = finder.previousFor(createReport(CURRENT, draft), draft)!;
    expect(q.text).toBe(shorter);
    expect(q.report?.source ?? shorter).toBe(shorter);
    // open in the editor with other text: that text, not the report of the file
    open.set('/w/2022.md', PREVIOUS);
    const r = finder.previousFor(createReport(CURRENT, draft), draft)!;
    expect(r.text).toBe(PREVIOUS);
    expect(r.report?.source ?? PREVIOUS).toBe(PREVIOUS);
  });

  it('a file just checked is the next draft\'s previous report without being read or parsed again, and only while it is unchanged', () => {
    const { disk, finder, reads } = memoryFinder();
    const checked = createReport(PREVIOUS, '/w/2022.md', () => null);
    void checked.checklist;
    finder.justChecked('/w/2022.md', checked);
    const draft = '/w/2023.md';
    const p = finder.previousFor(createReport(CURRENT, draft), draft)!;
    expect(reads()).toBe(0);
    expect(p.text).toBe(PREVIOUS);
    // the checked report's parse and parts, as last year's report: no previous report of its own
    expect(p.report).not.toBe(checked);
    expect(p.report!.blocks).toBe(checked.blocks);
    expect(p.report!.checklist).toBe(checked.checklist);
    expect(p.report!.previous).toBeNull();
    // rewritten: read and parsed again
    const shorter = yearReport({ ...LAST_YEAR, plans: LAST_YEAR.plans.slice(0, 3) });
    disk.set('/w/2022.md', shorter);
    const q = finder.previousFor(createReport(CURRENT, draft), draft)!;
    expect(reads()).toBe(1);
    expect(q.text).toBe(shorter);
    expect(q.report?.source ?? shorter).toBe(shorter);
  });

  it('asPrevious keeps the memos that do not depend on the report\'s own previous report, and only those', () => {
    const own = memoKey<number>('test:asPrevious:own', ['blocks']);
    const paired = memoKey<number>('test:asPrevious:paired', ['previous', 'blocks']);
    const r = createReport(CURRENT, '/w/2023.md', createReport(PREVIOUS, '/w/2022.md'));
    r.memo(own, () => 1);
    r.memo(paired, () => 2);
    const v = asPrevious(r)!;
    expect(v.previous).toBeNull();
    expect(v.memo(own, () => 3)).toBe(1);
    expect(v.memo(paired, () => 4)).toBe(4);
    expect(r.memo(paired, () => 5)).toBe(2);
  });

  it('the span terms segmented in last year\'s own check serve this year\'s plan matching (reportSpanTerms travels with asPrevious)', () => {
    const last = createReport(PREVIOUS, '/w/2022.md');
    const checked = checkReport(last, { config: defaultConfig(allRules) });
    expect(checked.findings).toBeDefined();
    const known = reportSpanTerms(last);
    expect(known.size).toBeGreaterThan(0);
    const view = asPrevious(last)!;
    expect(reportSpanTerms(view)).toBe(known);
    // and what is read from it is what segmenting gives
    for (const plan of planItems(view).items) expect(reportKeyTerms(view, plan.text)).toEqual(keyTerms(plan.text));
  });

  it('the CLI checking last year\'s report before this year\'s gives this year\'s the findings it has checked alone', () => {
    const dir = workspace({ 'reports/2022.md': PREVIOUS, 'reports/2023.md': CURRENT });
    const [, both] = json(dir, 'reports/2022.md', 'reports/2023.md');
    const [alone] = json(dir, 'reports/2023.md');
    expect(both.messages.length).toBeGreaterThan(0);
    expect(both.messages).toEqual(alone.messages);
    expect(both.previous).toEqual(alone.previous);
    expect(followups(both).length).toBe(1);
  });

  it('does not look when the rules that read last year\'s report are off', () => {
    const dir = workspace({ '2023.md': CURRENT, '2022.md': PREVIOUS });
    const draft = path.join(dir, '2023.md');
    let asked = 0;
    const config = defaultConfig(allRules);
    config.rules['plan-followup'].severity = 'off';
    config.rules['text-recycled'].severity = 'off';
    const c = checkFile(draft, { explicit: true, contextFor: () => ({ config, language: 'zh-CN', previous: () => (asked++, null) }) });
    expect(c.kind).toBe('checked');
    expect(asked).toBe(0);
  });
});
