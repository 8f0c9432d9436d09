/** Export to Word: GB/T 9704-2012 form, and the round trip (export, read back: the same lines, the same findings). */
import { describe, expect, test } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { exportDocx, LINE_PITCH, CHAR_TIGHTEN } from '../../output/docx/export.js';
import { readDocx } from '../../input/docx/index.js';
import { parseTree, kid, kids, descendants, type XmlElement } from '../../input/docx/xml.js';
import { check } from '../../rules/index.js';
import { corpusFiles, readCorpus } from '../helpers/corpus.js';

const DRAFT = `---
organ: 某区人民政府
---
# 某区人民政府关于2023年法治政府建设情况的报告

2023年，在市委、市政府的领导下，我区**深入推进**依法行政。

## 一、主要举措和成效

（一）深化行政执法体制改革。

全年办结行政复议案件30件，详见[附表](#t)。

| 项目 | 数量 |
|---|---|
| 复议 | 30 |

1.加强队伍建设。

（1）开展培训。

## 二、存在的不足和原因

<!-- fazhi-lint-disable-next-line period-relative -->
一是队伍力量不足，原因是编制有限。

某区人民政府
2024年3月1日
`;

const DRAFT_VIEW = [
  '某区人民政府关于2023年法治政府建设情况的报告',
  '2023年，在市委、市政府的领导下，我区深入推进依法行政。',
  '一、主要举措和成效',
  '（一）深化行政执法体制改革。',
  '全年办结行政复议案件30件，详见附表。',
  '项目',
  '数量',
  '复议',
  '30',
  '1.加强队伍建设。',
  '（1）开展培训。',
  '二、存在的不足和原因',
  '一是队伍力量不足，原因是编制有限。',
  '某区人民政府',
  '2024年3月1日',
];

async function parts(md: string): Promise<Record<string, XmlElement>> {
  const files = unzipSync(await exportDocx(md));
  const out: Record<string, XmlElement> = {};
  for (const [name, bytes] of Object.entries(files)) if (name.endsWith('.xml')) out[name] = parseTree(strFromU8(bytes));
  return out;
}

const attr = (el: XmlElement | undefined, name: string) => el?.attrs[name];

describe('round trip: export, then read back', () => {
  test('a Markdown draft: one paragraph per block, Markdown syntax and comments gone, table cells as lines', async () => {
    const r = readDocx(await exportDocx(DRAFT));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.view.lines.map((l) => l.text)).toEqual(DRAFT_VIEW);
  });

  for (const file of corpusFiles) {
    test(`${file}: the same lines, and the same findings on the same lines`, async () => {
      const md = readCorpus(file);
      const r = readDocx(await exportDocx(md));
      if (!r.ok) throw r.error;
      const lines = md.split('\n').map((l) => l.trim()).filter(Boolean);
      expect(r.view.lines.map((l) => l.text)).toEqual(lines);
      // blank lines between paragraphs are not exported: line L of the draft is paragraph (non-empty lines up to L)
      const srcLines = md.split('\n');
      const paragraphOf = (line: number) => Math.max(1, srcLines.slice(0, line).filter((l) => l.trim()).length);
      const key = (f: { ruleId: string; line: number; message: string }) => `${f.line} ${f.ruleId} ${f.message}`;
      const fromMd = check(md, { filePath: file }).findings.map((f) => key({ ...f, line: paragraphOf(f.line) }));
      expect(fromMd.length).toBeGreaterThan(0);
      expect(check(r.view.text, { filePath: file }).findings.map(key)).toEqual(fromMd);
    });
  }
});

