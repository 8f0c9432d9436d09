/**
 * Issue 14 in the editor, over the protocol (the bundled server, stdio): last year's report is found in the
 * workspace (or named by the config), an open unsaved report counts with its current text, an edit of last year's
 * plans re-publishes this year's findings and checklist, and with no report of last year the rules are silent
 * and the checklist's 上年度安排落实情况 says none was found.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { CHECKLIST_REQUEST, CHECK_WORKSPACE_REQUEST, REVIEW_REQUEST, type ChecklistResponse, type ReviewResponse, type WorkspaceCheckResult } from '../../protocol/index.js';
import { ui } from '../../rules/index.js';
import { FOLLOWED, LAST_YEAR, PREVIOUS, THIS_YEAR_PROBLEMS, lineOf, thisYear, yearReport } from '../helpers/pairs.js';
import { fileUri, withServer, withTimeout, type LspSession } from '../helpers/lsp.js';

const OPTIONS = { settings: { debounceMs: 20 } };
/** This year's report reporting on plans 1–3 of last year's, silent on plan 4. */
const CURRENT = thisYear(FOLLOWED.slice(0, 3));
const DROPPED = '推行行政复议案件繁简分流';
/** a sentence of last year's problems, copied word for word into this year's */
const COPIED = '一是行政执法人员专业能力不足，部分执法人员对新修订的法律法规掌握不够，主要原因是执法人员多为转岗人员，缺乏系统培训。';

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const byRule = (p: PublishDiagnosticsParams, rule: string): Diagnostic[] => p.diagnostics.filter((d) => d.code === rule);
const followupMessages = (p: PublishDiagnosticsParams): string[] => byRule(p, "plan-followup").map((d) => d.message as string);

function checklist(s: LspSession, uri: string): Promise<ChecklistResponse | null> {
  return withTimeout(s.conn.sendRequest(CHECKLIST_REQUEST, { uri }) as Promise<ChecklistResponse | null>, 5000, () => 'checklist');
}

/** Last year's report with its fourth plan replaced. */
function withPlan4(plan: string): string {
  return yearReport({ ...LAST_YEAR, plans: [...LAST_YEAR.plans.slice(0, 3), plan] });
}

