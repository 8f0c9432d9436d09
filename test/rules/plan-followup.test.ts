import { expect, test } from 'vitest';
import { ruleTester } from '../helpers/ruleTester.js';
import { runRule } from '../helpers/rule.js';
import { FOLLOWED, LAST_YEAR, PREVIOUS, lineOf, thisYear, yearReport } from '../helpers/pairs.js';
import { check, planFollowups } from '../../rules/index.js';

const ALL = thisYear(FOLLOWED);
const DROPPED = thisYear([FOLLOWED[0], FOLLOWED[2], '（四）深化普法宣传。开展“法律进乡村”活动45场，受众1.8万人次。']);
const POSTPONED = thisYear([
  ...FOLLOWED.filter((_, i) => i !== 2),
  '（五）公共法律服务中心建设因选址调整推迟至2024年，目前已完成设计方案。',
]);
const POSTPONED_IN_PLANS = thisYear(FOLLOWED.filter((_, i) => i !== 2), {
  plans: ['（一）建成县公共法律服务中心。上年度安排的中心建设因选址调整尚未完成，2024年6月前建成投用。', '（二）提高普法针对性。开展群众法律需求调研。'],
});
const REPEATED_IN_PLANS = thisYear(FOLLOWED.filter((_, i) => i !== 2), {
  plans: ['（一）建设公共法律服务中心。在县城建成一站式公共法律服务中心，整合律师、公证、调解等服务。', '（二）提高普法针对性。开展群众法律需求调研。'],
});
const OTHER_ORGAN = yearReport({ ...LAST_YEAR, organ: '河东县司法局' });
const TWO_YEARS_BACK = yearReport({ ...LAST_YEAR, year: 2021 });
const MEASURES_LINE = lineOf(ALL, '一、主要举措和成效');
const planLine = (p: string) => lineOf(PREVIOUS, p);

ruleTester('plan-followup', {
  valid: [
    { name: 'every plan reported on in other words', code: ALL, previous: PREVIOUS },
    { name: 'a plan explained as postponed in the measures', code: POSTPONED, previous: PREVIOUS },
    { name: 'a plan explained as not finished in this year’s plans', code: POSTPONED_IN_PLANS, previous: PREVIOUS },
    { name: 'no previous report: silent', code: DROPPED },
    { name: 'last year’s report of another organ: silent', code: DROPPED, previous: OTHER_ORGAN },
    { name: 'a report two years back: silent', code: DROPPED, previous: TWO_YEARS_BACK },
    { name: 'a previous report of the same year (not last year’s): silent', code: DROPPED, previous: thisYear([]) },
  ],
  invalid: [
    {
      name: 'two plans silently dropped: one finding each, on the measures heading, related to the plan in last year’s file',
      code: DROPPED,
      previous: PREVIOUS,
      errors: [
        {
          messageId: 'notFollowed',
          line: MEASURES_LINE,
          column: 3,
          message: '上年度安排“充实基层司法所力量”在本年度报告中没有落实情况',
          relatedLines: [planLine('（二）充实基层司法所力量')],
          relatedFiles: ['previous.md'],
        },
        { messageId: 'notFollowed', line: MEASURES_LINE, column: 3, data: { plan: '推行行政复议案件繁简分流' }, relatedLines: [planLine('（四）推行行政复议')] },
      ],
    },
    {
      name: 'a plan merely repeated in this year’s plans is not reported on',
      code: REPEATED_IN_PLANS,
      previous: PREVIOUS,
      errors: [{ messageId: 'notFollowed', line: MEASURES_LINE, column: 3, data: { plan: '建设公共法律服务中心' } }],
    },
  ],
});

test('the follow-up of each plan: reported (with the line), postponed, missing', () => {
  const r = check(POSTPONED, { previous: { text: PREVIOUS, filePath: 'previous.md' } });
  const f = planFollowups(r.report)!;
  expect(f.map((x) => [x.plan.first, x.status, x.block?.line ?? null])).toEqual([
    ['加强行政执法人员培训', 'reported', lineOf(POSTPONED, '提升执法队伍素质')],
    ['充实基层司法所力量', 'reported', lineOf(POSTPONED, '加强司法所建设')],
    ['建设公共法律服务中心', 'postponed', lineOf(POSTPONED, '推迟至2024年')],
    ['推行行政复议案件繁简分流', 'reported', lineOf(POSTPONED, '提高行政复议效率')],
  ]);
  expect(planFollowups(check(ALL).report)).toBeNull();
});

test('a last year’s report without plans gives no findings', () => {
  const noPlans = yearReport({ ...LAST_YEAR, plans: [] });
  expect(runRule('plan-followup', DROPPED, {}, noPlans)).toEqual([]);
});

test('the English message names the plan', () => {
  const r = check(DROPPED, { language: 'en', previous: { text: PREVIOUS, filePath: 'previous.md' } }).findings.filter((f) => f.ruleId === 'plan-followup');
  expect(r[0].message).toBe('Last year\'s plan "充实基层司法所力量" is not reported on in this year\'s report');
});
