/**
 * checkFile(): the one way a file is checked, for the CLI, the workspace check and (through checkDraft) the
 * editor. The steps, in order: read (regular files only, bounded, confined) → bytes → text view (decode by
 * content) → config (include/exclude) → does it read as a report? (before any rule runs) → rules → fixes,
 * written back atomically in the file's own encoding. Every failure is a value naming the file, never a throw,
 * so one bad file is one line while the others proceed.
 */
import { ConfigError, createReport, fixAll, looksLikeReport, sizeText, ui, type Language } from '../rules/index.js';
import { decodeBytes, type TextView } from './decode.js';
import { checkDraft, draftRules, emptyDraftFinding, type DraftCheck, type DraftContext } from '../input/draft.js';
import { docxErrorMessage, type DocxError } from '../input/docx/index.js';
import { TRACKED_CHANGES_DOCS, pendingChangesFinding } from '../input/docx/pending.js';
import { writeFileAtomic } from './host.js';
import { MAX_DRAFT_BYTES, readRegularFile } from './read.js';
import { matchesConfigGlobs } from './walk.js';

/** Why a file was not checked (or not written), as data: each caller words it for its own user. */
export type FileProblem =
  | { kind: 'notFound'; code: string }
  | { kind: 'notRegular'; fileKind: string }
  | { kind: 'tooLarge'; size: number; limit: number }
  | { kind: 'outside' }
  | { kind: 'unreadable'; code: string }
  | { kind: 'binary' }
  | { kind: 'undecodable' }
  /** a Word document that cannot be read: binary .doc/.wps, encrypted, damaged, too large when inflated */
  | { kind: 'docx'; error: DocxError }
  | { kind: 'config'; error: ConfigError }
  /** --fix on a Word document: refused, the text view is not the file */
  | { kind: 'docxFix' }
  /** --fix only: the fixed text could not be written */
  | { kind: 'readOnly' }
  | { kind: 'notWritable'; encoding: string }
  | { kind: 'writeFailed'; code: string }
  /** the core failed on this file's text (a defect of fazhi-lint, never of the draft): the other files proceed */
  | { kind: 'checkFailed'; error: string };

export type FileCheck =
  | {
      kind: 'checked';
      filePath: string;
      /** the text the findings are about: the fixed text when a fix was written or previewed, else the file's */
      text: string;
      encoding: string;
      check: DraftCheck;
      /** `fixes`: how many fixes the output has applied (counted over every pass) */
      fix?: { output: string; written: boolean; changed: boolean; fixes: number; problem?: FileProblem };
    }
  /** walked files that are not drafts: another kind of file, excluded by the config, or not a report */
  | { kind: 'skipped'; filePath: string; why: 'notReport' | 'excluded' | 'binary' | 'undecodable' }
  | { kind: 'failed'; filePath: string; problem: FileProblem };

export interface FileContext extends DraftContext {
  /** include/exclude globs are relative to this directory (the config file's) */
  globBase?: string;
}

export interface CheckFileOptions {
  /** named by the user (always checked, problems reported) rather than found by walking */
  explicit: boolean;
  /** the config and language for a file; may throw ConfigError */
  contextFor(filePath: string): FileContext;
  /** reading stays inside these directories (symlinks resolved) */
  roots?: readonly string[];
  maxBytes?: number;
  /** 'write': apply every safe fix and write the file back; 'preview': compute the fixed text only */
  fix?: 'write' | 'preview';
  /** the bytes, when the caller has them already (stdin) */
  bytes?: Uint8Array;
  /** the file's view, when the caller has just read it (the CLI's previous-report finder did, to see its year) */
  view?: TextView;
}

