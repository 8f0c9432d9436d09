/**
 * The seeded fuzz driver of issue 11: hostile drafts (corpus reports mutated, documents generated from hostile
 * characters, short drafts of brackets, astral characters and headings) put through every property of checks.ts —
 * no rule throws, ranges inside the text, every fix and fixAll keeps whole code points, writes no U+FFFD, leaves
 * no bracket without its partner, changes only what it names, and fixAll converges.
 *
 * `npm test` runs it small (a few seconds). `npm run fuzz` runs it long; FAZHI_FUZZ_SCALE multiplies the number
 * of cases, FAZHI_FUZZ_SEED picks another seed (a failure prints the seed and path that reproduce it:
 * `FAZHI_FUZZ_SEED=<seed> npx vitest run test/robustness/fuzz.test.ts`).
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generatedReport, hostileString, mutatedReport } from './generators.js';
import { problemsOf } from './checks.js';

const SCALE = Math.max(0, Number(process.env.FAZHI_FUZZ_SCALE ?? 1) || 1);
const SEED = Number(process.env.FAZHI_FUZZ_SEED ?? 20261202) | 0;
/** a case of the small default takes well under 100 ms; the long run gets time in proportion to its cases */
const TIMEOUT = 60_000 * Math.max(1, SCALE);

const BRACKETS = ['【', '】', '（', '）', '《', '》', '“', '”', '(', ')', '[', ']', '「', '」', '〔', '〕'];
const HEADINGS = ['一、', '二、', '三、', '四、', '五、', '（一）', '（二）', '1.', '2.', '3.', '# ', '## '];
const CLAUSES = [
  '主要负责人履行推进法治建设第一责任人职责',
  '存在的问题和不足',
  '2021年推进法治政府建设的主要安排',
  '主要举措和成效',
  '其他需要报告的事项',
  '某县人民政府关于2020年法治政府建设情况的报告',
  '坚持以习近平新时代中国特色社会主义思想为指导。',
  '全年办理行政复议案件12件，同比增长20%。',
  '𠮷村𠮷镇𠮷街道落实',
];

/** Short drafts built to meet the places fixes quote or delete text: headings, clauses, brackets, astral characters. */
const bracketDraft: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...HEADINGS), fc.constant('')),
      fc.array(fc.oneof(fc.constantFrom(...CLAUSES), fc.constantFrom(...BRACKETS), hostileString(6)), { maxLength: 6 }),
    ),
    { maxLength: 16 },
  )
  .map((lines) => lines.map(([h, parts]) => h + parts.join('')).join('\n'));

let cases = 0;
const params = (numRuns: number) => ({ seed: SEED, numRuns: Math.max(1, Math.round(numRuns * SCALE)), endOnFailure: false });
const holds = (t: string) => {
  cases++;
  expect(problemsOf(t)).toEqual([]);
};

describe(`fuzz (seed ${SEED}, scale ${SCALE})`, () => {
  afterAll(() => console.log(`fuzz: ${cases} cases, seed ${SEED}, scale ${SCALE}`));

  it('mutated corpus reports', () => fc.assert(fc.property(mutatedReport, holds), params(12)), TIMEOUT);
  it('documents generated from hostile characters', () => fc.assert(fc.property(generatedReport, holds), params(60)), TIMEOUT);
  it('short drafts of headings, clauses, brackets and astral characters', () => fc.assert(fc.property(bracketDraft, holds), params(150)), TIMEOUT);
});
