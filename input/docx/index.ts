/**
 * .docx → text view, pure (no Node API: runs in the CLI, the server and a browser). What Word shows is what is
 * checked: one line per paragraph (paragraph N is line N), table cells' paragraphs as lines of their own,
 * automatic numbering rendered, tracked changes accepted, comments/notes/headers/footers/field codes left out.
 */
import { containerOf, DEFAULT_LIMITS, DocxError, oleKind, readParts, type PackageLimits } from './package.js';
import { parseTree, xmlText, type XmlElement } from './xml.js';
import { readStyles } from './styles.js';
import { readNumbering } from './numbering.js';
import { readDocument, type ViewLine } from './document.js';

export { DocxError, containerOf, DEFAULT_LIMITS, type DocxErrorCode, type PackageLimits } from './package.js';
export type { ViewLine } from './document.js';
export { formatNumber } from './numbering.js';

export interface DocxView {
  /** the text view: lines joined with \n */
  text: string;
  lines: ViewLine[];
  /** the document holds tracked changes not yet accepted or rejected (the view shows them accepted) */
  pendingChanges: boolean;
}

export type DocxResult = { ok: true; view: DocxView } | { ok: false; error: DocxError };

/** Is this a WordprocessingML package (by content), an OLE file, or neither? Cheap: reads the signature only. */
export function sniffDocument(bytes: Uint8Array): 'zip' | 'ole' | 'other' {
  return containerOf(bytes);
}

function part(parts: Map<string, Uint8Array>, name: string): string | undefined {
  const bytes = parts.get(name);
  return bytes ? xmlText(bytes) : undefined;
}

function tree(parts: Map<string, Uint8Array>, name: string): XmlElement | undefined {
  const xml = part(parts, name);
  return xml === undefined ? undefined : parseTree(xml);
}

/** Read a .docx (or an OLE / zip impostor) into its text view. Never throws. */
export function readDocx(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): DocxResult {
  try {
    return { ok: true, view: readDocxOrThrow(bytes, limits) };
  } catch (err) {
    if (err instanceof DocxError) return { ok: false, error: err };
    // anything the XML layer or a malformed part throws is a damaged document, not a crash
    return { ok: false, error: new DocxError('corrupt', err instanceof Error ? err.message : String(err)) };
  }
}

export function readDocxOrThrow(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): DocxView {
  const kind = containerOf(bytes);
  if (kind === 'ole') throw new DocxError(oleKind(bytes));
  if (kind !== 'zip') throw new DocxError('notWord', 'not a zip package');
  const parts = readParts(bytes, limits);
  const documentXml = part(parts, 'word/document.xml');
  if (documentXml === undefined) throw new DocxError('notWord', 'no word/document.xml');
  const styles = readStyles(tree(parts, 'word/styles.xml'));
  const defs = readNumbering(tree(parts, 'word/numbering.xml'), styles.styles);
  const doc = readDocument(documentXml, styles, defs);
  return { text: doc.lines.map((l) => l.text).join('\n'), lines: doc.lines, pendingChanges: doc.pendingChanges };
}

/** The message (a `ui` key of rules/messages, with its data) that tells a user why a document was not read. */
export function docxErrorMessage(error: DocxError, file: string): { key: `docx_${DocxError['code']}`; data: Record<string, string> } {
  const data: Record<string, string> = { file, detail: error.detail || error.code, limit: `${Math.round(DEFAULT_LIMITS.maxInflated / 1048576)} MB` };
  return { key: `docx_${error.code}`, data };
}
