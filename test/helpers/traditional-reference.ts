/**
 * traditional-characters' simplifyEdits as it was before its kept text was sliced whole (a string per character),
 * kept to show the new code makes the same edits on every block.
 */
import type { Report } from '../../rules/model/report.js';
import type { Block } from '../../rules/model/parse.js';
import type { TextEdit } from '../../rules/engine/rule.js';
import { findPinyinDebris, toSimplified } from '../../rules/model/normalize.js';
import { isCjkCode } from '../../rules/model/text.js';

export function referenceSimplifyEdits(report: Report, b: Block): TextEdit[] {
  const src = report.source;
  const debris = findPinyinDebris(src, b.start, b.end);
  let kept = '';
  const map: number[] = [];
  let d = 0;
  for (let i = b.start; i < b.end; i++) {
    if (d < debris.length && i === debris[d].start) {
      i = debris[d++].end - 1;
      continue;
    }
    kept += src[i];
    map.push(i);
  }
  let conv = toSimplified(kept);
  if (conv.length !== kept.length) {
    // a phrase changed length: convert character by character so every edit stays on its own character
    conv = Array.from(kept, (ch) => {
      const c = toSimplified(ch);
      return c.length === ch.length ? c : ch;
    }).join('');
  }
  const edits: TextEdit[] = [];
  for (let i = 0; i < kept.length; i++) {
    if (conv[i] === kept[i] || !isCjkCode(kept.charCodeAt(i))) continue;
    const last = edits[edits.length - 1];
    // runs that touch in the source become one edit; a debris bracket in between splits them
    if (last && last.end === map[i]) {
      last.end++;
      last.newText += conv[i];
    } else edits.push({ start: map[i], end: map[i] + 1, newText: conv[i] });
  }
  return edits;
}
