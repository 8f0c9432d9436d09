/** The pure .docx reader on hand-made OOXML: numbering, tracked changes, fields, what is left out, bad input. */
import { describe, expect, test } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { readDocx, type DocxView } from '../../input/docx/index.js';
import { lvl, list, makeDocx, numPr, p, REPORT_LEVELS } from '../helpers/ooxml.js';

function view(parts: Parameters<typeof makeDocx>[0]): DocxView {
  const r = readDocx(makeDocx(parts));
  if (!r.ok) throw r.error;
  return r.view;
}
const lines = (parts: Parameters<typeof makeDocx>[0]) => view(parts).lines.map((l) => l.text);

describe('paragraphs and tables', () => {
  test('paragraph N is line N: empty paragraphs stay empty lines, cells give a line per paragraph', () => {
    const body =
      p('标题') +
      p('') +
      p('正文') +
      `<w:tbl><w:tr><w:tc>${p('甲')}${p('乙')}</w:tc><w:tc>${p('')}</w:tc></w:tr><w:tr><w:tc>${p('丙')}</w:tc></w:tr></w:tbl>` +
      p('结尾');
    const v = view({ body });
    expect(v.lines.map((l) => l.text)).toEqual(['标题', '', '正文', '甲', '乙', '', '丙', '结尾']);
    expect(v.lines.map((l) => l.kind)).toEqual(['body', 'body', 'body', 'cell', 'cell', 'cell', 'cell', 'body']);
    expect(v.text).toBe('标题\n\n正文\n甲\n乙\n\n丙\n结尾');
    expect(v.pendingChanges).toBe(false);
  });

  test('runs join; tabs and soft line breaks are spaces; tab stops in paragraph properties are not text', () => {
    const body = `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="840"/></w:tabs></w:pPr><w:r><w:t>一是</w:t></w:r><w:r><w:tab/><w:t>加强</w:t><w:br/><w:t>建设</w:t></w:r><w:r><w:t xml:space="preserve"> 完成 </w:t></w:r></w:p>`;
    expect(lines({ body })).toEqual(['一是 加强 建设 完成 ']);
  });

  test('comments, footnote and endnote references, hidden text, text boxes and markup-compatibility fallbacks are left out', () => {
    const body =
      `<w:p><w:commentRangeStart w:id="1"/><w:r><w:t>全年</w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>` +
      `<w:r><w:t>办结</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:endnoteReference w:id="3"/></w:r>` +
      `<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>案件</w:t></w:r>` +
      `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p('文本框')}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p('文本框')}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>` +
      `<w:r><w:t>。</w:t></w:r></w:p>`;
    expect(lines({ body })).toEqual(['全年办结案件。']);
  });

  test("field codes are left out and a field's displayed result kept (complex, nested, simple)", () => {
    const body =
      `<w:p><w:r><w:t>共</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> = 2 + 3 </w:instrText></w:r>` +
      `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>5</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>件，</w:t></w:r>` +
      // a field whose code holds another field: nothing of the code shows, the outer result does
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>9</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText> = 1 "a" "b"</w:instrText></w:r>` +
      `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>见附件</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
      `<w:fldSimple w:instr=" DATE \\@ &quot;yyyy年M月d日&quot; "><w:r><w:t>2024年3月1日</w:t></w:r></w:fldSimple></w:p>`;
    expect(lines({ body })).toEqual(['共5件，见附件2024年3月1日']);
  });
});

