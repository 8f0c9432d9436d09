/**
 * What a figure counts and how the sentence uses it. The measure is the phrase before the numeral back to the
 * clause start (or the previous figure), with its subject, period words and role words cut off
 * (“我区共兑现政策资金5亿元” → 兑现政策资金); when nothing is left the noun after the unit is the measure
 * (对85个行政合同 → 行政合同). Roles: total (共 累计 合计), part (after 其中 / 分别), stock (现有 在册 原有),
 * flow (新增 撤销), rate (率 占比 %).
 */

export type Role = 'total' | 'part' | 'stock' | 'flow' | 'rate' | 'count';
/** the place of a figure in a stock-and-flow chain: 原有 − 撤销 + 新增 = 现有, 保留 = 原有 − 撤销 */
export type ChainRole = 'opening' | 'closing' | 'retained' | 'in' | 'out';

const CLAUSE_BREAK = new Set(['，', '。', '；', '：', '、', '（', '）', '！', '？', ' ', '\t']);
const TOTAL = /共计|总计|合计|累计|一共|总共|(?<!公)共(?![同享建治识])/;
/**
 * Role, period and scope words cut from a measure's phrase. The scope words are those that name the reporting body
 * itself (全市, 我局, 市政府系统, 全区政府系统): 全市办理行政许可 and 市政府系统办理行政许可 count one thing. A scope
 * of its own (市本级, 各乡镇, 11个社区) stays in the measure, so it is compared only with itself.
 */
const CUT = /(?:共计|总计|合计|累计|一共|总共|(?<!公)共(?![同享建治识])|其中|分别|已经|已|均|先后|相继|至今为止|到目前为止|目前为止|截至目前|为止|全年|(?:全|本|我)?[省市区县镇乡]?(?:人民)?政府系统|全系统|全区|全市|全县|全镇|全街|全局|我区|我局|我市|我县|我委|我办|本区|今年|去年|目前|当前|至今|以来|\d{4}年度?|\d{1,2}月(?:份|底|末)?|\d{1,2}日|季度|上半年|每年|每月|每季度|每周|年内)/;
const TRAILING = /(?:达到|达|为|是|约|共计|共|计|均|有|总数|总量|数量|数为)+$/;
const LEADING = /^(?:对|向|为|在|给|与|和|及|并|且|其|有|共|的)+/;
/** a conjunction ending the words between two figures (7个镇（街道）和9个…): they join two counts */
const JOINED = /(?:和|与|及|以及|、)$/;
/** where the noun after a figure ends: 对85个行政合同进行合法性审查 → 行政合同 */
const POST_TAIL = /(?<=.)(?:进行|作出|实现|开展|参加|参与|的|等|被|均|已).*$/;
const GROWTH = /增长|增幅|增速|提高|提升|上升|下降|减少|同比|环比|增加/;
const RATE_NAME = /(?:率|占比|比例|比重|满意度)$/;
const OPENING = /原有|年初|期初|上年末|上年底|原来/;
const CLOSING = /现有|在册|年末|期末|尚有|剩余|年底共有|目前有|(?:增加|增长|减少|下降)(?:到|至)|[增减降]至|降到/;
const RETAINED = /保留/;
/** what leaves a stock: documents withdrawn, people who leave a body (辞退, 离职, 退休, 调离) */
const OUT = /撤销|注销|减少|解除|取消|吊销|收回|调出|废止|辞退|辞职|离职|退休|调离|转出|迁出|开除|除名|清退|减员/;
/** what joins a stock: documents issued, people who join a body (招录, 录用, 入职, 转入) */
const IN = /新增|新申领|新申办|新办|新设|增加|新发|调入|新接收|新领|招录|录用|招聘|入职|新聘|转入|迁入|新吸收|新发展/;

