/**
 * Bytes → text. UTF-8 (with or without BOM), UTF-16 with BOM, and GBK/GB18030 (drafts saved on Chinese Windows),
 * all with the platform's WHATWG TextDecoder. Binary input is refused, never guessed at.
 */

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: 'binary' | 'undecodable' };

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

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return strict('utf-8', bytes.subarray(3));
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return strict('utf-16le', bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return strict('utf-16be', bytes.subarray(2));
  if (MAGIC.some((m) => m.every((b, i) => bytes[i] === b))) return { ok: false, reason: 'binary' };
  if (looksBinary(bytes)) return { ok: false, reason: 'binary' };
  const utf8 = strict('utf-8', bytes);
  if (utf8.ok) return utf8;
  const gb = strict('gb18030', bytes);
  if (gb.ok) return gb;
  return { ok: false, reason: 'undecodable' };
}

function strict(encoding: string, bytes: Uint8Array): Decoded {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    if (text.includes('\u0000')) return { ok: false, reason: 'binary' };
    return { ok: true, text, encoding };
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
