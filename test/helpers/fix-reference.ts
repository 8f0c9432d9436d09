/**
 * What the engine's fix check counted before it was made cheaper (issue 17): broken characters by a replace that
 * built the string without them, and unmatched brackets with a Map per line. Kept to show the new code counts the same.
 */
import { withoutBrokenCharacters } from '../../rules/model/text.js';

export const referenceBroken = (s: string) => s.length - withoutBrokenCharacters(s).length;

const PAIRS: [string, string][] = [
  ['【', '】'], ['（(', '）)'], ['［[', '］]'], ['《', '》'], ['〈', '〉'], ['“', '”'], ['‘', '’'], ['「', '」'], ['『', '』'], ['〔', '〕'], ['〖', '〗'], ['｛{', '｝}'],
];
const KIND = new Map<number, number>();
const OPENER_OF = new Map<number, number>();
PAIRS.forEach(([openers, closers], kind) => {
  for (const ch of openers) KIND.set(ch.charCodeAt(0), kind);
  for (const ch of closers) OPENER_OF.set(ch.charCodeAt(0), kind);
});

export function referenceUnmatchedBrackets(text: string): number {
  let count = 0;
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    const depth = new Map<number, number>();
    for (let j = lineStart; j < i; j++) {
      const code = text.charCodeAt(j);
      const k = KIND.get(code);
      if (k !== undefined) depth.set(k, (depth.get(k) ?? 0) + 1);
      else {
        const ck = OPENER_OF.get(code);
        if (ck === undefined) continue;
        const d = depth.get(ck) ?? 0;
        if (d > 0) depth.set(ck, d - 1);
        else count++;
      }
    }
    for (const d of depth.values()) count += d;
    lineStart = i + 1;
  }
  return count;
}
