/** Plain drafts skip remark: their blocks must be exactly what remark gives. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseDocument, needsMarkdown, parseMarkdown } from '../rules/model/parse.js';
import { corpusFiles, readCorpus } from './helpers/corpus.js';

/** Blocks as remark would give them: the same parser with the fast path defeated by a trailing HTML comment. */
function viaRemark(text: string) {
  const d = parseDocument(text + '\n<!-- -->');
  return d.blocks.map((b) => ({ kind: b.kind, line: b.line, start: b.start, end: b.end, norm: b.norm.text }));
}
function viaFastPath(text: string) {
  expect(needsMarkdown(text)).toBe(false);
  const d = parseDocument(text);
  return d.blocks.map((b) => ({ kind: b.kind, line: b.line, start: b.start, end: b.end, norm: b.norm.text }));
}

describe('plain-text fast path', () => {
  test('corpus reports without Markdown syntax take it and get the blocks remark gives', () => {
    const plain = corpusFiles.filter((f) => !needsMarkdown(readCorpus(f)));
    expect(plain.length).toBeGreaterThanOrEqual(4); // xiaobailou ends with a stray backtick
    for (const f of plain) expect(viaFastPath(readCorpus(f)), f).toEqual(viaRemark(readCorpus(f)));
  });

  test('a byte-order mark does not shift offsets on either path', () => {
    expect(parseDocument('\ufeff一、甲\n正文').blocks.map((b) => b.text)).toEqual(['一、甲', '正文']);
    expect(parseDocument('\ufeff# 标题\n\n*正文*').blocks.map((b) => b.text)).toEqual(['标题', '*正文*']);
    expect(parseDocument('\ufeff## 标题\n\n正文').blocks.map((b) => [b.kind, b.text])).toEqual([['heading', '标题'], ['paragraph', '正文']]);
  });

  test('any text of plain characters gets the blocks remark gives', () => {
    const plainChar = fc.constantFrom('一', '、', '（', '）', '(', ')', '1', '.', '2', '。', '，', ',', ' ', '\t', '\u3000', '\n', '\r\n', '\r', '区', '政', '府', 'a', ':', '-', '#', '>', '=', '+', '\ufeff', '|', '"');
    fc.assert(
      fc.property(fc.array(plainChar, { maxLength: 120 }).map((a) => a.join('')), (text) => {
        fc.pre(!needsMarkdown(text));
        expect(viaFastPath(text)).toEqual(viaRemark(text));
      }),
      { seed: 42, numRuns: 400 },
    );
  });

  test('Markdown syntax anywhere sends the text through remark', () => {
    for (const t of ['# 标题', '正文\n- 列表', '一、**加粗**', '---\nyear: 2020\n---', '  > 引用', '1. 列表', '正文\n===', '<!-- x -->', '`代码`', '[链接](x)', '转义\\*']) {
      expect(needsMarkdown(t), t).toBe(true);
    }
    expect(parseMarkdown('正文').children[0].type).toBe('paragraph');
  });
});
