/**
 * .docx files made by a real word processor. LibreOffice converts ODT and HTML fixtures (multi-level Chinese
 * numbering, tracked changes, tables) into .docx, and its own text export of each .docx — hand-made ones too — is
 * the independent oracle for the numbering the reader renders. Conversions are cached by content hash
 * (.cache/docx-oracle), so LibreOffice runs only for new inputs; without LibreOffice these tests fail.
 */
import { describe, expect, test, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readDocx, type DocxView } from '../../input/docx/index.js';
import { exportDocx } from '../../output/docx/export.js';
import { check } from '../../rules/index.js';
import { convert, oracleLines, squeeze } from '../helpers/libreoffice.js';
import { corpusDocx } from '../helpers/corpus-docx.js';
import { corpusFiles, readCorpus } from '../helpers/corpus.js';
import { list, lvl, makeDocx, numPr, p } from '../helpers/ooxml.js';

const fixture = (name: string) => readFileSync(`test/fixtures/docx/${name}`);
function view(bytes: Uint8Array): DocxView {
  const r = readDocx(bytes);
  if (!r.ok) throw r.error;
  return r.view;
}

/** Numbering formats LibreOffice never writes itself: hand-made, read back by LibreOffice for the oracle. */
const FORMATS = ['chineseCounting', 'chineseCountingThousand', 'chineseLegalSimplified', 'ideographTraditional', 'decimalEnclosedCircle', 'upperLetter', 'lowerLetter', 'decimalFullWidth'];
const HANDMADE = makeDocx({
  numbering:
    FORMATS.map((f, i) => list(i + 1, lvl(0, f, '%1、') + lvl(1, 'decimal', '%1.%2'))).join('') +
    `<w:num w:numId="20"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="8"/></w:lvlOverride></w:num>`,
  body:
    FORMATS.map((f, i) => Array.from({ length: 23 }, (_, k) => p(`${f}${k + 1}`, numPr(i + 1, k % 5 === 4 ? 1 : 0))).join('')).join('') +
    p('重新编号', numPr(20)) +
    p('继续', numPr(20)),
});

const corpus = Object.fromEntries(corpusFiles.map((f) => [f, corpusDocx(readCorpus(f))]));

let made: Record<string, Uint8Array>;
let oracle: Record<string, string[]>;

beforeAll(() => {
  made = convert({ 'report-lists.fodt': fixture('report-lists.fodt'), 'tracked.fodt': fixture('tracked.fodt'), 'lists.html': fixture('lists.html') }, 'docx');
  const txt = convert(
    {
      'report-lists.docx': made['report-lists.fodt'],
      'lists.docx': made['lists.html'],
      'handmade.docx': HANDMADE,
      ...Object.fromEntries(corpusFiles.map((f) => [`${f}.docx`, corpus[f].docx])),
    },
    'txt',
  );
  oracle = Object.fromEntries(Object.entries(txt).map(([k, v]) => [k, oracleLines(v)]));
}, 180_000);

describe('LibreOffice-made .docx, numbering checked against LibreOffice’s own text export', () => {
  test('ODT with 一、（一）1.（1）, 第壹条/①, 甲、 lists, restarts by level, a table with a two-paragraph cell', () => {
    const v = view(made['report-lists.fodt']);
    expect(v.lines.map((l) => squeeze(l.text))).toEqual(oracle['report-lists.docx']);
    const text = v.lines.map((l) => l.text);
    // spot checks the oracle cannot get wrong in the same way we could
    expect(text).toContain('（十二）第12项工作');
    expect(text.filter((l) => l.startsWith('（一）'))).toEqual(['（一）深化行政执法体制改革', '（一）队伍力量不足']);
    expect(text).toContain('四、下一年度主要安排');
    expect(text).toContain('第贰条分则');
    expect(text.slice(text.indexOf('项目'), text.indexOf('项目') + 7)).toEqual(['项目', '数量', '行政复议', '30', '（含听证）', '行政诉讼', '12']);
    expect(v.lines.find((l) => l.text === '30')?.kind).toBe('cell');
    expect(v.lines.filter((l) => l.label).length).toBeGreaterThan(30);
  });

  test('HTML with nested ordered lists (1. a. i.), a start attribute, and a table', () => {
    const v = view(made['lists.html']);
    expect(v.lines.map((l) => squeeze(l.text))).toEqual(oracle['lists.docx']);
    expect(v.lines.map((l) => l.text)).toContain('iv. 帮办代办');
    expect(v.lines.map((l) => l.text)).toContain('4. 续接的第四项');
  });

  test('hand-made OOXML: chineseCounting, chineseCountingThousand, chineseLegalSimplified, ideographTraditional, circled, letters, %1.%2, startOverride', () => {
    const mine = view(HANDMADE).lines.map((l) => squeeze(l.text));
    const lo = oracle['handmade.docx'];
    expect(mine).toHaveLength(lo.length);
    // LibreOffice 7.4 has no full-width digits: it shows decimalFullWidth as 1, Word as １ (the reader follows Word)
    const fullWidth = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
    const differing = mine.map((m, i) => [m, lo[i]]).filter(([m, l]) => m !== l);
    expect(differing.every(([m, l]) => m.includes('decimalFullWidth') && fullWidth(m) === l)).toBe(true);
    expect(differing.length).toBeGreaterThan(0);
    // item 23 is the 19th at level 0 (every fifth item is a level-1 %1.%2 item)
    expect(mine).toContain('十九、chineseCounting23');
    expect(mine).toContain('壹拾玖、chineseLegalSimplified23');
    expect(mine).toContain('⑲、decimalEnclosedCircle23');
    expect(mine).toContain('四.1chineseCounting5');
    expect(mine).toContain('十六.1chineseCounting20');
    expect(mine).toContain('八、重新编号');
  });

  test('tracked changes made in LibreOffice read as if accepted, with the pending flag (its text export shows both, so no oracle here)', () => {
    const v = view(made['tracked.fodt']);
    expect(v.lines.map((l) => l.text)).toEqual(['全年办结行政复议案件30件。', '新增的一段。', '保留的一段。', '结尾。']);
    expect(v.pendingChanges).toBe(true);
  });
});

