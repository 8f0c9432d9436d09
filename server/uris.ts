/**
 * URIs as the paths of a server without a file system (the browser, server/browserConfig.ts): the client's URI
 * strings ('/'-separated, percent-encoded as VS Code writes them), climbed, joined and resolved without node:path,
 * and bounded by the workspace folders. Nothing here reads anything.
 */

/** Where the path starts: after `scheme://authority`, or after `scheme:` for a URI without one. */
function pathStart(uri: string): number {
  const colon = uri.indexOf(':');
  if (colon < 0) return 0;
  if (uri.startsWith('//', colon + 1)) {
    const slash = uri.indexOf('/', colon + 3);
    return slash < 0 ? uri.length : slash;
  }
  return colon + 1;
}

const trimSlash = (uri: string) => uri.replace(/\/+$/, '');

/** The URI's parent (a folder's own URI has none above its path's root: itself). */
export function uriDirname(uri: string): string {
  const u = trimSlash(uri);
  const slash = u.lastIndexOf('/');
  return slash > pathStart(u) ? u.slice(0, slash) : u;
}

/** A name in a folder. */
export function uriJoin(dir: string, name: string): string {
  return `${trimSlash(dir)}/${encodeURIComponent(name)}`;
}

/**
 * A relative path as a config file writes it (`./base.json`, `..\\shared\\x.jsonc`: / or \ separated) from a folder's
 * URI: `.` and `..` resolved (never above the URI's root), each name encoded as in a URI.
 */
export function uriResolve(dir: string, rel: string): string {
  const base = trimSlash(dir);
  const start = pathStart(base);
  const head = base.slice(0, start);
  const segments = base.slice(start).split('/').filter((s) => s !== '');
  for (const part of rel.split(/[\\/]/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') segments.pop();
    else segments.push(encodeURIComponent(part));
  }
  return `${head}/${segments.join('/')}`;
}

/** The innermost workspace folder holding the URI (its URI as the client sent it), or undefined. */
export function folderOf(uri: string, folders: readonly string[]): string | undefined {
  // a query or fragment, or a `.`/`..` segment, could name something a prefix test does not see
  if (/[?#]/.test(uri) || /\/(\.|%2e){1,2}(\/|$)/i.test(uri.slice(pathStart(uri)))) return undefined;
  let best: string | undefined;
  for (const f of folders) {
    const root = trimSlash(f);
    if ((uri === root || uri.startsWith(root + '/')) && (!best || root.length > best.length)) best = root;
  }
  return best;
}
