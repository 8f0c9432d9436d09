/**
 * Issue 11 on the CLI, in process (cli/main.ts): results never depend on the files checked before (item 5), and
 * the lines that once overflowed the block builder's stack are checked in a multi-file run like any other (item 6).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../cli/main.js';
import { check, clearCaches, fixAll } from '../../rules/index.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fazhi-cli-issue11-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(args: string[]) {
  let out = '';
  let err = '';
  const code = main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), readStdin: () => new Uint8Array(), isTTY: false, cwd: dir });
  return { code, out, err };
}

const TITLE = '某县2020年法治政府建设情况的报告\n一、主要举措和成效\n';

describe('item 5: --fix a.md b.md writes b.md as --fix b.md alone does', () => {
  it('a line whose * is emphasis in a.md and a character in b.md', () => {
    const line = '全面推进依法行政工作*取得新成效，全面推进依法行政工作取得新成效。';
    const a = `${TITLE}${line}\n结束*了。\n`;
    const b = `${TITLE}${line}\n`;
    clearCaches();
    const alone = fixAll(b).output;
    expect(alone).not.toBe(b); // the repeat is fixed: the comparison below is about a real write
    writeFileSync(path.join(dir, 'a.md'), a);
    writeFileSync(path.join(dir, 'b.md'), b);
    clearCaches();
    const r = run(['--fix', '--format', 'json', 'a.md', 'b.md']);
    expect(r.err).toBe('');
    expect(readFileSync(path.join(dir, 'b.md'), 'utf8')).toBe(alone);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe((clearCaches(), fixAll(a).output));
    // and the findings reported for the written b.md are those of a fresh check of it
    const results = JSON.parse(r.out) as { filePath: string; messages: unknown[] }[];
    clearCaches();
    expect(results.find((x) => x.filePath.endsWith('b.md'))!.messages).toHaveLength(check(alone).findings.length);
  });
});

describe('item 6: the lines that overflowed the stack, in one multi-file run', () => {
  it.each([
    ['- ', 3000],
    ['> ', 10000],
    ['1. ', 5000],
  ])('one line of %j × %i: every file checked, no stack trace', (marker, n) => {
    const deep = `${TITLE}\n${marker.repeat(n)}深层嵌套的一行正文。\n`;
    const good = `${TITLE}截止2020年底，共办理行政复议案件12件。\n`;
    writeFileSync(path.join(dir, 'd1.md'), good);
    writeFileSync(path.join(dir, 'd2.md'), deep);
    writeFileSync(path.join(dir, 'd3.md'), good);
    const r = run(['--format', 'json', 'd1.md', 'd2.md', 'd3.md']);
    expect(r.err).toBe('');
    const results = JSON.parse(r.out) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
    expect(results.map((x) => path.basename(x.filePath))).toEqual(['d1.md', 'd2.md', 'd3.md']);
    expect(results[1].messages.length).toBe(check(deep).findings.length);
    expect(results.flatMap((x) => x.messages).filter((m) => /Maximum call stack|检查出错/.test(m.message))).toEqual([]);
  });
});
