import { describe, expect, it } from 'vitest';
import { defuseInlineMarks, parseDocument, segmentStarts } from '../../rules/model/parse.js';
import { corpusTexts } from './generators.js';
import { cpuMs } from '../helpers/cpu-time.js';

describe('parse guard against superlinear inline parsing', () => {
  it('leaves real reports untouched', () => {
    for (const t of corpusTexts) expect(defuseInlineMarks(t)).toBe(t);
    const bold = Array.from({ length: 100 }, (_, i) => `${i + 1}. **加强**行政执法_监督_[链接](https://example.com)`).join('\n');
    expect(defuseInlineMarks(bold)).toBe(bold);
  });

  it('keeps every offset (same length, same line breaks) and block markers', () => {
    const t = `# 标题\n\n- ${'*a'.repeat(3000)}\r\n> [x]\r正文${'_b'.repeat(500)}\n\n**粗体**`;
    const d = defuseInlineMarks(t);
    expect(d.length).toBe(t.length);
    expect(d.replace(/[^\r\n]/g, '')).toBe(t.replace(/[^\r\n]/g, ''));
    expect(d.startsWith('# 标题\n\n- ')).toBe(true);
    expect(d.endsWith('\n\n**粗体**')).toBe(true); // a separate paragraph under budget keeps its emphasis
  });

  it('parses a paragraph of 40 000 emphasis marks in linear time', () => {
    const { ms, value: doc } = cpuMs(() => parseDocument(`一、总体情况\n${'*a'.repeat(20_000)}\n${'[一'.repeat(20_000)}`));
    expect(ms).toBeLessThan(3000); // unguarded: about 20 s
    expect(doc.blocks.map((b) => b.line)).toEqual([1, 2, 3]);
    expect(doc.blocks[1].text).toBe('*a'.repeat(20_000)); // block text comes from the real source
  });
});

describe('segmented parsing of long documents', () => {
  const whole = { maxChars: Infinity, maxBlocks: Infinity };
  const tiny = { maxChars: 1, maxBlocks: 1 };
  const shape = (src: string, seg: { maxChars: number; maxBlocks: number }) => {
    const d = parseDocument(src, seg);
    return {
      blocks: d.blocks.map((b) => [b.kind, b.line, b.start, b.end, b.mdDepth, b.listMarker, b.norm.text]),
      excluded: d.excluded,
      comments: d.comments,
      frontmatter: d.frontmatter,
    };
  };
  const tricky = [
    '---\ntitle: 报告\n\nyear: 2020\n---\n',
    '# 一、总体情况\n\n正文**加粗**。\n\n```\n代码\n\n不是正文\n```\n\n',
    '<!-- 多行注释\n\n仍是注释 -->\n\n',
    '<pre>\n\n预排版\n</pre>\n\n',
    '1. 第一项\n\n   续行\n\n2. 第二项\n\n- 无序\n\n    缩进\n\n',
    '> 引用\n\n| 表 | 头 |\n|---|---|\n| 1 | 2 |\n\n',
    '~~~~\n\n~~~\n\n~~~~\n\n二、结尾\r\n\r\n三、CR\r\r四、完\n',
  ].join('');

  it('gives the same blocks as a whole parse', () => {
    // cuts only where a top-level block starts: never inside the front matter, a fence, a multi-line comment or <pre>
    const cuts = segmentStarts(tricky, 1, 1).map((at) => tricky.slice(at, at + 6));
    expect(cuts).toEqual(['---\nti', '正文**加粗', '```\n代码', '<!-- 多', '<pre>\n', '1. 第一项', '2. 第二项', '- 无序\n\n', '> 引用\n\n', '| 表 | ', '~~~~\n\n', '二、结尾\r\n', '三、CR\r\r', '四、完\n']);
    const big = corpusTexts.join('\n\n');
    for (const src of [tricky, tricky.repeat(30), big, corpusTexts.map((t) => t.split('\n').join('\n\n')).join('\n\n')]) {
      expect(shape(src, tiny)).toEqual(shape(src, whole));
    }
  });

  it('parses 16 000 short paragraphs in linear time', () => {
    const src = '一、总体\n\n' + '琮w\n\n'.repeat(16_000);
    const { ms, value: d } = cpuMs(() => parseDocument(src));
    expect(ms).toBeLessThan(3000); // whole: several seconds and growing quadratically
    expect(d.blocks.length).toBe(16_001);
  });
});
