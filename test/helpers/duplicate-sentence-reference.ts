/**
 * duplicate-sentence's block key as it was before it was made faster (commit 190aa7d), kept verbatim so a test
 * can show the new code gives the same key and positions on every block. Not used by the checker.
 */
import type { Report } from '../../rules/model/report.js';
import type { Block } from '../../rules/model/parse.js';
import { quotedMask } from '../../rules/residue/_shared.js';

const BREAK = '\u0000';

export function referenceKeyOf(report: Report, block: Block, from: number, to: number): { key: string; at: number[] } {
  const mask = quotedMask(report);
  const { text, map } = block.norm;
  let key = '';
  const at: number[] = [];
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const isText = (code >= 0x3400 && code <= 0x9fff) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    if (mask[map[i]]) {
      if (key[key.length - 1] !== BREAK) {
        key += BREAK;
        at.push(i);
      }
    } else if (isText) {
      key += text[i];
      at.push(i);
    }
  }
  return { key, at };
}
