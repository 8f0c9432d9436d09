/**
 * Workspace files read for the language server in VS Code for the Web (fazhiLint/readFile; the server in a Web
 * Worker has no file system): through `vscode.workspace.fs`, only inside a workspace folder, no file larger than
 * READ_FILE_MAX_BYTES, no more than READ_FOLDER_MAX_FILES of a folder listed. Anything else is refused with the
 * reason, which the server says in the user's language.
 */
import * as vscode from 'vscode';
import { READ_FILE_MAX_BYTES, READ_FOLDER_MAX_FILES, bytesToBase64, type FolderFile, type ReadFileParams, type ReadFileResult } from './protocol.js';

export async function readWorkspaceFile(params: ReadFileParams): Promise<ReadFileResult> {
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
  if (params.list) return stat.type & vscode.FileType.Directory ? listFolder(target, params.list.extensions) : { ok: false, reason: 'notRegular', kind: 'file' };
  if (stat.type & vscode.FileType.Directory) return { ok: false, reason: 'notRegular', kind: 'directory' };
  if (!(stat.type & vscode.FileType.File)) return { ok: false, reason: 'notRegular', kind: 'special file' };
  if (stat.size > READ_FILE_MAX_BYTES) return { ok: false, reason: 'tooLarge', size: stat.size, limit: READ_FILE_MAX_BYTES };
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(target);
  } catch (err) {
    return notRead(err);
  }
  // it grew between the two calls
  if (bytes.length > READ_FILE_MAX_BYTES) return { ok: false, reason: 'tooLarge', size: bytes.length, limit: READ_FILE_MAX_BYTES };
  return { ok: true, base64: bytesToBase64(bytes) };
}

function notRead(err: unknown): ReadFileResult {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'FileNotFound' || code === 'EntryNotFound') return { ok: false, reason: 'notFound' };
  return { ok: false, reason: 'unreadable', code: typeof code === 'string' && code ? code : 'Unknown' };
}

/** A folder's files with one of the extensions (links to files too), by name, each with its size and time. */
async function listFolder(folder: vscode.Uri, extensions: unknown): Promise<ReadFileResult> {
  const wanted = new Set(Array.isArray(extensions) ? extensions.filter((e): e is string => typeof e === 'string').map((e) => e.toLowerCase()) : []);
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch (err) {
    return notRead(err);
  }
  const names = entries
    .filter(([name, type]) => type & vscode.FileType.File && wanted.has(name.slice(name.lastIndexOf('.')).toLowerCase()))
    .map(([name]) => name)
    .sort()
    .slice(0, READ_FOLDER_MAX_FILES);
  const files: FolderFile[] = [];
  for (const name of names) {
    try {
      const st = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, name));
      files.push({ name, size: st.size, mtime: st.mtime });
    } catch {
      // gone meanwhile
    }
  }
  return { ok: true, files };
}
