/**
 * The files a check names (last year's report, for the checklist's jumps and a finding's related places) as the
 * client's URIs: on Node they are paths (a file: URL is made), in the browser the server's files are the client's
 * URIs already (server/browserPrevious.ts) and stay as they are — node:url is never reached there.
 */
import { pathToFileURL } from 'node:url';

/** `scheme:` of two letters or more: a URI (a Windows path's drive letter is one). */
const URI = /^[a-z][a-z0-9+.-]+:/i;

export function uriOfFile(file: string): string {
  return URI.test(file) ? file : pathToFileURL(file).toString();
}

/** The file's own name, as the checklist shows it. */
export function nameOfFile(file: string): string {
  const last = file.replace(/[\\/]+$/, '').split(URI.test(file) ? '/' : /[\\/]/).pop() ?? file;
  if (!URI.test(file)) return last;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
