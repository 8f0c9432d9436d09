/**
 * Bytes → text view: the one step where a file's bytes become the text the rules read, chosen by content.
 * Each input format is a ContentDecoder (which bytes it claims, which extensions a walk looks for, how a fixed
 * text is written back, if it can be). Text drafts: UTF-8 (with or without BOM), UTF-16 with BOM, and
 * GBK/GB18030 (drafts saved on Chinese Windows), read with the platform's WHATWG TextDecoder and written back in
 * the same encoding. Binary input is refused, never guessed at. A new format (Word documents) adds its decoder to
 * DECODERS, ahead of the text decoder, and every caller — CLI, workspace check, editor — reads it.
 */
import iconv from 'iconv-lite';
import { containerOf, readDocx, type DocxError, type DocxView } from '../input/docx/index.js';
import { decodeText, UTF8_BOM } from '../input/text.js';

export type Encoded = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'notWritable'; detail: string };

export interface TextView {
  text: string;
  /** how the bytes were read: 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030', or a format's name */
  encoding: string;
  /** the bytes of a fixed text in the same form, or why this input cannot be written back */
  encode(text: string): Encoded;
  /** a Word document's text view (lines by paragraph, pending tracked changes) */
  docx?: DocxView;
}

export type DecodeFailure = { ok: false; reason: 'binary' | 'undecodable' } | { ok: false; reason: 'docx'; error: DocxError };
export type Decoded = ({ ok: true } & TextView) | DecodeFailure;

export interface ContentDecoder {
  name: string;
  /** what a directory walk looks for (lower case, with the dot) */
  extensions: readonly string[];
  /** does this decoder take these bytes? By content; the path is a hint for formats that share a container */
  claims(bytes: Uint8Array, filePath?: string): boolean;
  decode(bytes: Uint8Array, filePath?: string): Decoded;
}

/** Plain text and Markdown drafts. Claims everything no other decoder took; refuses what is binary. */
export const textDecoder: ContentDecoder = {
  name: 'text',
  extensions: ['.md', '.markdown', '.txt'],
  claims: () => true,
  decode: decode,
};

/**
 * Word documents, by content (a zip holding word/document.xml, whatever the name: WPS saves OOXML under other
 * names too), and the OLE files of binary .doc/.wps or a password-protected .docx, which get their own message.
 * The text view is input/docx's; it is never written back (a fix goes through a Markdown draft).
 */
export const docxDecoder: ContentDecoder = {
  name: 'docx',
  extensions: ['.docx'],
  // by content; a file named .docx that is neither zip nor OLE (a renamed picture) is told it is not a Word document
  claims: (bytes, filePath) => containerOf(bytes) !== 'other' || /\.docx$/i.test(filePath ?? ''),
  decode(bytes) {
    const r = readDocx(bytes);
    if (!r.ok) return { ok: false, reason: 'docx', error: r.error };
    return { ok: true, text: r.view.text, encoding: 'docx', encode: () => ({ ok: false, reason: 'notWritable', detail: 'docx' }), docx: r.view };
  },
};

/** Ordered: the first decoder that claims the bytes reads them. */
export const DECODERS: ContentDecoder[] = [docxDecoder, textDecoder];

/** Every extension some decoder reads: what a directory walk collects. */
export function draftExtensions(): string[] {
  return [...new Set(DECODERS.flatMap((d) => d.extensions))];
}

/** Bytes → text view by content. */
export function decodeBytes(bytes: Uint8Array, filePath?: string): Decoded {
  for (const d of DECODERS) if (d.claims(bytes, filePath)) return d.decode(bytes, filePath);
  return { ok: false, reason: 'binary' };
}

/** The text decoder itself (UTF-8/16, GB18030): input/text.ts reads, this adds writing back in the same encoding. */
export function decode(bytes: Uint8Array): Decoded {
  const r = decodeText(bytes);
  if (!r.ok) return r;
  return { ok: true, text: r.text, encoding: r.encoding, encode: (t) => encodeText(t, r.encoding) };
}

/** A text in the encoding it was read in; verified by decoding it again, so nothing is written that reads back differently. */
export function encodeText(text: string, encoding: string): Encoded {
  let bytes: Buffer;
  switch (encoding) {
    case 'utf-8':
      bytes = Buffer.from(text, 'utf8');
      break;
    case 'utf-8-bom':
      bytes = Buffer.concat([Buffer.from(UTF8_BOM), Buffer.from(text, 'utf8')]);
      break;
    case 'utf-16le':
      bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      break;
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
      bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
      break;
    }
    case 'gb18030':
      // GB18030 encodes every Unicode scalar value; a GBK file stays GBK where the text stays within GBK
      bytes = iconv.encode(text, 'gb18030');
      break;
    default:
      return { ok: false, reason: 'notWritable', detail: encoding };
  }
  const back = decode(bytes);
  if (!back.ok || back.text !== text || back.encoding !== encoding) return { ok: false, reason: 'notWritable', detail: encoding };
  return { ok: true, bytes };
}
