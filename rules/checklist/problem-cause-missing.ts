/**
 * problem-cause-missing: a listed problem with no cause stated in its item. Words that only restate the problem
 * (不够, 有待加强, 不足) are not causes. A paragraph of the section that analyses causes for all the problems
 * (产生上述问题的原因…) answers for every item.
 */
import { defineRule } from '../engine/rule.js';
import { SHARED_CAUSE, problemItems } from '../model/items.js';

/**
 * Words that state why (normalised text, so traditional 導致/隨著 match too). 主要是 after the problem's own sentence
 * or clause explains it (执法力量薄弱。主要是乡镇执法人员少); at the start (问题主要是…) it only introduces the problem.
 */
export const CAUSE = /由于|原因|导致|造成|致使|因为|因而|源于|源自|随[着著]|受.{0,16}影响|影响了|缺乏|欠缺|所致|客观上|主观上|在于|根源|加之|囿于|限于|归因|以致|使得|究其|面对.{0,20}(形势|要求|任务)|[。；，]\s*(?:这|其)?主要是/;

export default defineRule(
  { id: 'problem-cause-missing', family: 'checklist', defaultSeverity: 'warning', basis: ['content'] },
  (report) => {
    const { items, loose } = problemItems(report);
    if (loose.some((t) => SHARED_CAUSE.test(t.trim()))) return [];
    return items
      .filter((it) => !CAUSE.test(it.text))
      .map((it) => ({ ...it.firstRange, messageId: 'noCause', data: { problem: it.first } }));
  },
);
