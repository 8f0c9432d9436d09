import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { missingFigures } from '../../rules/figures/figure-missing.js';
import { report } from './_figures.js';
import { ruleTester, spanOf } from '../helpers/ruleTester.js';

const found = (s: string) => runRule('figure-missing', report(s)).map((f) => f.data.text);

describe('figure-missing', () => {
  test.each([
    // rate names with nothing after them
    ['全年受理12345热线群众诉求1.2万件，接通率、办结率、满意率。', '接通率、办结率、满意率'],
    ['政务服务好评率、一次办结率。', '政务服务好评率、一次办结率'],
    ['受理行政复议申请86件，审结81件，调解成功率。', '调解成功率'],
    // a copula that needs a value, then nothing
    ['行政诉讼案件败诉率为。', '行政诉讼案件败诉率为'],
    ['群众满意度达到，较上年有所提高。', '群众满意度达到'],
    ['接通率、办结率、满意率分别为、、。', '满意率分别为'],
    ['参训人数达，覆盖全部执法单位。', '参训人数达'],
    // a unit or percent sign with no numeral
    ['行政复议案件数量同比增长%。', '行政复议案件数量同比增长%'],
    ['直接纠错率较上年提高个百分点。', '直接纠错率较上年提高个百分点'],
    ['追回拖欠工资，挽回经济损失万元。', '挽回经济损失万元'],
    ['为企业减免租金亿元。', '为企业减免租金亿元'],
    // a total word and a verb straight before a unit
    ['全年共办理件，同比有所下降。', '共办理件'],
    ['累计培训执法人员人次。', '累计培训执法人员人次'],
    ['共有党员人，其中女党员45人。', '共有党员人'],
    // a counting verb straight before the unit that ends the clause
    ['全年受理件，办结件，化解率有所提高。', '受理件'],
    // rate names ending the sentence after another clause whose number went too
    ['全年共受理群众来电，接通率、办结率、满意率。', '接通率、办结率、满意率'],
    ['持续优化营商环境，群众知晓率、满意率。', '群众知晓率、满意率'],
    // 确保 needs the value the rates are to reach
    ['确保街道党内规范性文件的报备率、及时率、合法合规率。', '报备率、及时率、合法合规率'],
    ['力争行政执法案卷合格率。', '案卷合格率'],
  ])('reports %s', (text, piece) => {
    expect(found(text)).toContain(piece);
  });

  test('the finding names the cut figure and is an error', () => {
    const f = runRule('figure-missing', report('全年共办理件，同比有所下降。'));
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].message).toBe('疑似数字缺失：“共办理件”未给出数值');
    expect(f[0].line).toBe(2);
  });

  describe('look-alikes that must stay silent', () => {
    test.each([
      // a rate governed by a verb, or with a predicate, or with its number
      '进一步提高办结率，压缩办理时限。',
      '群众满意率稳步提升。',
      '群众满意率100%。',
      '实现办结率、满意率双提升。',
      '接通率、办结率、满意率均达到99%以上。',
      '接通率、办结率、满意率，均居全市前列。',
      '接通率、办结率、满意率，分别为99.1%、98.7%和97.5%。',
      '重点考核接通率、办结率、满意率。',
      '考核指标：接通率、办结率、满意率。',
      '将群众满意率纳入绩效考核。',
      '以群众满意率为标准检验工作成效。',
      '努力提升群众的获得感、幸福感和满意度。',
      '持续提高行政效率。',
      '领导干部发挥表率作用，率先垂范。',
      '行政复议案件办结率、满意率全部达标。',
      // 确保 with the value, a quality, a predicate, or not ending the sentence
      '确保规范性文件报备率、及时率达到100%。',
      '确保规范性文件报备率、及时率均达100%。',
      '确保实现报备率、及时率双提升。',
      '确保文件全部报备，报备率、及时率。',
      '确保办结率稳步提升。',
      '确保较高的群众满意率。',
      '确保群众满意度。',
      '确保报备率、及时率，推动规范性文件管理。',
      '确保工作效率。',
      // one rate name after another clause, or a name with a predicate
      '深化政务服务改革，提升群众满意率、获得感。',
      '持续改进服务，群众满意率稳步提升。',
      // 万元 and 亿元 as a scale or class
      '单位GDP能耗和万元GDP用水量持续下降。',
      '对亿元以上项目开展合法性审查。',
      '全年完成固定资产投资上亿元，招引项目数十万元以上。',
      '为企业减免租金数万元。',
      // count nouns and nouns that end in a unit character
      '受理件数同比下降10%。',
      '全年共办理案件，均在法定期限内办结。',
      '审查申请人提交的材料，告知当事人权利。',
      '共同推进法治建设，共建共治共享。',
      '受理人、审查人和决定人分别签字。',
      '参训人次达5000，覆盖全部执法单位。',
      '共办理行政复议案件86件，同比下降12%。',
      '行政复议纠错率为12.3%。',
      '完成进度120%。',
      '增长率为负。',
      // names and headings
      '开展“接通率、办结率、满意率”专项评比。',
      '严格执行《关于提高办结率满意率的若干措施》。',
    ])('%s', (text) => {
      expect(found(text)).toEqual([]);
    });

    test('a placeholder standing for the number is placeholder\'s, not a cut figure', () => {
      expect(runRule('figure-missing', report('区委依法治区委共召开会议*次，统筹推进各项工作；培训*人，开展X场。'))).toEqual([]);
    });

    test('a heading naming rates is a label', () => {
      expect(runRule('figure-missing', report('（三）接通率、办结率、满意率', '全年接通率99%，办结率98%，满意率97%。'))).toEqual([]);
    });
  });

  test('the text-level finder gives the same pieces', () => {
    expect(missingFigures('共办理件，挽回经济损失万元。')).toEqual(['共办理件', '挽回经济损失万元']);
  });
});

// The rule tester's cases (message id, place, no fix); the tables above check the pieces found.
const CUT = report('全年共办理件，同比有所下降。');
// a text that stops mid-sentence at its end, and the same clause where the sentence is whole
const STOPPED = report('全年办理各类便民服务事项1500余件，群众满意度');
const ENDED = report('全年办理各类便民服务事项1500余件，群众满意度。');
const STOPPED_INSIDE = report('全年办理各类便民服务事项1500余件，群众满意度', '二是优化审批流程。');
ruleTester('figure-missing', {
  valid: [
    report('共办理行政复议案件86件，同比下降12%。'),
    report('群众满意率100%。'),
    report('（三）接通率、办结率、满意率', '全年接通率99%，办结率98%，满意率97%。'),
    { name: 'a text that stops mid-sentence at its end: the last clause is unfinished', code: STOPPED },
  ],
  invalid: [
    { name: 'the same clause closing its sentence', code: ENDED, errors: [{ messageId: 'missing', ...spanOf(ENDED, '群众满意度') }] },
    { name: 'the same clause where the text goes on', code: STOPPED_INSIDE, errors: [{ messageId: 'missing', ...spanOf(STOPPED_INSIDE, '群众满意度') }] },
    {
      name: 'the finding names the cut figure',
      code: CUT,
      errors: [{ messageId: 'missing', ...spanOf(CUT, '共办理件'), message: '疑似数字缺失：“共办理件”未给出数值', fixes: [] }],
    },
  ],
});
