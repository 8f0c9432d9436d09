import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compatibleFixes, type TextEdit } from '../../rules/index.js';
import { cpuMs } from '../helpers/cpu-time.js';

/** The quadratic selection compatibleFixes replaced: the reference its sorted version must agree with. */
function reference<T extends { edits: readonly TextEdit[] }>(fixes: readonly T[]): T[] {
  const conflicts = (a: TextEdit, b: TextEdit) => {
    if (a.start === a.end && b.start === b.end) return a.start === b.start;
    return (a.start < b.end && b.start < a.end) || (a.start === a.end && a.start > b.start && a.start < b.end) || (b.start === b.end && b.start > a.start && b.start < a.end);
  };
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

const edit = fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 4 }), fc.constantFrom('', 'x')).map(([start, len, newText]) => ({ start, end: start + len, newText }));
/** a fix's own edits never overlap (applyEdits would refuse them): pick them from disjoint slots */
const fix = fc.uniqueArray(fc.nat({ max: 9 }), { maxLength: 3 }).chain((slots) =>
  fc.tuple(...slots.map((s) => fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 2 })).map(([o, len]) => ({ start: s * 5 + o, end: s * 5 + o + len, newText: 'y' })))).map((edits) => ({ edits })),
);

describe('compatibleFixes', () => {
  it('picks exactly what the quadratic reference picks', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fix, edit.map((e) => ({ edits: [e] }))), { maxLength: 40 }), (fixes) => {
        expect(compatibleFixes(fixes)).toEqual(reference(fixes));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('stays fast with thousands of fixes', () => {
    const fixes = Array.from({ length: 20_000 }, (_, i) => ({ edits: [{ start: i * 2, end: i * 2 + 3, newText: '' }] }));
    const { ms, value } = cpuMs(() => compatibleFixes(fixes));
    expect(value).toHaveLength(10_000);
    expect(ms).toBeLessThan(2000);
  });
});
