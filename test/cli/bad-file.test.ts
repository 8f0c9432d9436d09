/**
 * Issue 11 item 6: one file the core cannot check is one clear line, and the other files of the run are still
 * checked (the core is made to throw on one file's text).
 */
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

vi.mock('../../rules/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../rules/index.js')>();
  return {
    ...real,
    checkReport: (report: Parameters<typeof real.checkReport>[0], options: Parameters<typeof real.checkReport>[1]) => {
      if (report.source.includes('让核心出错')) throw new RangeError('Maximum call stack size exceeded');
      return real.checkReport(report, options);
    },
  };
});

const { main } = await import('../../cli/main.js');

describe('a failing file in a multi-file run', () => {
  it('is reported in one line; the files before and after it are checked', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-bad-file-'));
    try {
      const good = '某县司法局关于2020年度法治政府建设情况的报告\n一、主要举措和成效\n截止2020年底，共办理行政复议案件12件。\n';
      writeFileSync(path.join(dir, 'a.md'), good);
      writeFileSync(path.join(dir, 'b.md'), good + '让核心出错\n');
      writeFileSync(path.join(dir, 'c.md'), good);
      let out = '';
      let err = '';
      const code = main(['-f', 'json', 'a.md', 'b.md', 'c.md'], { stdout: (s) => (out += s), stderr: (s) => (err += s), readStdin: () => new Uint8Array(), isTTY: false, cwd: dir });
      expect(code).toBe(2);
      const results = JSON.parse(out) as { filePath: string }[];
      expect(results.map((r) => path.basename(r.filePath))).toEqual(['a.md', 'c.md']);
      expect(err.trim().split('\n')).toEqual(['fazhi-lint: b.md：检查出错（Maximum call stack size exceeded），已跳过此文件']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
