/**
 * Multi-root workspaces (issue 15): the server reads the settings with each folder's scope, and a document is
 * checked with those of the folder holding it — one folder's rule severities and language do not leak into another.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readCorpus } from '../helpers/corpus.js';
import { check } from '../../rules/index.js';
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
});
