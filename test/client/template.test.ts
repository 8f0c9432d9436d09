/** The "new report" template carries every statutory section, in order, as the checker reads it. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { check, checklistOf } from '../../rules/index.js';
import { reportTemplate } from '../../client/template.js';

describe('reportTemplate', () => {
  const text = reportTemplate('某县人民政府', 2024);
  const result = check(text);

  it('has each of the five items as a section of its own', () => {
    expect(checklistOf(result.report).map((c) => [c.item, c.status])).toEqual([
      ['measures', 'section'],
      ['problems', 'section'],
      ['first-responsible', 'section'],
      ['plans', 'section'],
      ['other', 'section'],
    ]);
  });

  it('names the organ, the year and the next year, and is never reported missing a section', () => {
    expect(text.split('\n')[0]).toBe('某县人民政府关于2024年度法治政府建设情况的报告');
    expect(text).toContain('四、2025年推进法治政府建设的主要安排');
    expect(result.report.year?.year).toBe(2024);
    expect(result.findings.filter((f) => f.ruleId === 'section-missing')).toEqual([]);
  });

  it('a draft created from it and not filled in shows placeholder errors and fails the CLI (exit 1)', () => {
    const r = spawnSync(process.execPath, [path.resolve('dist/cli.cjs'), '-f', 'json', '--stdin-filename', 'draft.md', '-'], {
      input: text,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status).toBe(1);
    const [file] = JSON.parse(r.stdout) as { messages: { ruleId: string; severity: string; line: number }[] }[];
    const guidance = file.messages.filter((m) => m.ruleId === 'placeholder' && m.severity === 'error').map((m) => m.line);
    // every line of the template that carries a bracketed note for the writer
    const noted = text.split('\n').flatMap((l, i) => (/【/.test(l) ? [i + 1] : []));
    expect(noted.length).toBeGreaterThan(5);
    expect([...new Set(guidance)]).toEqual(noted);
  });
});
