/**
 * The figures engine sentence by sentence: for each paragraph (in a report for 2020), every quantity it must
 * find — figure as written, value in the base unit, measure, role — the period its figures fall in, and the
 * findings of the figure and period rules (rule id and a part of the message). Written for the project: numeral
 * forms, units, scaling, periods, roles, and wrong and right arithmetic.
 */
import { describe, expect, test } from 'vitest';
import { check } from '../../rules/index.js';
import { figuresOf } from '../../rules/model/figures/index.js';
import { figuresRules } from '../../rules/figures/index.js';

const TITLE = '某区司法局关于2020年度法治政府建设情况的报告\n';
const FIGURE_RULES = new Set(figuresRules.map((r) => r.meta.id));

/** [figure as written, value in base unit, measure, role] */
type Q = [string, number, string, string];
interface Case {
  text: string;
  q: Q[];
  /** period kind of every figure (default: the report year) */
  period?: 'year' | 'partial' | 'cumulative' | 'relative';
  /** findings as "rule-id" or "rule-id:part of the message" */
  findings?: string[];
}

const cases: Case[] = [
  // numeral forms
  { text: '全区共办理行政复议案件1,234件，审结1,200件。', q: [['1,234件', 1234, '办理行政复议案件', 'total'], ['1,200件', 1200, '审结', 'count']] },
  { text: '发放宣传资料3.5万份。', q: [['3.5万份', 35000, '发放宣传资料', 'count']] },
  { text: '全年覆盖群众1.2万人次。', q: [['1.2万人次', 12000, '覆盖群众', 'count']] },
  { text: '先后三次开展执法专项培训。', q: [['三次', 3, '开展执法专项培训', 'count']] },
  { text: '分两批组织旁听庭审活动。', q: [['两批', 2, '组织旁听庭审活动', 'count']] },
  { text: '新建村居法律服务站十二个。', q: [['十二个', 12, '新建村居法律服务站', 'count']] },
  { text: '累计接待来访群众一百余件。', q: [['一百余件', 100, '接待来访群众', 'total']] },
  { text: '每年组织领导干部旁听庭审1-2次。', q: [['1-2次', 1, '组织领导干部旁听庭审', 'count']] },
  { text: '开展专题讲座300余场，推送法治宣传信息近500条。', q: [['300余场', 300, '开展专题讲座', 'count'], ['近500条', 500, '推送法治宣传信息', 'count']] },
  { text: '群众满意度达95%以上。', q: [['95%以上', 95, '群众满意度', 'rate']] },
  { text: '拆除违法建设5136.5平方米。', q: [['5136.5平方米', 5136.5, '拆除违法建设', 'count']] },
  { text: '联合调处信访积案，涉案金额达百万余元。', q: [['百万余元', 1000000, '涉案金额', 'count']] },
  { text: '对85个行政合同进行合法性审查。', q: [['85个', 85, '行政合同', 'count']] },
  { text: '新增省级民主法治村（社）16个。', q: [['16个', 16, '新增省级民主法治村（社）', 'flow']] },
  { text: '出庭应诉率达93.6 %。', q: [['93.6 %', 93.6, '出庭应诉率', 'rate']] },
  { text: '全年培训执法人员百分之九十五以上。', q: [['百分之九十五以上', 95, '培训执法人员', 'rate']] },
  // 万/亿 scaling: the same amount written two ways is one value
  { text: '兑现政策资金5亿元。', q: [['5亿元', 500000000, '兑现政策资金', 'count']] },
  { text: '兑现政策资金5905.23万元。', q: [['5905.23万元', 59052300, '兑现政策资金', 'count']] },
  { text: '全区共兑现政策资金5亿元；全区共兑现政策资金50000万元。', q: [['5亿元', 500000000, '兑现政策资金', 'total'], ['50000万元', 500000000, '兑现政策资金', 'total']] },
  // not figures
  { text: '着力服务“十三五”经济社会发展，深入开展七五普法。', q: [] },
  { text: '贯彻行政执法三项制度，落实学法用法八项制度。', q: [] },
  { text: '一是健全制度，二是加强队伍建设，三是严格执法。', q: [] },
  { text: '切实履行推进法治建设第一责任人职责。', q: [] },
  { text: '2020年3月15日召开专题会议，二〇二〇年十二月再次召开。', q: [] },
  { text: '根据《关于加强法治政府建设的意见》（厅字〔2019〕28号）要求落实。', q: [] },
  { text: '依照《行政复议法》第十条和第二十八条的规定办理。', q: [] },
  { text: '12348公共法律服务热线全天开通。', q: [] },
  { text: '开展为期三个月的专项整治。', q: [] },
  { text: '构建“三道过滤网”，形成“四位一体”解纷格局。', q: [] },
  { text: '实行一名包案领导、一个工作小组、一套化解方案。', q: [] },
  { text: '学习《法治政府建设实施纲要（2021-2025年）》。', q: [] },
  // units and families
  { text: '受理医患纠纷20宗；受理医患纠纷21件。', q: [['20宗', 20, '受理医患纠纷', 'count'], ['21件', 21, '受理医患纠纷', 'count']], findings: ['figure-conflict:20宗（第2行）与21件（第2行）'] },
  { text: '调处医患纠纷成功19宗。调处医患纠纷成功19件。', q: [['19宗', 19, '调处医患纠纷成功', 'count'], ['19件', 19, '调处医患纠纷成功', 'count']] },
  { text: '参加网上学法考试296人，参加网上学法考试14950人次。', q: [['296人', 296, '参加网上学法考试', 'count'], ['14950人次', 14950, '参加网上学法考试', 'count']] },
  // figure-conflict
  { text: '全区共兑现政策资金5亿元，受惠主体数5762个；我区共兑现政策资金5905.23万元，受惠主体数328个。',
    q: [['5亿元', 500000000, '兑现政策资金', 'total'], ['5762个', 5762, '受惠主体数', 'count'], ['5905.23万元', 59052300, '兑现政策资金', 'total'], ['328个', 328, '受惠主体数', 'count']],
    findings: ['figure-conflict:同一指标“兑现政策资金”前后数值不一致：5亿元（第2行）与5905.23万元（第2行）', 'figure-conflict:5762个（第2行）与328个（第2行）'] },
  { text: '2019年受理行政复议案件50件。2020年受理行政复议案件80件。', q: [['50件', 50, '受理行政复议案件', 'count'], ['80件', 80, '受理行政复议案件', 'count']] },
  { text: '梳理监管事项目录清单807项，编制实施清单881项。梳理监管事项目录清单807项，编制实施清单637项。',
    q: [['807项', 807, '梳理监管事项目录清单', 'count'], ['881项', 881, '编制实施清单', 'count'], ['807项', 807, '梳理监管事项目录清单', 'count'], ['637项', 637, '编制实施清单', 'count']],
    findings: ['figure-conflict:“编制实施清单”前后数值不一致：881项（第2行）与637项（第2行）'] },
  // periods
  { text: '截至11月底，共办理行政复议案件100宗。', q: [['100宗', 100, '办理行政复议案件', 'total']], period: 'partial', findings: ['period-partial-year:“截至11月底”'] },
  { text: '1-10月，区法律援助处受理法律援助案件91件。', q: [['91件', 91, '区法律援助处受理法律援助案件', 'count']], period: 'partial', findings: ['period-partial-year:“1-10月”'] },
  { text: '据统计，前三季度律师提供法律服务2446次。', q: [['2446次', 2446, '律师提供法律服务', 'count']], period: 'partial', findings: ['period-partial-year:“前三季度”'] },
  { text: '截至2020年10月底，累计接收社区矫正对象766人。', q: [['766人', 766, '接收社区矫正对象', 'total']], period: 'partial', findings: ['period-partial-year:“截至2020年10月底”'] },
  { text: '截至2020年12月底，共审查涉法文件39件。', q: [['39件', 39, '审查涉法文件', 'total']] },
  { text: '截至12月31日，共审查规范性文件20件。', q: [['20件', 20, '审查规范性文件', 'total']] },
  { text: '截至2019年10月底，累计办理案件300件。', q: [['300件', 300, '办理案件', 'total']] },
  { text: '自成立以来，调委会成功调处矛盾纠纷2375件。', q: [['2375件', 2375, '调委会成功调处矛盾纠纷', 'count']], period: 'cumulative', findings: ['period-cumulative:“自成立以来”的统计口径不是本年度'] },
  { text: '“七五”普法以来，共组织任前法律知识考试51场。', q: [['51场', 51, '组织任前法律知识考试', 'total']], period: 'cumulative', findings: ['period-cumulative:“‘七五’普法以来”'] },
  { text: '调解中心成立至今，累计接待来电来访107余件。', q: [['107余件', 107, '接待来电来访', 'total']], period: 'cumulative', findings: ['period-cumulative:成立至今'] },
  { text: '2018年以来，累计化解矛盾纠纷300件。', q: [['300件', 300, '化解矛盾纠纷', 'total']], period: 'cumulative', findings: ['period-cumulative:“2018年以来”'] },
  { text: '2020年以来，累计化解矛盾纠纷300件。', q: [['300件', 300, '化解矛盾纠纷', 'total']] },
  { text: '截至目前，共依法拆除违法建设101处。', q: [['101处', 101, '依法拆除违法建设', 'total']], period: 'relative', findings: ['period-relative:请用具体年份或日期代替“截至目前”'] },
  { text: '目前，全区148个村（社区）实现法律顾问全覆盖。', q: [['148个', 148, '村（社区）', 'count']], period: 'relative', findings: ['period-relative:“目前”'] },
  { text: '今年以来，我局进一步完善工作制度。', q: [] },
  { text: '区政府负责人出庭应诉率达93.6%，较去年提高5个百分点。', q: [['93.6%', 93.6, '区政府负责人出庭应诉率', 'rate'], ['5个百分点', 5, '提高', 'count']] },
  { text: '截至目前2020年12月底，共兑现政策资金5亿元。', q: [['5亿元', 500000000, '兑现政策资金', 'total']] },
  { text: '今年1-10月份，区医调委共受理医患纠纷20宗，调处成功19宗。', q: [['20宗', 20, '受理医患纠纷', 'total'], ['19宗', 19, '调处成功', 'count']], period: 'partial', findings: ['period-partial-year:“今年1-10月份”', 'period-relative:“今年”'] },
  // figure-sum: totals and parts
  { text: '收到行政复议申请128件，受理120件，审结112件，其中维持73件、撤销15件、终止24件。',
    q: [['128件', 128, '收到行政复议申请', 'count'], ['120件', 120, '受理', 'count'], ['112件', 112, '审结', 'count'], ['73件', 73, '维持', 'part'], ['15件', 15, '撤销', 'part'], ['24件', 24, '终止', 'part']] },
  { text: '收到行政复议申请128件，受理120件，审结112件，其中维持73件、撤销15件、终止20件。',
    // a 其中 list may name only some outcomes (驳回, 确认违法 … unlisted): a shortfall is no finding
    q: [['128件', 128, '收到行政复议申请', 'count'], ['120件', 120, '受理', 'count'], ['112件', 112, '审结', 'count'], ['73件', 73, '维持', 'part'], ['15件', 15, '撤销', 'part'], ['20件', 20, '终止', 'part']] },
  { text: '收到行政复议申请128件，受理120件，审结112件，其中维持73件、撤销15件、其余20件。',
    q: [['128件', 128, '收到行政复议申请', 'count'], ['120件', 120, '受理', 'count'], ['112件', 112, '审结', 'count'], ['73件', 73, '维持', 'part'], ['15件', 15, '撤销', 'part'], ['20件', 20, '', 'part']],
    findings: ['figure-sum:分项之和为108件（73+15+20），与总数“审结”112件不符'] },
  { text: '共受理法律援助案件91宗，其中民事10宗、刑事81宗。', q: [['91宗', 91, '受理法律援助案件', 'total'], ['10宗', 10, '民事', 'part'], ['81宗', 81, '刑事', 'part']] },
  { text: '共受理法律援助案件91宗，其中民事10件、刑事82件。', q: [['91宗', 91, '受理法律援助案件', 'total'], ['10件', 10, '民事', 'part'], ['82件', 82, '刑事', 'part']], findings: ['figure-sum:分项之和为92宗（10+82），与总数“受理法律援助案件”91宗不符'] },
  { text: '共受理案件100件，其中行政案件30件、民事案件40件等。', q: [['100件', 100, '受理案件', 'total'], ['30件', 30, '行政案件', 'part'], ['40件', 40, '民事案件', 'part']] },
  { text: '共受理案件50件，其中行政案件30件、民事案件40件等。', q: [['50件', 50, '受理案件', 'total'], ['30件', 30, '行政案件', 'part'], ['40件', 40, '民事案件', 'part']], findings: ['figure-sum:分项之和为70件（30+40）'] },
  { text: '共审查涉法文件39件（其中行政规范性文件23件），提出审查意见157条。', q: [['39件', 39, '审查涉法文件', 'total'], ['23件', 23, '行政规范性文件', 'part'], ['157条', 157, '提出审查意见', 'part']] },
  { text: '累计交办问题146件，已化解116件。其中，会商办理103件，已化解84件；平时交办43件，已化解32件。',
    q: [['146件', 146, '交办问题', 'total'], ['116件', 116, '化解', 'count'], ['103件', 103, '会商办理', 'part'], ['84件', 84, '化解', 'part'], ['43件', 43, '平时交办', 'part'], ['32件', 32, '化解', 'part']] },
  { text: '累计交办问题146件，已化解116件。其中，会商办理103件，已化解84件；平时交办40件，已化解32件。',
    q: [['146件', 146, '交办问题', 'total'], ['116件', 116, '化解', 'count'], ['103件', 103, '会商办理', 'part'], ['84件', 84, '化解', 'part'], ['40件', 40, '平时交办', 'part'], ['32件', 32, '化解', 'part']],
    findings: ['figure-sum:分项之和为143件（103+40），与总数“交办问题”146件不符'] },
  { text: '共提供法律服务2446次，其中咨询1689次，开展法制宣传473场次，参与调解20宗。',
    q: [['2446次', 2446, '提供法律服务', 'total'], ['1689次', 1689, '咨询', 'part'], ['473场次', 473, '开展法制宣传', 'part'], ['20宗', 20, '参与调解', 'part']] },
  // stock and flow
  { text: '原有行政执法证件1477个，其中保留行政执法证件1262个，撤销行政执法证件215个；新申领行政执法证件18个，现有行政执法证件1280个。',
    q: [['1477个', 1477, '原有行政执法证件', 'stock'], ['1262个', 1262, '保留行政执法证件', 'part'], ['215个', 215, '撤销行政执法证件', 'part'], ['18个', 18, '新申领行政执法证件', 'part'], ['1280个', 1280, '现有行政执法证件', 'part']] },
  { text: '原有行政执法证件1477个，撤销215个，新申领18个，现有行政执法证件1300个。',
    q: [['1477个', 1477, '原有行政执法证件', 'stock'], ['215个', 215, '撤销', 'flow'], ['18个', 18, '新申领', 'flow'], ['1300个', 1300, '现有行政执法证件', 'stock']],
    findings: ['figure-sum:增减不符：1477−215+18=1280个，与“现有行政执法证件”1300个不符'] },
  { text: '全区累计接收社区矫正对象766人，累计解除125人，现在册133人。', q: [['766人', 766, '接收社区矫正对象', 'total'], ['125人', 125, '解除', 'total'], ['133人', 133, '现在册', 'stock']] },
  // figure-rate and figure-rate-impossible
  { text: '调解中心共接收调解案件42件，调解成功39件，调解成功率93%。', q: [['42件', 42, '接收调解案件', 'total'], ['39件', 39, '调解成功', 'count'], ['93%', 93, '调解成功率', 'rate']] },
  { text: '调解中心共接收调解案件42件，调解成功39件，调解成功率95%。', q: [['42件', 42, '接收调解案件', 'total'], ['39件', 39, '调解成功', 'count'], ['95%', 95, '调解成功率', 'rate']], findings: ['figure-rate:“调解成功率95%”与所列数量不符，按39/42计算应为92.9%'] },
  { text: '已受理案件1510起，成功调解1474起，成功率达97.6%。', q: [['1510起', 1510, '受理案件', 'count'], ['1474起', 1474, '成功调解', 'count'], ['97.6%', 97.6, '成功率', 'rate']] },
  { text: '已受理案件1510起，成功调解1474起，成功率达98.6%。', q: [['1510起', 1510, '受理案件', 'count'], ['1474起', 1474, '成功调解', 'count'], ['98.6%', 98.6, '成功率', 'rate']], findings: ['figure-rate:按1474/1510计算应为97.62%'] },
  { text: '共接收调解案件42件，调解成功39件，调解成功率92.9%。', q: [['42件', 42, '接收调解案件', 'total'], ['39件', 39, '调解成功', 'count'], ['92.9%', 92.9, '调解成功率', 'rate']] },
  { text: '共办理行政复议案件100宗，已审结77宗，直接纠错率为19.48%。', q: [['100宗', 100, '办理行政复议案件', 'total'], ['77宗', 77, '审结', 'count'], ['19.48%', 19.48, '直接纠错率', 'rate']] },
  { text: '行政诉讼案件共95宗，负责人出庭应诉率达93.6%。', q: [['95宗', 95, '行政诉讼案件', 'total'], ['93.6%', 93.6, '负责人出庭应诉率', 'rate']] },
  { text: '行政复议案件调解成功率达120%。', q: [['120%', 120, '行政复议案件调解成功率', 'rate']], findings: ['figure-rate-impossible:比率“行政复议案件调解成功率120%”超过100%'] },
  { text: '行政许可事项网上办理占比105%。', q: [['105%', 105, '行政许可事项网上办理占比', 'rate']], findings: ['figure-rate-impossible'] },
  { text: '新增持证执法人员187名，较2019年同比增长152.94%。', q: [['187名', 187, '新增持证执法人员', 'flow'], ['152.94%', 152.94, '同比增长', 'rate']] },
  { text: '违法建设整治完成进度120%。', q: [['120%', 120, '违法建设整治完成进度', 'rate']] },
];

describe('figures engine, sentence by sentence', () => {
  for (const c of cases) {
    test(c.text, () => {
      const { report, findings } = check(TITLE + c.text);
      const qs = figuresOf(report).quantities;
      expect(qs.map((q) => [q.text, q.value, q.measure, q.role])).toEqual(c.q);
      for (const q of qs) expect(q.period.kind, q.text).toBe(c.period ?? 'year');
      const got = findings.filter((f) => FIGURE_RULES.has(f.ruleId));
      const want = c.findings ?? [];
      expect(got.length, got.map((f) => `${f.ruleId}: ${f.message}`).join(' | ')).toBe(want.length);
      for (const w of want) {
        const [rule, part] = w.split(/:(.*)/s);
        expect(got.some((f) => f.ruleId === rule && (!part || f.message.includes(part))), `${w} in ${got.map((f) => `${f.ruleId}: ${f.message}`).join(' | ')}`).toBe(true);
      }
    });
  }
  test('at least 60 sentences', () => expect(cases.length).toBeGreaterThanOrEqual(60));
});
