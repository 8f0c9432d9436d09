/**
 * Edits of a .fazhi-lint.json(c) that a person also writes by hand: an ignore added to or removed from its
 * `"ignores"`, everything else of the file (comments, order, indentation, line breaks, a BOM) kept as it is. The
 * file is read bounded like every config, edited with jsonc-parser's `modify` (a minimal text edit, not a
 * re-serialisation), the result parsed again before anything is written, and written atomically; a file that does
 * not parse is left alone and reported. Without a config file, `.fazhi-lint.json` is created beside the draft.
 */
import * as path from 'node:path';
import { applyEdits, findNodeAtLocation, getNodeValue, modify, parseTree, type FormattingOptions, type Node, type ParseError } from 'jsonc-parser';
import { sameIgnore, type IgnoreEntry } from '../rules/index.js';
import { writeFileAtomic, writeOutputFile } from './host.js';
import { MAX_CONFIG_BYTES, insideRoots, readRegularFile, realRoot } from './read.js';

export type ConfigEditResult =
  | { ok: true; file: string; changed: boolean; created: boolean }
  | { ok: false; file: string; reason: 'unreadable' | 'syntax' | 'notObject' | 'outside' | 'writeFailed'; code?: string };

/** Where a new config file goes for a draft without one: beside it. */
export const NEW_CONFIG_NAME = '.fazhi-lint.json';

/** The entry's `file` as the config file writes it: relative to the config file's directory, with / separators. */
export function relativeToConfig(configFile: string, draft: string): string {
  return path.relative(path.dirname(configFile), draft).split(path.sep).join('/');
}

/**
 * Add an ignore for `draft` to `configFile` (the draft's nearest config file), or to a new `.fazhi-lint.json`
 * beside the draft when there is none. An entry already there is not added twice. `roots`, when given, bound
 * where a file may be read or written.
 */
export function addIgnore(draft: string, configFile: string | undefined, entry: Omit<IgnoreEntry, 'file'>, roots?: readonly string[]): ConfigEditResult {
  const target = configFile ?? path.join(path.dirname(draft), NEW_CONFIG_NAME);
  const full: IgnoreEntry = { rule: entry.rule, file: relativeToConfig(target, draft), sentence: entry.sentence, ...(entry.text ? { text: entry.text } : {}) };
  return editConfig(target, roots, (text, root, fmt) => {
    const list = findNodeAtLocation(root, ['ignores']);
    if (list?.type === 'array' && (list.children ?? []).some((n) => isSame(n, full))) return undefined;
    const edits = list?.type === 'array' ? modify(text, ['ignores', -1], full, { formattingOptions: fmt, isArrayInsertion: true }) : modify(text, ['ignores'], [full], { formattingOptions: fmt });
    return edits;
  }, () => JSON.stringify({ ignores: [full] }, null, 2) + '\n');
}

/** Remove an ignore (as its config file writes it) from that file; one no longer there changes nothing. */
export function removeIgnore(configFile: string, written: IgnoreEntry, roots?: readonly string[]): ConfigEditResult {
  return editConfig(configFile, roots, (text, root, fmt) => {
    const list = findNodeAtLocation(root, ['ignores']);
    const i = list?.type === 'array' ? (list.children ?? []).findIndex((n) => isSame(n, written)) : -1;
    if (i < 0) return undefined;
    return modify(text, ['ignores', i], undefined, { formattingOptions: fmt });
  });
}

function isSame(n: Node, e: IgnoreEntry): boolean {
  const v = getNodeValue(n) as unknown;
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  if (typeof o.rule !== 'string' || typeof o.sentence !== 'string') return false;
  return sameIgnore({ rule: o.rule, sentence: o.sentence, file: typeof o.file === 'string' ? o.file : undefined, text: typeof o.text === 'string' ? o.text : undefined }, e);
}

type Edit = ReturnType<typeof modify>;

function editConfig(file: string, roots: readonly string[] | undefined, edit: (text: string, root: Node, fmt: FormattingOptions) => Edit | undefined, create?: () => string): ConfigEditResult {
  const read = readRegularFile(file, { maxBytes: MAX_CONFIG_BYTES, roots });
  if (!read.ok) {
    if (read.reason === 'outside') return { ok: false, file, reason: 'outside' };
    if (read.reason !== 'notFound' || !create) return { ok: false, file, reason: 'unreadable', code: read.code };
    if (roots && !insideRoots(realRoot(path.dirname(file)), roots)) return { ok: false, file, reason: 'outside' };
    const w = writeOutputFile(file, new TextEncoder().encode(create()));
    return w.ok ? { ok: true, file, changed: true, created: true } : { ok: false, file, reason: 'writeFailed', code: w.code };
  }
  const raw = new TextDecoder('utf-8').decode(read.bytes);
  const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = raw.slice(bom.length);
  const root = parse(text);
  if (root === 'syntax') return { ok: false, file, reason: 'syntax' };
  if (!root || root.type !== 'object') return { ok: false, file, reason: 'notObject' };
  const edits = edit(text, root, formattingOf(text));
  if (!edits || !edits.length) return { ok: true, file, changed: false, created: false };
  const out = applyEdits(text, edits);
  // never write what does not parse (an edit gone wrong would break every check under this config)
  if (parse(out) === 'syntax') return { ok: false, file, reason: 'syntax' };
  const w = writeFileAtomic(read.realPath, new TextEncoder().encode(bom + out));
  return w.ok ? { ok: true, file, changed: true, created: false } : { ok: false, file, reason: 'writeFailed', code: w.code };
}

function parse(text: string): Node | undefined | 'syntax' {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  return errors.length ? 'syntax' : root;
}

/** The file's own indentation and line breaks, so an inserted entry looks like its neighbours. */
function formattingOf(text: string): FormattingOptions {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const indent = /^([ \t]+)\S/m.exec(text)?.[1];
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent ? Math.min(indent.length, 8) : 2, eol };
}
