import { describe, expect, test } from 'vitest';
import { ruleTester, spanOf } from '../helpers/ruleTester.js';
import { FIRST_RESPONSIBLE, MEASURES, PLANS, PROBLEMS, report, renumbered } from '../helpers/reports.js';
import { backedFamilies, familiesFor, hasFact } from '../../rules/checklist/first-responsible-substance.js';
import type { ProfileKind } from '../../rules/index.js';

const withDuty = (...lines: string[]) => report(MEASURES, PROBLEMS, [FIRST_RESPONSIBLE[0], ...lines], PLANS);

const PRINCIPLES = '局党组高度重视法治建设，认真履行第一责任人职责，亲自部署、亲自过问，带头尊法学法守法用法，督促班子成员依法行政。';
const BASIS_ONLY = '严格按照《党政主要负责人履行推进法治建设第一责任人职责规定》，召开专题会议研究部署；依据《法治政府建设实施纲要》落实“三项制度”，推行“最多跑一次”改革。';
// 学法 and steering law enforcement backed by facts: two families for an administrative organ's head, one otherwise
const ENFORCEMENT = '主要负责人全年带头学法4次，3月12日带队开展行政执法案卷评查。';
// the same report with no organ named anywhere (no title organ, no 落款 organ, no subject in the opening)
const ANONYMOUS = withDuty(ENFORCEMENT).replace('某县司法局\n2022年2月20日', '2022年2月20日').replace('某县司法局2021年', '2021年').replace('县司法局在', '在');
// a government head's 审议《…》 and a 批示 on the court's 司法建议 sent with its sender named: steering and the courts, two families
const COURT_INSTRUCTION =
  '主持召开县政府常务会议审议《某县2023年度法治政府建设情况报告》；对县人民法院《关于规范征收补偿工作的司法建议》等文件作出批示，要求各部门坚持依法行政。';
// 制定《…要点》 puts the year's work into a plan (steering) beside a count of court appearances
const WORK_POINTS = '制定《2023年全县法治政府建设工作要点》，全年出庭应诉3次。';
// look-alikes: 对照《…》 is a basis, and the 重要指示批示精神 studied is no 批示 of the leader's (one family: 学法)
const STUDIED_INSTRUCTIONS = '对照《法治政府建设实施纲要》逐项研究；专题学习习近平总书记关于法治建设的重要指示批示精神4次。';
const INSIDE = '（三）一是落实主要负责人履行推进法治建设第一责任人职责。全年组织学法4次，高度重视依法决策和队伍建设。';
// the fixtures are 某县司法局's reports: the message names the department's principal leader
const principleOnly = (code: string, paragraph: string, messageId: 'principleOnly' | 'principleOnlyOffice' = 'principleOnlyOffice') => {
  const { line, column } = spanOf(code, paragraph);
  return { code, errors: [{ messageId, line, column }] };
};

