/**
 * Issue 17 (pairing, issue 14): the cheaper matching finds what the segmenting one found. The old code is kept
 * under test/helpers/*-reference.ts and run side by side with the new on every pair of the corpus, the wild set
 * and the issue-14 test pairs — each report's plans against each report's body, same organ or not, so plans that
 * are reported on, reported in other words and not reported on at all are all compared.
 */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { check, createReport } from '../rules/index.js';
import { alsoKnownSpanTerms } from '../rules/model/terms.js';
import { matchPlans } from '../rules/model/previous.js';
import { planItems } from '../rules/model/items.js';
import { referenceMatchPlans } from './helpers/plan-followup-reference.js';
import { referenceRecycled } from './helpers/text-recycled-reference.js';
import { keyHash, recycledSentences } from '../rules/residue/text-recycled.js';
import { corpusFiles, readCorpus } from './helpers/corpus.js';
import { FOLLOWED, LAST_YEAR, PREVIOUS, THIS_YEAR_PROBLEMS, lineOf, thisYear, yearReport } from './helpers/pairs.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const dirTexts = (dir: string) =>
  readdirSync(path.join(FIXTURES, dir))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((name) => ({ name: `${dir}/${name}`, text: readFileSync(path.join(FIXTURES, dir, name), 'utf8') }));
/** the issue-14 pairs' variants: every plan followed, some dropped, one postponed, plans restated as problems */
const pairTexts = [
  PREVIOUS,
  thisYear(FOLLOWED),
  thisYear([FOLLOWED[0], FOLLOWED[2]]),
  thisYear([...FOLLOWED.slice(0, 2), '（五）公共法律服务中心建设因选址调整推迟至2024年，目前已完成设计方案。']),
  thisYear(FOLLOWED.slice(1), { problems: [...THIS_YEAR_PROBLEMS, '三是部分执法人员法律知识培训不够系统，执法能力有待提升，原因是培训经费不足。'] }),
  thisYear(FOLLOWED.slice(0, 3), { problems: [...THIS_YEAR_PROBLEMS, '三是基层司法所力量仍然薄弱，司法所工作人员配备不到位，编制紧张，主要原因是编制总量受限。'] }),
];
const texts = [...corpusFiles.map((name) => ({ name, text: readCorpus(name) })), ...dirTexts('wild'), ...dirTexts('previous'), ...pairTexts.map((text, i) => ({ name: `pairs.ts #${i}`, text }))];
const reports = texts.map(({ name, text }) => ({ name, report: createReport(text) }));

const plain = (fs: ReturnType<typeof matchPlans>) => fs.map((f) => [f.plan.first, f.status, f.block?.index ?? null]);

