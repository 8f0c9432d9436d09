/**
 * What a careful reviewer finds in the five corpus reports (../shared/corpus/expected.json): every `must` is
 * reported on its line, no `mustNot` is. An entry is checked once one of its rules exists.
 */
import { describe, expect, test } from 'vitest';
import { check, allRules, type Finding } from '../rules/index.js';
import { corpusFiles, expected, linesOf, readCorpus, rulesOf, type Expectation } from './helpers/corpus.js';

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

    const hitsOf = (m: Expectation) => {
      const lines = linesOf(m);
      const rules = rulesOf(m);
      return findings(file).filter((f) => rules.includes(f.ruleId) && (!lines || lines.includes(f.line)));
    };
    const title = (kind: string, i: number, m: Expectation) =>
      `${kind} ${i}: ${rulesOf(m).join('|')}${linesOf(m) ? ' @' + linesOf(m)!.join('/') : ''} — ${m.why}`;
    const active = (m: Expectation) => rulesOf(m).some((r) => implemented.has(r));

    for (const [i, m] of entry.must.entries()) {
      test.skipIf(!active(m))(title('must', i, m), () => {
        const ofRules = findings(file).filter((f) => rulesOf(m).includes(f.ruleId));
        expect(hitsOf(m).length, `missing. Findings of these rules: ${ofRules.map(describeFinding).join(' | ') || 'none'}`).toBeGreaterThan(0);
      });
    }

    for (const [i, m] of entry.mustNot.entries()) {
      test.skipIf(!active(m))(title('mustNot', i, m), () => {
        expect(hitsOf(m).map(describeFinding)).toEqual([]);
      });
    }
  });
}
