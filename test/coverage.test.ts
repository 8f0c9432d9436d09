/**
 * The coverage of the 纲要's areas: a government's and a joint report's measures listed against the nine areas (the
 * first line that reports on each, or not mentioned), a department's or a township's only when its config names
 * areas of its own. Reports written for each profile; the words of the problems and plans do not count.
 */
import { describe, expect, test } from 'vitest';
import { allRules, check, defaultConfig, parseConfigText } from '../rules/index.js';
import { GANGYAO_AREAS } from '../rules/model/coverage.js';
import { lineOf, yearReport } from './helpers/pairs.js';

const MEASURES = [
  '（一）深化“放管服”改革。持续优化营商环境，全年取消证明事项12项。',
  '（二）推进严格规范公正文明执法。全面落实行政执法三项制度，开展执法案卷评查2次。',
  '（三）强化矛盾纠纷化解。全年办理行政复议案件41件，人民调解成功率98%。',
  // a body's name, not supervision of power: 市场监督管理局
  '（四）县市场监督管理局开展食品安全专项整治，查处案件15件。',
];
/** the problems and plans name emergency response and digital government: neither is reported on in the measures */
const PROBLEMS = ['一是应急预案修订不及时，原因是应急演练不足。'];
const PLANS = ['（一）推进数字政府建设。上线一网通办平台。', '（二）完善应急预案体系。'];

const report = (organ: string) => yearReport({ organ, year: 2023, measures: MEASURES, problems: PROBLEMS, plans: PLANS });
/** a config file's "profile" as the reader parses it, over the defaults */
const configWith = (json: object) => ({ ...defaultConfig(allRules), profile: parseConfigText('/w/.fazhi-lint.json', JSON.stringify(json), allRules).config.profile });

function lines(text: string, config = defaultConfig(allRules)) {
  const r = check(text, { config });
  return { profile: r.profile.kind, coverage: r.coverage, byArea: Object.fromEntries((r.coverage?.areas ?? []).map((a) => [a.area, a.line])) };
}

describe('a government report: the nine areas of the 纲要', () => {
  const text = report('河西县人民政府');
  const r = lines(text);

  test('lists all nine in order, with the line of the measures that reports on each', () => {
    expect(r.profile).toBe('government');
    expect(r.coverage!.source).toBe('gangyao');
    expect(r.coverage!.areas.map((a) => a.area)).toEqual([...GANGYAO_AREAS]);
    expect(r.byArea.functions).toBe(lineOf(text, '放管服'));
    expect(r.byArea.enforcement).toBe(lineOf(text, '行政执法三项制度'));
    expect(r.byArea.disputes).toBe(lineOf(text, '行政复议案件41件'));
    expect(r.coverage!.covered).toBe(3);
  });

  test('the problems and plans do not cover an area; a 市场监督管理局 is not supervision', () => {
    expect(r.byArea.emergency).toBeNull();
    expect(r.byArea.digital).toBeNull();
    expect(r.byArea.supervision).toBeNull();
    expect(r.byArea.lawmaking).toBeNull();
  });

  test('a measure added for an area fills it', () => {
    const more = yearReport({ organ: '河西县人民政府', year: 2023, measures: [...MEASURES, '（五）加强规范性文件备案审查。全年审核规范性文件26件。', '（六）健全应急预案体系，开展应急演练3次。'], problems: PROBLEMS, plans: PLANS });
    const m = lines(more);
    expect(m.byArea.lawmaking).toBe(lineOf(more, '备案审查'));
    expect(m.byArea.emergency).toBe(lineOf(more, '开展应急演练3次'));
  });
});

test('a joint report of the Party committee and the government is read against the 纲要 too', () => {
  const r = lines(report('中共河西县委、河西县人民政府'));
  expect(r.profile).toBe('joint');
  expect(r.coverage!.source).toBe('gangyao');
  expect(r.coverage!.covered).toBe(3);
});

test('a department and a township have no list unless their config names areas', () => {
  expect(lines(report('河西县司法局'))).toMatchObject({ profile: 'department', coverage: null });
  expect(lines(report('河西县城关镇人民政府'))).toMatchObject({ profile: 'township', coverage: null });
  // a body the checker cannot place (a 管委会) is not read as a government
  expect(lines(report('河西经济开发区管委会'))).toMatchObject({ profile: 'unknown', coverage: null });
});

test('a department\'s own areas from the config: matched after normalisation (traditional terms), in the config\'s order', () => {
  const text = report('河西县司法局');
  const config = configWith({ profile: { kind: 'department', areas: [{ name: '行政复议', terms: ['行政復議'] }, { name: '安全生产执法', terms: ['安全生产', '执法检查'] }, { name: '执法监督', terms: ['执法案卷'] }] } });
  const r = lines(text, config);
  expect(r.coverage).toEqual({
    source: 'config',
    covered: 2,
    areas: [
      { area: '行政复议', configured: true, line: lineOf(text, '行政复议案件41件') },
      { area: '安全生产执法', configured: true, line: null },
      { area: '执法监督', configured: true, line: lineOf(text, '执法案卷评查') },
    ],
  });
});

test('a government whose measures section is missing: every area not mentioned', () => {
  const noMeasures = ['河西县人民政府2023年法治政府建设情况的报告', '二、存在的不足和原因', '一是行政执法不够规范。', '三、2024年主要安排', '推进行政复议规范化。', '河西县人民政府', '2024年2月20日'].join('\n');
  const r = lines(noMeasures);
  expect(r.coverage!.areas.every((a) => a.line === null)).toBe(true);
});
