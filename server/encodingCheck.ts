/**
 * Whether the editor decoded a document's file wrongly (features/encoding.ts says what then): its text has
 * replacement characters while the file's bytes decode cleanly, by node/'s content-based decoder (the CLI's), in an
 * encoding the editor can reopen with. The file is read bounded and inside the workspace, once per change on disk.
 */
import { statSync } from 'node:fs';
import { MAX_DRAFT_BYTES, decodeBytes, readRegularFile } from '../node/index.js';
import { filePathOf } from './previous.js';

/** Encodings the editor reads as something else (UTF-8 is what it tries; a BOM it always honours). */
const REOPENABLE = new Set(['gb18030']);

/** Replacement characters enough to say the text did not decode (one may be in the file itself). */
const MIN_REPLACEMENTS = 3;

export class EncodingCheck {
  /** per file: its size and mtime when read, and the encoding found (null: no other encoding explains it) */
  private readonly cache = new Map<string, { size: number; mtimeMs: number; encoding: string | null }>();

  constructor(private readonly roots: () => readonly string[]) {}

  /** The encoding the document's file is really in, when the editor's text shows it was decoded wrongly. */
  wrongEncoding(uri: string, text: string): string | undefined {
    if (!hasReplacements(text)) return undefined;
    const file = filePathOf(uri);
    if (!file) return undefined;
    let st;
    try {
      st = statSync(file);
    } catch {
      return undefined;
    }
    const hit = this.cache.get(file);
    if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs) return hit.encoding ?? undefined;
    const roots = this.roots();
    const read = readRegularFile(file, { maxBytes: MAX_DRAFT_BYTES, roots: roots.length ? roots : undefined });
    let encoding: string | null = null;
    if (read.ok) {
      const view = decodeBytes(read.bytes, file);
      // the bytes decode cleanly in an encoding the editor can reopen with, and that text has no replacements
      if (view.ok && REOPENABLE.has(view.encoding) && !hasReplacements(view.text)) encoding = view.encoding;
    }
    if (this.cache.size > 1000) this.cache.clear();
    this.cache.set(file, { size: st.size, mtimeMs: st.mtimeMs, encoding });
    return encoding ?? undefined;
  }

  forget(uri: string): void {
    const file = filePathOf(uri);
    if (file) this.cache.delete(file);
  }
}

function hasReplacements(text: string): boolean {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) if (++n >= MIN_REPLACEMENTS) return true;
  return false;
}
