/**
 * Hand-made OOXML for the cases a word processor's export does not produce on demand (numbering formats
 * LibreOffice never writes, tracked moves, deleted rows, fields, hidden text, lying zip headers). Every part
 * is written here literally, so each test shows exactly the markup it reads.
 */
import { zipSync, strToU8 } from 'fflate';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS = `xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const DOC_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

export interface Parts {
  /** the inside of w:body */
  body: string;
  /** the inside of w:numbering */
  numbering?: string;
  /** the inside of w:styles */
  styles?: string;
  /** more parts by name */
  extra?: Record<string, string | Uint8Array>;
}

export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;
}

/** The schema wants every w:abstractNum before the first w:num (Word refuses the file otherwise). */
function orderNumbering(xml: string): string {
  const nums = xml.match(/<w:num [\s\S]*?<\/w:num>/g) ?? [];
  return xml.replace(/<w:num [\s\S]*?<\/w:num>/g, '') + nums.join('');
}

export function makeDocx(p: Parts): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(RELS),
    'word/_rels/document.xml.rels': strToU8(DOC_RELS),
    'word/document.xml': strToU8(documentXml(p.body)),
    'word/numbering.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering ${NS}>${orderNumbering(p.numbering ?? '')}</w:numbering>`),
    'word/styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${NS}>${p.styles ?? ''}</w:styles>`),
  };
  for (const [name, v] of Object.entries(p.extra ?? {})) files[name] = typeof v === 'string' ? strToU8(v) : v;
  // a fixed time stamp: the same parts give the same bytes, so LibreOffice conversions stay cached by content
  return zipSync(files, { mtime: new Date('2024-01-01T00:00:00Z') });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph with plain runs; `pPr` is the inside of w:pPr. */
export function p(text: string, pPr = ''): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${text ? `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>` : ''}</w:p>`;
}

export const numPr = (numId: number | string, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

/** One w:lvl: format, lvlText, and the rest of its inside. */
export function lvl(ilvl: number, numFmt: string, lvlText: string, more = ''): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/><w:suff w:val="nothing"/><w:lvlText w:val="${lvlText}"/>${more}</w:lvl>`;
}

/** An abstract definition with these levels and a w:num of the same id pointing at it. */
export function list(id: number, levels: string, numExtra = ''): string {
  return `<w:abstractNum w:abstractNumId="${id}">${levels}</w:abstractNum><w:num w:numId="${id}"><w:abstractNumId w:val="${id}"/>${numExtra}</w:num>`;
}

/** The report outline of GB/T 9704: 一、 (一) 1. (1) with the suffixes as given. */
export const REPORT_LEVELS =
  lvl(0, 'chineseCounting', '%1、') + lvl(1, 'chineseCounting', '（%2）') + lvl(2, 'decimal', '%3.') + lvl(3, 'decimal', '（%4）');
