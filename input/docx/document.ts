/**
 * word/document.xml → lines, streamed: one line per paragraph of the body in document order, each table cell's
 * paragraphs lines of their own, automatic numbering rendered, tracked changes as if accepted.
 */
import { MC_NS, isOn, streamXml, type Tag } from './xml.js';
import { NumberingState, type NumberingDefs } from './numbering.js';
import type { StyleTable } from './styles.js';

export interface ViewLine {
  text: string;
  /** a paragraph of the body or of a table cell */
  kind: 'body' | 'cell';
  /** the rendered automatic number and the space after it, when the paragraph is numbered (part of `text`) */
  label?: string;
  /** list level (0-based) of a numbered paragraph */
  listLevel?: number;
  /** outline level (0-based) from the paragraph or its style: Word's headings 1–9 */
  outlineLevel?: number;
}

export interface DocumentView {
  lines: ViewLine[];
  /** tracked insertions, deletions, moves or formatting changes not yet accepted or rejected */
  pendingChanges: boolean;
}

/** Revision marks: their presence means the document has pending changes. */
const REVISIONS = new Set(['ins', 'del', 'moveFrom', 'moveTo', 'cellIns', 'cellDel', 'cellMerge', 'numberingChange']);
/** Property changes hold the properties as they were: skipped, or old numbering would be read. */
const PROPERTY_CHANGES = new Set(['pPrChange', 'rPrChange', 'sectPrChange', 'tblPrChange', 'tblGridChange', 'trPrChange', 'tcPrChange', 'tblPrExChange']);
/** Subtrees that Word does not show as body text, or shows elsewhere. */
const HIDDEN = new Set(['sectPr', 'txbxContent', 'sdtPr', 'sdtEndPr', 'instrText', 'delInstrText', 'delText', 'fldData', 'rt']);
const MC_FALLBACK = `{${MC_NS}}Fallback`;

interface Paragraph {
  parts: string[];
  styleId?: string;
  numId?: string;
  ilvl?: number;
  outlineLevel?: number;
  markDeleted: boolean;
  inCell: boolean;
}

export function readDocument(xml: string, styles: StyleTable, defs: NumberingDefs): DocumentView {
  const numbering = new NumberingState(defs);
  const lines: ViewLine[] = [];
  let pendingChanges = false;
  const stack: string[] = [];
  let skip = 0;
  let cellDepth = 0;
  let rowDeleted = false;
  let para: Paragraph | null = null;
  /** text of paragraphs whose mark was deleted: it joins the next paragraph */
  let carry = '';
  let inText = false;
  let runHidden = false;
  /** complex fields: 'code' until fldChar separate, then 'result' until end */
  const fields: ('code' | 'result')[] = [];

  const parent = () => stack[stack.length - 1];
  const within = (name: string) => stack.includes(name);
  const showing = () => !runHidden && !fields.includes('code');
  const emit = (s: string) => {
    if (para && showing()) para.parts.push(s);
  };

  const endParagraph = (p: Paragraph) => {
    const text = carry + p.parts.join('');
    if (p.markDeleted) {
      carry = text;
      return;
    }
    carry = '';
    if (rowDeleted) return;
    const style = styles.styles.get(p.styleId ?? styles.defaultId ?? '') ?? (p.styleId ? undefined : undefined);
    const numId = p.numId ?? style?.numId;
    const line: ViewLine = { text, kind: p.inCell ? 'cell' : 'body' };
    const outline = p.outlineLevel ?? style?.outlineLevel;
    if (outline !== undefined && outline < 9) line.outlineLevel = outline;
    if (numId !== undefined && numId !== '0') {
      const ilvl =
        p.ilvl ??
        (p.numId === undefined ? style?.ilvl : undefined) ??
        (style ? numbering.levelForStyle(numId, style.id) : undefined) ??
        0;
      const n = numbering.next(numId, ilvl);
      if (n) {
        const label = n.label ? n.label + n.suffix : '';
        line.text = label + text;
        if (label) line.label = label;
        line.listLevel = ilvl;
      }
    }
    lines.push(line);
  };

  const open = (tag: Tag) => {
    if (skip > 0) {
      skip++;
      return;
    }
    const name = tag.name;
    const up = parent();
    if (REVISIONS.has(name)) pendingChanges = true;
    if (PROPERTY_CHANGES.has(name)) {
      pendingChanges = true;
      skip = 1;
      return;
    }
    if (name === MC_FALLBACK || HIDDEN.has(name)) {
      skip = 1;
      return;
    }
    if ((name === 'del' || name === 'moveFrom') && up !== 'rPr' && up !== 'trPr' && up !== 'numPr') {
      skip = 1; // deleted or moved-away content: gone once accepted (the moved text is kept where it went)
      return;
    }
    stack.push(name);
    switch (name) {
      case 'p':
        if (!para) para = { parts: [], markDeleted: false, inCell: cellDepth > 0 };
        break;
      case 'tc':
        cellDepth++;
        break;
      case 'del':
      case 'moveFrom':
        if (up === 'trPr') rowDeleted = true;
        else if (up === 'rPr' && para && stack[stack.length - 3] === 'pPr') para.markDeleted = true;
        break;
      case 'pStyle':
        if (para && up === 'pPr') para.styleId = tag.attrs.val;
        break;
      case 'numId':
        if (para && up === 'numPr') para.numId = tag.attrs.val;
        break;
      case 'ilvl':
        if (para && up === 'numPr') para.ilvl = Number(tag.attrs.val ?? 0);
        break;
      case 'outlineLvl':
        if (para && up === 'pPr') para.outlineLevel = Number(tag.attrs.val ?? 9);
        break;
      case 'r':
        runHidden = false;
        break;
      case 'vanish':
        if (up === 'rPr' && stack[stack.length - 3] === 'r') runHidden = isOn(tag);
        break;
      case 't':
        inText = up === 'r';
        break;
      case 'tab':
      case 'ptab':
      case 'br':
      case 'cr':
        // tabs and line breaks inside a run show as one space (tab stops in pPr are definitions, not text)
        if (up === 'r') emit(' ');
        break;
      case 'noBreakHyphen':
        if (up === 'r') emit('-');
        break;
      case 'fldChar': {
        const type = tag.attrs.fldCharType;
        if (type === 'begin') fields.push('code');
        else if (type === 'separate' && fields.length) fields[fields.length - 1] = 'result';
        else if (type === 'end') fields.pop();
        break;
      }
    }
  };

  const close = () => {
    if (skip > 0) {
      skip--;
      return;
    }
    const name = stack.pop();
    switch (name) {
      case 'p':
        if (para && !within('p')) {
          const p = para;
          para = null;
          endParagraph(p);
        }
        break;
      case 'tc':
        cellDepth--;
        break;
      case 'tr':
        rowDeleted = false;
        break;
      case 't':
        inText = false;
        break;
      case 'r':
        runHidden = false;
        break;
    }
  };

  streamXml(xml, {
    open,
    close,
    text(s) {
      if (skip === 0 && inText) emit(s);
    },
  });
  if (carry) lines.push({ text: carry, kind: 'body' });
  return { lines, pendingChanges };
}