describe('automatic numbering', () => {
  test('the report outline 一、（一）1.（1） renders with restarts by level', () => {
    const body = [p('总体情况', numPr(1, 0)), p('第一项', numPr(1, 1)), p('要点', numPr(1, 2)), p('细节', numPr(1, 3)), p('细节', numPr(1, 3)), p('要点', numPr(1, 2)), p('第二项', numPr(1, 1)), p('要点', numPr(1, 2)), p('存在的不足', numPr(1, 0)), p('第一项', numPr(1, 1))].join('');
    expect(lines({ body, numbering: list(1, REPORT_LEVELS) })).toEqual([
      '一、总体情况',
      '（一）第一项',
      '1.要点',
      '（1）细节',
      '（2）细节',
      '2.要点',
      '（二）第二项',
      '1.要点',
      '二、存在的不足',
      '（一）第一项',
    ]);
  });

  test('a level used before its parent: the parent counts as used at its start, as LibreOffice and Word show it', () => {
    const body = [p('甲', numPr(1, 1)), p('乙', numPr(1, 1)), p('总体', numPr(1, 0)), p('丙', numPr(1, 1))].join('');
    expect(lines({ body, numbering: list(1, REPORT_LEVELS) })).toEqual(['（一）甲', '（二）乙', '二、总体', '（一）丙']);
  });

  test('every number format the reports use', () => {
    const formats: [string, string[]][] = [
      ['chineseCounting', ['一', '二', '十', '十一', '二十']],
      ['chineseCountingThousand', ['一', '二', '十', '十一', '二十']],
      ['chineseLegalSimplified', ['壹', '贰', '壹拾', '壹拾壹', '贰拾']],
      ['ideographTraditional', ['甲', '乙', '癸', '11', '20']],
      ['decimal', ['1', '2', '10', '11', '20']],
      ['decimalFullWidth', ['１', '２', '１０', '１１', '２０']],
      ['decimalEnclosedCircle', ['①', '②', '⑩', '⑪', '⑳']],
      ['upperLetter', ['A', 'B', 'J', 'K', 'T']],
      ['lowerLetter', ['a', 'b', 'j', 'k', 't']],
    ];
    const pick = [0, 1, 9, 10, 19];
    for (const [fmt, want] of formats) {
      const body = Array.from({ length: 20 }, (_, i) => p(`项${i + 1}`, numPr(1))).join('');
      const got = lines({ body, numbering: list(1, lvl(0, fmt, '%1)')) });
      expect(pick.map((i) => got[i]), fmt).toEqual(want.map((w, j) => `${w})项${pick[j] + 1}`));
    }
    expect(lines({ body: p('项', numPr(1)), numbering: list(1, lvl(0, 'upperLetter', '%1.')) }, )).toEqual(['A.项']);
    // letters past Z double, as Word does
    const body = Array.from({ length: 28 }, () => p('x', numPr(1))).join('');
    expect(lines({ body, numbering: list(1, lvl(0, 'upperLetter', '%1')) }).slice(25)).toEqual(['Zx', 'AAx', 'BBx']);
  });

  test('suffix tab and space show as one space, nothing as none; bullets show their character', () => {
    const levels =
      `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>` +
      `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="space"/><w:lvlText w:val="%2."/></w:lvl>` +
      `<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>`;
    const v = view({ body: p('甲', numPr(1, 0)) + p('乙', numPr(1, 1)) + p('丙', numPr(1, 2)), numbering: list(1, levels) });
    expect(v.lines.map((l) => l.text)).toEqual(['一、 甲', '1. 乙', '● 丙']);
    expect(v.lines.map((l) => [l.label, l.listLevel])).toEqual([['一、 ', 0], ['1. ', 1], ['● ', 2]]);
  });

  test('multi-level text (%1.%2), isLgl, start values, lvlRestart 0 keeps counting across higher levels', () => {
    const levels =
      lvl(0, 'chineseCounting', '第%1章') +
      lvl(1, 'decimal', '%1.%2', '<w:isLgl/>') +
      `<w:lvl w:ilvl="2"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlRestart w:val="0"/><w:suff w:val="nothing"/><w:lvlText w:val="(%3)"/></w:lvl>`;
    const body = [p('总则', numPr(1, 0)), p('目的', numPr(1, 1)), p('甲', numPr(1, 2)), p('分则', numPr(1, 0)), p('范围', numPr(1, 1)), p('乙', numPr(1, 2))].join('');
    expect(lines({ body, numbering: list(1, levels) })).toEqual(['第一章总则', '1.1目的', '(5)甲', '第二章分则', '2.1范围', '(6)乙']);
  });

  test('lvlOverride/startOverride restarts a second list of the same definition; numId 0 removes numbering', () => {
    const numbering =
      list(1, lvl(0, 'decimal', '%1.')) +
      `<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
      `<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>` +
      `<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1是"/></w:lvl></w:lvlOverride></w:num>`;
    const body = [p('a', numPr(1)), p('b', numPr(1)), p('c', numPr(2)), p('d', numPr(2)), p('e', numPr(3)), p('f', numPr(0)), p('g', numPr(4))].join('');
    // numId 3 shares definition 1 with 1 and 2, so it continues their count, as in Word
    expect(lines({ body, numbering })).toEqual(['1.a', '2.b', '1.c', '2.d', '3.e', 'f', '三是g']);
  });

  test('numbering from the paragraph style (Word 标题 1/标题 2 linked to a list), through basedOn, with a direct override', () => {
    const styles =
      `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="我的标题"/><w:basedOn w:val="2"/></w:style>`;
    const levels = lvl(0, 'chineseCounting', '%1、', '<w:pStyle w:val="1"/>') + lvl(1, 'chineseCounting', '（%2）', '<w:pStyle w:val="2"/>');
    const body = [p('主要举措', '<w:pStyle w:val="1"/>'), p('深化改革', '<w:pStyle w:val="2"/>'), p('依法行政', '<w:pStyle w:val="Mine"/>'), p('正文。'), p('存在问题', '<w:pStyle w:val="1"/>'), p('不编号', '<w:pStyle w:val="1"/><w:numPr><w:numId w:val="0"/></w:numPr>'), p('下一步', '<w:pStyle w:val="1"/>')].join('');
    const v = view({ body, styles, numbering: list(7, levels) });
    expect(v.lines.map((l) => l.text)).toEqual(['一、主要举措', '（一）深化改革', '（二）依法行政', '正文。', '二、存在问题', '不编号', '三、下一步']);
    expect(v.lines.map((l) => l.outlineLevel)).toEqual([0, 1, 1, undefined, 0, 0, 0]);
  });

  test('a custom format (Word 2010 mc:AlternateContent) is read from the form we know', () => {
    const level = `<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>`;
    const level2 = `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="custom" w:format="一, 二, 三, ..."/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>`;
    expect(lines({ body: p('甲', numPr(1)), numbering: list(1, level) })).toEqual(['1、甲']);
    expect(lines({ body: p('甲', numPr(2)), numbering: list(2, level2) })).toEqual(['一、甲']);
  });
});

