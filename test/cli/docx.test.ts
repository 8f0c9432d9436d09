/** The CLI on Word documents: --print-text, findings by text-view line, --fix refused, walks, bad input, export. */
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { makeDocx, list, lvl, numPr, p, REPORT_LEVELS } from '../helpers/ooxml.js';
import { readDocx } from '../../input/docx/index.js';

const CLI = path.resolve('dist/cli.cjs');
function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A short report whose headings are automatic numbers; line 6 has a relative period (目前). */
const REPORT = makeDocx({
  numbering: list(1, REPORT_LEVELS),
  body: [
    p('某区司法局2021年法治政府建设情况的报告'),
    p('2021年，我局推进法治政府建设。'),
    p('主要举措和成效', numPr(1, 0)),
    p('全年办理行政复议案件30件。'),
    p('存在的问题', numPr(1, 0)),
    `<w:p><w:r><w:t>一是队伍力量不足，由于编制有限，</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>至今</w:delText></w:r></w:del><w:r><w:t>目前仍缺2人。</w:t></w:r></w:p>`,
    p('2022年工作安排', numPr(1, 0)),
    p('加强队伍建设。'),
  ].join(''),
});
const VIEW = [
  '某区司法局2021年法治政府建设情况的报告',
  '2021年，我局推进法治政府建设。',
  '一、主要举措和成效',
  '全年办理行政复议案件30件。',
  '二、存在的问题',
  '一是队伍力量不足，由于编制有限，目前仍缺2人。',
  '三、2022年工作安排',
  '加强队伍建设。',
];

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fz-docx-'));
  writeFileSync(path.join(dir, 'report.docx'), REPORT);
  return dir;
}

describe('checking a .docx', () => {
  test('--print-text prints the text view: numbering rendered, tracked changes accepted, paragraph N = line N', () => {
    const r = run(['--print-text', 'report.docx'], workspace());
    expect(r.code).toBe(0);
    expect(r.out).toBe(VIEW.join('\n') + '\n');
  });

  test('findings sit on text-view lines and columns; one info finding says changes are pending; JSON shape unchanged', () => {
    const r = run(['-f', 'json', 'report.docx'], workspace());
    const [file] = JSON.parse(r.out) as { filePath: string; messages: { ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number }[]; checklist: { item: string; line: number | null }[]; errorCount: number; infoCount: number }[];
    expect(file.filePath.endsWith('report.docx')).toBe(true);
    const relative = file.messages.find((m) => m.ruleId === 'period-relative');
    expect(relative).toMatchObject({ line: 6, column: VIEW[5].indexOf('目前') + 1, endLine: 6, endColumn: VIEW[5].indexOf('目前') + 3 });
    expect(file.messages.filter((m) => m.ruleId === 'tracked-changes')).toEqual([expect.objectContaining({ severity: 'info', line: 1, column: 1 })]);
    expect(file.checklist.find((c) => c.item === 'measures')?.line).toBe(3);
    expect(Object.keys(file).filter((k) => k !== 'coverage').sort()).toEqual(['checklist', 'errorCount', 'filePath', 'infoCount', 'messages', 'previous', 'profile', 'warningCount']);
  });

  test('--fix and --fix-dry-run on a .docx are refused with one clear line (exit 2); the file is untouched', () => {
    const dir = workspace();
    for (const flag of ['--fix', '--fix-dry-run']) {
      const r = run([flag, 'report.docx'], dir);
      expect(r.code, flag).toBe(2);
      expect(r.err, flag).toMatch(/report\.docx：不能直接修复 Word 文档.*--print-text/);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect(Buffer.compare(readFileSync(path.join(dir, 'report.docx')), Buffer.from(REPORT))).toBe(0);
  });

  test('a directory walk includes .docx, and a WPS file saved as OOXML under another name is read by content', () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', '报告.docx'), REPORT);
    writeFileSync(path.join(dir, 'sub', 'notes.docx'), makeDocx({ body: p('会议纪要：讨论了食堂菜单。') }));
    const walked = JSON.parse(run(['-f', 'json', '.'], dir).out) as { filePath: string }[];
    expect(walked.map((f) => path.relative(dir, f.filePath)).sort()).toEqual(['report.docx', path.join('sub', '报告.docx')]);
    writeFileSync(path.join(dir, 'wps-saved.wps'), REPORT);
    const r = run(['--print-text', 'wps-saved.wps'], dir);
    expect(r.out.split('\n')[2]).toBe('一、主要举措和成效');
  });
});

describe('bad input: one clear line, exit 2, never a stack trace', () => {
  const ole = (extra: number[] = []) => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0), ...extra]);
  const cases: [string, Uint8Array, RegExp][] = [
    ['old.doc', ole(), /old\.doc：这是旧版二进制 Word\/WPS 文档.*另存为/],
    ['old.wps', ole(), /old\.wps：这是旧版二进制 Word\/WPS 文档.*另存为/],
    ['locked.docx', ole([...[...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0])]), /locked\.docx：文档已加密/],
    ['cut.docx', REPORT.subarray(0, 900), /cut\.docx：Word 文档已损坏或不完整/],
    ['photo.docx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), /photo\.docx：不是 Word 文档/],
  ];
  for (const [name, bytes, message] of cases) {
    test(name, () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'fz-bad-'));
      writeFileSync(path.join(dir, name), bytes);
      for (const args of [[name], ['--print-text', name], ['-f', 'json', name]]) {
        const r = run(args, dir);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
        expect(r.err).toMatch(message);
        expect(r.err).not.toMatch(/\n\s+at |Error:/);
      }
      expect(run(['--lang', 'en', name], dir).err).toMatch(new RegExp(`^fazhi-lint: ${name.replace('.', '\\.')}: `));
    });
  }
});

describe('fazhi-lint export', () => {
  test('writes a GB/T 9704 .docx beside the draft (or where -o says) that reads back line for line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fz-export-'));
    const draft = ['# 某区司法局2021年法治政府建设情况的报告', '', '## 一、主要举措和成效', '', '全年办理**行政复议**案件30件。', '', '某区司法局', '2022年1月10日', ''].join('\n');
    writeFileSync(path.join(dir, '草稿.md'), draft);
    const r = run(['export', '草稿.md'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('草稿.docx');
    const back = readDocx(readFileSync(path.join(dir, '草稿.docx')));
    expect(back.ok && back.view.lines.map((l) => l.text)).toEqual(['某区司法局2021年法治政府建设情况的报告', '一、主要举措和成效', '全年办理行政复议案件30件。', '某区司法局', '2022年1月10日']);
    expect(run(['export', '草稿.md', '-o', 'out/x.docx'], dir).code).toBe(2); // no such directory: one line
    mkdirSync(path.join(dir, 'out'));
    expect(run(['export', '草稿.md', '-o', 'out/x.docx'], dir).code).toBe(0);
    expect(existsSync(path.join(dir, 'out', 'x.docx'))).toBe(true);
    // the draft itself is never replaced
    const same = run(['export', 'out/x.docx'], dir);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/不能覆盖原稿/);
    expect(run(['export'], dir).code).toBe(2);
  });
});
