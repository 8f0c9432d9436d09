/**
 * Where a rule's page is: the copy packaged with the extension (docs/rules/<id>.md beside dist/), so the link
 * works offline; the published page when the server runs without it.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOCS_BASE } from '../rules/index.js';

declare const __dirname: string | undefined;

/** The extension's root: dist/server.cjs lives in <root>/dist. */
function packageRoot(): string {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  return path.basename(here) === 'dist' ? path.dirname(here) : process.cwd();
}

const cache = new Map<string, string>();

export function rulePageUri(ruleId: string, root = packageRoot()): string {
  let uri = cache.get(ruleId);
  if (uri === undefined) {
    const file = path.join(root, 'docs', 'rules', `${ruleId}.md`);
    uri = existsSync(file) ? pathToFileURL(file).toString() : DOCS_BASE + ruleId + '.md';
    cache.set(ruleId, uri);
  }
  return uri;
}
