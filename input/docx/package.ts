/**
 * The container of a .docx: recognised by content, never by extension (WPS saves real OOXML under .wps and
 * .doc names, and users rename files). fflate reads the zip; only the parts the text view needs are inflated,
 * each into a buffer of its declared size, and the declared sizes are capped before anything is inflated —
 * fflate never grows a buffer it was given, so a part that lies about its size is cut short, not a bomb.
 */
import { unzipSync } from 'fflate';

export type DocxErrorCode =
  /** OLE compound file that is not an encrypted package: binary .doc / .wps / .et from Word 97–2003 or WPS */
  | 'legacy'
  /** OLE compound file holding an EncryptedPackage stream: a password-protected .docx */
  | 'encrypted'
  /** a zip that cannot be read (truncated, damaged) or a part that is not well-formed XML */
  | 'corrupt'
  /** a readable zip without word/document.xml (an .xlsx, an .odt, any other zip) */
  | 'notWord'
  /** the parts would inflate beyond the size limit */
  | 'tooLarge';

export class DocxError extends Error {
  constructor(
    readonly code: DocxErrorCode,
    readonly detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'DocxError';
  }
}

export type Container = 'zip' | 'ole' | 'other';

/** What kind of container the bytes are, from their signature. */
export function containerOf(bytes: Uint8Array): Container {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06)) {
    return 'zip';
  }
  if (bytes.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b)) return 'ole';
  return 'other';
}

/** "EncryptedPackage" as an OLE directory entry name (UTF-16LE). */
const ENCRYPTED_PACKAGE = [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]);

function hasSequence(bytes: Uint8Array, seq: number[]): boolean {
  const first = seq[0];
  outer: for (let i = bytes.indexOf(first); i >= 0 && i + seq.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < seq.length; j++) if (bytes[i + j] !== seq[j]) continue outer;
    return true;
  }
  return false;
}

/** An OLE file is either an encrypted OOXML package or a legacy binary document. */
export function oleKind(bytes: Uint8Array): 'encrypted' | 'legacy' {
  return hasSequence(bytes, ENCRYPTED_PACKAGE) ? 'encrypted' : 'legacy';
}

export interface PackageLimits {
  /** total inflated bytes of the parts read (default 64 MiB: a 300-page report's document.xml is ~10 MiB) */
  maxInflated: number;
}

export const DEFAULT_LIMITS: PackageLimits = { maxInflated: 64 * 1024 * 1024 };

/** The parts of a WordprocessingML package the text view reads; all others (media, headers…) stay compressed. */
const WANTED = new Set(['word/document.xml', 'word/numbering.xml', 'word/styles.xml', '[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels']);

/** Inflate the wanted parts of a zip. Throws DocxError. */
export function readParts(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS, extra: (name: string) => boolean = () => false): Map<string, Uint8Array> {
  let total = 0;
  let tooLarge = '';
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(f) {
        const name = f.name.replace(/\\/g, '/').replace(/^\//, '');
        if (!WANTED.has(name) && !WANTED.has(name.toLowerCase()) && !extra(name)) return false;
        total += f.originalSize;
        if (total > limits.maxInflated) {
          tooLarge ||= name;
          return false;
        }
        return true;
      },
    });
  } catch (err) {
    throw new DocxError('corrupt', (err as Error).message);
  }
  if (tooLarge) throw new DocxError('tooLarge', tooLarge);
  // keyed by lower-case name: OPC part names compare case-insensitively
  const parts = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) parts.set(name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase(), data);
  return parts;
}
