import { defineRule, type RawFinding } from '../engine/rule.js';
import { figuresOf, type FiguresModel, type Quantity, type Sentence } from '../model/figures/index.js';
import { figureText, inUnitOf, isExact, measureLabel, statedNumber } from './_shared.js';

/**
 * Totals and their parts. A list opened by 其中 / 分别 is checked against the totals before it (in its sentence,
 * or in the previous sentence when the list opens a sentence of its own). The parts may add up to any of those
 * totals (收到128件，受理120件，审结112件，其中… adds up to 审结); only when none fits is the nearest one reported —
 * always when the parts exceed it, and when they fall short only if the list names every part (分别, a remainder
 * 其他/其余, or a parallel list with a column that adds up).
 * Parallel lists (其中，A办理103件，已化解84件；B交办43件，已化解32件) are summed column by column. A stock-and-flow
 * chain (原有 − 撤销 + 新增 = 现有) is checked when its opening and closing stock are both stated.
 */
export default defineRule(
  { id: 'figure-sum', family: 'figures', defaultSeverity: 'warning', basis: ['practice'] },
  (report) => {
    const fig = figuresOf(report);
    const out: RawFinding<'figure-sum'>[] = [];
    for (const s of fig.sentences) {
      s.partsAt.forEach((p, i) => {
        const f = checkParts(fig, s, p, s.partsAt[i + 1] ?? s.to);
        if (f) out.push(f);
      });
    }
    for (const f of checkChains(fig)) out.push(f);
    return out;
  },
);

const countable = (q: Quantity) => !q.percent && q.role !== 'rate';

function checkParts(fig: FiguresModel, s: Sentence, at: number, next: number): RawFinding<'figure-sum'> | null {
  const text = s.block.norm.text;
  // 其中 inside brackets lists parts up to the closing bracket only
  const end = text[at - 1] === '（' ? Math.min(next, text.indexOf('）', at) < 0 ? next : text.indexOf('）', at)) : next;
  const parts = s.quantities.filter((q) => q.lead > at && q.to <= end && countable(q));
  if (parts.length < 2 || !parts.every(isExact)) return null;
  const family = parts[0].family;
  if (!parts.every((q) => q.family === family)) return null;
  let totals = s.quantities.filter((q) => q.to <= at && countable(q) && isExact(q));
  if (totals.length === 0) {
    const prev = fig.sentences[s.index - 1];
    if (prev && prev.block === s.block) totals = prev.quantities.filter((q) => countable(q) && isExact(q));
  }
  totals = totals.filter((q) => q.family === family);
  if (totals.length === 0) return null;
  const region = text.slice(at, end);

  // parallel lists: clauses separated by ； with the same number of figures each
  const clauses = groupByClause(text, parts, at, end);
  if (clauses.length >= 2 && clauses.every((c) => c.length === clauses[0].length) && clauses[0].length >= 2) {
    const m = clauses[0].length;
    if (totals.length < m) return null;
    const base = totals.slice(totals.length - m);
    const sums = Array.from({ length: m }, (_, j) => total(clauses.map((c) => c[j])));
    // a column that adds up exactly shows the list names every part; without one, a shortfall may be unlisted parts
    const exhaustive = sums.some((sum) => totals.some((t) => t.value === sum));
    for (let j = 0; j < m; j++) {
      const column = clauses.map((c) => c[j]);
      const sum = sums[j];
      if (totals.some((t) => t.value === sum)) continue;
      if (sum < base[j].value && !exhaustive) continue;
      return finding(column, base[j], sum);
    }
    return null;
  }
  if (clauses.length >= 2 && clauses.some((c) => c.length > 1)) return null;

  const sum = total(parts);
  if (totals.some((t) => t.value === sum)) return null;
  if (twoBreakdowns(parts, totals)) return null;
  const nearest = totals[totals.length - 1];
  // parts that exceed their whole are wrong; parts that fall short may be a list of some parts only (其中维持73件、
  // 撤销15件 of 审结112件 leaves out 驳回, 终止…). A shortfall is reported only when the list names every part: it is
  // opened by 分别, or it ends in the remainder (其他/其余), and 等 never marks it open.
  const exhaustive = /^分别/.test(text.slice(at)) || /其他|其余|其它|剩余/.test(region);
  if (sum < nearest.value && (!exhaustive || /等/.test(region))) return null;
  return finding(parts, nearest, sum);
}

