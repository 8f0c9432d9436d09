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
import { CHECK_ANYWAY_COMMAND, CHECKLIST_REQUEST, DOCUMENT_STATUS_REQUEST } from '../../protocol/index.js';

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
});