describe('GB/T 9704-2012 form', () => {
  test('A4, margins 37/35/28/26 mm, 22 lines of 28 characters, page numbers — 1 — in 4号 宋体 on both page sides', async () => {
    const p = await parts(DRAFT);
    const sect = descendants(p['word/document.xml'], 'sectPr')[0];
    expect(kid(sect, 'pgSz')!.attrs).toMatchObject({ w: '11906', h: '16838' });
    // 37 mm = 2098 twips, 35 mm = 1984, 28 mm = 1587, 26 mm = 1474: a 156 × 225 mm type area
    expect(kid(sect, 'pgMar')!.attrs).toMatchObject({ top: '2098', bottom: '1984', left: '1587', right: '1474' });
    expect((11906 - 1587 - 1474) / (1440 / 25.4)).toBeCloseTo(156, 0);
    expect((16838 - 2098 - 1984) / (1440 / 25.4)).toBeCloseTo(225, 0);
    const grid = kid(sect, 'docGrid')!;
    expect(grid.attrs).toMatchObject({ type: 'lines', linePitch: String(LINE_PITCH) });
    expect(Math.floor((16838 - 2098 - 1984) / LINE_PITCH)).toBe(22);
    // every style inherits the default style's tightening: 28 characters of 16 pt − 0.25 pt fit the 156 mm line, 29 do not
    const normal = descendants(p['word/styles.xml'], 'style').find((s) => s.attrs.styleId === 'Normal')!;
    expect(attr(descendants(normal, 'spacing').find((e) => e.name.endsWith('spacing') && 'val' in e.attrs)!, 'val')).toBe(String(CHAR_TIGHTEN));
    const pitch = 16 + CHAR_TIGHTEN / 20;
    expect(Math.floor(((156 / 25.4) * 72) / pitch)).toBe(28);
    expect(kids(sect, 'footerReference').map((f) => f.attrs.type).sort()).toEqual(['default', 'even']);
    expect(descendants(p['word/settings.xml'], 'evenAndOddHeaders')).toHaveLength(1);
    const footers = Object.entries(p).filter(([n]) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers).toHaveLength(2);
    const raw = unzipSync(await exportDocx(DRAFT));
    for (const [name, f] of footers) {
      // — PAGE — : the dashes as text around the page-number field
      const xml = strFromU8(raw[name]).replace(/<w:rPr>.*?<\/w:rPr>/g, '');
      expect(xml).toMatch(/<w:t xml:space="preserve">— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —<\/w:t>/);
      expect(attr(descendants(f, 'sz')[0], 'val')).toBe('28');
      expect(attr(descendants(f, 'rFonts')[0], 'eastAsia')).toBe('宋体');
      expect(attr(descendants(f, 'rFonts')[0], 'ascii')).toBe('宋体');
    }
  });

  test('title 方正小标宋简体 二号 centred; 一、 黑体, （一） 楷体_GB2312, 1. and (1) and body 仿宋_GB2312, all 三号; signature right', async () => {
    const p = await parts(DRAFT);
    const styles = new Map(kids(kid(p['word/styles.xml'], 'styles')!, 'style').map((s) => [s.attrs.styleId, s]));
    const fontOf = (id: string): { font?: string; size?: string; jc?: string } => {
      // follow basedOn as Word does
      let s = styles.get(id);
      const out: { font?: string; size?: string; jc?: string } = {};
      while (s) {
        out.font ??= attr(kid(kid(s, 'rPr'), 'rFonts'), 'eastAsia');
        out.size ??= attr(kid(kid(s, 'rPr'), 'sz'), 'val');
        out.jc ??= attr(kid(kid(s, 'pPr'), 'jc'), 'val');
        s = styles.get(attr(kid(s, 'basedOn'), 'val') ?? '');
      }
      return out;
    };
    // paragraph i of document.xml is line i of the text view (the round trip above shows it)
    const paras = descendants(p['word/document.xml'], 'p');
    expect(paras).toHaveLength(DRAFT_VIEW.length);
    const paraStyle = new Map(paras.map((para, i) => [DRAFT_VIEW[i], attr(kid(kid(para, 'pPr'), 'pStyle'), 'val') ?? '']));
    const styleOf = (line: string) => fontOf(paraStyle.get(line)!);
    expect(styleOf(DRAFT_VIEW[0])).toEqual({ font: '方正小标宋简体', size: '44', jc: 'center' });
    expect(styleOf('一、主要举措和成效')).toMatchObject({ font: '黑体', size: '32' });
    expect(styleOf('二、存在的不足和原因')).toMatchObject({ font: '黑体', size: '32' });
    expect(styleOf('（一）深化行政执法体制改革。')).toMatchObject({ font: '楷体_GB2312', size: '32' });
    expect(styleOf('1.加强队伍建设。')).toMatchObject({ font: '仿宋_GB2312', size: '32' });
    expect(styleOf('（1）开展培训。')).toMatchObject({ font: '仿宋_GB2312', size: '32' });
    expect(styleOf(DRAFT_VIEW[1])).toMatchObject({ font: '仿宋_GB2312', size: '32', jc: 'both' });
    expect(styleOf('某区人民政府')).toMatchObject({ jc: 'right' });
    expect(styleOf('2024年3月1日')).toMatchObject({ jc: 'right' });
    // headings carry outline levels, so Word's navigation pane shows the report's structure
    const outline = (line: string) => {
      let s = styles.get(paraStyle.get(line)!);
      while (s && !kid(kid(s, 'pPr'), 'outlineLvl')) s = styles.get(attr(kid(s, 'basedOn'), 'val') ?? '');
      return attr(kid(kid(s, 'pPr'), 'outlineLvl'), 'val');
    };
    expect([outline('一、主要举措和成效'), outline('（一）深化行政执法体制改革。'), outline(DRAFT_VIEW[1])]).toEqual(['1', '2', undefined]);
    // fonts a machine lacks fall back, as Word does, to the font named as their alternative
    const fonts = new Map(kids(kid(p['word/fontTable.xml'], 'fonts')!, 'font').map((f) => [f.attrs.name, attr(kid(f, 'altName'), 'val')]));
    expect(fonts.get('仿宋_GB2312')).toBe('仿宋');
    expect(fonts.get('楷体_GB2312')).toBe('楷体');
    expect(fonts.get('方正小标宋简体')).toBe('宋体');
  });
});
