/**
 * A report draft (Markdown or plain text) → a .docx in the official-document form of GB/T 9704-2012, written with
 * the `docx` package. Each non-empty line of the draft becomes one paragraph, its text exactly as written (typed
 * outline numbers stay typed), so reading the .docx back gives the draft's lines one for one and the same findings.
 * The draft is read with the checker's own model (title, outline levels, signature block), so what is exported as a
 * level-1 heading is what the rules call one. Pure: no Node API (the offline page can export too).
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphStyleOptions,
} from 'docx';
import { createReport } from '../../rules/model/report.js';
import { STYLE_RANK } from '../../rules/model/outline.js';
import type { Block } from '../../rules/model/parse.js';

/** twentieths of a point per millimetre */
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (v: number) => Math.round(v * TWIPS_PER_MM);

/** GB/T 9704-2012 5.2.1 / 5.2.2: A4, 天头 37 mm, 订口 28 mm; the type area is 156 mm × 225 mm. */
export const PAGE = { width: 11906, height: 16838, top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** 三号 = 16 pt, 二号 = 22 pt, 四号 = 14 pt (in half-points, as w:sz counts) */
export const SIZE = { erhao: 44, sanhao: 32, sihao: 28 };
/** 5.2.3: 22 lines a page of 28 characters: the line pitch is the type area's height over 22 (579 twips ≈ 28.95 pt) */
export const LINE_PITCH = Math.floor(mm(225) / 22);
/**
 * 28 characters of 三号 (16 pt) need 448 pt; the line is 156 mm ≈ 442.2 pt. Each character is tightened by 0.25 pt
 * (w:spacing, in twentieths of a point) so that exactly 28 fit: 28 × 15.75 = 441 pt, 29 would need 456.75 pt. This
 * is plain character spacing, which Word, WPS and LibreOffice all lay out alike — not a character grid (w:docGrid
 * linesAndChars with a negative w:charSpace), which LibreOffice renders as 14 characters a line, each 16 pt
 * character spanning two grid cells narrower than itself.
 */
export const CHAR_TIGHTEN = -5;
/** one character of 三号 text as laid out (16 pt − 0.25 pt, in twips), for indents (2 characters = 首行缩进二字) */
const CHAR = 320 + CHAR_TIGHTEN;

/** The fonts of 7.3: with the font Word substitutes where a machine lacks the GB2312 and 方正 fonts. */
export const FONTS = {
  title: { name: '方正小标宋简体', fallback: '宋体', panose: '02000000000000000000', family: 'script' },
  heading1: { name: '黑体', fallback: 'SimHei', panose: '02010609060101010101', family: 'modern' },
  heading2: { name: '楷体_GB2312', fallback: '楷体', panose: '02010609030101010101', family: 'modern' },
  body: { name: '仿宋_GB2312', fallback: '仿宋', panose: '02010609030101010101', family: 'modern' },
  pageNumber: { name: '宋体', fallback: 'SimSun', panose: '02010600030101010101', family: 'auto' },
} as const;
/** Latin letters and digits in body text (Word's own choice for Chinese official documents) */
const LATIN = 'Times New Roman';

const font = (eastAsia: string, ascii = LATIN) => ({ eastAsia, ascii, hAnsi: ascii, cs: ascii });
const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

const STYLES: IParagraphStyleOptions[] = [
  // the default paragraph style carries the base size and the tightening every style inherits
  { id: 'Normal', name: 'Normal', run: { font: font(FONTS.body.name), size: SIZE.sanhao, characterSpacing: CHAR_TIGHTEN }, paragraph: { spacing: exact } },
  {
    id: 'FzBody',
    basedOn: 'Normal',
    name: '公文正文',
    quickFormat: true,
    run: { font: font(FONTS.body.name), size: SIZE.sanhao },
    paragraph: { alignment: AlignmentType.BOTH, spacing: exact, indent: { firstLine: 2 * CHAR } },
  },
  {
    id: 'FzTitle',
    name: '公文标题',
    basedOn: 'FzBody',
    next: 'FzBody',
    quickFormat: true,
    run: { font: font(FONTS.title.name, FONTS.title.name), size: SIZE.erhao },
    // 7.3.1: 二号小标宋体字，编排于红色分隔线下空二行位置，分一行或多行居中排布
    paragraph: { alignment: AlignmentType.CENTER, spacing: { line: Math.round(LINE_PITCH * 1.2), lineRule: LineRuleType.AT_LEAST, before: 0, after: LINE_PITCH }, indent: { firstLine: 0 }, outlineLevel: 0 },
  },
  {
    id: 'FzHeading1',
    name: '公文一级标题',
    basedOn: 'FzBody',
    next: 'FzBody',
    quickFormat: true,
    run: { font: font(FONTS.heading1.name), size: SIZE.sanhao },
    paragraph: { alignment: AlignmentType.BOTH, outlineLevel: 1, keepNext: true },
  },
  {
    id: 'FzHeading2',
    name: '公文二级标题',
    basedOn: 'FzBody',
    next: 'FzBody',
    quickFormat: true,
    run: { font: font(FONTS.heading2.name), size: SIZE.sanhao },
    paragraph: { alignment: AlignmentType.BOTH, outlineLevel: 2, keepNext: true },
  },
  { id: 'FzHeading3', name: '公文三级标题', basedOn: 'FzBody', next: 'FzBody', quickFormat: true, paragraph: { outlineLevel: 3, keepNext: true } },
  { id: 'FzHeading4', name: '公文四级标题', basedOn: 'FzBody', next: 'FzBody', quickFormat: true, paragraph: { outlineLevel: 4 } },
  {
    id: 'FzSignature',
    name: '公文署名',
    basedOn: 'FzBody',
    quickFormat: true,
    paragraph: { alignment: AlignmentType.RIGHT, indent: { firstLine: 0 } },
  },
  { id: 'FzTableText', name: '公文表格', basedOn: 'FzBody', paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 } } },
];

