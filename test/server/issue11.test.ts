/** Issue 11 on the protocol: requests with null or malformed params get −32602 Invalid params, and the server keeps answering. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerInTempWorkspace, type LspSession } from '../helpers/lsp.js';

let s: LspSession & { dir: string };
beforeAll(async () => {
  s = await startServerInTempWorkspace('fazhi-issue11-');
});
afterAll(async () => {
  await s?.dispose();
});

async function errorCode(method: string, params: unknown): Promise<number | 'ok'> {
  try {
    await s.conn.sendRequest(method, params);
    return 'ok';
  } catch (err) {
    return (err as { code: number }).code;
  }
}

describe('null LSP params (issue 11 item 12)', () => {
  it.each([
    ['textDocument/hover', null],
    ['textDocument/hover', { textDocument: { uri: 'file:///x.md' } }],
    ['textDocument/codeAction', null],
    ['textDocument/codeAction', { textDocument: { uri: 'file:///x.md' }, range: null, context: { diagnostics: [] } }],
    ['textDocument/documentSymbol', null],
    ['fazhiLint/checklist', null],
    ['fazhiLint/missingSections', null],
  ])('%s with %j → −32602', async (method, params) => {
    expect(await errorCode(method, params)).toBe(-32602);
  });

  it('notifications with null params are ignored and the server still answers', async () => {
    for (const m of ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'textDocument/didSave']) s.conn.sendNotification(m, null);
    expect(await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///none.md' }, position: { line: 0, character: 0 } })).toBeNull();
  });
});
