/** Hover on a flagged range: the rule's title, why it matters, its basis (quoted only where a text may be quoted), the page. */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { BASIS, ruleById, ruleText, ui } from '../../rules/index.js';
import type { CheckedDocument } from '../documents.js';
import { locatedRange, rangeContains } from '../positions.js';
import { rulePageUri } from '../rulePages.js';

export function hover(checked: CheckedDocument, position: Position): Hover | null {
  const lang = checked.language;
  const hits = checked.result.findings.filter((f) => rangeContains(locatedRange(f), position));
  if (!hits.length) return null;
  const parts: string[] = [];
  const seen = new Set<string>();
  // several findings under the cursor often rest on the same text: quote it once
  const quoted = new Set<string>();
  for (const f of hits) {
    if (seen.has(f.ruleId + f.message)) continue;
    seen.add(f.ruleId + f.message);
    const text = ruleText(lang, f.ruleId);
    const lines = [`**${text?.title ?? f.ruleId}** \`${f.ruleId}\``, '', f.message];
    if (text?.why) lines.push('', text.why);
    for (const key of ruleById(f.ruleId)?.meta.basis ?? []) {
      const b = BASIS[key];
      if (!b) continue;
      lines.push('', `${ui(lang, 'basis')}：${b.name}`);
      if (b.quote && !quoted.has(key)) lines.push('', `> ${b.quote}`);
      quoted.add(key);
    }
    lines.push('', `[${ui(lang, 'docsLink')}](${rulePageUri(f.ruleId)})`);
    parts.push(lines.join('\n'));
  }
  const first = locatedRange(hits[0]);
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: first };
}
