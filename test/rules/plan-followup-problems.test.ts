/**
 * Plan matching: this year's problems section restates gaps, it does not report on last year's plans. A problem
 * that looks like a plan (the same terms: 司法所力量, 执法人员培训) leaves the plan not followed up; a problem that
 * says the plan was put off (尚未完成, 推迟) explains it; a paragraph of the measures that reports on the plan wins
 * over a problem sharing more of its words.
 */
import { expect, test } from 'vitest';
import { FOLLOWED, PREVIOUS, THIS_YEAR_PROBLEMS, lineOf, thisYear } from '../helpers/pairs.js';
import { check, planFollowups, type Finding } from '../../rules/index.js';

function followups(text: string) {
  const r = check(text, { previous: { text: PREVIOUS, filePath: 'previous.md' } });
  const f = planFollowups(r.report)!;
  return { map: Object.fromEntries(f.map((x) => [x.plan.first, [x.status, x.block?.line ?? null]])), findings: r.findings.filter((x: Finding) => x.ruleId === 'plan-followup') };
}

/** the staffing plan (充实基层司法所力量) restated as this year's problem, in last year's words */
const STAFFING_PROBLEM = '三是基层司法所力量仍然薄弱，司法所工作人员配备不到位，编制紧张，主要原因是编制总量受限。';
/** the training plan restated as a gap: 执法人员, 法律知识, 培训 — all the plan's words, none of its doing */
const TRAINING_PROBLEM = '三是部分执法人员法律知识培训不够系统，执法能力有待提升，原因是培训经费不足。';

test('a plan restated as one of this year’s problems is not followed up: one finding', () => {
  const text = thisYear([FOLLOWED[0], FOLLOWED[2], FOLLOWED[3]], { problems: [...THIS_YEAR_PROBLEMS, STAFFING_PROBLEM] });
  const { map, findings } = followups(text);
  expect(map['充实基层司法所力量']).toEqual(['missing', null]);
  expect(map['加强行政执法人员培训'][0]).toBe('reported');
  expect(findings.map((f) => f.message)).toEqual(['上年度安排“充实基层司法所力量”在本年度报告中没有落实情况']);
});

test('a look-alike problem sharing the plan’s words does not make it reported, nor take the place of the measure that reports it', () => {
  // the training plan dropped from the measures, its words in a problem
  const dropped = thisYear([FOLLOWED[1], FOLLOWED[2], FOLLOWED[3]], { problems: [...THIS_YEAR_PROBLEMS, TRAINING_PROBLEM] });
  expect(followups(dropped).map['加强行政执法人员培训']).toEqual(['missing', null]);
  // reported in the measures and restated as a problem: the line is the measure's
  const both = thisYear(FOLLOWED, { problems: [...THIS_YEAR_PROBLEMS, TRAINING_PROBLEM] });
  expect(followups(both).map['加强行政执法人员培训']).toEqual(['reported', lineOf(both, '提升执法队伍素质')]);
  expect(followups(both).findings).toEqual([]);
});

test('a problem that says the plan was put off explains it: postponed, at the problem’s line', () => {
  const put = '三是公共法律服务中心建设尚未完成，主要原因是选址调整，一站式服务整合滞后。';
  const text = thisYear([FOLLOWED[0], FOLLOWED[1], FOLLOWED[3]], { problems: [...THIS_YEAR_PROBLEMS, put] });
  const { map, findings } = followups(text);
  expect(map['建设公共法律服务中心']).toEqual(['postponed', lineOf(text, '选址调整')]);
  expect(findings).toEqual([]);
});

test('a measure that says it reports on the plan is preferred to a problem explaining a delay', () => {
  const put = '三是公共法律服务中心建设尚未完成，主要原因是选址调整，一站式服务整合滞后。';
  const text = thisYear(FOLLOWED, { problems: [...THIS_YEAR_PROBLEMS, put] });
  expect(followups(text).map['建设公共法律服务中心']).toEqual(['reported', lineOf(text, '优化公共法律服务')]);
});
