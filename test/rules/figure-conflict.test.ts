import { ruleTester, spanOf } from '../helpers/ruleTester.js';
import { report } from './_figures.js';

const EDITED = report('全区共兑现政策资金5亿元，受惠企业3000家。', '二是优化服务。我区共兑现政策资金5905.23万元，受惠企业3000家。');
const FAMILY = report('受理医患纠纷20宗。', '全年受理医患纠纷共22件。');
const FILLER = report('全年办理行政许可事项1268件，按时办结率100%。', '二是深化“放管服”改革。全年办理行政许可1286件。');
const SELF_SCOPE = report('全年办理行政许可事项1268件，按时办结率100%。', '全年，市政府系统办理行政许可1286件，受理投诉举报4215件。');
const TOPIC = report('全年受理行政复议申请120件。', '在行政复议方面，受理行政复议申请128件，审结120件。');
const SAME_SCOPE = report('（一）区市场监管局', '开展执法检查260次。', '（二）区城管局', '开展执法检查90次。', '（三）区市场监管局', '开展执法检查180次。');
const SAME_FIELD = report('食品安全领域共开展执法检查260次，立案45件。', '食品安全领域共开展执法检查180次。');
const LEDGER_COUNT = report('（一）加强行政复议', '全年受理行政复议申请120件。', '（二）化解行政争议', '全年受理行政复议申请128件，审结120件。');
const ONE_TOPIC = report('（一）规范行政执法', '组织执法人员培训3期。', '严格执法证件管理。组织执法人员培训2期。');
const SHORTENED = report('全年收到行政复议申请128件，依法受理120件。', '（二）规范复议审理。收到复议申请132件，均在法定期限内审结。');

