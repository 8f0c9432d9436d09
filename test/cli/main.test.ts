/** The CLI's main job as a user runs it: the README's command, directory walks, config globs, stdin, fixes, output. */
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, copyFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CORPUS_DIR } from '../helpers/corpus.js';

const CLI = path.resolve('dist/cli.cjs');
function run(args: string[], opts: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? process.cwd(), input: opts.input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const json = (out: string) => JSON.parse(out) as { filePath: string; messages: { ruleId: string; line: number }[] }[];

const REPORT = ['某区司法局2021年法治政府建设情况的报告', '2021年，我局推进法治政府建设。', '一、主要举措和成效', '全年办理案件30件。', '二、存在的问题', '一是队伍力量不足，由于编制有限。', '三、2022年工作安排', '加强队伍建设。'].join('\n') + '\n';

describe('the CLI', () => {
  test("the README's first command: npx fazhi-lint examples/ reports the example draft's errors and exits 1", () => {
    const r = spawnSync('npx', ['fazhi-lint', 'examples/'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('examples/draft-2023.md');
    expect(r.stdout).toMatch(/figure-conflict/);
    expect(r.stdout).toMatch(/section-missing/);
    expect(r.stdout).toMatch(/✖ \d+ 个问题（\d+ 个错误/);
  });

  test('a directory walk checks only files that look like reports and says how many it skipped', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fz-walk-'));
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'report.md'), REPORT);
    writeFileSync(path.join(dir, 'sub', 'notes.txt'), '会议纪要：讨论了食堂菜单。\n');
    writeFileSync(path.join(dir, 'sub', 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    const r = run(['-f', 'json', dir]);
    expect(json(r.out).map((f) => path.basename(f.filePath))).toEqual(['report.md']);
    const s = run([dir]);
    expect(s.out).toContain('跳过 1 个不像年度报告的文件');
    // a file named on the command line is always checked
    expect(json(run(['-f', 'json', path.join(dir, 'sub', 'notes.txt')]).out)).toHaveLength(1);
  });

  test('include and exclude globs of the config narrow the walk', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fz-globs-'));
    mkdirSync(path.join(dir, 'reports', 'archive'), { recursive: true });
    writeFileSync(path.join(dir, 'reports', 'a.md'), REPORT);
    writeFileSync(path.join(dir, 'reports', 'archive', 'old.md'), REPORT);
    writeFileSync(path.join(dir, 'draft.md'), REPORT);
    writeFileSync(path.join(dir, '.fazhi-lint.json'), JSON.stringify({ include: ['reports/**'], exclude: ['reports/archive/**'] }));
    const files = json(run(['-f', 'json', dir]).out).map((f) => path.relative(dir, f.filePath));
    expect(files).toEqual(['reports/a.md']);
  });

  test('stdin with --stdin-filename, in English', () => {
    const r = run(['-f', 'json', '--lang', 'en', '--stdin-filename', 'draft.md', '-'], { input: REPORT });
    const [file] = json(r.out);
    expect(path.basename(file.filePath)).toBe('draft.md');
    const styl = run(['--lang', 'en', '-'], { input: REPORT });
    expect(styl.out).toMatch(/is missing/);
  });

  test('--checklist prints the statutory checklist', () => {
    const r = run(['--checklist', path.join(CORPUS_DIR, 'kecheng-2020.md')]);
    expect(r.out).toContain('法定部分清单');
    expect(r.out).toMatch(/党政主要负责人履行推进法治建设第一责任人职责情况 — 在其他部分中（第9行）/);
    // who reports: kecheng is signed by the district's Party committee and its government
    expect(r.out).toContain('报告主体：党委和政府联合报告（据落款：中共衢州市柯城区委、衢州市柯城区人民政府）');
  });

  test('--checklist on a document that declares another kind says it was not checked as a report, with no ✖ item', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-cli-kind-'));
    // an implementation plan: it speaks of 法治政府建设 and has a measures-like heading, but 制定本方案 declares its kind
    const f = path.join(dir, 'plan.md');
    writeFileSync(f, '某区法治政府建设实施方案\n\n为深入推进依法行政，结合本区实际，制定本方案。\n\n一、健全政府机构职能体系\n\n推进政务服务标准化。\n');
    const r = run(['--checklist', '--no-config', f]);
    expect(r.out).toContain('not-a-report');
    expect(r.out).toContain('本文件不是年度报告（见 not-a-report 提示），未列法定部分');
    expect(r.out).not.toContain('✖');
    expect(r.out).not.toContain('上年度安排落实情况');
    // a report beside it keeps its full checklist
    const report = run(['--checklist', path.join(CORPUS_DIR, 'kecheng-2020.md')]);
    expect(report.out).not.toContain('未列法定部分');
    expect(run(['--checklist', '--no-config', '--lang', 'en', f]).out).toContain('no statutory checklist');
  });

  test('--fix on a document that declares another kind fixes its residue only: no report sections, title or signature written into it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-cli-kindfix-'));
    const f = path.join(dir, 'plan.md');
    const plan = '某区法治政府建设实施方案\n\n为深入推进依法行政，结合本区实际，制定本方案。\n\n一、健全政府机构职能体系\n\n推进政务服务标准化。。\n';
    writeFileSync(f, plan);
    const r = run(['--fix', '--no-config', f]);
    expect(r.out).toContain('not-a-report');
    // the check said nothing of missing sections; the fix does not insert them (it did: 二、存在的不足和原因 【待补充…】 …)
    expect(readFileSync(f, 'utf8')).toBe(plan.replace('标准化。。', '标准化。'));
    expect(r.out).not.toContain('section-empty');
  });

  test('--checklist and JSON list the 纲要 areas a government report covers; a department gets the config\'s own areas', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fz-coverage-'));
    const gov = REPORT.replace('某区司法局', '某区人民政府').replace('全年办理案件30件。', '全年办理行政复议案件30件。');
    writeFileSync(path.join(dir, 'gov.md'), gov);
    const r = run(['--checklist', path.join(dir, 'gov.md')]);
    expect(r.out).toContain('工作领域覆盖情况:');
    expect(r.out).toContain('对照《法治政府建设实施纲要（2021—2025年）》的九个方面：1/9 个方面在主要举措中有报告');
    expect(r.out).toContain('✔ 矛盾纠纷预防化解（调解、行政复议、行政应诉）：第4行');
    expect(r.out).toContain('○ 行政执法：未提及');
    const en = run(['--checklist', '--lang', 'en', path.join(dir, 'gov.md')]);
    expect(en.out).toContain('○ administrative law enforcement: not mentioned');
    const [file] = JSON.parse(run(['-f', 'json', path.join(dir, 'gov.md')]).out);
    expect(file.coverage.source).toBe('gangyao');
    expect(file.coverage.areas.find((a: { area: string }) => a.area === 'disputes')).toEqual({ area: 'disputes', configured: false, line: 4 });
    // a department: no list by default, its own areas from the config
    writeFileSync(path.join(dir, 'dept.md'), REPORT);
    expect(JSON.parse(run(['-f', 'json', path.join(dir, 'dept.md')]).out)[0].coverage).toBeUndefined();
    writeFileSync(path.join(dir, '.fazhi-lint.json'), JSON.stringify({ profile: { kind: 'department', areas: [{ name: '案件办理', terms: ['办理案件'] }] } }));
    const own = run(['--checklist', path.join(dir, 'dept.md')]);
    expect(own.out).toContain('对照配置文件列出的工作领域：1/1 个领域在主要举措中有报告');
    expect(own.out).toContain('✔ 案件办理：第4行');
  });

  test('JSON names the profile; the config\'s "profile" overrides the one read from the report', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fz-profile-'));
    writeFileSync(path.join(dir, 'report.md'), REPORT);
    const [read] = JSON.parse(run(['-f', 'json', path.join(dir, 'report.md')]).out);
    expect(read.profile).toEqual({ kind: 'department', from: 'title', organ: '某区司法局' });
    writeFileSync(path.join(dir, '.fazhi-lint.json'), JSON.stringify({ profile: 'township' }));
    const [set] = JSON.parse(run(['-f', 'json', path.join(dir, 'report.md')]).out);
    expect(set.profile).toMatchObject({ kind: 'township', from: 'config' });
    writeFileSync(path.join(dir, '.fazhi-lint.json'), JSON.stringify({ profile: 'county' }));
    const bad = run(['-f', 'json', path.join(dir, 'report.md')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/profile 应为 "auto"/);
  });

  test('--fix-dry-run prints the fixed text and writes nothing; --fix writes it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fz-fix-'));
    const file = path.join(dir, 'kecheng.md');
    copyFileSync(path.join(CORPUS_DIR, 'kecheng-2020.md'), file);
    chmodSync(file, 0o644); // the corpus is read-only, and --fix leaves read-only files alone
    const before = readFileSync(file, 'utf8');
    const dry = run(['--fix-dry-run', file]);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(dry.out).not.toContain('发布时间'); // web-boilerplate lines deleted in the printed text
    expect(dry.out).toContain('截至12月30日');
    run(['--fix', file]);
    expect(readFileSync(file, 'utf8')).toBe(dry.out);
  });
});
