/**
 * Properties every rule must keep on any draft, however broken: no throw, ranges inside the document, fixes that
 * apply, keep everything outside what they name, and converge (fixing twice = fixing once).
 * Fixed seeds and bounded runs so CI is deterministic; a failure prints fast-check's minimal counterexample.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allRules, applyEdits, check, createReport, defaultConfig, fixAll, type Finding } from '../../rules/index.js';
import type { Range } from '../../rules/model/text.js';
import { corpusTexts, generatedReport, mutatedReport } from './generators.js';

/** every rule on, including the ones off by default */
const allOn = defaultConfig(allRules, true);

function inside(r: Range, n: number): boolean {
  return Number.isInteger(r.start) && Number.isInteger(r.end) && 0 <= r.start && r.start <= r.end && r.end <= n;
}

/** The rules' own output, before the engine clamps it: no throw, every range and edit inside the text. */
function rawProblems(text: string): string[] {
  const problems: string[] = [];
  const report = createReport(text);
  for (const rule of allRules) {
    let raw;
    try {
      raw = rule.check(report, allOn.rules[rule.meta.id].options);
    } catch (err) {
      problems.push(`${rule.meta.id} threw: ${(err as Error)?.stack ?? err}`);
      continue;
    }
    for (const f of raw) {
      if (!inside(f, text.length)) problems.push(`${rule.meta.id}/${f.messageId}: range ${f.start}-${f.end} outside 0-${text.length}`);
      for (const r of f.related ?? []) if (!inside(r, text.length)) problems.push(`${rule.meta.id}/${f.messageId}: related ${r.start}-${r.end} outside`);
      for (const fx of f.fixes ?? [])
        for (const e of fx.edits) if (!inside(e, text.length)) problems.push(`${rule.meta.id}/${fx.messageId}: edit ${e.start}-${e.end} outside`);
    }
  }
  return problems;
}

/** Is every character of `original` outside the named ranges still in `output`, in order? */
export function keepsOutside(original: string, output: string, named: readonly Range[]): boolean {
  let j = 0;
  for (let i = 0; i < original.length; i++) {
    if (named.some((r) => i >= r.start && i < r.end)) continue;
    const c = original.charCodeAt(i);
    while (j < output.length && output.charCodeAt(j) !== c) j++;
    if (j === output.length) return false;
    j++;
  }
  return true;
}

function fixProblems(text: string, findings: readonly Finding[]): string[] {
  const problems: string[] = [];
  for (const f of findings) {
    for (const fx of f.fixes) {
      let out: string;
      try {
        out = applyEdits(text, fx.edits);
      } catch (err) {
        problems.push(`${f.ruleId}/${fx.messageId} at ${f.line}:${f.column}: fix does not apply: ${(err as Error).message}`);
        continue;
      }
      // what a fix may remove or replace: the finding's range and the places it names as related
      const named = [f, ...f.related];
      if (!keepsOutside(text, out, named)) {
        const lost = fx.edits.filter((e) => e.end > e.start && !named.some((r) => e.start >= r.start && e.end <= r.end));
        problems.push(`${f.ruleId}/${fx.messageId} at ${f.line}:${f.column} [${f.start},${f.end}) edits outside it: ${JSON.stringify(lost)}`);
      }
    }
  }
  return problems;
}

function assertDraft(text: string): void {
  const raw = rawProblems(text);
  expect(raw, 'rule output').toEqual([]);
  const { findings } = check(text, { config: allOn });
  expect(findings.filter((f) => f.messageId === 'ruleError').map((f) => f.message), 'ruleError findings').toEqual([]);
  for (const f of findings) expect(inside(f, text.length), `${f.ruleId} range`).toBe(true);
  expect(fixProblems(text, findings), 'fixes').toEqual([]);
  const once = fixAll(text, { config: allOn }).output;
  const twice = fixAll(once, { config: allOn }).output;
  expect(twice === once, 'fixAll(fixAll(x)) === fixAll(x)').toBe(true);
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
