/** Test helpers for the form rules: apply a finding's fix and prove it changed nothing outside its edits. */
import { expect } from 'vitest';
import { applyEdits, type Finding } from '../../rules/index.js';

/** Apply the first fix of a finding; assert every character outside the edited spans is kept in place. */
export function applyFirstFix(text: string, f: Finding): string {
  expect(f.fixes.length, `no fix on ${f.ruleId}@${f.line}`).toBeGreaterThan(0);
  const edits = [...f.fixes[0].edits].sort((a, b) => a.start - b.start);
  const out = applyEdits(text, edits);
  // walk the kept segments between edits: each must appear unchanged at its shifted position
  let shift = 0;
  let pos = 0;
  for (const e of edits) {
    expect(out.slice(pos + shift, e.start + shift)).toBe(text.slice(pos, e.start));
    shift += e.newText.length - (e.end - e.start);
    pos = e.end;
  }
  expect(out.slice(pos + shift)).toBe(text.slice(pos));
  return out;
}

/** Apply every first fix of the findings at once (they must not overlap). */
export function applyAll(text: string, findings: readonly Finding[]): string {
  return applyEdits(text, findings.flatMap((f) => f.fixes[0]?.edits ?? []));
}
