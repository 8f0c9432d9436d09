import { describe, expect, test } from 'vitest';
import { runRule } from '../helpers/rule.js';
import { FIRST_RESPONSIBLE, MEASURES, PLANS, PROBLEMS, report, renumbered } from '../helpers/reports.js';
import { backedFamilies, hasFact } from '../../rules/checklist/first-responsible-substance.js';

const withDuty = (...lines: string[]) => report(MEASURES, PROBLEMS, [FIRST_RESPONSIBLE[0], ...lines], PLANS);

describe('first-responsible-substance', () => {
  test('facts for several duties are silent', () => {
    expect(runRule('first-responsible-substance', report(MEASURES, PROBLEMS, FIRST_RESPONSIBLE, PLANS))).toEqual([]);
  });

  test('actions on named documents and dates count as facts', () => {
    const text = withDuty('主要负责人主持审议《某县重大行政决策程序规定》，3月5日在县委常委会上述法，对《行政应诉工作报告》作出批示督促整改。');
    expect(runRule('first-responsible-substance', text)).toEqual([]);
  });

  test('principles only: reported on the paragraph', () => {
    const duty = '局党组高度重视法治建设，认真履行第一责任人职责，亲自部署、亲自过问，带头尊法学法守法用法，督促班子成员依法行政。';
    const text = withDuty(duty);
    const found = runRule('first-responsible-substance', text);
    expect(found.map((f) => f.line)).toEqual([text.split('\n').indexOf(duty) + 1]);
  });

  test('documents cited as the basis and meetings without date or count are not facts', () => {
    const text = withDuty('严格按照《党政主要负责人履行推进法治建设第一责任人职责规定》，召开专题会议研究部署；依据《法治政府建设实施纲要》落实“三项制度”，推行“最多跑一次”改革。');
    expect(runRule('first-responsible-substance', text)).toHaveLength(1);
  });

  test('one backed duty is not enough; the item inside another section is checked too', () => {
    const inside = '（三）一是落实主要负责人履行推进法治建设第一责任人职责。全年组织学法4次，高度重视依法决策和队伍建设。';
    expect(runRule('first-responsible-substance', report(...renumbered([...MEASURES, inside], PROBLEMS, PLANS)))).toHaveLength(1);
  });

  test('what counts as a fact', () => {
    expect(hasFact('组织常务会议学法4次')).toBe(true);
    expect(hasFact('十二月三日听取汇报')).toBe(true);
    expect(hasFact('签发《关于加强行政应诉工作的通知》')).toBe(true);
    expect(hasFact('严格执行《行政复议法》')).toBe(false);
    expect(hasFact('落实行政执法三项制度')).toBe(false);
    expect(hasFact('深化“七五”普法')).toBe(false);
    expect(backedFamilies('全年出庭应诉5次；1月18日专题研究法治工作。').size).toBe(2);
  });
});
