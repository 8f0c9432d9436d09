/**
 * A GBK draft the editor opened as UTF-8 (issue 15): its text is full of replacement characters, so instead of the
 * rules' noise (or silence) it gets one diagnostic with an action to reopen it as GB18030; reopened (the right
 * text), it is checked as usual. Replacement characters that are really in a UTF-8 file are not an encoding problem.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { CodeActionRequest, type CodeAction } from 'vscode-languageserver-protocol/node';
import { check } from '../../rules/index.js';
import { readCorpus } from '../helpers/corpus.js';
import { fileUri, withServer } from '../helpers/lsp.js';
import { REOPEN_WITH_ENCODING_COMMAND } from '../../protocol/index.js';

describe('wrong encoding', () => {
  it('gives a GBK file read as UTF-8 one diagnostic and a reopen action; the right text is checked as usual', async () => {
    await withServer('encoding', { settings: { debounceMs: 10 } }, async (s, dir) => {
      const text = readCorpus('kecheng-2020.md');
      const file = path.join(dir, 'report.txt');
      const bytes = iconv.encode(text, 'gb18030');
      writeFileSync(file, bytes);
      const garbled = Buffer.from(bytes).toString('utf8');
      expect(garbled).toContain('\uFFFD');
      const uri = fileUri(file);
      s.open(uri, garbled, 'plaintext');
      const p = await s.diagnostics(uri, (p) => p.version === 1);
      expect(p.diagnostics).toHaveLength(1);
      expect(p.diagnostics[0]).toMatchObject({ code: 'wrong-encoding', severity: 1, range: { start: { line: 0, character: 0 } } });
      expect(p.diagnostics[0].message).toContain('GB18030');
      const actions = (await s.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: p.diagnostics[0].range, context: { diagnostics: p.diagnostics } })) as CodeAction[];
      expect(actions).toHaveLength(1);
      expect(actions[0].title).toBe('以 GB18030 编码重新打开');
      expect(actions[0].command).toMatchObject({ command: REOPEN_WITH_ENCODING_COMMAND, arguments: [uri, 'gb18030'] });

      // what reopening gives: the right text, checked as any draft
      s.change(uri, 2, [{ text }]);
      const q = await s.diagnostics(uri, (p) => p.version === 2);
      expect(q.diagnostics.map((d) => d.code)).toEqual(check(text).findings.map((f) => f.ruleId));
    });
  });

  it('says nothing about encoding when the replacement characters are in the UTF-8 file itself', async () => {
    await withServer('encoding-utf8', { settings: { debounceMs: 10 } }, async (s, dir) => {
      const text = readCorpus('kecheng-2020.md').replace('柯城区', '柯\uFFFD\uFFFD\uFFFD区');
      const file = path.join(dir, 'report.md');
      writeFileSync(file, text);
      const uri = fileUri(file);
      s.open(uri, text);
      const p = await s.diagnostics(uri, (p) => p.version === 1);
      expect(p.diagnostics.some((d) => d.code === 'wrong-encoding')).toBe(false);
      expect(p.diagnostics.map((d) => d.code)).toEqual(check(text).findings.map((f) => f.ruleId));
    });
  });
});
