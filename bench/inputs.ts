/**
 * The bench's inputs, made at run time from the shared corpus (never copied into the repository), in one place so
 * the bench and the tests that compare a faster path with the old one read the same documents.
 *
 * Large inputs are corpus reports one after another, each copy with its digits and some words varied: plain
 * concatenation would let the per-line caches hit inside a "cold" check (every copy's lines already seen) and
 * flatter it. A copy keeps the shape of a real report (title, sections, figures, plans), so every rule has work.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

export interface Input {
  name: string;
  text: string;
}

/** The corpus reports (../shared/corpus beside the checkout), sorted by name. */
export function corpusReports(dir: string): Input[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8') }));
}

/** Word pairs of the same sense in a report; which are swapped depends on the copy and the line. */
const SWAPS: readonly (readonly [string, string])[] = [
  ['加强', '强化'],
  ['开展', '推进'],
  ['进一步', '持续'],
  ['全面', '全力'],
  ['积极', '主动'],
  ['深入', '扎实'],
  ['完善', '健全'],
  ['提升', '提高'],
  ['工作', '事务'],
  ['依法', '按法'],
];

/**
 * Copy number `copy` of a report: every digit moved by the copy number (mod 10), years (19xx, 20xx) aside, and on each line the word pairs
 * whose bit is set in (copy / 10 + line) swapped. Copy 0 is the report itself. Lines differ across copies wherever
 * they hold a digit or one of the words, as edited drafts of the same kind of report do.
 */
export function varyCopy(text: string, copy: number): string {
  if (copy === 0) return text;
  const shift = copy % 10;
  const bits = Math.floor(copy / 10);
  return text
    .split('\n')
    .map((line, i) => {
      // years stay (a report's year decides its rules and which file is last year's): other figures move
      let out = shift ? line.replace(/[0-9]+/g, (n) => (/^(?:19|20)\d\d$/.test(n) ? n : n.replace(/[0-9]/g, (d) => String((Number(d) + shift) % 10)))) : line;
      const mask = bits + i;
      SWAPS.forEach(([a, b], k) => {
        if ((mask >> k) & 1 && out.includes(a)) out = out.split(a).join(b);
      });
      return out;
    })
    .join('\n');
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** Varied copies of the reports, one after another (blank line between), until `targetBytes` of UTF-8. */
export function generatedDocument(reports: readonly Input[], targetBytes: number): string {
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i++) {
    const part = varyCopy(reports[i % reports.length].text, Math.floor(i / reports.length));
    parts.push(part);
    bytes += utf8(part) + 2;
  }
  return parts.join('\n\n');
}

/** `count` distinct reports (varied copies of the corpus), e.g. the documents an editor has open or a CLI batch. */
export function distinctReports(reports: readonly Input[], count: number): Input[] {
  return Array.from({ length: count }, (_, i) => {
    const r = reports[i % reports.length];
    return { name: `${i}-${r.name}`, text: varyCopy(r.text, Math.floor(i / reports.length) + 1) };
  });
}

/** The sizes of the growth rows (MB); the exponent is fitted over the sizes from 1 MB up. */
export const GROWTH_MB = [0.5, 1, 2, 5] as const;
export const GROWTH_MB_QUICK = [1, 4] as const;
