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
import { createReport } from '../rules/index.js';
import { matchPlans } from '../rules/model/previous.js';
import { planItems } from '../rules/model/items.js';
import { referenceMatchPlans } from './helpers/plan-followup-reference.js';
import { corpusFiles, readCorpus } from './helpers/corpus.js';
import { FOLLOWED, PREVIOUS, THIS_YEAR_PROBLEMS, thisYear } from './helpers/pairs.js';

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
