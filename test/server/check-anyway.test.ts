/**
 * "仍然检查 / Check anyway" (issue 15): a Markdown file that does not read as a report gets no diagnostics, and
 * fazhiLint/documentStatus says why (notReport), so the client can offer to check it; the server command then runs
 * the rules on it — diagnostics, checklist, code actions — until it is closed.
 */
import { describe, expect, it } from 'vitest';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import * as path from 'node:path';
import { check } from '../../rules/index.js';
import { fileUri, withServer, withTimeout } from '../helpers/lsp.js';
import { CHECK_ANYWAY_COMMAND, CHECKLIST_REQUEST, DOCUMENT_STATUS_REQUEST, type ChecklistResponse } from '../../protocol/index.js';

// a work plan, not an annual report: no report title, no statutory sections; a placeholder the rules would flag
const NOTES = '# 工作安排\n\n下周召开××会议，讨论（几次）培训安排。\n';

describe('check anyway', () => {
  it('reports notReport, then checks the document when asked, until it is closed', async () => {
    await withServer('anyway', { settings: { debounceMs: 10 } }, async (s, dir) => {
      const uri = fileUri(path.join(dir, 'notes.md'));
      const status = () => withTimeout(s.conn.sendRequest(DOCUMENT_STATUS_REQUEST, { uri }), 5000, () => 'status');
      s.open(uri, NOTES);
      expect((await s.diagnostics(uri, (p) => p.version === 1)).diagnostics).toEqual([]);
      expect(await status()).toBe('notReport');
      expect(await s.conn.sendRequest(CHECKLIST_REQUEST, { uri })).toBeNull();

      const expected = check(NOTES).findings;
      expect(expected.length).toBeGreaterThan(0);
      expect(await s.conn.sendRequest(ExecuteCommandRequest.type, { command: CHECK_ANYWAY_COMMAND, arguments: [{ uri }] })).toBe(true);
      const p = await s.diagnostics(uri, (p) => p.diagnostics.length > 0);
      expect(p.diagnostics.map((d) => d.code)).toEqual(expected.map((f) => f.ruleId));
      expect(await status()).toBe('checkedAnyway');
      expect(await s.conn.sendRequest(CHECKLIST_REQUEST, { uri })).not.toBeNull();

      // closed and opened again: a new document, the question is asked again
      s.close(uri);
      await s.diagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 0);
      s.open(uri, NOTES, 'markdown', 5);
      expect((await s.diagnostics(uri, (p) => p.version === 5)).diagnostics).toEqual([]);
      expect(await status()).toBe('notReport');
      // a document the server does not hold is nothing to check
      expect(await s.conn.sendRequest(ExecuteCommandRequest.type, { command: CHECK_ANYWAY_COMMAND, arguments: [{ uri: fileUri(path.join(dir, 'x.md')) }] })).toBe(false);
      expect(await s.conn.sendRequest(DOCUMENT_STATUS_REQUEST, { uri: fileUri(path.join(dir, 'x.md')) })).toBeNull();
    });
  });

  // an implementation plan: it speaks of 法治政府建设 and has a measures-like heading, but 制定本方案 declares its kind
  // (the document of the CLI's --checklist test); a placeholder for the residue rules, which still run on it
  const PLAN = '某区法治政府建设实施方案\n\n为深入推进依法行政，结合本区实际，制定本方案。\n\n一、健全政府机构职能体系\n\n推进××政务服务标准化。\n';

  it('a document that declares another kind, checked anyway: no ✖ item, no sections to count — the CLI\'s sentence, then its findings', async () => {
    await withServer('anyway-kind', { settings: { debounceMs: 10 } }, async (s, dir) => {
      const uri = fileUri(path.join(dir, 'plan.md'));
      s.open(uri, PLAN);
      expect((await s.diagnostics(uri, (p) => p.version === 1)).diagnostics).toEqual([]);
      expect(await s.conn.sendRequest(DOCUMENT_STATUS_REQUEST, { uri })).toBe('notReport');
      expect(await s.conn.sendRequest(ExecuteCommandRequest.type, { command: CHECK_ANYWAY_COMMAND, arguments: [{ uri }] })).toBe(true);
      const p = await s.diagnostics(uri, (p) => p.diagnostics.length > 0);
      const codes = p.diagnostics.map((d) => d.code);
      expect(codes).toContain('not-a-report');
      expect(codes).toContain('placeholder');
      expect(codes).not.toContain('section-missing');
      const list = (await withTimeout(s.conn.sendRequest(CHECKLIST_REQUEST, { uri }), 5000, () => 'checklist')) as ChecklistResponse;
      expect(list.items).toEqual([]);
      expect([list.present, list.required]).toEqual([0, 0]);
      expect(list.notReport).toEqual({ label: '本文件不是年度报告（见 not-a-report 提示），未列法定部分', line: 1 });
      expect([list.profile, list.coverage, list.previous]).toEqual([null, null, null]);
      // the note heads the view; the groups hold the other findings, and the counts are the Problems panel's
      expect(list.groups.flatMap((g) => g.findings.map((f) => f.ruleId))).toEqual(['placeholder']);
      expect(list.counts).toEqual({ error: 1, warning: 0, info: 1 });
    });
  });

  it('a report is listed as before: its items, and no notReport', async () => {
    await withServer('anyway-report', { settings: { debounceMs: 10 } }, async (s, dir) => {
      const uri = fileUri(path.join(dir, 'report.md'));
      s.open(uri, '某区司法局2021年法治政府建设情况报告\n2021年，某区司法局坚持依法行政。\n一、主要举措和成效\n全年办理案件30件。\n');
      await s.diagnostics(uri, (p) => p.version === 1 && p.diagnostics.length > 0);
      const list = (await withTimeout(s.conn.sendRequest(CHECKLIST_REQUEST, { uri }), 5000, () => 'checklist')) as ChecklistResponse;
      expect(list.notReport).toBeNull();
      expect(list.items.map((i) => i.status)).toEqual(['section', 'missing', 'missing', 'missing', 'missing']);
      expect(list.required).toBe(4);
    });
  });
});
