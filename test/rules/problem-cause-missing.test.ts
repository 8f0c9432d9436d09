import { FIRST_RESPONSIBLE, MEASURES, PLANS, PROBLEMS, report, MERGED_PAIRS } from '../helpers/reports.js';
import { ruleTester, spanOf } from '../helpers/ruleTester.js';

const withProblems = (...lines: string[]) => report(MEASURES, [PROBLEMS[0], ...lines], FIRST_RESPONSIBLE, PLANS);

const UNCAUSED = withProblems('还存在一些不足：一是执法监督力度有待进一步加强；二是普法宣传的针对性还不够强，由于经费有限，活动覆盖面窄；三是法律顾问作用发挥不充分。');
const CLAUSES = withProblems('我局工作中主要存在以下问题：制度建设还不够健全；干部队伍力量单薄；信息公开不够及时。');
const INTRODUCED = withProblems('（一）存在的问题主要是执法力量薄弱。', '（二）法治宣传针对性不强，主要表现在宣传形式单一。');
const noCause = (code: string, problem: string) => ({ messageId: 'noCause' as const, ...spanOf(code, problem), data: { problem } });


ruleTester('problem-cause-missing', {
  valid: [
    { name: 'in a merged section the paragraph opening with the next year is a plan, not a problem without a cause', code: MERGED_PAIRS },
    { name: 'problems with causes (由于, 受…影响, 缺乏)', code: report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS) },
    { name: 'traditional characters and sub-headed problems: 導致, 隨著', code: withProblems('（一）決策程序意識有待增強。部分單位認識不清，導致事項未納入目錄。', '（二）隊伍能力尚有差距。隨著執法改革推進，任務更重。') },
    { name: 'one paragraph analysing the causes of all the problems answers for each', code: withProblems('主要问题有：执法人员专业能力不够；司法所人员配备不到位。', '产生上述问题的原因，一方面是编制紧张，另一方面是培训投入少。') },
    {
      name: 'an opening paragraph that announces the problems is not one of them',
      code: report(MEASURES, ['二、存在的不足和原因', '虽然取得了一定成效，但工作中仍然存在一些不足。', '执法人员专业能力不足，由于多为转岗人员。', '基层司法所力量薄弱，受编制限制影响。'], FIRST_RESPONSIBLE, PLANS),
    },
    {
      name: 'a paragraph after the last item naming the causes of them all (…不足的原因)',
      code: withProblems('（一）法治意识不强，对法治政府建设重视不够。', '（二）乡村法治人才短缺，法治队伍建设有待加强。', '法治建设不足的原因，一是基层编制紧张，二是培训投入少。'),
    },
    {
      name: 'causes introduced by 主要是, 究其原因, 原因在于 after the problem',
      code: withProblems('（一）基层执法力量薄弱。主要是乡镇执法人员少，专业素质不高。', '（二）法治宣传针对性不强。究其原因，宣传方式创新不够。', '（三）行政复议规范化水平有待提高。原因在于办案人员流动较大。', '（四）法治督察不够有力，这主要是督察人员兼职多。'),
    },
  ],
  invalid: [
    {
      name: '主要是 that introduces the problem, and 主要表现在 (what it looks like), are no cause',
      code: INTRODUCED,
      errors: [noCause(INTRODUCED, '存在的问题主要是执法力量薄弱'), noCause(INTRODUCED, '法治宣传针对性不强')],
    },
    {
      name: 'each problem without a cause is reported on its opening words',
      code: UNCAUSED,
      errors: [
        { ...noCause(UNCAUSED, '执法监督力度有待进一步加强'), message: '问题“执法监督力度有待进一步加强”未分析原因（督察规定要求写明“不足和原因”）' },
        noCause(UNCAUSED, '法律顾问作用发挥不充分'),
      ],
    },
    {
      name: 'clauses separated by ； are items when there is no enumerator',
      code: CLAUSES,
      errors: [noCause(CLAUSES, '制度建设还不够健全'), noCause(CLAUSES, '干部队伍力量单薄'), noCause(CLAUSES, '信息公开不够及时')],
    },
  ],
});
