import { defineRule, type RawFinding } from '../engine/rule.js';
import { figuresOf, type FiguresModel, type Quantity } from '../model/figures/index.js';
import { headSegments } from '../model/figures/measure.js';
import type { Report } from '../model/report.js';
import { figureText, isExact, measureLabel } from './_shared.js';
import { CJK_CLASS } from '../model/text.js';

/**
 * The same measure (same subject phrase, same unit family, same period) stated with two values — the same measure
 * in two wordings too: 办理行政许可事项 and 办理行政许可, 行政复议申请 and 复议申请 (see canonicalMeasure). Parts (after
 * 其中) count within a whole that may differ, so they are left out; rates and short, generic measures are
 * compared only within one paragraph, where the same words name the same thing.
 */
export default defineRule(
  { id: 'figure-conflict', family: 'figures', defaultSeverity: 'error', basis: ['practice'] },
  (report) => {
    const groups = new Map<string, Quantity[]>();
    for (const q of figuresOf(report).quantities) {
      if (!isExact(q) || q.role === 'part' || q.growth || q.key.length < 4) continue;
      const key = `${canonicalMeasure(q.key)}|${q.family}|${q.period.key}`;
      const g = groups.get(key);
      if (g) g.push(q);
      else groups.set(key, [q]);
    }
    const out: RawFinding<'figure-conflict'>[] = [];
    const fig = figuresOf(report);
    for (const all of groups.values()) {
      if (all.length < 2) continue;
      // the same words under another scope (区城管局：开展执法检查180次 after 区市场监管局：…260次) count another thing;
      // a scope on one side only leaves two readings: each scope is compared with itself alone
      const byScope = new Map<string, Quantity[]>();
      for (const q of all) {
        const k = scopeOf(report, fig, q);
        const list = byScope.get(k);
        if (list) list.push(q);
        else byScope.set(k, [q]);
      }
      for (const g of byScope.values()) out.push(...conflictsIn(report, g));
    }
    return out;
  },
);

/**
 * Counts a report keeps one ledger of (行政复议, 行政许可, 法律援助, 规范性文件…): one value for the year wherever it is
 * stated. Other measures (开展专项检查, 组织执法人员培训) recur under each topic of the report for what that topic did,
 * so they are compared across paragraphs only under one heading.
 */
const LEDGER = /复议|诉讼|应诉|许可|处罚|规范性文件|合法性审查|法律援助|法律顾问|公职律师|调解|纠纷|信访|投诉|举报|政策资金|市场主体|执法证|案卷|清单|事项/;

function conflictsIn(report: Report, g: Quantity[]): RawFinding<'figure-conflict'>[] {
  const out: RawFinding<'figure-conflict'>[] = [];
  if (g.length < 2) return out;
  {
    {
      const first = g[0];
      const seen = new Set([first.value]);
      for (const q of g.slice(1)) {
        if (seen.has(q.value)) continue;
        const local = q.block === first.block;
        if (!local && (q.role === 'rate' || Math.max(q.key.length, first.key.length) < 5)) continue;
        if (!local && !LEDGER.test(q.key) && topicOf(report, q) !== topicOf(report, first)) continue;
        seen.add(q.value);
        const data = { measure: measureLabel(first), a: figureText(first), lineA: first.block.line, b: figureText(q), lineB: q.block.line };
        // literals, no spread (V8's slow path in Node 20): a 1 MB draft of copies has hundreds of these, built on every keystroke
        out.push({
          start: first.range.start,
          end: first.range.end,
          messageId: 'conflict',
          data,
          related: [{ start: q.range.start, end: q.range.end, messageId: 'other', data: { measure: data.measure, value: data.b, line: data.lineA } }],
        });
      }
    }
  }
  return out;
}

/** the heading a figure stands under, by its title: two headings of one title (（一）区市场监管局 … （三）区市场监管局) are one topic */
const topicOf = (report: Report, q: Quantity) => report.headingOf(q.block)?.title ?? '';

/**
 * a clause or heading that names a body, a field or an occasion the figures after it belong to: 区城管局, 食品安全领域,
 * 各镇街, “宪法宣传周”期间, 开展…专项行动
 */
const SCOPE_NOUN = /(?:领域|行业|条线|系统|局|委|办|中心|所|院|队|站|镇|乡|街道|镇街|社区|村|部门|单位|企业|学校|医院|期间|活动|行动|宣传周|宣传月)$/;
/** the reporting body itself: no scope of its own (全区, 我局, 市政府系统) */
const SELF = new RegExp(`^(?:我|本|全)[${CJK_CLASS}]{0,3}$|政府系统$`);
const LEAD = /^(?:[一二三四五六七八九十]+是|在|对|针对|围绕|其中)/;

function scopeWord(text: string, measureKey: string): string {
  const w = text.trim().replace(LEAD, '').replace(/[中内里]$/, '');
  if (w.length < 2 || w.length > 16 || !SCOPE_NOUN.test(w) || SELF.test(w)) return '';
  // 在行政复议方面 before 受理行政复议申请: the measure's own topic, no narrower scope
  return measureKey.includes(w.replace(/(?:领域|方面|工作)$/, '')) ? '' : w;
}

/**
 * The scope a figure is counted in, when its own phrase, its sentence or its sub-heading names one before it
 * (各乡镇共办理…, 区市场监管局：开展…, 在食品安全领域，开展…, （一）区城管局); '' for the reporting body as a whole.
 */
function scopeOf(report: Report, fig: FiguresModel, q: Quantity): string {
  // 累计办理…1200件 may count since a start: compared only with another 累计
  if (/累计/.test(q.phrase)) return '累计|' + innerScope(report, fig, q);
  return innerScope(report, fig, q);
}

function innerScope(report: Report, fig: FiguresModel, q: Quantity): string {
  // a scope in the figure's own phrase, before 共/累计 (安全生产和救灾两大领域共发布信息423条 after 栏目共发布信息481条)
  for (const seg of headSegments(q.phrase, q.measure)) {
    const w = scopeWord(seg, q.key);
    if (w) return w;
  }
  const s = fig.sentences[q.sentence];
  const text = q.block.norm.text;
  const context = text.slice(s.from, Math.max(s.from, q.lead - q.phrase.length));
  const clauses = context.split(/[，：；:]/);
  for (let i = clauses.length - 1; i >= 0; i--) {
    const w = scopeWord(clauses[i], q.key);
    if (w) return w;
  }
  const h = report.headingOf(q.block);
  if (h && h.block !== q.block) return scopeWord(h.title, q.key);
  return '';
}

/**
 * One form for wordings of a measure that name the same thing: the filler 事项 / 各类 / 的 dropped (办理行政许可事项 =
 * 办理行政许可), and 行政 before 复议, 许可 and 处罚 (never anything else in these reports) dropped (行政复议申请 =
 * 复议申请). The verb and the head noun stay: 收到…申请 and 受理…申请 count different things, and 诉讼 may be 民事.
 */
export function canonicalMeasure(key: string): string {
  return key.replace(/事项|各类|的/g, '').replace(/行政(?=复议|许可|处罚)/g, '');
}
