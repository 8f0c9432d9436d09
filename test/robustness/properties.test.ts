/**
 * Properties every rule must keep on any draft, however broken: no throw, ranges inside the document, fixes that
 * apply, keep everything outside what they name, and converge (fixing twice = fixing once).
 * Fixed seeds and bounded runs so CI is deterministic; a failure prints fast-check's minimal counterexample.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { corpusTexts, generatedReport, mutatedReport } from './generators.js';
import { keepsOutside, problemsOf } from './checks.js';

function assertDraft(text: string): void {
  expect(problemsOf(text)).toEqual([]);
}

const params = (seed: number, numRuns: number) => ({ seed, numRuns, endOnFailure: false });

describe('robustness properties', () => {
  it('hold on every corpus report as it is', () => {
    for (const t of corpusTexts) assertDraft(t);
  });

  it('hold on mutated corpus reports', () => {
    fc.assert(
      fc.property(mutatedReport, (t) => assertDraft(t)),
      params(20240808, 80),
    );
  });

  it('hold on drafts generated from hostile characters', () => {
    fc.assert(
      fc.property(generatedReport, (t) => assertDraft(t)),
      params(8, 100),
    );
  });

  it('hold on edge-case documents', () => {
    const huge = '长'.repeat(200_000);
    for (const t of ['', '\n', '\r', '\r\n', '\ufeff', '\ud800', '\udc00x', '《', '》》》《', '“（【', '# ', '一、', '（一）\n（一）', huge, `一、${huge}\n（一）${'。'.repeat(1000)}`, '\u0000\u0001\u0002'])
      assertDraft(t);
  });
});

describe('keepsOutside', () => {
  it('accepts a fix that changes only what it names and refuses one that deletes elsewhere', () => {
    expect(keepsOutside('abcdef', 'abXef', [{ start: 2, end: 4 }])).toBe(true);
    expect(keepsOutside('abcdef', 'abcdefZ', [])).toBe(true);
    expect(keepsOutside('abcdef', 'acdef', [{ start: 3, end: 4 }])).toBe(false);
  });
});
