/**
 * Multi-root workspaces (issue 15): the server reads the settings with each folder's scope, and a document is
 * checked with those of the folder holding it — one folder's rule severities, language, enable, run and debounce do
 * not leak into another.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readCorpus } from '../helpers/corpus.js';
import { check } from '../../rules/index.js';
import { DidSaveTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { DOCUMENT_STATUS_REQUEST } from '../../protocol/index.js';
import { fileUri, startServer } from '../helpers/lsp.js';

describe('settings by workspace folder', () => {
  it('checks each folder\'s documents with that folder\'s rules and language', async () => {
    const a = mkdtempSync(path.join(tmpdir(), 'fazhi-lint-root-a-'));
    const b = mkdtempSync(path.join(tmpdir(), 'fazhi-lint-root-b-'));
    const s = await startServer({ workspace: a, moreFolders: [b], settings: { debounceMs: 10 }, folderSettings: { [b]: { rules: { 'duplicate-word': 'off' }, language: 'en' } } });
    try {
      const text = readCorpus('kecheng-2020.md');
      const inA = fileUri(path.join(a, 'r.md'));
      const inB = fileUri(path.join(b, 'r.md'));
      writeFileSync(path.join(a, 'r.md'), text);
      writeFileSync(path.join(b, 'r.md'), text);
      s.open(inA, text);
      s.open(inB, text);
      const pa = await s.diagnostics(inA, (p) => p.diagnostics.length > 0);
      const pb = await s.diagnostics(inB, (p) => p.diagnostics.length > 0);
      expect(pa.diagnostics.some((d) => d.code === 'duplicate-word')).toBe(true);
      expect(pb.diagnostics.some((d) => d.code === 'duplicate-word')).toBe(false);
      const sameRule = (p: typeof pa, code: string) => p.diagnostics.find((d) => d.code === code)!.message;
      expect(sameRule(pa, 'figure-conflict')).toMatch(/[\u4e00-\u9fff]/);
      expect(sameRule(pb, 'figure-conflict')).not.toBe(sameRule(pa, 'figure-conflict'));
      expect(sameRule(pb, 'figure-conflict')).toBe(check(text, { language: 'en' }).findings.find((f) => f.ruleId === 'figure-conflict')!.message);
      expect(pb.diagnostics.length).toBe(pa.diagnostics.length - pa.diagnostics.filter((d) => d.code === 'duplicate-word').length);
    } finally {
      await s.dispose();
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });

  it('takes enable, run and the debounce from the folder holding the document', async () => {
    const roots = ['a', 'off', 'save', 'slow'].map((n) => mkdtempSync(path.join(tmpdir(), `fazhi-lint-root-${n}-`)));
    const [a, off, save, slow] = roots;
    const s = await startServer({
      workspace: a,
      moreFolders: [off, save, slow],
      settings: { debounceMs: 10 },
      folderSettings: { [off]: { enable: false }, [save]: { run: 'onSave' }, [slow]: { debounceMs: 10_000 } },
    });
    try {
      const text = readCorpus('kecheng-2020.md');
      const uri = (root: string) => fileUri(path.join(root, 'r.md'));
      for (const root of roots) writeFileSync(path.join(root, 'r.md'), text);
      // the other folders first: had they the window's settings, theirs would be published before a's
      for (const root of [off, save, slow, a]) s.open(uri(root), text);
      const opened = await s.diagnostics(uri(a), (p) => p.diagnostics.length > 0);
      await s.diagnostics(uri(save), (p) => p.diagnostics.length === opened.diagnostics.length);
      await s.diagnostics(uri(slow), (p) => p.diagnostics.length === opened.diagnostics.length);
      // checking is off in its folder: nothing but empty diagnostics, and no document status
      expect(s.published.filter((p) => p.uri === uri(off)).every((p) => p.diagnostics.length === 0)).toBe(true);
      expect(await s.conn.sendRequest(DOCUMENT_STATUS_REQUEST, { uri: uri(off) })).toBeNull();
      expect(await s.conn.sendRequest(DOCUMENT_STATUS_REQUEST, { uri: uri(a) })).toBe('report');

      const edit = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }];
      for (const root of [off, save, slow, a]) s.change(uri(root), 2, edit);
      await s.diagnostics(uri(a), (p) => p.version === 2);
      // a's 10 ms debounce has run out: the onSave folder waits for a save, the slow one for its own 10 s
      expect(s.published.some((p) => p.uri === uri(save) && p.version === 2)).toBe(false);
      expect(s.published.some((p) => p.uri === uri(slow) && p.version === 2)).toBe(false);
      expect(s.published.filter((p) => p.uri === uri(off)).every((p) => p.diagnostics.length === 0)).toBe(true);
      s.conn.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: uri(save) } });
      const saved = await s.diagnostics(uri(save), (p) => p.version === 2);
      expect(saved.diagnostics.length).toBe(opened.diagnostics.length);
    } finally {
      await s.dispose();
      for (const root of roots) rmSync(root, { recursive: true, force: true });
    }
  });
});
