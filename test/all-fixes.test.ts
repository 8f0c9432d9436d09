/**
 * All rules' fixes together on each corpus report: after fixing, a new check finds none of the fixed findings
 * and no new error except section-empty and placeholder on the guidance of inserted sections (【待补充：…】, left
 * for the writer — intended); fixing again changes nothing.
 */
import { describe, expect, test } from 'vitest';
import { check, fixAll, type Finding } from '../rules/index.js';
import { corpusFiles, readCorpus } from './helpers/corpus.js';

// line numbers inside messages move when fixes delete lines
const key = (f: Finding) => `${f.ruleId}|${f.message.replace(/第\d+行/g, "")}`;

describe('all fixes on the corpus', () => {
  for (const file of corpusFiles) {
    test(file, () => {
      const text = readCorpus(file);
      const before = check(text).findings;
      const once = fixAll(text);
      expect(once.fixed).toBeGreaterThan(0);
      const after = check(once.output).findings;
      const fixedRules = new Set(before.filter((f) => f.fixes.some((x) => x.safe)).map((f) => f.ruleId));
      const beforeKeys = new Set(before.map(key));
      const inserted = (f: Finding) => f.ruleId === 'section-empty' || (f.ruleId === 'placeholder' && f.message.includes('【待补充：'));
      const newErrors = after.filter((f) => f.severity === 'error' && !beforeKeys.has(key(f)) && !inserted(f));
      expect(newErrors.map((f) => `${f.ruleId}@${f.line}: ${f.message}`)).toEqual([]);
      const stillFixable = after.filter((f) => f.fixes.some((x) => x.safe));
      expect(stillFixable.map((f) => `${f.ruleId}@${f.line}: ${f.message}`)).toEqual([]);
      expect(fixedRules.size).toBeGreaterThan(0);
      expect(fixAll(once.output).output).toBe(once.output);
    });
  }
});
