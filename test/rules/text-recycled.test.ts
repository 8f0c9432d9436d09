import { expect, test } from 'vitest';
import { ruleTester, spanOf } from '../helpers/ruleTester.js';
import { runRule } from '../helpers/rule.js';
import { FOLLOWED, LAST_YEAR, PREVIOUS, lineOf, thisYear, yearReport } from '../helpers/pairs.js';

const COPIED_CAUSE = '基层司法所力量薄弱，受编制限制影响，司法所人员配备不到位。';
const COPIED = thisYear(FOLLOWED, { problems: [`一是普法宣传针对性不强，原因是对群众法律需求调研不够。二是${COPIED_CAUSE}`] });
// the same sentence re-punctuated, in full-width figures and traditional characters
const REPUNCTUATED = thisYear(['（一）推進依法行政。全年審查規範性文件２６件，辦理行政復議案件４１件，行政復議糾錯率８％'], {});
// the same form with this year's figures
const NEAR_COPY = thisYear(['（一）推进依法行政。全年审查规范性文件31件，办理行政复议案件57件，行政复议纠错率6%。']);
const QUOTED_ONLY = '（一）深入学习宣传《中华人民共和国行政复议法》《中华人民共和国行政处罚法》。';
const QUOTES_PREV = yearReport({ ...LAST_YEAR, measures: [...LAST_YEAR.measures, QUOTED_ONLY] });
const QUOTES_THIS = thisYear([QUOTED_ONLY]);
const SET_PHRASE = '（一）认真履行推进法治建设第一责任人职责，学习习近平新时代中国特色社会主义思想。';
const OTHER_ORGAN = yearReport({ ...LAST_YEAR, organ: '河东县司法局' });
const TWO_YEARS_BACK = yearReport({ ...LAST_YEAR, year: 2021 });
const COPIED_PLANS = thisYear(FOLLOWED, { plans: ['（一）建设公共法律服务中心。在县城建成一站式公共法律服务中心，整合律师、公证、调解等服务。'] });

ruleTester('text-recycled', {
  valid: [
    { name: 'this year’s own text', code: thisYear(FOLLOWED), previous: PREVIOUS },
    { name: 'the same form with other figures is not recycled', code: NEAR_COPY, previous: PREVIOUS },
    { name: 'titles in 《》 do not count as recycled text', code: QUOTES_THIS, previous: QUOTES_PREV },
    { name: 'statutory set phrases do not count', code: thisYear([SET_PHRASE]), previous: yearReport({ ...LAST_YEAR, measures: [SET_PHRASE] }) },
    { name: 'no previous report: silent', code: COPIED },
    { name: 'last year’s report of another organ: silent', code: COPIED, previous: OTHER_ORGAN },
    { name: 'a report two years back: silent', code: COPIED, previous: TWO_YEARS_BACK },
  ],
  invalid: [
    {
      name: 'a cause copied from last year (its enumerator changed), related to last year’s line',
      code: COPIED,
      previous: PREVIOUS,
      errors: [
        {
          messageId: 'recycled',
          ...spanOf(COPIED, COPIED_CAUSE),
          message: `与上年度报告第${lineOf(PREVIOUS, COPIED_CAUSE)}行相同：“基层司法所力量薄弱，受编制限制影响，司法所人员配备不到位。”`,
          relatedLines: [lineOf(PREVIOUS, COPIED_CAUSE)],
          relatedFiles: ['previous.md'],
        },
      ],
    },
    {
      name: 'a copy re-punctuated, in full-width figures and traditional characters',
      code: REPUNCTUATED,
      previous: PREVIOUS,
      errors: [{ messageId: 'recycled', ...spanOf(REPUNCTUATED, '全年審查規範性文件２６件，辦理行政復議案件４１件，行政復議糾錯率８％'), data: { line: lineOf(PREVIOUS, '审查规范性文件26件') } }],
    },
    {
      name: 'a plan copied from last year’s plans: consecutive sentences are one finding',
      code: COPIED_PLANS,
      previous: PREVIOUS,
      errors: [{ messageId: 'recycled', ...spanOf(COPIED_PLANS, '在县城建成一站式公共法律服务中心，整合律师、公证、调解等服务。') }],
    },
  ],
});

test('the first-responsible item is not compared (the same duties are stated every year)', () => {
  const duty = PREVIOUS.split('\n')[lineOf(PREVIOUS, '主持召开党组会议') - 1];
  const lines = thisYear(FOLLOWED).split('\n');
  lines[lineOf(thisYear(FOLLOWED), '主持召开党组会议') - 1] = duty;
  const same = lines.join('\n');
  expect(same).toContain(duty);
  expect(runRule('text-recycled', same, {}, PREVIOUS)).toEqual([]);
  // the same paragraph in the measures is recycled
  const inMeasures = thisYear([...FOLLOWED, duty.replace(/^/, '（五）')]);
  expect(runRule('text-recycled', inMeasures, {}, PREVIOUS).map((f) => f.line)).toEqual([lineOf(inMeasures, '（五）')]);
});

test('minLength: a shorter copy counts when the option allows it', () => {
  const short = thisYear(FOLLOWED, { plans: ['（一）充实基层司法所力量。积极争取编制，配齐配强司法所工作人员。'] });
  expect(runRule('text-recycled', short, {}, PREVIOUS)).toEqual([]);
  expect(runRule('text-recycled', short, { minLength: 12 }, PREVIOUS).map((f) => f.line)).toEqual([lineOf(short, '积极争取编制')]);
});