describe('plan-followup: the same paragraph for every plan as when every paragraph was segmented', () => {
  test('every report’s plans against every report’s body (corpus, wild set, issue-14 pairs)', () => {
    const withPlans = reports.filter((r) => planItems(r.report).items.length > 0);
    expect(withPlans.length).toBeGreaterThan(10);
    let plans = 0;
    let found = 0;
    const differ: string[] = [];
    for (const prev of withPlans) {
      for (const cur of reports) {
        const want = plain(referenceMatchPlans(prev.report, cur.report));
        const got = plain(matchPlans(prev.report, cur.report));
        if (JSON.stringify(got) !== JSON.stringify(want)) differ.push(`${prev.name} → ${cur.name}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
        plans += want.length;
        found += want.filter((w) => w[1] !== 'missing').length;
      }
    }
    expect(differ).toEqual([]);
    // both kinds compared, many times
    expect(found).toBeGreaterThan(200);
    expect(plans - found).toBeGreaterThan(200);
  });
});

/** A report's own text one year earlier (same organ, every year − 1): every sentence of it recycled, the heaviest pair. */
const yearEarlier = (text: string) => text.replace(/(?:19|20)\d\d(?=年)/g, (y) => String(+y - 1));

describe('text-recycled: the same sentences by hashed keys as by key strings', () => {
  const plainRecycled = (fs: ReturnType<typeof recycledSentences>) => fs.map((f) => [f.start, f.end, f.data?.line, f.data?.text, f.related?.[0]?.start, f.related?.[0]?.end]);

  test('each report against its own text a year earlier, and every report against every other (corpus, wild set, issue-14 pairs)', () => {
    const differ: string[] = [];
    let recycled = 0;
    const compare = (name: string, prev: ReturnType<typeof createReport>, cur: ReturnType<typeof createReport>, minLength: number) => {
      const want = plainRecycled(referenceRecycled(prev, cur, minLength));
      const got = plainRecycled(recycledSentences(prev, cur, minLength));
      if (JSON.stringify(got) !== JSON.stringify(want)) differ.push(`${name} (minLength ${minLength}): ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
      recycled += want.length;
    };
    for (const { name, text } of texts) {
      for (const minLength of [1, 10, 20, 40]) compare(`${name} → itself a year earlier`, createReport(yearEarlier(text)), createReport(text), minLength);
    }
    const sameRecycled = recycled;
    for (const prev of reports) for (const cur of reports) if (prev !== cur) compare(`${prev.name} → ${cur.name}`, prev.report, cur.report, 20);
    expect(differ).toEqual([]);
    // many sentences found, in the pairs of a report with itself and between different reports
    expect(sameRecycled).toBeGreaterThan(500);
    expect(recycled - sameRecycled).toBeGreaterThan(5);
  });

  test('two sentences of one hash but different keys: not recycled; last year\'s sentence of the same key is found behind one of the same hash', () => {
    // Aa and BB: one hash (as the hash is linear, with any text around them), two keys
    const copied = (word: string) => `（一）推进依法行政，建设${word}执法监督平台，全年审查规范性文件26件，办理行政复议案件41件。`;
    expect(keyHash(copied('Aa').replace(/[^\p{Script=Han}A-Za-z0-9]/gu, ''))).toBe(keyHash(copied('BB').replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '')));
    const prevOne = yearReport({ ...LAST_YEAR, measures: [copied('Aa')] });
    const prevBoth = yearReport({ ...LAST_YEAR, measures: [copied('Aa'), '（二）深化普法宣传。', copied('BB')] });
    const cur = createReport(thisYear([copied('BB')]));
    for (const [prevText, want] of [
      [prevOne, []],
      [prevBoth, [lineOf(prevBoth, copied('BB'))]],
    ] as const) {
      const prev = createReport(prevText);
      const got = recycledSentences(prev, cur, 20);
      expect(got.map((f) => f.data?.line)).toEqual(want);
      expect(plainRecycled(got)).toEqual(plainRecycled(referenceRecycled(prev, cur, 20)));
    }
  });
});

describe('pairing changes no other rule\'s findings', () => {
  test('each report checked alone and beside its own text a year earlier: the same findings but the two rules that read last year\'s report', () => {
    const PAIRING = new Set(['plan-followup', 'text-recycled']);
    const plainAll = (fs: ReturnType<typeof check>['findings']) => fs.filter((f) => !PAIRING.has(f.ruleId)).map((f) => `${f.ruleId} ${f.start}-${f.end} ${f.message}`);
    const differ: string[] = [];
    let shared = 0;
    for (const { name, text } of texts) {
      const alone = check(text, { filePath: '/w/this.md' });
      const paired = check(text, { filePath: '/w/this.md', previous: { text: yearEarlier(text), filePath: '/w/last.md' } });
      if (JSON.stringify(plainAll(paired.findings)) !== JSON.stringify(plainAll(alone.findings))) differ.push(name);
      // the check read last year's span terms (problem-plan-unmatched's, plan-followup's)
      if (alsoKnownSpanTerms(paired.report) !== undefined) shared++;
    }
    expect(differ).toEqual([]);
    expect(shared).toBe(texts.length);
  });
});