/** A file's text view as the rules see it (what `--print-text` shows), or why it cannot be read. */
export function readView(
  filePath: string,
  options: { maxBytes?: number; roots?: readonly string[]; bytes?: Uint8Array } = {},
): { ok: true; view: TextView } | { ok: false; problem: FileProblem; skippable: boolean } {
  let bytes = options.bytes;
  if (!bytes) {
    const read = readRegularFile(filePath, { maxBytes: options.maxBytes ?? MAX_DRAFT_BYTES, roots: options.roots });
    if (!read.ok) {
      const problem: FileProblem =
        read.reason === 'notRegular'
          ? { kind: 'notRegular', fileKind: read.kind }
          : read.reason === 'tooLarge'
            ? { kind: 'tooLarge', size: read.size, limit: read.limit }
            : read.reason === 'outside'
              ? { kind: 'outside' }
              : read.reason === 'notFound'
                ? { kind: 'notFound', code: read.code }
                : { kind: 'unreadable', code: read.code };
      return { ok: false, problem, skippable: false };
    }
    bytes = read.bytes;
  }
  const view = decodeBytes(bytes, filePath);
  // a .docx found by walking is a draft too: saying why it was not read beats skipping it silently
  if (!view.ok && view.reason === 'docx') return { ok: false, problem: { kind: 'docx', error: view.error }, skippable: false };
  if (!view.ok) return { ok: false, problem: { kind: view.reason }, skippable: true };
  return { ok: true, view };
}

export function checkFile(filePath: string, options: CheckFileOptions): FileCheck {
  try {
    return checkFileOrThrow(filePath, options);
  } catch (err) {
    if (err instanceof ConfigError) return { kind: 'failed', filePath, problem: { kind: 'config', error: err } };
    return { kind: 'failed', filePath, problem: { kind: 'checkFailed', error: err instanceof Error ? err.message : String(err) } };
  }
}

function checkFileOrThrow(filePath: string, options: CheckFileOptions): FileCheck {
  const read = options.view ? { ok: true as const, view: options.view } : readView(filePath, options);
  if (!read.ok) {
    const p = read.problem;
    if (read.skippable && !options.explicit && (p.kind === 'binary' || p.kind === 'undecodable')) return { kind: 'skipped', filePath, why: p.kind };
    return { kind: 'failed', filePath, problem: p };
  }
  const view = read.view;
  let ctx: FileContext;
  try {
    ctx = options.contextFor(filePath);
  } catch (err) {
    if (err instanceof ConfigError) return { kind: 'failed', filePath, problem: { kind: 'config', error: err } };
    throw err;
  }
  if (!options.explicit && ctx.globBase !== undefined && !matchesConfigGlobs(filePath, ctx.globBase, ctx.config.include, ctx.config.exclude)) {
    return { kind: 'skipped', filePath, why: 'excluded' };
  }
  const draft = { ...ctx, filePath };
  const checked = checkDraft(view.text, draft, !options.explicit);
  if (!checked.readsAsReport && !options.explicit) return { kind: 'skipped', filePath, why: 'notReport' };
  if (view.docx?.pendingChanges) checked.result.findings.unshift(pendingChangesFinding(ctx.language));
  const out: FileCheck & { kind: 'checked' } = { kind: 'checked', filePath, text: view.text, encoding: view.encoding, check: checked };
  if (!options.fix) return out;
  if (view.docx) {
    out.fix = { output: view.text, written: false, changed: false, fixes: 0, problem: { kind: 'docxFix' } };
    return out;
  }

  const fix = fixView(view, ctx, filePath, options.fix);
  out.fix = fix;
  if (!fix.changed || fix.problem) return out;
  out.text = fix.output;
  out.check = checkDraft(fix.output, draft, false);
  return out;
}

/**
 * Every safe fix of a text view, written back (atomically, in the file's own encoding) with 'write'. With the rules
 * the check ran: a document that declares another kind gets no report's sections, title or signature inserted.
 */