describe('every corpus report as a .docx with automatic numbering', () => {
  test('most typed outline numbers became automatic numbering', () => {
    const all = Object.values(corpus);
    expect(all.reduce((n, c) => n + c.numbered, 0)).toBeGreaterThan(60);
    expect(all.reduce((n, c) => n + c.numbered, 0)).toBeGreaterThan(3 * all.reduce((n, c) => n + c.typed, 0));
  });

  for (const file of corpusFiles) {
    test(`${file}: the same text, line for line, and the same findings on the same lines; LibreOffice renders the same numbers`, () => {
      const md = readCorpus(file);
      const { docx, numbered } = corpus[file];
      expect(numbered, 'outline numbers made automatic').toBeGreaterThanOrEqual(2);
      const v = view(docx);
      expect(v.text).toBe(md);
      expect(v.lines.filter((l) => l.label).length).toBe(numbered);
      const key = (f: { ruleId: string; line: number; column: number; message: string }) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`;
      expect(check(v.text, { filePath: file }).findings.map(key)).toEqual(check(md, { filePath: file }).findings.map(key));
      const lo = oracle[`${file}.docx`];
      expect(v.lines.map((l) => squeeze(l.text))).toEqual(lo.concat(new Array(Math.max(0, v.lines.length - lo.length)).fill('')));
    });
  }
});

describe('export, as LibreOffice lays it out', () => {
  test('an exported corpus report prints on A4 pages numbered — 1 —, — 2 — …', async () => {
    const md = readCorpus(corpusFiles[0]);
    const pdf = convert({ 'export.docx': await exportDocx(md) }, 'pdf')['export.docx'];
    const text = Buffer.from(pdf).toString('latin1');
    expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 595\.\d+ 841\.\d+\s*\]/);
    // pdftotext (poppler-utils, installed with LibreOffice by scripts/docx-oracle-setup.sh): each page ends with its number
    const dir = mkdtempSync(path.join(tmpdir(), 'fz-pdf-'));
    writeFileSync(path.join(dir, 'e.pdf'), pdf);
    const pages = execFileSync('pdftotext', ['-layout', path.join(dir, 'e.pdf'), '-'], { encoding: 'utf8' }).split('\f').filter((pg) => pg.trim());
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((pg, i) => {
      const lines = pg.split('\n').map((l) => l.trim()).filter(Boolean);
      expect(squeeze(lines[lines.length - 1])).toBe(`—${i + 1}—`);
    });
  });

  test('a full page of body text is 22 lines of 28 characters (GB/T 9704-2012 5.2.3), with the page number on the outer side', async () => {
    // one long paragraph of ideographs: page 2 is all body text, so its lines show the type area's grid exactly
    const md = `# 某区人民政府关于2023年法治政府建设情况的报告\n\n${'法治政府建设'.repeat(300)}\n`;
    const pdf = convert({ 'grid.docx': await exportDocx(md) }, 'pdf')['grid.docx'];
    const dir = mkdtempSync(path.join(tmpdir(), 'fz-pdf-'));
    writeFileSync(path.join(dir, 'g.pdf'), pdf);
    const page = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), path.join(dir, 'g.pdf'), '-'], { encoding: 'utf8' });
    const body = page(2).split('\n').filter((l) => /[法治政府建设]/.test(l));
    expect(body).toHaveLength(22);
    // the first line of page 2 continues the paragraph (no first-line indent): every line holds exactly 28 characters
    expect(body.map((l) => [...l.replace(/\s/g, '')].length)).toEqual(Array(22).fill(28));
    // odd pages right, even pages left: the number's box against the page's middle (A4 is 595 pt wide)
    const numberX = (n: number) => {
      const xml = execFileSync('pdftotext', ['-bbox', '-f', String(n), '-l', String(n), path.join(dir, 'g.pdf'), '-'], { encoding: 'utf8' });
      const words = [...xml.matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].filter((m) => /\d/.test(m[2]));
      return Number(words[words.length - 1][1]);
    };
    expect(numberX(1)).toBeGreaterThan(595 / 2);
    expect(numberX(2)).toBeLessThan(595 / 2);
  });
});
