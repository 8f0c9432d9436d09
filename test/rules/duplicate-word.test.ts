import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { fix } from '../../rules/index.js';
import { isReduplication } from '../../rules/residue/duplicate-word.js';
import { ruleTester } from '../helpers/ruleTester.js';

/** [text, the leftover reported, the text after the fix] */
const LEFTOVERS: [string, string, string][] = [
  ['三是普法工作工作机制还不够完善。', '工作工作', '三是普法工作机制还不够完善。'],
  ['把学习好、宣传好、贯彻好贯彻习近平法治思想作为重要任务。', '贯彻好贯彻', '把学习好、宣传好、贯彻好习近平法治思想作为重要任务。'],
  ['百分百100%完成监管事项清单认领。', '百分百100%', '百分百完成监管事项清单认领。'],
  ['共开展培训十二12次。', '十二12', '共开展培训十二次。'],
  ['严格落实行政执法执法三项制度。', '执法执法', '严格落实行政执法三项制度。'],
  ['推进政务公开公开工作。', '公开公开', '推进政务公开工作。'],
  // single characters an edit left doubled
  ['法治政府建设取得新的的提升。', '的的', '法治政府建设取得新的提升。'],
  ['我们们将继续深化改革。', '们们', '我们将继续深化改革。'],
  ['执法队伍建设得到了了加强。', '了了', '执法队伍建设得到了加强。'],
  ['然而而基层执法力量仍显不足。', '而而', '然而基层执法力量仍显不足。'],
  ['复议和和诉讼案件均有下降。', '和和', '复议和诉讼案件均有下降。'],
  // a tentative verb doubled after a noun is a leftover, not "have a go at"
  ['开展宪法宣传周主题活动活动12场。', '活动活动', '开展宪法宣传周主题活动12场。'],
  ['组织集中学习学习32次。', '学习学习', '组织集中学习32次。'],
  // a word the dictionary lacks is still a word when the report uses it on its own elsewhere
  ['行政复议渠道畅通，全年办理行政复议复议案件12件。', '复议复议', '行政复议渠道畅通，全年办理行政复议案件12件。'],
];

ruleTester('duplicate-word', {
  valid: [
    '对困难群众一一建档，逐户走访。',
    '层层压实责任，层层传导压力。',
    '做到家家户户知晓，人人参与。',
    '常常深入基层，天天坚持学习。',
    '领导强调：“这个问题要好好研究研究。”',
    '大家商量商量再定。',
    '一个一个地核实，一步一步地推进。',
    '方方面面的工作都要抓实。',
    '统一1次性告知，唯一1个窗口。',
    '完成目标任务的100%。',
    // reduplication and words that meet at a boundary
    '把政策讲得明明白白，让群众看看、评评。',
    '谢谢大家，我们的的确确做了大量工作。',
    '为了了解群众需求，开展问卷调查。',
    '现在在全区推行“一窗通办”。',
    '实现立法目的的制度安排已经建立。',
    '合同标的的金额超过100万元。',
    '保持社会祥和和稳定。',
    '鼓励群众参与与监督。',
    '实实在在为群众办实事，和和美美过大年。',
    '对久拖不决的信访积案绝不不了了之。',
    '人人参与、个个尽责、时时警醒、处处留心。',
    '大家要好好学习学习新修订的行政复议法。',
    '下班后去活动活动。',
    { name: 'traditional reduplication is reduplication too', code: '層層發動，廣泛宣傳。' },
    // enumerations of compounds sharing characters: the doubled pair straddles two words (退税|缓税|缓费)
    '全面落实减税降费和退税缓税缓费政策。',
    '依法办理征税退税退费事项，做到应退尽退。',
    '推行县管乡管乡用的人才机制。',
  ],
  invalid: LEFTOVERS.map(([code, found, output]) => {
    const column = code.indexOf(found) + 1;
    return { code, errors: [{ messageId: 'duplicate' as const, line: 1, column, endColumn: column + found.length, data: { text: found }, fixes: ['delete'] }], output };
  }),
});

describe('duplicate-word', () => {
  test('exception list and AABB rule', () => {
    expect(isReduplication('研究')).toBe(true);
    expect(isReduplication('层层')).toBe(true);
    expect(isReduplication('家家户户')).toBe(true);
    expect(isReduplication('一步')).toBe(true);
    expect(isReduplication('工作')).toBe(false);
    expect(isReduplication('执法')).toBe(false);
  });

  test('a run of copies is one finding whose fix removes every extra copy in one edit', () => {
    const text = '完善普法工作工作工作工作机制。';
    const f = runRule('duplicate-word', text);
    expect(f).toHaveLength(1);
    expect(text.slice(f[0].start, f[0].end)).toBe('工作工作工作工作');
    expect(f[0].fixes[0].edits).toHaveLength(1);
    expect(fix(text, f).output).toBe('完善普法工作机制。');
    // a character pasted thousands of times keeps its doubled form, in one pass
    const long = '长'.repeat(6400);
    const g = runRule('duplicate-word', long);
    expect(g).toHaveLength(1);
    // 长长 is no form a report uses: the run is cut back to one character
    expect(fix(long, g).output).toBe('长');
    expect(runRule('duplicate-word', '长长')).toEqual([]);
    // a character reports do double keeps its doubled form; a function character keeps one copy
    expect(fix('层层层压实责任。', runRule('duplicate-word', '层层层压实责任。')).output).toBe('层层压实责任。');
    expect(fix('取得新的的的提升。', runRule('duplicate-word', '取得新的的的提升。')).output).toBe('取得新的提升。');
  });
});
