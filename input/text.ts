/**
 * Bytes of a text draft → text, by content: UTF-8 (with or without BOM), UTF-16 with BOM, GBK/GB18030 (drafts
 * saved on Chinese Windows), with the platform's WHATWG TextDecoder only, so the CLI, the editor and the offline
 * page (a browser) read a file the same way. Binary input is refused, never guessed at. Writing a text back in
 * its encoding needs Node (node/decode.ts).
 */

export type TextDecoded = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; reason: 'binary' | 'undecodable' };

/** how the bytes were read */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

const MAGIC: number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x25, 0x50, 0x44, 0x46], // PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP, DOCX
  [0xd0, 0xcf, 0x11, 0xe0], // DOC
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x1f, 0x8b], // gzip
];

export const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function decodeText(bytes: Uint8Array): TextDecoded {
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) return strict('utf-8', bytes.subarray(3), 'utf-8-bom');
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return strict('utf-16le', bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return strict('utf-16be', bytes.subarray(2));
  if (MAGIC.some((m) => m.every((b, i) => bytes[i] === b))) return { ok: false, reason: 'binary' };
  if (looksBinary(bytes)) return { ok: false, reason: 'binary' };
  const utf8 = strict('utf-8', bytes);
  if (utf8.ok) return utf8;
  // GB18030 is a superset of GBK: one decoder reads both (a browser's TextDecoder('gbk') is GB18030's decoder too)
  const gb = strict('gb18030', bytes);
  if (gb.ok) return gb;
  return { ok: false, reason: 'undecodable' };
}

function strict(label: string, bytes: Uint8Array, name: TextEncodingName = label as TextEncodingName): TextDecoded {
  try {
    const text = new TextDecoder(label, { fatal: true }).decode(bytes);
    if (text.includes('\u0000')) return { ok: false, reason: 'binary' };
    return { ok: true, text, encoding: name };
  } catch {
    return { ok: false, reason: 'undecodable' };
  }
}

/** NUL bytes or many control characters in the first 8 KB. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return n > 0 && control / n > 0.1;
}
