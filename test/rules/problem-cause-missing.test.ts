import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { FIRST_RESPONSIBLE, MEASURES, PLANS, PROBLEMS, report } from '../helpers/reports.js';

const withProblems = (...lines: string[]) => report(MEASURES, [PROBLEMS[0], ...lines], FIRST_RESPONSIBLE, PLANS);

describe('problem-cause-missing', () => {
  test('problems with causes are silent (由于, 受…影响, 缺乏)', () => {
    expect(runRule('problem-cause-missing', report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS))).toEqual([]);
  });

  test('traditional characters and sub-headed problems: 導致, 隨著', () => {
    const text = withProblems('（一）決策程序意識有待增強。部分單位認識不清，導致事項未納入目錄。', '（二）隊伍能力尚有差距。隨著執法改革推進，任務更重。');
    expect(runRule('problem-cause-missing', text)).toEqual([]);
  });

  test('one paragraph analysing the causes of all the problems answers for each', () => {
    const text = withProblems('主要问题有：执法人员专业能力不够；司法所人员配备不到位。', '产生上述问题的原因，一方面是编制紧张，另一方面是培训投入少。');
    expect(runRule('problem-cause-missing', text)).toEqual([]);
  });

  test('each problem without a cause is reported on its opening words', () => {
    const text = withProblems('还存在一些不足：一是执法监督力度有待进一步加强；二是普法宣传的针对性还不够强，由于经费有限，活动覆盖面窄；三是法律顾问作用发挥不充分。');
    const found = runRule('problem-cause-missing', text);
    expect(found.map((f) => f.data.problem)).toEqual(['执法监督力度有待进一步加强', '法律顾问作用发挥不充分']);
    expect(found[0].message).toBe('问题“执法监督力度有待进一步加强”未分析原因（督察规定要求写明“不足和原因”）');
  });

  test('clauses separated by ； are items when there is no enumerator', () => {
    const text = withProblems('我局工作中主要存在以下问题：制度建设还不够健全；干部队伍力量单薄；信息公开不够及时。');
    expect(runRule('problem-cause-missing', text)).toHaveLength(3);
  });
});

describe('problem-cause-missing: reading the list', () => {
  test('an opening paragraph that announces the problems is not one of them', () => {
    const text = report(
      MEASURES,
      ['二、存在的不足和原因', '虽然取得了一定成效，但工作中仍然存在一些不足。', '执法人员专业能力不足，由于多为转岗人员。', '基层司法所力量薄弱，受编制限制影响。'],
      FIRST_RESPONSIBLE,
      PLANS,
    );
    expect(runRule('problem-cause-missing', text)).toEqual([]);
  });
});