ruleTester('first-responsible-substance', {
  valid: [
    { name: 'facts for several duties', code: report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS) },
    { name: "a department's head answers for steering law enforcement: it is a backed duty", code: withDuty(ENFORCEMENT) },
    { name: 'a government report too', settings: { profile: { kind: 'government' as const } }, code: withDuty(ENFORCEMENT) },
    { name: 'the option families sets the families counted', options: { families: ['study', 'administer'] }, settings: { profile: { kind: 'joint' as const } }, code: withDuty(ENFORCEMENT) },
    { name: 'a 批示 on a document named with its sender (对县人民法院《…》等文件作出批示) answers the courts', settings: { profile: { kind: 'government' as const } }, code: withDuty(COURT_INSTRUCTION) },
    { name: '制定《…工作要点》 is steering the year\'s work', code: withDuty(WORK_POINTS) },
    { name: 'actions on named documents and dates count as facts', code: withDuty('主要负责人主持审议《某县重大行政决策程序规定》，3月5日在县委常委会上述法，对《行政应诉工作报告》作出批示督促整改。') },
  ],
  invalid: [
    { name: 'principles only: reported on the paragraph', ...principleOnly(withDuty(PRINCIPLES), PRINCIPLES) },
    {
      name: 'a joint report keeps the statute\'s words (党政主要负责人)',
      settings: { profile: { kind: 'joint' as const } },
      ...principleOnly(withDuty(PRINCIPLES), PRINCIPLES, 'principleOnly'),
    },
    {
      // an unknown body keeps the families it was checked against before profiles existed: 执法 is no duty family
      name: 'an unknown body: steering law enforcement does not count',
      ...principleOnly(ANONYMOUS, ENFORCEMENT, 'principleOnly'),
    },
    {
      name: 'the option families leaves a family out; the option office names whose duty it is',
      options: { families: ['study', 'steer'], office: '局主要负责人' },
      code: withDuty(ENFORCEMENT),
      errors: [{ messageId: 'principleOnlyOffice', line: spanOf(withDuty(ENFORCEMENT), ENFORCEMENT).line, column: 1, message: /^局主要负责人履行第一责任人职责仅有原则表述/ }],
    },
    { name: '对照《…》 is a basis and 重要指示批示精神 is what was studied: one backed family', ...principleOnly(withDuty(STUDIED_INSTRUCTIONS), STUDIED_INSTRUCTIONS) },
    { name: 'documents cited as the basis and meetings without date or count are not facts', ...principleOnly(withDuty(BASIS_ONLY), BASIS_ONLY) },
    { name: 'one backed duty is not enough; the item inside another section is checked too', ...principleOnly(report(...renumbered([...MEASURES, INSIDE], PROBLEMS, PLANS)), INSIDE.slice('（三）'.length)) },
    {
      // FIRST_RESPONSIBLE backs three duties (专题研究, 学法, 述法): silent at the default of 2
      name: 'the option minFamilies raises the number of duties that must be backed',
      options: { minFamilies: 4 },
      ...principleOnly(report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS), FIRST_RESPONSIBLE[1]),
    },
  ],
});

describe('first-responsible-substance', () => {
  test('what counts as a fact', () => {
    expect(hasFact('组织常务会议学法4次')).toBe(true);
    expect(hasFact('十二月三日听取汇报')).toBe(true);
    expect(hasFact('签发《关于加强行政应诉工作的通知》')).toBe(true);
    expect(hasFact('严格执行《行政复议法》')).toBe(false);
    expect(hasFact('对区人民法院《关于转发“一号司法建议”的报告》等文件作出批示')).toBe(true);
    expect(hasFact('对市检察院《检察建议书》作出批示')).toBe(true);
    expect(hasFact('对照《法治政府建设实施纲要》逐项研究')).toBe(false);
    expect(hasFact('对标对表中央和市委《实施意见》研究部署')).toBe(false);
    expect(hasFact('落实行政执法三项制度')).toBe(false);
    expect(hasFact('深化“七五”普法')).toBe(false);
    expect(backedFamilies('全年出庭应诉5次；1月18日专题研究法治工作。').size).toBe(2);
    expect(backedFamilies('研究制定了《2024年度法治政府建设工作要点》。')).toEqual(new Set(['组织部署/听取汇报/专题研究']));
  });

  test('the families by profile: the administrative duty for the head of an administrative organ only', () => {
    const ids = (kind: ProfileKind) => familiesFor(kind).map((f) => f.id);
    for (const kind of ['government', 'joint', 'department', 'township'] as const) expect(ids(kind)).toContain('administer');
    expect(ids('unknown')).not.toContain('administer');
    expect(ids('unknown')).toHaveLength(7);
    // training 执法人员 is about the staff, not the leader steering enforcement
    expect(backedFamilies('全年培训执法人员120人次。', familiesFor('government'))).toEqual(new Set());
    expect(backedFamilies('办理行政复议案件41件。', familiesFor('department'))).toEqual(new Set(['行政执法/行政复议/政务公开']));
    expect(backedFamilies('办理行政复议案件41件。', familiesFor('unknown'))).toEqual(new Set());
  });
});