/**
 * A list that mixes two breakdowns of one whole (立案查处390件（其中简易程序110件，普通程序280件、立案撤销8件）): the
 * parts that share a head word (…程序) add up to the total, and the part of another kind beside them (立案撤销) counts
 * across them. Two readings: no finding.
 */
function twoBreakdowns(parts: Quantity[], totals: Quantity[]): boolean {
  const byHead = new Map<string, Quantity[]>();
  for (const q of parts) {
    const head = q.key.slice(-2);
    if (head.length < 2) continue;
    const g = byHead.get(head);
    if (g) g.push(q);
    else byHead.set(head, [q]);
  }
  for (const g of byHead.values()) {
    if (g.length < 2 || g.length === parts.length) continue;
    const sum = total(g);
    if (totals.some((t) => t.value === sum)) return true;
  }
  return false;
}

function groupByClause(text: string, parts: Quantity[], at: number, end: number): Quantity[][] {
  const groups: Quantity[][] = [];
  let clauseStart = at;
  let current: Quantity[] = [];
  for (const q of parts) {
    const semi = text.lastIndexOf('；', q.lead);
    if (semi >= clauseStart && semi < end) {
      if (current.length) groups.push(current);
      current = [];
      clauseStart = semi + 1;
    }
    current.push(q);
  }
  if (current.length) groups.push(current);
  return groups;
}

function total(qs: Quantity[]): number {
  return Math.round(qs.reduce((a, q) => a + q.value, 0) * 1e6) / 1e6;
}

function finding(parts: Quantity[], whole: Quantity, sum: number): RawFinding<'figure-sum'> {
  const first = parts[0];
  const last = parts[parts.length - 1];
  const range = first.block === last.block ? { start: first.range.start, end: last.range.end } : first.range;
  return {
    ...range,
    messageId: 'sum',
    data: { sum: inUnitOf(sum, whole), parts: parts.map(statedNumber).join('+'), measure: measureLabel(whole), total: figureText(whole) },
    related: [{ ...whole.range, messageId: 'total', data: { measure: measureLabel(whole), total: figureText(whole) } }],
  };
}

function checkChains(fig: FiguresModel): RawFinding<'figure-sum'>[] {
  const out: RawFinding<'figure-sum'>[] = [];
  const qs = fig.quantities;
  for (let i = 0; i < qs.length; i++) {
    const open = qs[i];
    if (open.chain !== 'opening' || !isExact(open)) continue;
    let close: Quantity | undefined;
    const flows: Quantity[] = [];
    // a count of the same kind that is neither an addition nor a removal (收监执行2人) may be a term the chain needs:
    // then not every term is known, and nothing is checked
    let unread = false;
    for (let j = i + 1; j < qs.length; j++) {
      const q = qs[j];
      if (q.block !== open.block || q.sentence > open.sentence + 1) break;
      if (q.family !== open.family || !isExact(q)) continue;
      if (q.chain === 'opening') break;
      // 由上年末120人增加到135人，其中新增20人、调出5人: the flows may follow the closing stock in its sentence
      if (close && q.sentence !== close.sentence) break;
      if (q.chain === 'closing') {
        if (close) break;
        close = q;
        continue;
      }
      if (q.chain === 'in' || q.chain === 'out') flows.push(q);
      else if (!close && q.role !== 'rate' && !q.percent) unread = true;
    }
    if (!close || flows.length === 0 || unread) continue;
    const computed = Math.round(flows.reduce((v, q) => (q.chain === 'in' ? v + q.value : v - q.value), open.value) * 1e6) / 1e6;
    if (computed === close.value) continue;
    // only what every stated term settles: with additions alone, a closing stock below N + a may be unstated
    // removals; with removals alone, one above N − b may be unstated additions
    if (!flows.some((q) => q.chain === 'out') && computed > close.value) continue;
    if (!flows.some((q) => q.chain === 'in') && computed < close.value) continue;
    const expr = statedNumber(open) + flows.map((q) => (q.chain === 'in' ? '+' : '−') + statedNumber(q)).join('');
    out.push({
      ...close.range,
      messageId: 'chain',
      data: { expr, computed: inUnitOf(computed, close), measure: measureLabel(close), stated: figureText(close) },
      related: [{ ...open.range, messageId: 'opening', data: { measure: measureLabel(open), value: figureText(open) } }],
    });
  }
  return out;
}