describe('last year\'s report in the editor', () => {
  it('is found elsewhere in the workspace: the dropped plan and the copied sentence point into that file; the checklist lists every plan with where it jumps', async () => {
    await withServer('prev-found', OPTIONS, async (s, ws) => {
      const last = write(ws, '2022/法治政府建设年度报告.md', PREVIOUS);
      const uri = fileUri(write(ws, '2023/法治政府建设年度报告.md', CURRENT));
      const lastUri = fileUri(last);
      s.open(uri, CURRENT);
      const p = await s.diagnostics(uri, (p) => byRule(p, 'plan-followup').length > 0);
      const [followup] = byRule(p, 'plan-followup');
      expect(byRule(p, 'plan-followup')).toHaveLength(1);
      expect(followup.message).toContain(DROPPED);
      expect(followup.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line + 1])).toEqual([[lastUri, lineOf(PREVIOUS, DROPPED)]]);
      expect(byRule(p, 'text-recycled')).toEqual([]);

      const c = (await checklist(s, uri))!;
      expect(c.previous).toMatchObject({ title: ui('zh-CN', 'previousTitle'), uri: lastUri, year: 2022, followed: 3 });
      expect(c.previous!.label).toContain('法治政府建设年度报告.md');
      expect(c.previous!.plans.map((x) => x.status)).toEqual(['reported', 'reported', 'reported', 'missing']);
      // followed up: this year's line that reports on it; not found: the plan in last year's file
      FOLLOWED.slice(0, 3).forEach((measure, i) => expect(c.previous!.plans[i].target).toEqual({ uri, line: lineOf(CURRENT, measure) }));
      expect(c.previous!.plans[3].target).toEqual({ uri: lastUri, line: lineOf(PREVIOUS, DROPPED) });
      expect(c.previous!.plans[3].where).toBe(ui('zh-CN', 'followupPlanAt', { line: lineOf(PREVIOUS, DROPPED) }));

      // last year's problem copied into this year's: text-recycled, pointing at last year's line
      const at = lineOf(CURRENT, THIS_YEAR_PROBLEMS[0]) - 1;
      s.change(uri, 2, [{ range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: COPIED + '\n' }]);
      const q = await s.diagnostics(uri, (p) => p.version === 2);
      const recycled = byRule(q, 'text-recycled');
      expect(recycled.map((d) => d.range.start.line)).toEqual([at]);
      expect(recycled[0].relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line + 1])).toEqual([[lastUri, lineOf(PREVIOUS, COPIED)]]);
    });
  });

  it('counts an open report of last year with its current text, saved or not', async () => {
    await withServer('prev-unsaved', OPTIONS, async (s, ws) => {
      const uri = fileUri(write(ws, '2023.md', CURRENT));
      // on disk last year's report drops 繁简分流; the open buffer has another fourth plan, not saved yet
      write(ws, 'archive/2022.md', PREVIOUS);
      const unsaved = withPlan4('（四）规范村居法律顾问工作。实现村居法律顾问全覆盖，建立工作台账。');
      s.open(fileUri(path.join(ws, 'archive/2022.md')), unsaved);
      s.open(uri, CURRENT);
      const p = await s.diagnostics(uri, (p) => byRule(p, 'plan-followup').length > 0);
      expect(followupMessages(p)).toEqual([expect.stringContaining('规范村居法律顾问工作')]);

      // a report that exists only in the editor (never saved) is found among the open documents
      await withServer('prev-unsaved-only', OPTIONS, async (t, ws2) => {
        const here = fileUri(write(ws2, 'reports/2023.md', CURRENT));
        t.open(fileUri(path.join(ws2, 'drafts/去年的报告.md')), PREVIOUS);
        t.open(here, CURRENT);
        const q = await t.diagnostics(here, (p) => byRule(p, 'plan-followup').length > 0);
        expect(followupMessages(q)).toEqual([expect.stringContaining(DROPPED)]);
        expect((await checklist(t, here))!.previous!.uri).toBe(fileUri(path.join(ws2, 'drafts/去年的报告.md')));
      });
    });
  });

  it('re-publishes this year\'s findings and checklist when last year\'s plans are edited (and when last year\'s report is closed)', async () => {
    await withServer('prev-edit', OPTIONS, async (s, ws) => {
      const lastFile = write(ws, '2022.md', PREVIOUS);
      const lastUri = fileUri(lastFile);
      const uri = fileUri(write(ws, '2023.md', CURRENT));
      s.open(lastUri, PREVIOUS);
      s.open(uri, CURRENT);
      const first = await s.diagnostics(uri, (p) => byRule(p, 'plan-followup').length > 0);
      expect(followupMessages(first)).toEqual([expect.stringContaining(DROPPED)]);

      // last year's fourth plan rewritten (this year's report says nothing of it either); this year's text is untouched
      const line = lineOf(PREVIOUS, DROPPED) - 1;
      const oldLine = PREVIOUS.split('\n')[line];
      const changed = s.notification('fazhiLint/checklistChanged', (p) => p.uri === uri);
      s.change(lastUri, 2, [{ range: { start: { line, character: 0 }, end: { line, character: oldLine.length } }, text: '（四）推进公证服务进社区。组织公证员每月到社区提供现场咨询。' }]);
      const second = await s.diagnostics(uri, (p) => followupMessages(p).some((m) => m.includes('推进公证服务进社区')));
      expect(second.version).toBe(1);
      expect(followupMessages(second)).toEqual([expect.stringContaining('推进公证服务进社区')]);
      await changed;
      const c = (await checklist(s, uri))!;
      expect(c.previous!.plans[3]).toMatchObject({ plan: expect.stringContaining('推进公证服务进社区'), status: 'missing', target: { uri: lastUri, line: line + 1 } });

      // last year's fourth plan edited into one this year's report follows up: the finding goes
      s.change(lastUri, 3, [{ range: { start: { line, character: 0 }, end: { line, character: 100 } }, text: LAST_YEAR.plans[1].replace('（二）', '（四）') }]);
      const third = await s.diagnostics(uri, (p) => byRule(p, 'plan-followup').length === 0);
      expect(third.version).toBe(1);

      // closed without saving: the file on disk counts again
      s.close(lastUri);
      const fourth = await s.diagnostics(uri, (p) => byRule(p, 'plan-followup').length > 0);
      expect(followupMessages(fourth)).toEqual([expect.stringContaining(DROPPED)]);
    });
  });

  it('uses the report the config names ("previous") over one found beside the draft', async () => {
    await withServer('prev-named', OPTIONS, async (s, ws) => {
      write(ws, '2022.md', PREVIOUS);
      write(ws, 'archive/2022-定稿.md', withPlan4('（四）推进公证服务进社区。组织公证员每月到社区提供现场咨询。'));
      write(ws, '.fazhi-lint.json', JSON.stringify({ previous: 'archive/2022-定稿.md' }));
      const uri = fileUri(write(ws, '2023.md', CURRENT));
      s.open(uri, CURRENT);
      const p = await s.diagnostics(uri, (p) => byRule(p, 'plan-followup').length > 0);
      expect(followupMessages(p)).toEqual([expect.stringContaining('推进公证服务进社区')]);
    });
  });

  it('finds none for another organ\'s report or one two years back: the rules are silent and the checklist says none was found', async () => {
    await withServer('prev-none', OPTIONS, async (s, ws) => {
      write(ws, '河东县司法局2022.md', yearReport({ ...LAST_YEAR, organ: '河东县司法局' }));
      write(ws, 'old/2021.md', yearReport({ ...LAST_YEAR, year: 2021 }));
      const uri = fileUri(write(ws, '2023.md', CURRENT));
      s.open(uri, CURRENT);
      const p = await s.diagnostics(uri, (p) => p.version === 1);
      expect(p.diagnostics.length).toBeGreaterThan(0);
      expect(byRule(p, 'plan-followup')).toEqual([]);
      expect(byRule(p, 'text-recycled')).toEqual([]);
      const c = (await checklist(s, uri))!;
      expect(c.previous).toEqual({ title: ui('zh-CN', 'previousTitle'), uri: null, year: null, label: ui('zh-CN', 'previousNone'), followed: 0, plans: [] });

      // last year's report opened later: found now, this year's findings follow
      s.open(fileUri(path.join(ws, '2022.md')), PREVIOUS);
      const q = await s.diagnostics(uri, (p) => byRule(p, 'plan-followup').length > 0);
      expect(followupMessages(q)).toEqual([expect.stringContaining(DROPPED)]);
    });
  });

  it('a report opened that is not last year\'s (another organ\'s, two years back) does not check again a draft that found none; last year\'s does', async () => {
    await withServer('prev-open-unrelated', OPTIONS, async (s, ws) => {
      const uri = fileUri(write(ws, '2023.md', CURRENT));
      s.open(uri, CURRENT);
      await s.diagnostics(uri, (p) => p.version === 1);
      await checklist(s, uri);
      const publishes = () => s.published.filter((p) => p.uri === uri).length;
      const before = publishes();
      for (const [name, text] of [
        ['河东县司法局2022.md', yearReport({ ...LAST_YEAR, organ: '河东县司法局' })],
        ['2021.md', yearReport({ ...LAST_YEAR, year: 2021 })],
      ]) {
        const other = fileUri(path.join(ws, name));
        s.open(other, text);
        await s.diagnostics(other, (p) => p.version === 1);
        // the draft's result now: checked again (and published) had the opening sent it to look again
        expect((await checklist(s, uri))!.previous!.uri).toBeNull();
      }
      expect(publishes()).toBe(before);
      s.open(fileUri(path.join(ws, '2022.md')), PREVIOUS);
      const q = await s.diagnostics(uri, (p) => byRule(p, 'plan-followup').length > 0);
      expect(followupMessages(q)).toEqual([expect.stringContaining(DROPPED)]);
      expect(publishes()).toBe(before + 1);
    });
  });

  it('pairs the files of "check all reports in the workspace" and the review page too', async () => {
    await withServer('prev-workspace', OPTIONS, async (s, ws) => {
      write(ws, '2022.md', PREVIOUS);
      const uri = fileUri(write(ws, 'drafts/2023.md', CURRENT));
      const result = (await withTimeout(s.conn.sendRequest(CHECK_WORKSPACE_REQUEST, {}) as Promise<WorkspaceCheckResult>, 10_000, () => 'checkWorkspace'));
      expect(result.reports).toBe(2);
      const p = await s.diagnostics(uri, (p) => p.diagnostics.length > 0);
      expect(followupMessages(p)).toEqual([expect.stringContaining(DROPPED)]);
      const review = (await withTimeout(s.conn.sendRequest(REVIEW_REQUEST, {}) as Promise<ReviewResponse>, 10_000, () => 'review'));
      expect(review.reports).toBe(2);
      // this year's row: 3 of last year's 4 plans followed up; last year's own has no report of 2021 beside it
      expect(review.html).toContain(ui('zh-CN', 'previousCount', { followed: 3, total: 4 }));
    });
  });
});
