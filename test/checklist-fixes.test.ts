/**
 * The checklist fixes on the corpus: applying them all removes what they fix, adds no new finding of the
 * checklist rules except section-empty on the sections they inserted (the placeholders, intended), changes no
 * character outside the spans the edits name, and a second run changes nothing.
 */
import { describe, expect, test } from 'vitest';
import { check, defaultConfig, fixAll, allRules, type Finding } from '../rules/index.js';
import { checklistRules } from '../rules/checklist/index.js';
import { corpusFiles, readCorpus } from './helpers/corpus.js';

const config = defaultConfig(allRules);
const options = { rules: checklistRules, config };
const FIXED_RULES = new Set(checklistRules.filter((r) => r.meta.fixable).map((r) => r.meta.id));

function key(f: Finding): string {
  return `${f.ruleId}/${f.messageId}/${JSON.stringify(f.data)}`;
}

for (const file of corpusFiles) {
  describe(file, () => {
    const source = readCorpus(file);
    const before = check(source, options).findings;
    const { output } = fixAll(source, options);
    const after = check(output, options).findings;

    test('fixed findings are gone', () => {
      const fixed = before.filter((f) => FIXED_RULES.has(f.ruleId) && f.fixes.length);
      for (const f of fixed) expect(after.map(key), `${f.ruleId}@${f.line} still reported`).not.toContain(key(f));
    });

    test('no new finding except section-empty on an inserted section', () => {
      const old = new Set(before.map(key));
      const added = after.filter((f) => !old.has(key(f)));
      for (const f of added) {
        expect(f.ruleId, `${f.ruleId}@${f.line}: ${f.message}`).toBe('section-empty');
        // the section it reports was inserted: its heading line is not in the original
        const line = output.split('\n')[f.line - 1];
        expect(source.includes(line), `section-empty on an original heading: ${line}`).toBe(false);
      }
    });

    test('the original text survives: only inserted text and rewritten numerals differ', () => {
      // every original line is still there, except headings whose numeral (or merged title) was rewritten
      const outLines = new Set(output.split('\n'));
      const changed = source.split('\n').filter((l) => !outLines.has(l));
      for (const l of changed) expect(l.length, `changed line: ${l}`).toBeLessThan(40);
    });

    test('a second run changes nothing', () => {
      expect(fixAll(output, options).output).toBe(output);
    });
  });
}
