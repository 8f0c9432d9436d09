/**
 * What a careful reviewer finds in the five corpus reports (../shared/corpus/expected.json): every `must` is
 * reported on its line, no `mustNot` is. An entry is checked once one of its rules exists.
 */
import { describe, expect, test } from 'vitest';
import { check, allRules, type Finding } from '../rules/index.js';
import { corpusFiles, expected, linesOf, readCorpus, rulesOf } from './helpers/corpus.js';

const implemented = new Set(allRules.map((r) => r.meta.id));
const findingsOf = new Map<string, Finding[]>();
function findings(file: string): Finding[] {
  if (!findingsOf.has(file)) findingsOf.set(file, check(readCorpus(file), { filePath: file }).findings);
  return findingsOf.get(file)!;
}

function describeFinding(f: Finding): string {
  return `${f.ruleId}@${f.line}: ${f.message}`;
}

for (const file of corpusFiles) {
  describe(file, () => {
    const entry = expected[file];
    test('statutory sections', () => {
      const { checklist } = check(readCorpus(file), { filePath: file });
      const got: Record<string, number | null> = {};
      for (const item of Object.keys(entry.sections)) {
        const c = checklist.find((x) => x.item === item)!;
        got[item] = c.status === 'section' || c.status === 'merged' ? c.line : null;
      }
      expect(got).toEqual(entry.sections);
    });

    test('report year', () => {
      const { report } = check(readCorpus(file), { filePath: file });
      expect(report.year?.year).toBe(entry.year);
    });

    for (const [i, m] of entry.must.entries()) {
      const rules = rulesOf(m);
      const active = rules.some((r) => implemented.has(r));
      test.skipIf(!active)(`must ${i}: ${rules.join('|')}${linesOf(m) ? ' @' + linesOf(m)!.join('/') : ''} — ${m.why}`, () => {
        const lines = linesOf(m);
        const hits = findings(file).filter((f) => rules.includes(f.ruleId) && (!lines || lines.includes(f.line)));
        expect(hits.length, `missing. Findings of these rules: ${findings(file).filter((f) => rules.includes(f.ruleId)).map(describeFinding).join(' | ') || 'none'}`).toBeGreaterThan(0);
      });
    }

    for (const [i, m] of entry.mustNot.entries()) {
      const rules = rulesOf(m);
      const active = rules.some((r) => implemented.has(r));
      test.skipIf(!active)(`mustNot ${i}: ${rules.join('|')}${linesOf(m) ? ' @' + linesOf(m)!.join('/') : ''} — ${m.why}`, () => {
        const lines = linesOf(m);
        const hits = findings(file).filter((f) => rules.includes(f.ruleId) && (!lines || lines.includes(f.line)));
        expect(hits.map(describeFinding)).toEqual([]);
      });
    }
  });
}
