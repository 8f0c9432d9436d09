/**
 * Issue 11: "insert missing sections" on a document past the degrade limit, where the server has no job thread
 * (the browser's): the document gets the cheap rules only, none of them inserting sections, so the request found
 * nothing and the command said no section was missing. It now refuses with the reason, in the user's language.
 * The server runs in this process (serve.ts with the browser's platform: settings only, no threads) over a pair
 * of streams. It is never sent exit (vscode-languageserver/node would end this process): the session is dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { StreamMessageReader, StreamMessageWriter, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { createConnection } from 'vscode-languageserver/node';
import { LARGE_DOCUMENT_BYTES, allRules, sizeText, ui, utf8Length } from '../../rules/index.js';
import { serve } from '../../server/serve.js';
import { SettingsStore } from '../../server/settings.js';
import { MissingSectionsRequest } from '../../protocol/index.js';
import { startSession, type LspSession } from '../helpers/lsp.js';

let s: Omit<LspSession, 'child'>;
beforeAll(async () => {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  serve(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), () => ({
    configs: new SettingsStore(allRules),
    setFolders: () => {},
    changeFolders: () => {},
  }));
  s = await startSession({
    reader: new StreamMessageReader(toClient),
    writer: new StreamMessageWriter(toServer),
    log: () => '',
    processId: null,
    stop: async () => {},
  }, { settings: { debounceMs: 0 } });
}, 60_000);
afterAll(() => {
  s?.conn.dispose();
});

describe('missing sections of a large document on a server without a job thread', () => {
  const missing = (uri: string) =>
    s.conn.sendRequest<WorkspaceEdit | null>(MissingSectionsRequest.method, { uri }).then(
      (edit: WorkspaceEdit | null) => ({ edit, refused: null as string | null }),
      (err: Error) => ({ edit: null, refused: err.message }),
    );

  it('a small draft gets its sections; one past the limit a refusal naming its size, no edit', async () => {
    const line = '某县开展执法检查，查处案件一批。\n';
    s.open('untitled:small', line);
    const small = await missing('untitled:small');
    expect(small.refused).toBeNull();
    expect(small.edit?.documentChanges?.length).toBe(1);

    const text = line.repeat(Math.ceil((LARGE_DOCUMENT_BYTES + 1024) / utf8Length(line)));
    s.open('untitled:large', text);
    const large = await missing('untitled:large');
    expect(large).toEqual({ edit: null, refused: ui('zh-CN', 'sectionsLargeNoThread', { size: sizeText(utf8Length(text)) }) });
  }, 60_000);
});