describe('tracked changes, as if accepted', () => {
  test('deleted text gone, inserted text kept, a move shown once where it went; the view says changes are pending', () => {
    const body =
      `<w:p><w:r><w:t>全年</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>受理</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>办结</w:t></w:r></w:ins><w:r><w:t>案件</w:t></w:r>` +
      `<w:moveFrom w:id="3" w:author="a"><w:r><w:t>30件</w:t></w:r></w:moveFrom><w:r><w:t>。</w:t></w:r></w:p>` +
      `<w:p><w:moveTo w:id="4" w:author="a"><w:r><w:t>30件</w:t></w:r></w:moveTo></w:p>`;
    const v = view({ body });
    expect(v.lines.map((l) => l.text)).toEqual(['全年办结案件。', '30件']);
    expect(v.pendingChanges).toBe(true);
  });

  test('a deleted paragraph mark joins the paragraph to the next; a deleted numbered paragraph is not counted', () => {
    const del = '<w:rPr><w:del w:id="9" w:author="a"/></w:rPr>';
    const body =
      p('一是', del) +
      p('加强建设。') +
      `<w:p><w:pPr>${numPr(1)}${del}</w:pPr><w:del w:id="8" w:author="a"><w:r><w:delText>删去的一节</w:delText></w:r></w:del></w:p>` +
      p('第一节', numPr(1)) +
      p('第二节', numPr(1));
    expect(lines({ body, numbering: list(1, lvl(0, 'chineseCounting', '%1、')) })).toEqual(['一是加强建设。', '一、第一节', '二、第二节']);
  });

  test('a deleted table row is gone; a formatting change keeps the new properties, not the old numbering', () => {
    const body =
      `<w:tbl><w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr><w:tc>${p('旧行')}</w:tc></w:tr><w:tr><w:tc>${p('新行')}</w:tc></w:tr></w:tbl>` +
      `<w:p><w:pPr>${numPr(1)}<w:pPrChange w:id="2" w:author="a"><w:pPr>${numPr(2)}</w:pPr></w:pPrChange></w:pPr><w:r><w:rPr><w:b/><w:rPrChange w:id="3" w:author="a"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>标题</w:t></w:r></w:p>`;
    const v = view({ body, numbering: list(1, lvl(0, 'chineseCounting', '%1、')) + list(2, lvl(0, 'decimal', '%1.')) });
    expect(v.lines.map((l) => l.text)).toEqual(['新行', '一、标题']);
    expect(v.pendingChanges).toBe(true);
  });
});

