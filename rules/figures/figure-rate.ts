import { defineRule, type RawFinding } from '../engine/rule.js';
import { figuresOf, type Quantity, type Sentence } from '../model/figures/index.js';
import { figureText, formatNumber, isExact, measureLabel, statedNumber } from './_shared.js';

/**
 * A stated rate recomputed from its counts, only when both are stated and identifiable in the rate's sentence:
 * the numerator is the figure whose measure carries the rate's own words (调解成功率 ← 调解成功39件; 成功率 ←
 * 成功调解1474起), the denominator the figure of the same family before it that is at least as large and counts the
 * same subject: what was due (应报备15件 for 报备率), or the whole received, accepted or handled (受理42件). A
 * neighbouring count of something else (制定文件15件 before 报备12件，报备率100%) is no denominator: not checked; nor
 * is a whole of another kind (受理法律援助案件300件 for 调解成功率), nor a count that lacks a qualifier of the rate's
 * name (办结400件 for 按时办结率).
 * A rate whose numerator is not stated (直接纠错率19.48% beside 审结77宗) is not checked. The text's rounding is
 * accepted: a rate is right when it is within one unit of its last written digit (93% for 39/42).
 */
export default defineRule(
  { id: 'figure-rate', family: 'figures', defaultSeverity: 'warning', basis: ['practice'] },
  (report) => {
    const fig = figuresOf(report);
    const out: RawFinding<'figure-rate'>[] = [];
    for (const rate of fig.quantities) {
      if (!rate.percent || !rate.rateName || rate.growth || !isExact(rate)) continue;
      const pair = findCounts(fig.sentences[rate.sentence], rate);
      if (!pair) continue;
      const { n, d } = pair;
      const computed = (n.value / d.value) * 100;
      const decimals = (statedNumber(rate).split('.')[1] ?? '').length;
      if (Math.abs(computed - rate.value) < 10 ** -decimals + 1e-9) continue;
      out.push({
        ...rate.range,
        messageId: 'rate',
        data: {
          rate: measureLabel(rate) + figureText(rate),
          n: statedNumber(n),
          d: statedNumber(d),
          nLabel: measureLabel(n) + figureText(n),
          dLabel: measureLabel(d) + figureText(d),
          computed: formatNumber(computed, decimals + 1) + '%',
        },
        related: [
          { ...n.range, messageId: 'numerator', data: { value: figureText(n) } },
          { ...d.range, messageId: 'denominator', data: { value: figureText(d) } },
        ],
      });
    }
    return out;
  },
);

/** What a denominator says: the whole that was received, accepted, handled or due (受理42件, 应报备15件, 共…). */
const BASE = /受理|接收|收到|接到|收案|登记|立案|办理|审结|涉及|参加|参训|报名|发现|排查|摸排|交办|共|总|累计|全部|应/;

function findCounts(s: Sentence, rate: Quantity): { n: Quantity; d: Quantity } | null {
  const before = s.quantities.filter((q) => q.to <= rate.lead && !q.percent && q.role !== 'rate' && isExact(q));
  const stem = rate.measure.replace(/(?:率|占比|比例|比重)$/, '');
  let n: Quantity | undefined;
  let dropped = '';
  // 调解成功率 → 调解成功, then 成功: the longest part of the rate's name that a count repeats
  for (let k = 0; k + 2 <= stem.length && !n; k++) {
    const core = stem.slice(k);
    for (let i = before.length - 1; i >= 0; i--) {
      if (before[i].measure.includes(core) && !/应/.test(before[i].phrase)) {
        n = before[i];
        dropped = stem.slice(0, k);
        break;
      }
    }
  }
  if (!n) return null;
  const numerator = n;
  const ni = before.indexOf(n);
  const candidates = before.slice(0, ni).filter((d) => d.family === n.family && d.value >= n.value && d.value > 0);
  // the same subject: what was due (应报备 for 报备率) first, else the whole received or handled; never a
  // neighbouring count of something else (制定文件15件 is no base for 报备率)
  const verb = stem.slice(-2);
  // the words of the rate's name the numerator lacks must be the whole's (行政复议纠错率: 纠错15件 of 行政复议申请120件);
  // otherwise they narrow what the rate counts (按时办结率 is not 办结400件 over 420)
  const narrowed = (d: Quantity) => dropped !== '' && !(numerator.phrase + numerator.measure + d.phrase + d.measure).includes(dropped);
  const due = candidates.filter((d) => /应/.test(d.phrase) && d.phrase.includes(verb));
  if (due.length) return narrowed(due[due.length - 1]) ? null : { n, d: due[due.length - 1] };
  for (let i = candidates.length - 1; i >= 0; i--) {
    const d = candidates[i];
    if (d.measure.includes(verb)) continue;
    return BASE.test(d.phrase) && !narrowed(d) && sameSubject(rate, numerator, d) ? { n, d } : null;
  }
  return null;
}

/** the kinds of case or matter a count may be of: a whole of one kind is no base for a rate of another */
const SUBJECT_KIND = /行政复议|复议|行政诉讼|诉讼|应诉|调解|仲裁|信访|法律援助|公证|行政许可|许可|行政处罚|处罚|投诉|举报|咨询|社区矫正|矫正|合同|规范性文件|执法检查|检查/g;
const kindsOf = (text: string) => new Set([...text.matchAll(SUBJECT_KIND)].map((m) => m[0].replace(/^行政|^社区|^执法/, '')));

/** 受理法律援助案件300件 is no base for 调解成功率: the whole names one kind, the rate and its count another */
function sameSubject(rate: Quantity, n: Quantity, d: Quantity): boolean {
  const whole = kindsOf(d.phrase + d.measure);
  if (whole.size === 0) return true;
  const own = kindsOf(rate.measure + n.phrase + n.measure);
  return own.size === 0 || [...own].some((k) => whole.has(k));
}
