/**
 * A draft the editor opened with the wrong encoding: a GBK/GB18030 `.txt` read as UTF-8 shows replacement
 * characters (U+FFFD) where its Chinese was. Checking that text would report noise, or nothing (it no longer reads
 * as a report); instead the document gets one diagnostic, with an action to reopen it in the encoding its bytes
 * are in. Which encoding that is, Node decides from the file (server/encodingCheck.ts).
 */
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { ui, type Language } from '../../rules/index.js';
import { REOPEN_WITH_ENCODING_COMMAND } from '../../protocol/index.js';
import { SOURCE } from './diagnostics.js';

export const WRONG_ENCODING_CODE = 'wrong-encoding';

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
