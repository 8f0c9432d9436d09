/**
 * Where a rule's page is, for diagnostics' links, hovers and the rule list. The platform decides (server/platform.ts):
 * on Node the copy packaged with the extension (docs/rules/<id>.md beside dist/), so the link works offline; the
 * published page when the server runs without it, and in the browser, where the server reads no file.
 */
import { DOCS_BASE } from '../rules/index.js';

export type RulePageResolver = (ruleId: string) => string;

export const publishedRulePage: RulePageResolver = (ruleId) => DOCS_BASE + ruleId + '.md';

let resolve: RulePageResolver = publishedRulePage;
const cache = new Map<string, string>();

/** The platform's way to the pages (Node: the packaged copies when present). */
export function useRulePages(resolver: RulePageResolver): void {
  resolve = resolver;
  cache.clear();
}

export function rulePageUri(ruleId: string): string {
  let uri = cache.get(ruleId);
  if (uri === undefined) cache.set(ruleId, (uri = resolve(ruleId)));
  return uri;
}
