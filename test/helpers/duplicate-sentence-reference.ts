/**
 * duplicate-sentence's block key as it was before it was made faster (commit 190aa7d), kept verbatim so a test
 * can show the new code gives the same key and positions on every block. Not used by the checker.
 */
import type { Report } from '../../rules/model/report.js';
import type { Block } from '../../rules/model/parse.js';
import { quotedMask } from '../../rules/residue/_shared.js';
import { MERGE_GAP, MIN_RUN } from '../../rules/residue/duplicate-sentence.js';

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

/**
 * duplicate-sentence's repeatedRuns as it was before its window table became typed arrays (a Map of hash → latest
 * start, and `key[i]` comparisons), kept verbatim to show the new table finds the same runs.
 */
interface RunMatch {
  i: number;
  iEnd: number;
  j: number;
  jEnd: number;
}

export function referenceRepeatedRuns(key: string): RunMatch[] {
  // polynomial rolling hash of each window; a hit is verified character by character
  const first = new Map<number, number>();
  const raw: RunMatch[] = [];
  const B = 131;
  let pow = 1;
  for (let k = 1; k < MIN_RUN; k++) pow = Math.imul(pow, B);
  const hashAt = (j: number): number => {
    let h = 0;
    for (let k = j; k < j + MIN_RUN; k++) h = (Math.imul(h, B) + key.charCodeAt(k)) | 0;
    return h;
  };
  const same = (a: number, b: number, n: number): boolean => {
    for (let k = 0; k < n; k++) if (key.charCodeAt(a + k) !== key.charCodeAt(b + k)) return false;
    return true;
  };
  let j = 0;
  let h = 0;
  let valid = false;
  let brk = key.indexOf(BREAK);
  while (j + MIN_RUN <= key.length) {
    if (brk >= 0 && brk < j) brk = key.indexOf(BREAK, j);
    if (brk >= 0 && brk < j + MIN_RUN) {
      // no window may span a quotation
      j = brk + 1;
      valid = false;
      continue;
    }
    if (!valid) {
      h = hashAt(j);
      valid = true;
    }
    const i = first.get(h);
    if (i !== undefined && i + MIN_RUN <= j && same(i, j, MIN_RUN)) {
      let len = MIN_RUN;
      while (j + len < key.length && i + len < j && key[i + len] === key[j + len] && key[j + len] !== BREAK) len++;
      raw.push({ i, iEnd: i + len, j, jEnd: j + len });
      // a later copy is compared with the nearest one before it (A … A A: the pair side by side is the leftover)
      first.set(h, j);
      j += len;
      valid = false;
      continue;
    }
    if (i === undefined) first.set(h, j);
    // roll the window one character on
    if (j + MIN_RUN < key.length) h = (Math.imul(h - Math.imul(key.charCodeAt(j), pow), B) + key.charCodeAt(j + MIN_RUN)) | 0;
    else valid = false;
    j++;
  }
  const merged: RunMatch[] = [];
  for (const m of raw) {
    const last = merged[merged.length - 1];
    if (last && m.j - last.jEnd <= MERGE_GAP && m.i >= last.iEnd && m.i - last.iEnd <= MERGE_GAP * 2 && m.iEnd <= last.j) {
      last.iEnd = m.iEnd;
      last.jEnd = m.jEnd;
    } else merged.push({ ...m });
  }
  return merged;
}