/** Inline Markdown the draft may carry: **bold** becomes bold, [text](link) its text; everything else as written. */
function runs(text: string): TextRun[] {
  const out: TextRun[] = [];
  const re = /\*\*([^*]+)\*\*|__([^_]+)__|\[([^\]]+)\]\([^)]*\)/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(new TextRun(text.slice(last, m.index)));
    if (m[3] !== undefined) out.push(new TextRun(m[3]));
    else out.push(new TextRun({ text: m[1] ?? m[2], bold: true }));
    last = m.index + m[0].length;
  }
  if (last < text.length || out.length === 0) out.push(new TextRun(text.slice(last)));
  return out;
}

/** The text a paragraph shows for a block (the inline markup `runs` removes, removed). */
export function exportedText(text: string): string {
  return text.replace(/\*\*([^*]+)\*\*|__([^_]+)__|\[([^\]]+)\]\([^)]*\)/g, (_, b1, b2, link) => link ?? b1 ?? b2);
}

const TABLE_ROW = /^\|.*\|$/;
const TABLE_RULE = /^\|(\s*:?-{2,}:?\s*\|)+$/;
const cellsOf = (row: string) => row.slice(1, -1).split('|').map((c) => c.trim());

/** Width of a string in characters of 三号 text (ASCII counts half). */
const width = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) < 0x80 ? 0.5 : 1), 0);

export interface ExportOptions {
  filePath?: string;
  /** document properties */
  creator?: string;
}

/** The draft's paragraphs and tables as the exporter lays them out. */
function body(text: string, filePath?: string): (Paragraph | Table)[] {
  const report = createReport(text, filePath);
  const { frame } = report;
  const levelOf = new Map<number, number>();
  for (const h of report.outline) levelOf.set(h.block.index, h.numbering ? STYLE_RANK[h.numbering.style] : h.level);
  const organs = new Set(frame.signature?.organs.map((b) => b.index) ?? []);
  const dateIndex = frame.signature?.date?.index;
  const organWidth = Math.max(0, ...(frame.signature?.organs.map((b) => width(b.text)) ?? [0]));
  const out: (Paragraph | Table)[] = [];
  const blocks = report.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b: Block = blocks[i];
    // a Markdown table: header, rule row, rows → a Word table (each cell's text one paragraph)
    if (TABLE_ROW.test(b.text) && blocks[i + 1] && TABLE_RULE.test(blocks[i + 1].text.replace(/\s/g, ''))) {
      const rows: string[][] = [cellsOf(b.text)];
      let j = i + 2;
      for (; j < blocks.length && TABLE_ROW.test(blocks[j].text) && blocks[j].line === blocks[j - 1].line + 1; j++) rows.push(cellsOf(blocks[j].text));
      out.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: rows.map(
            (cells) =>
              new TableRow({
                children: cells.map((c) => new TableCell({ children: [new Paragraph({ style: 'FzTableText', children: runs(c) })] })),
              }),
          ),
        }),
      );
      i = j - 1;
      continue;
    }
    let style = 'FzBody';
    let extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {};
    if (b === frame.title || b === frame.titleHead) style = 'FzTitle';
    else if (levelOf.has(b.index)) style = `FzHeading${Math.min(4, Math.max(1, levelOf.get(b.index)!))}`;
    else if (organs.has(b.index) || b.index === dateIndex) {
      style = 'FzSignature';
      // 7.3.5.2: 署名右空二字; 成文日期首字比署名首字右移二字 (a blank line above: spacing, not an empty paragraph)
      const first = frame.signature!.organs[0]?.index ?? dateIndex;
      const right = b.index === dateIndex && organs.size ? Math.max(0, organWidth - width(b.text)) : 2;
      extra = { indent: { right: Math.round(right * CHAR), firstLine: 0 }, spacing: b.index === first ? { ...exact, before: LINE_PITCH } : exact };
    }
    out.push(new Paragraph({ style, children: runs(b.text), ...extra }));
  }
  return out;
}

function pageNumberFooter(alignment: 'left' | 'right'): Footer {
  // 7.5: 4号半角宋体阿拉伯数字，数字左右各放一条一字线；单页码居右空一字，双页码居左空一字
  const run = { font: font(FONTS.pageNumber.name, FONTS.pageNumber.name), size: SIZE.sihao };
  return new Footer({
    children: [
      new Paragraph({
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: alignment === 'right' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ ...run, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** fontTable.xml naming, for each font, the one Word substitutes on a machine without it (w:altName). */
function fontTable(): string {
  const entries = Object.values(FONTS)
    .map(
      (f) =>
        `<w:font w:name="${f.name}"><w:altName w:val="${f.fallback}"/><w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries}<w:font w:name="${LATIN}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`;
}

export function buildDocument(text: string, options: ExportOptions = {}): Document {
  return new Document({
    creator: options.creator ?? 'fazhi-lint',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: font(FONTS.body.name), size: SIZE.sanhao } } },
      paragraphStyles: STYLES,
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: mm(15), footer: mm(35 - 7) - 280 },
          },
          // 7.5: the page number's dashes sit 7 mm below the type area (footer distance is to the bottom of its line)
          // a line grid only: 22 lines a page (the 28 characters come from CHAR_TIGHTEN)
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: body(text, options.filePath),
      },
    ],
  });
}

/** The .docx bytes of a draft. */
export async function exportDocx(text: string, options: ExportOptions = {}): Promise<Uint8Array> {
  const doc = buildDocument(text, options);
  const buffer = await Packer.toArrayBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTable() }]);
  return new Uint8Array(buffer);
}
