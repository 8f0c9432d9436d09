/**
 * 导出审查意见 over the protocol: the server renders the reviewer's page for the active report (with its unsaved
 * text) or for every report of the workspace (open documents as they stand, the rest from disk; non-reports left out).
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileUri, withServer } from '../helpers/lsp.js';
import { readCorpus } from '../helpers/corpus.js';
import type { ReviewResponse } from '../../protocol/index.js';

describe('fazhiLint/review', () => {
  it('renders the active report with its unsaved text', async () => {
    await withServer('review-one', { settings: { debounceMs: 0 } }, async (t, dir) => {
      const uri = fileUri(path.join(dir, 'kecheng-2020.md'));
      const text = readCorpus('kecheng-2020.md');
      writeFileSync(path.join(dir, 'kecheng-2020.md'), text);
      t.open(uri, text + '\n开展培训XX次。\n');
      await t.diagnostics(uri, (p) => p.version === 1);
      const r = await t.conn.sendRequest<ReviewResponse>('fazhiLint/review', { uri });
      expect(r.reports).toBe(1);
      expect(r.html).toMatch(/^<!DOCTYPE html>/);
      expect(r.html).toContain('柯城区');
      // the unsaved line is in the page: the placeholder it adds is one of the findings shown
      expect(r.html).toContain('<mark>XX</mark>');
      expect(r.html).not.toContain('class="summary"');
    });
  });

  it('renders every report of the workspace, open documents included, non-reports left out', async () => {
    await withServer('review-all', { settings: { debounceMs: 0 } }, async (t, dir) => {
      writeFileSync(path.join(dir, 'hedong-sifaju-2020.md'), readCorpus('hedong-sifaju-2020.md'));
      writeFileSync(path.join(dir, 'README.md'), '# notes\n\nnothing to review\n');
      const open = fileUri(path.join(dir, 'xiaobailou-2020.md'));
      t.open(open, readCorpus('xiaobailou-2020.md'));
      await t.diagnostics(open, (p) => p.version === 1);
      const r = await t.conn.sendRequest<ReviewResponse>('fazhiLint/review', {});
      expect(r.reports).toBe(2);
      const rows = r.html!.match(/<section class="report"/g) ?? [];
      expect(rows.length).toBe(2);
      expect(r.html).toContain('class="summary"');
      expect(r.html).toContain('hedong-sifaju-2020.md');
      expect(r.html).toContain('xiaobailou-2020.md');
      expect(r.html).not.toContain('README.md');
    });
  });

  it('answers null html when there is nothing to review', async () => {
    await withServer('review-none', {}, async (t) => {
      const r = await t.conn.sendRequest<ReviewResponse>('fazhiLint/review', {});
      expect(r).toEqual({ html: null, reports: 0 });
    });
  });
});
