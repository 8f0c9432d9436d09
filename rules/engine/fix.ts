/** Text edits applied in one place for the CLI, the server and the tests: sorted, never overlapping. */
import type { TextEdit } from './rule.js';

function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return false; // two insertions at one point keep their order
  return a.start < b.end && b.start < a.end || (a.start === a.end && a.start > b.start && a.start < b.end) || (b.start === b.end && b.start > a.start && b.start < a.end);
}

/** Apply edits that do not overlap each other. Throws if they do: callers choose which edits to keep. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((x, y) => x.e.start - y.e.start || x.e.end - y.e.end || x.i - y.i)
    .map((x) => x.e);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) throw new RangeError(`overlapping or out-of-range edit at ${e.start}-${e.end}`);
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

export interface FixCandidate {
  edits: readonly TextEdit[];
}

/**
 * Pick the fixes that can be applied together: in order, each fix whose edits overlap none already taken.
 * Identical fixes (one whole-file fix offered on several findings) are taken once.
 */
export function compatibleFixes<T extends FixCandidate>(fixes: readonly T[]): T[] {
  const taken: TextEdit[] = [];
  const seen = new Set<string>();
  const out: T[] = [];
  for (const f of fixes) {
    const key = JSON.stringify(f.edits);
    if (seen.has(key)) continue;
    if (f.edits.some((e) => taken.some((t) => conflicts(e, t)))) continue;
    seen.add(key);
    taken.push(...f.edits);
    out.push(f);
  }
  return out;
}

export function applyFixesToText<T extends FixCandidate>(text: string, fixes: readonly T[]): { output: string; applied: T[] } {
  const applied = compatibleFixes(fixes);
  return { output: applyEdits(text, applied.flatMap((f) => f.edits)), applied };
}