function fixView(view: TextView, ctx: FileContext, filePath: string, mode: 'write' | 'preview'): NonNullable<(FileCheck & { kind: 'checked' })['fix']> {
  const rules = draftRules(createReport(view.text, filePath), ctx.rules);
  const fixed = fixAll(view.text, { config: ctx.config, language: ctx.language, filePath, rules });
  const changed = fixed.output !== view.text;
  const fix: NonNullable<(FileCheck & { kind: 'checked' })['fix']> = { output: fixed.output, written: false, changed, fixes: changed ? fixed.fixed : 0 };
  if (!changed || mode === 'preview') return fix;
  const encoded = view.encode(fixed.output);
  if (!encoded.ok) {
    // nothing written: the findings stay those of the file as it is
    fix.problem = { kind: 'notWritable', encoding: view.encoding };
    return fix;
  }
  const w = writeFileAtomic(filePath, encoded.bytes);
  if (!w.ok) {
    fix.problem = w.reason === 'readOnly' ? { kind: 'readOnly' } : { kind: 'writeFailed', code: w.code };
    return fix;
  }
  fix.written = true;
  return fix;
}

/**
 * --fix, first of two passes (cli/main.ts): every file the run checks gets its fixes written before any file is
 * checked, so a draft paired with last year's report among the same files reads that report as the run leaves
 * it, whatever the order (or the thread) the files are checked in. The same steps as checkFile up to the rules —
 * read, config, include/exclude, reads as a report (a walked file) — then the fixes; no rule reads last year's
 * report here. Undefined: nothing to fix (checkFile says why when it checks the file).
 */
export function fixFile(filePath: string, options: Omit<CheckFileOptions, 'fix' | 'bytes'>): NonNullable<(FileCheck & { kind: 'checked' })['fix']> | undefined {
  try {
    const read = readView(filePath, options);
    if (!read.ok) return undefined;
    const view = read.view;
    const ctx = { ...options.contextFor(filePath), previous: null };
    if (!options.explicit && ctx.globBase !== undefined && !matchesConfigGlobs(filePath, ctx.globBase, ctx.config.include, ctx.config.exclude)) return undefined;
    if (!options.explicit && !looksLikeReport(createReport(view.text, filePath))) return undefined;
    if (view.docx) return { output: view.text, written: false, changed: false, fixes: 0, problem: { kind: 'docxFix' } };
    return fixView(view, ctx, filePath, 'write');
  } catch {
    // a config error or a failure of the core: checkFile meets it again and reports it
    return undefined;
  }
}

/** The tracked-changes finding is the input's (input/docx/pending.ts); re-exported for the callers of checkFile. */
export { TRACKED_CHANGES_DOCS, pendingChangesFinding };
/** Text → reads as a report? → rules, with no file system (input/draft.ts): re-exported for node/'s callers. */
export { checkDraft, emptyDraftFinding, EMPTY_FILE_DOCS, type DraftCheck, type DraftContext } from '../input/draft.js';

const mb = sizeText;

/** One line for a file's problem, in the user's language (the CLI prints it, the server logs or shows it). */
export function problemText(lang: Language, file: string, p: FileProblem): string {
  switch (p.kind) {
    case 'notFound':
      // a dangling link or a file gone meanwhile: the system's code, as for any read error
      return ui(lang, 'unreadable', { file, reason: p.code });
    case 'notRegular':
      return ui(lang, 'notRegular', { file, kind: p.fileKind });
    case 'tooLarge':
      return ui(lang, 'tooLarge', { file, size: mb(p.size), limit: mb(p.limit) });
    case 'outside':
      return ui(lang, 'outsideWorkspace', { file });
    case 'unreadable':
      return ui(lang, 'unreadable', { file, reason: p.code });
    case 'binary':
      return ui(lang, 'binaryFile', { file });
    case 'undecodable':
      return ui(lang, 'undecodable', { file });
    case 'docx': {
      const m = docxErrorMessage(p.error, file);
      return ui(lang, m.key, m.data);
    }
    case 'docxFix':
      return ui(lang, 'docx_fixRefused', { file });
    case 'config':
      return ui(lang, 'configError', { file: p.error.file, line: p.error.line, column: p.error.column, message: p.error.detail });
    case 'readOnly':
      return ui(lang, 'readOnly', { file });
    case 'notWritable':
      return ui(lang, 'notWritable', { file, encoding: p.encoding });
    case 'writeFailed':
      return ui(lang, 'writeFailed', { file, reason: p.code });
    case 'checkFailed':
      return ui(lang, 'checkFailed', { file, error: p.error });
  }
}