export interface MeasureInfo {
  measure: string;
  /** the measure as compared: quotation marks removed */
  key: string;
  /** the raw phrase before the figure, role words included */
  phrase: string;
  role: Role;
  chain?: ChainRole;
  growth: boolean;
  /** the measure names a rate (成功率, 占比) */
  rateName: boolean;
}

/** Start of the phrase a figure at `lead` belongs to: the clause start, or the end of the previous figure. */
export function phraseStart(text: string, lead: number, floor: number): number {
  let i = lead;
  while (i > floor) {
    const c = text[i - 1];
    if (c === '）') {
      // 村（社）16个: a bracketed gloss belongs to the phrase
      const open = text.lastIndexOf('（', i - 1);
      if (open >= floor && i - open <= 12) {
        i = open;
        continue;
      }
    }
    if (CLAUSE_BREAK.has(c)) break;
    i--;
  }
  return i;
}

/**
 * The words of a phrase before its measure that role and period words set off (安全生产和救灾两大领域 in
 * 安全生产和救灾两大领域共发布信息): a body or field the figure is counted in, if any — nearest first.
 */
export function headSegments(phrase: string, measure: string): string[] {
  const at = phrase.lastIndexOf(measure);
  if (at <= 0) return [];
  return phrase
    .slice(0, at)
    .split(CUT)
    .map((seg) => seg.replace(TRAILING, '').replace(LEADING, ''))
    .filter((seg) => seg.length > 0)
    .reverse();
}

export function describeMeasure(
  text: string,
  q: { lead: number; to: number; percent: boolean },
  floor: number,
  inPartList: boolean,
  afterFigure = false,
): MeasureInfo {
  const start = phraseStart(text, q.lead, floor);
  const phrase = text.slice(start, q.lead);
  // the words after the last role or period word; if nothing is left there (行政诉讼案件共95宗), the words before it
  const segments = phrase.split(CUT).map((seg) => seg.replace(TRAILING, '').replace(LEADING, ''));
  let measure = segments[segments.length - 1];
  for (let i = segments.length - 1; i >= 0 && measure.replace(/[“”‘’]/g, '').length < 2; i--) measure = segments[i];
  // 对7个镇（街道）和9个区直单位: the words from the last figure up to 和 are that figure's object, not this one's
  // measure — this figure counts what follows it
  if (afterFigure && start === floor && JOINED.test(phrase)) measure = '';
  if (measure.replace(/[“”‘’]/g, '').length < 2) {
    let end = q.to;
    while (end < text.length && end - q.to < 10 && !/[0-9]/.test(text[end])) {
      if (text[end] === '（') {
        const close = text.indexOf('）', end);
        if (close > 0 && close - end <= 8) {
          end = close + 1;
          continue;
        }
      }
      if (CLAUSE_BREAK.has(text[end])) break;
      end++;
    }
    measure = text.slice(q.to, end).replace(/^的/, '').replace(POST_TAIL, '').replace(JOINED, '');
  }
  const growth = GROWTH.test(phrase);
  const rateName = RATE_NAME.test(measure);
  let role: Role = 'count';
  if (q.percent || rateName) role = 'rate';
  else if (inPartList) role = 'part';
  else if (TOTAL.test(phrase)) role = 'total';
  const chain: ChainRole | undefined = OPENING.test(phrase)
    ? 'opening'
    : CLOSING.test(phrase)
      ? 'closing'
      : RETAINED.test(phrase)
        ? 'retained'
        : OUT.test(phrase)
          ? 'out'
          : IN.test(phrase)
            ? 'in'
            : undefined;
  if (role === 'count' && chain) role = chain === 'in' || chain === 'out' ? 'flow' : 'stock';
  // Object.assign: the same object (keys in the same order) as a literal with `...(chain ? { chain } : {})` in the
  // middle, which V8 (Node 20) builds on a slow path — once per figure
  return Object.assign({ measure, key: measure.replace(/[“”‘’《》]/g, ''), phrase, role }, chain ? { chain } : {}, { growth, rateName });
}
