/**
 * The form rules' fixes on the corpus: applied together they remove the findings they fix, add none, and a
 * second pass changes nothing.
 */
import { describe, expect, test } from 'vitest';
import { check, fix } from '../../rules/index.js';
import { formRules } from '../../rules/form/index.js';
import { corpusFiles, readCorpus } from '../helpers/corpus.js';

const key = (f: { ruleId: string; messageId: string; message: string }) => `${f.ruleId}:${f.messageId}:${f.message}`;

describe('form fixes on the corpus', () => {
  for (const file of corpusFiles) {
    test(file, () => {
      const text = readCorpus(file);
      const before = check(text, { rules: formRules }).findings;
      const { output, applied } = fix(text, before);
      const after = check(output, { rules: formRules }).findings;
      const unfixed = before.filter((f) => !applied.includes(f)).map(key).sort();
      // nothing new, and every applied fix's finding is gone (findings keep their messages: only positions move)
      expect(after.map(key).sort()).toEqual(unfixed);
      expect(after.filter((f) => f.fixes.length)).toEqual([]);
      expect(fix(output, after).output).toBe(output);
    });
  }
});
