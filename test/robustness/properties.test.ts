/**
 * Properties every rule must keep on any draft, however broken: no throw, ranges inside the document, fixes that
 * apply, keep everything outside what they name, and converge (fixing twice = fixing once).
 * Fixed seeds and bounded runs so CI is deterministic; a failure prints fast-check's minimal counterexample.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { corpusTexts, generatedReport, mutatedReport } from './generators.js';
import { idempotenceProblems, keepsOutside, problemsOf } from './checks.js';

function assertDraft(text: string): void {
  expect(problemsOf(text)).toEqual([]);
}

/** the longest mutated draft this file checks (characters) */
const MUTATED_MAX = 8000;
const params = (seed: number, numRuns: number) => ({ seed, numRuns, endOnFailure: false });

describe('robustness properties', () => {
  it('hold on every corpus report as it is', () => {
    for (const t of corpusTexts) assertDraft(t);
  });

  // Bounded work, so a busy machine slows it but cannot time it out: a case costs in proportion to its length
  // (whole reports and 30 000-character lines are up to 36 000 characters), so each is cut to 8 000 characters
  // and the number of cases is fixed. Whole reports at full length are fuzz.test.ts's (npm run fuzz for long runs).
  it('hold on mutated corpus reports', () => {
    fc.assert(
      fc.property(
        mutatedReport.map((t) => t.slice(0, MUTATED_MAX)),
        (t) => {
          expect(problemsOf(t)).toEqual([]);
        },
      ),
      params(20240808, 60),
    );
    // The work is bounded (60 cases of at most 8 000 characters); the timeout only guards against a hang. At load 10–11
    // on two cores this case took 34–48 s, past the 30 s default of vitest.config.ts, and failed a full npm test.
  }, 180_000);

  it('hold on drafts generated from hostile characters', () => {
    fc.assert(
      fc.property(generatedReport, (t) => {
        expect(problemsOf(t)).toEqual([]);
      }),
      params(8, 100),
    );
  });

  it('hold on edge-case documents', () => {
    const huge = corpusTexts.join('').replace(/\s+/g, '').slice(0, 60_000); // one 60 000-character line of report text
    for (const t of ['', '\n', '\r', '\r\n', '\ufeff', '\ud800', '\udc00x', '《', '》》》《', '“（【', '# ', '一、', '（一）\n（一）', huge, `一、${huge}\n（一）${'。'.repeat(1000)}`, '\u0000\u0001\u0002'])
      assertDraft(t);
  });
});

/**
 * Drafts on which fixAll once failed to converge: sections inserted inside an unclosed fence (where they never
 * count), a Markdown heading inserted at a depth that made it a sub-heading, a run of repeats halved per pass.
 */
describe('fixAll converges on hostile drafts', () => {
  it('a draft ending inside an unclosed code fence ("```")', () => {
    expect(idempotenceProblems('```')).toEqual([]);
    expect(idempotenceProblems('<!--\n')).toEqual([]);
    expect(idempotenceProblems('正文一段。\n```\n代码')).toEqual([]);
  });
  it('empty Markdown headings of mixed depths ("## \\n# ")', () => {
    expect(idempotenceProblems('## \n# ')).toEqual([]);
    expect(idempotenceProblems('### 一、工作举措\n## 二、存在问题\n# 三、其他')).toEqual([]);
  });
  it('a heading on a line an inline HTML comment runs into ("\\ud800<!--\\n-->主要负责人…")', () => {
    expect(idempotenceProblems('\ud800<!--\n-->主要负责人履行推进法治建设第一责任人职责')).toEqual([]);
  });
  it('a run of 6400 repeated characters', () => {
    expect(idempotenceProblems('长'.repeat(6400))).toEqual([]);
  });
  it('a closed fence, a short repeat', () => {
    expect(idempotenceProblems('```\n代码\n```\n')).toEqual([]);
    expect(idempotenceProblems('```\n代码\n```')).toEqual([]);
    expect(idempotenceProblems('长'.repeat(100))).toEqual([]);
  });
});

describe('keepsOutside', () => {
  it('accepts a fix that changes only what it names and refuses one that deletes elsewhere', () => {
    expect(keepsOutside('abcdef', 'abXef', [{ start: 2, end: 4 }])).toBe(true);
    expect(keepsOutside('abcdef', 'abcdefZ', [])).toBe(true);
    expect(keepsOutside('abcdef', 'acdef', [{ start: 3, end: 4 }])).toBe(false);
  });
});
