import { ruleTester, spanOf } from '../helpers/ruleTester.js';

/** [text, every placeholder reported in it, in order] */
const PLACEHOLDERS: [string, ...string[]][] = [
  ['全年开展行政执法培训(几次)，参训人员明显增加。', '(几次)'],
  ['组织旁听庭审（多少人）。', '（多少人）'],
  ['XX区司法局认真落实各项要求。', 'XX'],
  ['××街道办事处高度重视。', '××'],
  ['20XX年，我局继续推进法治建设。', '20XX'],
  ['x01x年工作计划已经印发。', 'x01x'],
  ['全年召开常务会议学法＊次。', '＊'],
  ['本年度共办理复议案件【待补充】件。', '【待补充】'],
  ['TODO 补充第一责任人述法情况。', 'TODO'],
  ['某某单位未按时报送材料。', '某某'],
  // a lone letter for a number or a name
  ['力争于2025年X月底前全部完成整改。', 'X'],
  ['在年度考核中位列全市第X位。', 'X'],
  ['组织第x批执法人员参加轮训。', 'x'],
  ['x乡司法所协助调解纠纷。', 'x'],
  ['会同X区市场监管局开展联合检查。', 'X'],
  ['全年开展法律咨询X次，发放资料×份。', 'X', '×'],
  // a half-width asterisk beside Chinese text
  ['开展执法培训*场，培训执法人员200人。', '*'],
  ['*区司法局牵头，各街道配合。', '*'],
  ['排名全省第*，较上年前移。', '*'],
  ['为建设美丽*提供法治保障。', '*'],
  ['*个协调小组共召开会议*次。', '*', '*'],
  ['召开会议*次和培训*场。', '*', '*'],
  // a pair that closes on a name's suffix and spans a clause break: two masked names, not emphasis
  ['完善了*建设规划、修订了*街道议事规则。', '*', '*'],
  ['落实*发展纲要，推进*区法治建设。', '*', '*'],
  // asterisks masking a date's digits, and a masked item number
  ['****年，街道继续推进法治建设。', '****'],
  ['一、20**年推进法治政府建设的主要举措', '20**'],
  ['*.加强组织领导。街道及时调整领导小组成员。', '*'],
  ['X、深化理论武装。', 'X'],
  // the template's own guidance left in
  ['【请填写本年度行政复议案件数量】', '【请填写本年度行政复议案件数量】'],
  ['〔此处写本单位主要负责人述法情况〕', '〔此处写本单位主要负责人述法情况〕'],
  ['（一）【举措一的标题】', '【举措一的标题】'],
  ['【逐条列出不足，如“执法力量不足”】', '【逐条列出不足，如“执法力量不足”】'],
  ['【针对每一条不足写明对应措施】', '【针对每一条不足写明对应措施】'],
  ['［如无其他需要报告的情况，可删去本部分］', '［如无其他需要报告的情况，可删去本部分］'],
  ['某区司法局\n2025年【月】【日】', '【月】', '【日】'],
  ['【单位名称】关于2024年度法治政府建设情况的报告', '【单位名称】'],
  // a mask opening a document's title: the place's name masked by a mirror site or never filled in
  ['落实《**区2023年全面依法治区工作要点》《**开发区2023年工作要点》等文件要求。', '**', '**'],
  ['印发《XX县法治政府建设实施方案》。', 'XX'],
];

ruleTester('placeholder', {
  valid: [
    '依法办理王某某诉区政府信息公开案，经审理维持原决定。',
    // Markdown bold before a year word, a bullet, a product: not masked digits
    '**年度重点工作**全部完成。',
    '* 加强组织领导。',
    '1.加强组织领导。X光机等设备全部检定。',
    '严格执行《某某市行政规范性文件管理办法》。',
    // a title in Markdown bold, and a title that opens with a letter that is no mask
    '严格执行《**青山区行政规范性文件管理办法**》。',
    '组织学习《X射线诊断放射防护要求》。',
    '群众反映“某某单位不作为”的问题已经办结。',
    '全区共有4A级景区3个，XXL型号不在此列。',
    '**重点工作**：深化“放管服”改革。',
    '若干意见已经印发，有待补充完善的内容将在明年修订。',
    '2020年12月底前完成全部任务。',
    '全面推行行政执法“三项制度”，实现x轴和y轴数据互通。',
    // X光 and X射线 are names of things; 3×3 is arithmetic; Latin words carry their own letters
    '为卫生院配备X光机2台，开展X射线防护检查。',
    '按3×3米规格设置宣传栏，长×宽不小于9平方米。',
    '开展“宪法进万家”活动，覆盖X-ray检测和Xian籍务工人员。',
    '推广使用Windows系统和Office软件。',
    // Markdown emphasis, bullets and bold are not asterisk placeholders
    '坚持*人民至上*的理念，推进依法行政。',
    '*坚持人民至上，坚持依法行政*是根本遵循。',
    // emphasis that happens to end before a suffix but spans no clause break
    '突出*法治宣传*部门联动。',
    '按5*3的比例配备执法人员。',
    '* 完善行政执法三项制度',
    '**二是强化监督**。全年开展执法检查12次。',
    // quoted names, editorial labels, document numbers and links are not template guidance
    '举办“××杯”法治知识竞赛。',
    '【典型案例】区市场监管局办理的一起食品安全案件入选全省十大案例。',
    '【经验做法】推行“一案一评”。',
    '依据《国务院关于加强法治政府建设的意见》（国发〔2010〕33号）。',
    '详见[请点击这里](https://www.example.gov.cn/a.html)。',
    '2025年3月20日',
    { name: 'code blocks are not report text', code: '说明如下。\n\n```\nTODO XX\n```\n' },
  ],
  invalid: [
    ...PLACEHOLDERS.map(([code, ...found]) => {
      let from = 0;
      const errors = found.map((text) => {
        const nth = code.slice(0, from).split(text).length - 1;
        const span = spanOf(code, text, nth);
        from = code.indexOf(text, from) + text.length;
        return { messageId: 'placeholder' as const, ...span, data: { text }, fixes: [] };
      });
      return { code, errors };
    }),
    {
      // "*次，培训*" parses as emphasis, which the normalised text drops
      name: 'an asterisk placeholder is found on the source even when Markdown reads emphasis',
      code: '全年召开会议*次，培训*人。\n',
      errors: [
        { messageId: 'placeholder', line: 1, column: 7, endColumn: 8, data: { text: '*' }, message: '疑似未替换的占位内容“*”' },
        { messageId: 'placeholder', line: 1, column: 12, endColumn: 13, data: { text: '*' } },
      ],
    },
  ],
});
