/**
 * Workspace files read for the language server in VS Code for the Web (fazhiLint/readFile; the server in a Web
 * Worker has no file system): through `vscode.workspace.fs`, only files inside a workspace folder and no larger than
 * READ_FILE_MAX_BYTES. Anything else is refused with the reason, which the server says in the user's language.
 */
import * as vscode from 'vscode';
import { READ_FILE_MAX_BYTES, bytesToBase64, type DocumentParams, type ReadFileResult } from './protocol.js';

export async function readWorkspaceFile(params: DocumentParams): Promise<ReadFileResult> {
  const outside: ReadFileResult = { ok: false, reason: 'outside' };
  const uri: unknown = params?.uri;
  if (typeof uri !== 'string') return outside;
  let target: vscode.Uri;
  try {
    target = vscode.Uri.parse(uri, true);
  } catch {
    return outside;
  }
  // `.` and `..` (also written %2E) would leave the folder a prefix test puts the URI in
  if (target.path.split('/').some((s) => s === '.' || s === '..')) return outside;
  if (!vscode.workspace.getWorkspaceFolder(target)) return outside;
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(target);
  } catch (err) {
    return notRead(err);
  }
  if (stat.type & vscode.FileType.Directory) return { ok: false, reason: 'notRegular', kind: 'directory' };
  if (!(stat.type & vscode.FileType.File)) return { ok: false, reason: 'notRegular', kind: 'special file' };
  if (stat.size > READ_FILE_MAX_BYTES) return { ok: false, reason: 'tooLarge', limit: READ_FILE_MAX_BYTES };
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(target);
  } catch (err) {
    return notRead(err);
  }
  // it grew between the two calls
  if (bytes.length > READ_FILE_MAX_BYTES) return { ok: false, reason: 'tooLarge', limit: READ_FILE_MAX_BYTES };
  return { ok: true, base64: bytesToBase64(bytes) };
}

function notRead(err: unknown): ReadFileResult {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'FileNotFound' || code === 'EntryNotFound') return { ok: false, reason: 'notFound' };
  return { ok: false, reason: 'unreadable', code: typeof code === 'string' && code ? code : 'Unknown' };
}