describe('bad input is a typed error, never a throw', () => {
  const code = (bytes: Uint8Array) => {
    const r = readDocx(bytes);
    return r.ok ? 'ok' : r.error.code;
  };
  const ole = (extra: number[] = []) => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0), ...extra]);

  test('binary .doc/.wps (OLE) is legacy; an OLE file holding EncryptedPackage is a password-protected .docx', () => {
    expect(code(ole())).toBe('legacy');
    const name = [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]);
    expect(code(ole([...new Array(100).fill(0), ...name, 0, 0]))).toBe('encrypted');
  });

  test('truncated and damaged zips, malformed XML, and zips that are not Word documents', () => {
    const good = makeDocx({ body: p('正文') });
    expect(code(good)).toBe('ok');
    expect(code(good.subarray(0, Math.floor(good.length / 2)))).toBe('corrupt');
    expect(code(good.subarray(0, good.length - 30))).toBe('corrupt');
    const broken = zipSync({ 'word/document.xml': strToU8('<w:document xmlns:w="x"><w:body><w:p>') });
    expect(code(broken)).toBe('corrupt');
    expect(code(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }))).toBe('notWord');
    expect(code(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]))).toBe('notWord');
    expect(code(new Uint8Array(0))).toBe('notWord');
  });

  test('a zip bomb is refused by the limit on inflated size, before anything is inflated', () => {
    // 8 MiB of one character compresses to a few KB
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(8 * 1024 * 1024).fill(0x20) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const r = readDocx(bomb, { maxInflated: 1024 * 1024 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('tooLarge');
  });

  test('a part that lies about its size is cut at the size it declared, not inflated further', () => {
    const honest = zipSync({ 'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${p('x'.repeat(5000))}</w:body></w:document>`) });
    // patch the central directory's uncompressed size of the only entry down to 100 bytes
    const lying = honest.slice();
    const dv = new DataView(lying.buffer);
    for (let i = lying.length - 22; i >= 0; i--) {
      if (dv.getUint32(i, true) === 0x02014b50) {
        dv.setUint32(i + 24, 100, true);
        break;
      }
    }
    const r = readDocx(lying);
    expect(r.ok).toBe(false); // cut XML is malformed
    if (!r.ok) expect(r.error.code).toBe('corrupt');
  });
});

describe('error messages', () => {
  test('every error code has a Chinese and an English message naming the file', async () => {
    const { ui } = await import('../../rules/messages/index.js');
    const { DocxError, docxErrorMessage } = await import('../../input/docx/index.js');
    for (const c of ['legacy', 'encrypted', 'corrupt', 'notWord', 'tooLarge'] as const) {
      const m = docxErrorMessage(new DocxError(c, 'invalid zip data'), '报告.docx');
      const zh = ui('zh-CN', m.key, m.data);
      const en = ui('en', m.key, m.data);
      expect(zh, c).toMatch(/^报告\.docx：/);
      expect(en, c).toMatch(/^报告\.docx: /);
      expect(zh + en).not.toMatch(/\{\w+\}|docx_/);
    }
    expect(ui('zh-CN', docxErrorMessage(new DocxError('legacy'), 'a.doc').key, { file: 'a.doc' })).toContain('另存为');
  });
});

test('input/ is pure: no Node API, so the same reader runs in a browser', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const files = readdirSync('input', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(3);
  for (const f of files) {
    const src = readFileSync(`input/${f}`, 'utf8');
    expect(src, f).not.toMatch(/from ['"]node:|require\(|\bprocess\.|\bBuffer\b/);
  }
});
