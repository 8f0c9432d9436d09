/**
 * The server survives what editors throw at it: empty, huge (degrading to the cheap rules with one notice),
 * binary and odd text, 1 MB lines, CRLF and CR endings, a document closed while its check runs — and keeps
 * answering afterwards. Also: "check all reports in the workspace" publishes for drafts on disk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DocumentSymbolRequest } from 'vscode-languageserver-protocol/node';
import { LARGE_DOCUMENT_BYTES, check, looksLikeReport } from '../../rules/index.js';
import { corpusFiles, readCorpus } from '../helpers/corpus.js';
import { fileUri, startServerInTempWorkspace, withServer, withTimeout, type LspSession } from '../helpers/lsp.js';

let ws: string;
let s: LspSession;

beforeAll(async () => {
  const started = await startServerInTempWorkspace('robust', { settings: { debounceMs: 0 } });
  ws = started.dir;
  s = started;
});

afterAll(async () => {
  await s?.dispose();
});

async function stillAnswers() {
  const uri = fileUri(path.join(ws, `alive-${Math.random()}.md`));
  s.open(uri, '一、主要举措和成效\n\n正文。\n');
  const symbols = await withTimeout(s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 10_000, () => 'symbols');
  expect(symbols).toHaveLength(1);
  s.close(uri);
}

const report = readCorpus(corpusFiles[0]);

const odd: Record<string, string> = {
  empty: '',
  'only newlines': '\n\n\r\n\r\r',
  binary: Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join(''),
  'NUL bytes': '一、主要举措\u0000\u0000\n\u0001\u0002正文\uFFFD',
  'lone surrogates': '\uD800一、主要\uDC00举措\n\n（一\n',
  'unbalanced brackets and quotes': '一、（主要“举措《和成效\n\n（一）【未闭合“”“\n\n》）】”\n',
  'mixed scripts': '一、主要舉措和成效 Main measures مرحبا Привет 𠮷\n\n（一）全年办理案件１２３件，同比增长１２％。\n',
  'CRLF endings': report.replace(/\r?\n/g, '\r\n'),
  'CR endings': report.replace(/\r?\n/g, '\r'),
  '1 MB line': '一、主要举措和成效\n\n' + '全年办理案件12件，'.repeat(100_000) + '\n',
};

describe('odd documents', () => {
  it.each(Object.keys(odd))('%s: diagnostics match the core and the server keeps answering', async (name) => {
    const text = odd[name];
    const uri = fileUri(path.join(ws, `odd-${name.replace(/\W/g, '_')}.md`));
    s.open(uri, text, 'markdown');
    const p = await s.diagnostics(uri, (p) => p.version === 1, 90_000);
    const result = check(text);
    expect(p.diagnostics.length).toBe(looksLikeReport(result.report) ? result.findings.length : 0);
    for (const d of p.diagnostics) {
      expect(d.range.start.line).toBeGreaterThanOrEqual(0);
      expect(d.range.end.line).toBeGreaterThanOrEqual(d.range.start.line);
    }
    s.close(uri);
    await stillAnswers();
  }, 120_000);

  it('degrades a huge document to the cheap rules and says so once', async () => {
    const unit = report + '\n';
    const text = unit.repeat(Math.ceil((LARGE_DOCUMENT_BYTES + 1) / unit.length));
    const uri = fileUri(path.join(ws, 'huge.md'));
    const before = s.messages.length;
    s.open(uri, text);
    await s.diagnostics(uri, (p) => p.version === 1, 60_000);
    s.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '之' }]);
    await s.diagnostics(uri, (p) => p.version === 2, 60_000);
    const notices = s.messages.slice(before);
    expect(notices).toHaveLength(1);
    expect(notices[0].message).toMatch(/MB/);
    s.close(uri);
    await stillAnswers();
  }, 120_000);

  it('survives a document closed while its check runs', async () => {
    const uri = fileUri(path.join(ws, 'closing.md'));
    const text = report.repeat(20);
    s.open(uri, text);
    s.close(uri);
    const text2 = report.repeat(10);
    s.open(uri, text2, 'markdown', 5);
    s.close(uri);
    await stillAnswers();
    const last = s.published.filter((p) => p.uri === uri).at(-1);
    expect(last?.diagnostics ?? []).toEqual([]);
  });
});

describe('check all reports in the workspace', () => {
  it('publishes diagnostics for report drafts on disk, not for other text files', async () => {
    await withServer('wsc', {}, async (t, dir) => {
      mkdirSync(path.join(dir, 'drafts'));
      mkdirSync(path.join(dir, 'node_modules'));
      const draft = path.join(dir, 'drafts', 'report.md');
      writeFileSync(draft, readCorpus('xiangqiao-sifaju-2017.md'));
      writeFileSync(path.join(dir, 'notes.txt'), '购物清单：苹果、梨。\n');
      writeFileSync(path.join(dir, 'node_modules', 'x.md'), readCorpus('xiangqiao-sifaju-2017.md'));
      writeFileSync(path.join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
      const r: any = await withTimeout(t.conn.sendRequest('fazhiLint/checkWorkspace', {}), 30_000, () => 'checkWorkspace');
      expect(r).toMatchObject({ files: 3, reports: 1 });
      const expected = check(readCorpus('xiangqiao-sifaju-2017.md')).findings.length;
      expect(r.problems).toBe(expected);
      const published = t.published.filter((p) => p.uri === fileUri(draft));
      expect(published).toHaveLength(1);
      expect(published[0].diagnostics).toHaveLength(expected);
      expect(t.published.some((p) => p.uri.includes('notes.txt') || p.uri.includes('node_modules'))).toBe(false);

      // the config file's exclude globs leave drafts out
      writeFileSync(path.join(dir, '.fazhi-lint.json'), JSON.stringify({ exclude: ['drafts/**'] }));
      t.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, '.fazhi-lint.json')), type: 1 }] });
      const again: any = await withTimeout(t.conn.sendRequest('fazhiLint/checkWorkspace', {}), 30_000, () => 'checkWorkspace');
      expect(again).toMatchObject({ files: 3, reports: 0, problems: 0 });
      expect(t.published.filter((p) => p.uri === fileUri(draft)).at(-1)!.diagnostics).toEqual([]);
    });
  });

  it('counts open documents with their unsaved text, untitled ones included, and keeps their diagnostics', async () => {
    await withServer('wsc-open', { settings: { debounceMs: 10 } }, async (t, dir) => {
      const onDisk = readCorpus('xiangqiao-sifaju-2017.md');
      const unsaved = readCorpus('kecheng-2020.md');
      const draft = path.join(dir, 'report.md');
      writeFileSync(draft, onDisk);
      const uri = fileUri(draft);
      t.open(uri, unsaved);
      await t.diagnostics(uri, (p) => p.version === 1);
      const untitled = 'untitled:Untitled-1';
      const fresh = readCorpus('xiaobailou-2020.md');
      t.open(untitled, fresh);
      await t.diagnostics(untitled, (p) => p.version === 1);
      const r: any = await withTimeout(t.conn.sendRequest('fazhiLint/checkWorkspace', {}), 30_000, () => 'checkWorkspace');
      expect(r).toEqual({ files: 2, reports: 2, problems: check(unsaved).findings.length + check(fresh).findings.length });
      // the file's diagnostics are still those of the editor's text, not of the file on disk
      expect(t.published.filter((p) => p.uri === uri).at(-1)!.diagnostics).toHaveLength(check(unsaved).findings.length);
      expect(check(unsaved).findings.length).not.toBe(check(onDisk).findings.length);
    });
  });
});