ruleTester('figure-conflict', {
  valid: [
    { name: 'the same amount in another scale', code: report('共兑现政策资金5亿元。', '共兑现政策资金50000万元。') },
    { name: 'different measures of one chain (原有 / 保留 / 现有)', code: report('原有行政执法证件1477个，其中保留行政执法证件1262个，撤销行政执法证件215个；新申领行政执法证件18个，现有行政执法证件1280个。') },
    { name: '人 and 人次 count different things', code: report('参加网上学法考试296人。', '参加网上学法考试14950人次。') },
    { name: 'different periods', code: report('2019年受理行政复议案件50件。', '2020年受理行政复议案件80件。') },
    { name: 'a part-year figure and the year figure', code: report('截至11月底，办理行政复议案件100宗。', '全年办理行政复议案件120宗。') },
    { name: 'approximations', code: report('开展专题讲座300余场。', '开展专题讲座320场。') },
    { name: 'parts of different wholes', code: report('共审查文件39件，其中行政规范性文件23件、其他文件16件。', '共备案文件30件，其中行政规范性文件20件、其他文件10件。') },
    { name: 'a target in the plans section', code: report('一、2020年法治政府建设主要举措和成效', '全年开展法治宣传进社区活动20场，覆盖群众5000人次。', '二、存在的不足和原因', '法治宣传形式单一，主要原因是基层普法力量不足。', '三、2021年法治政府建设主要安排', '开展法治宣传进社区活动30场，进一步扩大覆盖面。') },
    { name: 'a short generic measure in different paragraphs', code: report('组织学法4次。', '组织学法6次。') },
    // measure identity from verb, head noun and scope, not from a shared word
    { name: 'received and accepted count different things', code: report('全年收到行政复议申请128件，受理120件，审结112件。') },
    { name: 'accepted here, received there', code: report('全年受理行政复议申请120件。', '收到复议申请128件。') },
    { name: 'licences and penalties', code: report('办理行政许可事项1268件。', '办理行政处罚案件1286件。') },
    { name: 'a scope of its own (区本级)', code: report('全年办理行政许可事项1268件。', '区本级办理行政许可事项386件。') },
    { name: 'the body itself and a scope of its own (市本级)', code: report('全年，市政府系统办理行政许可1268件。', '市本级办理行政许可386件。') },
    { name: 'the body and its townships', code: report('全县办理行政许可事项1268件。', '各乡镇办理行政许可事项386件。') },
    { name: 'two counts joined by 和, each of its own noun (7个镇（街道）和9个区直单位)', code: report('开展专项督察，对7个镇（街道）和9个区直单位进行实地督察，印发督察简报3期。') },
    { name: 'a field named in the figure\'s own phrase, before 共', code: report('2024年局栏目共发布信息481条，安全生产和救灾两大领域共发布信息423条。') },
    { name: 'the body and its townships, each with 共', code: report('全县共办理行政许可事项1268件。', '各乡镇共办理行政许可事项386件。') },
    { name: 'a body named before the figures (区城管局：)', code: report('区市场监管局：开展执法检查260次，立案查处违法案件45件。', '区城管局：开展执法检查180次，立案查处违法案件32件。') },
    { name: 'a body named by the sub-heading', code: report('（一）区市场监管局', '开展执法检查260次。', '（二）区城管局', '开展执法检查180次。') },
    { name: 'a field named before the figure (在…领域)', code: report('在食品安全领域，开展执法检查260次。', '在安全生产领域，开展执法检查180次。') },
    { name: 'a field named after 一是 / 二是', code: report('一是食品安全领域，开展执法检查260次。二是安全生产领域，开展执法检查180次。') },
    { name: 'a scope on one side only: two readings', code: report('开展执法检查260次。', '在食品安全领域，开展执法检查180次。') },
    { name: '累计 may count since a start: compared only with 累计', code: report('全年办理法律援助案件320件。', '累计办理法律援助案件1200件。') },
    { name: 'an occasion named before the figure (…期间)', code: report('全年开展普法活动120场。', '在“宪法宣传周”期间，开展普法活动36场。') },
    { name: 'an activity under two topics is what each topic did', code: report('（一）规范行政执法', '组织执法人员培训3期。', '（二）深化普法宣传', '组织执法人员培训2期。') },
    { name: '行政诉讼 and 诉讼 may differ (民事)', code: report('办理行政诉讼案件95件。', '办理诉讼案件120件。') },
  ],
  invalid: [
    { name: 'the same measure with the filler 事项 dropped', code: FILLER, errors: [{ messageId: 'conflict', ...spanOf(FILLER, '1268件'), data: { a: '1268件', b: '1286件' } }] },
    { name: 'the measure\'s own topic is no scope (在行政复议方面)', code: TOPIC, errors: [{ messageId: 'conflict', ...spanOf(TOPIC, '120件'), data: { a: '120件', b: '128件' } }] },
    { name: 'a ledger count (行政复议) is one value under any heading', code: LEDGER_COUNT, errors: [{ messageId: 'conflict', ...spanOf(LEDGER_COUNT, '120件'), data: { a: '120件', b: '128件' } }] },
    { name: 'an activity in two paragraphs under one heading', code: ONE_TOPIC, errors: [{ messageId: 'conflict', ...spanOf(ONE_TOPIC, '3期'), data: { a: '3期', b: '2期' } }] },
    { name: 'the same field before 共 on both sides', code: SAME_FIELD, errors: [{ messageId: 'conflict', ...spanOf(SAME_FIELD, '260次'), data: { a: '260次', b: '180次' } }] },
    { name: 'the same scope twice', code: SAME_SCOPE, errors: [{ messageId: 'conflict', ...spanOf(SAME_SCOPE, '260次'), data: { a: '260次', b: '180次' } }] },
    { name: 'the body named as 市政府系统 and not named', code: SELF_SCOPE, errors: [{ messageId: 'conflict', ...spanOf(SELF_SCOPE, '1268件'), data: { a: '1268件', b: '1286件' } }] },
    { name: '行政复议申请 shortened to 复议申请', code: SHORTENED, errors: [{ messageId: 'conflict', ...spanOf(SHORTENED, '128件'), data: { a: '128件', b: '132件' } }] },
    {
      name: 'an edit left the old and the new amount side by side',
      code: EDITED,
      errors: [
        {
          messageId: 'conflict',
          ...spanOf(EDITED, '5亿元'),
          message: '同一指标“兑现政策资金”前后数值不一致：5亿元（第2行）与5905.23万元（第3行）',
          relatedLines: [3],
        },
      ],
    },
    {
      name: '宗 and 件 are one family',
      code: FAMILY,
      errors: [{ messageId: 'conflict', ...spanOf(FAMILY, '20宗'), data: { a: '20宗', b: '22件', lineA: 2, lineB: 3 }, relatedLines: [3] }],
    },
  ],
});
