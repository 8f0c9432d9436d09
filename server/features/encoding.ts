/**
 * A draft the editor opened with the wrong encoding: a GBK/GB18030 `.txt` read as UTF-8 shows replacement
 * characters (U+FFFD) where its Chinese was. Checking that text would report noise, or nothing (it no longer reads
 * as a report); instead the document gets one diagnostic, with an action to reopen it in the encoding its bytes
 * are in — decided by node/'s content-based decoder, the CLI's, reading the file bounded and inside the workspace.
 */
import { statSync } from 'node:fs';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { ui, type Language } from '../../rules/index.js';
import { MAX_DRAFT_BYTES, decodeBytes, readRegularFile } from '../../node/index.js';
import { REOPEN_WITH_ENCODING_COMMAND } from '../../protocol/index.js';
import { SOURCE } from './diagnostics.js';
import { filePathOf } from '../previous.js';

export const WRONG_ENCODING_CODE = 'wrong-encoding';

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

const LABEL: Record<string, string> = { gb18030: 'GB18030' };

/** The one diagnostic of a wrongly decoded document, on its first line. */
export function wrongEncodingDiagnostic(encoding: string, lang: Language): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    code: WRONG_ENCODING_CODE,
    message: ui(lang, 'wrongEncoding', { encoding: LABEL[encoding] ?? encoding }),
  };
}

/** "以 GB18030 编码重新打开": a client command (reopening is the editor's business). */
export function reopenAction(uri: string, encoding: string, lang: Language, diagnostic: Diagnostic): CodeAction {
  const title = ui(lang, 'reopenWithEncoding', { encoding: LABEL[encoding] ?? encoding });
  return { title, kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics: [diagnostic], command: { title, command: REOPEN_WITH_ENCODING_COMMAND, arguments: [uri, encoding] } };
}
