/**
 * placeholder: text a drafter meant to replace — (几次), XX局, ××, 20XX年, ****年, 2025年X月, 第X位, x乡, 会议*次, *区, *.（an item number),
 * 【待补充】, the template's own guidance (【请填写…】, 〔此处写…〕, 【月】【日】), TODO, 某某单位.
 * Matched on the source line, not the normalised text: Markdown emphasis parsing eats the asterisks of
 * "召开会议*次，培训*人", which are placeholders all the same.
 */
import { defineBlockRule, type RawFinding } from '../engine/rule.js';
import { excerpt, isQuoted } from './_shared.js';
import { CJK, CJK_CLASS } from '../model/text.js';
import { textCache } from '../model/cache.js';

const UNIT = '次个件人名项场份批期篇家条所起宗元万亿%％年月日天户处部套台轮';
/** What a lone X or * stands before when it stands for a name: x乡, X区, *街道, X同志. */
const NAME_SUFFIX_ALT = '开发区|高新区|经开区|新区|省|市|区|县|乡|镇|村|街道|社区|局|委|办|厅|处|科|股|室|队|所|院|庭|站|中心|单位|部门|公司|同志|党委|政府';
const SURNAME =
  '张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤張劉陳楊黃吳孫鄭謝韓馮鄧蕭許葉蘇呂盧鍾譚陸賈韋鄒熊龔錢聶';

/**
 * Guidance a template writes for the drafter, inside 【】〔〕［］[]: an instruction (请…, 此处…, 在此…, 写明…,
 * 填写…, 逐条列出…, 如无…可删去), or a bare slot (【月】【日】, 【单位名称】, 【举措一的标题】). An editorial label such
 * as 【典型案例】, a document number 〔2019〕 or a Markdown link [请点击](…) is neither.
 */
const GUIDANCE_ANYWHERE = '填写|填入|填报|写明|写出|写清|列出|注明|此处|在此|可删|删去|请填|请写|请补|请列|请在|请根据|请按|待补充|待填';
const GUIDANCE_START = '请|待|需补充|补充|如无|如有|示例|例如|举例|参照|概述|简述|逐条|逐项|根据实际|按实际|此栏|本栏';
const SLOT = '[年月日]|年度|\\d*[xX×Ｘｘ]+|[^【】\\[\\]［］〔〕\\n]{0,12}(?:名称|标题|姓名|日期|时间|数字|数量|金额)';
const INSIDE = '[^【】\\[\\]［］〔〕\\n]';
export const TEMPLATE_GUIDANCE = new RegExp(
  `[【［\\[〔]\\s*(?:(?:${GUIDANCE_START})${INSIDE}{0,120}|${INSIDE}{0,60}(?:${GUIDANCE_ANYWHERE})${INSIDE}{0,120}|(?:${SLOT}))\\s*[】］\\]〕]`,
  'g',
);

/** Each pattern marks a placeholder; the whole match is reported. */
export const PATTERNS: RegExp[] = [
  // (几次) （多少人）: a question left for the figure
  /[(（]\s*(?:几|多少|若干|x+|X+|×+)\s*[次个件人名项场份批期篇家条起宗元万]{0,2}\s*[)）]/g,
  // 20XX年, x01x年, XX月, 2025年X月, X日: a date with letters for digits
  /(?<![A-Za-z0-9])(?=[0-9xX×Ｘｘ]*[xX×Ｘｘ])[0-9xX×Ｘｘ]{1,4}(?=[年月日号](?![A-Za-z]))/g,
  // ****年, 20**年, *月*日: asterisks masking the digits of a date (a site masks them, a drafter leaves them); ** alone
  // before 年 is Markdown bold (**年度**…)
  /(?<![A-Za-z0-9*＊])(?=[0-9*＊]*[*＊])(?![*＊]{2}[年月日号])[0-9*＊]{1,4}(?=[年月日号])/g,
  // *.加强组织领导, X、: an item number masked or never filled in, at the line's start
  new RegExp(String.raw`^\s*[*＊xX×Ｘ](?=[.．、][${CJK_CLASS}])`, 'g'),
  // XX区, ××局, ＸＸ同志: a run of X standing for a name or number (not part of a Latin word)
  /(?<![A-Za-z0-9])(?:[Xx]{2,}|[×Ｘｘ]{2,})(?![A-Za-z0-9])/g,
  // 第X位, 第x批: an ordinal with a letter for its number
  /(?<=第)[xX×Ｘｘ](?![A-Za-z0-9])/g,
  // 开展培训X场, 共x件, x乡, X区司法局: a lone letter for a number before its unit or for a name before its
  // suffix (X光, X射线, 3×3 and Latin words are not: the letter must stand alone before one of these)
  new RegExp(`(?<![A-Za-z0-9.×Ｘｘ])[xXＸｘ×](?![A-Za-z0-9])(?=[${UNIT.replace(/[%％]/g, '')}]|${NAME_SUFFIX_ALT})`, 'g'),
  // 共＊件, ＊区: a full-width asterisk standing for a number before its unit, or for a name before its suffix
  new RegExp(`(?<![*＊])＊{1,3}(?![*＊])(?=[${UNIT}]|${NAME_SUFFIX_ALT})`, 'g'),
  // 排名第＊位
  /(?<=第)＊(?![*＊])/g,
  // 【待补充】 [此处填写数据] （待核实）
  /[【\[［(（]\s*(?:待(?:补充|補充|填写|填寫|填|补|補|定|核实|核實|更新|完善)|此处[^】\]］)）]{0,20}|需补充|请补充|補充|补充)\s*[】\]］)）]/g,
  TEMPLATE_GUIDANCE,
  /(?<![A-Za-z])(?:TODO|TBD|FIXME)(?![A-Za-z])/g,
  // 某某局, 某某同志 — but 王某某 is how a report anonymises a person
  new RegExp(`(?<![${SURNAME}某])某某`, 'g'),
];

/**
 * A mask opening a document's title (《**区2022年…工作要点》, 《XX县…方案》): a local document's title begins with its
 * place's name, and a mirror site or a drafter masks it so. Quotations are otherwise never placeholders; this one is.
 * A title set in Markdown bold (《**青山区…方案**》) is emphasis, not a mask.
 */
const TITLE_MASK = new RegExp(`(?<=《)(?:[*＊]{1,3}|[Xx]{1,3}|[×Ｘｘ]{1,3})(?=(?:${NAME_SUFFIX_ALT})[^》\\n]{0,60}?(?<![*＊])》)`, 'g');

const LETTER_X = /[xX×Ｘｘ]/;
/**
 * For each of PATTERNS, a character every match of it consumes (null: none is looked for first). A line without
 * one is not scanned by that pattern, whose lookbehind would otherwise be tried at every position of every line.
 */
export const PATTERN_NEEDS: (RegExp | null)[] = [null, LETTER_X, /[*＊]/, null, LETTER_X, LETTER_X, LETTER_X, /＊/, /＊/, null, null, /[TF]/, /某/];

const UNIT_OR_SUFFIX = new RegExp(`^(?:[${UNIT}]|${NAME_SUFFIX_ALT})`);
/** A name's suffix right after an asterisk (*街道, *区): the asterisk stands for the name. */
const NAME_AFTER = new RegExp(`^(?:${NAME_SUFFIX_ALT})`);

/**
 * Half-width asterisks of a line that stand for a number or a name: 会议*次, *区, 美丽*提供, 第*位. Markdown
 * emphasis is not one: the line's single asterisks are paired in order, as Markdown pairs them, and a pair around a
 * phrase is emphasis (*人民至上*, *坚持人民至上，坚持依法行政*) unless two signs of a placeholder meet — it opens
 * on a unit or a name's suffix, it closes before a unit or a name's suffix (…进一步完善了*街道), it spans a clause
 * break — or it opens on a unit standing
 * alone (培训*场，参训*人; *区…美丽*; *个协调小组…会议*次; 会议*次和培训*场). Bold (**) and a list bullet are never
 * placeholders; an asterisk with no Chinese character beside it (5*3) is arithmetic.
 */
function asteriskPlaceholders(text: string): number[] {
  const marks: number[] = [];
  // by char code (42: *): `text[i]` of a Han character is a new string
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 42 && text.charCodeAt(i - 1) !== 42 && text.charCodeAt(i + 1) !== 42) marks.push(i);
  const emphasis = new Set<number>();
  for (let k = 0; k + 1 < marks.length; k += 2) {
    const [open, close] = [marks[k], marks[k + 1]];
    const inner = text.slice(open + 1, close);
    if (inner.length === 0 || /^\s|\s$/.test(inner) || text[open - 1] === '第') continue;
    // each of these alone is ordinary emphasis (*人民至上*, *坚持…，坚持…*); two together are not
    const startsOnUnit = UNIT_OR_SUFFIX.test(inner);
    const closesBeforeUnitOrName = new RegExp(`^[${UNIT}]`).test(text[close + 1] ?? '') || NAME_AFTER.test(text.slice(close + 1));
    const signs = [startsOnUnit, closesBeforeUnitOrName, /[，。；：、,;:！？]/.test(inner)].filter(Boolean).length;
    const unitAlone = startsOnUnit && (!CJK.test(inner[1] ?? '') || /[和与及并]/.test(inner[1]));
    if (signs < 2 && !unitAlone) {
      emphasis.add(open);
      emphasis.add(close);
    }
  }
  return marks.filter((i) => !emphasis.has(i) && (CJK.test(text[i - 1] ?? '') || CJK.test(text[i + 1] ?? '')));
}

/** A placeholder a line's text offers, before quotations and overlaps are looked at (offsets in the line). */
interface Candidate {
  start: number;
  end: number;
  asterisk: boolean;
  /** a mask opening a 《》 title: a placeholder although quoted */
  titleMask?: boolean;
}

/**
 * The candidates depend on the line's source text alone: kept by that text, so a re-check runs the patterns only
 * on the lines that changed. Quotations (the report's mask) and overlaps are decided on every check, in the order
 * the candidates were found.
 */
const candidatesByText = textCache<readonly Candidate[]>(20_000, true);

function candidatesOf(text: string): readonly Candidate[] {
  const hit = candidatesByText.get(text);
  if (hit) return hit;
  const out: Candidate[] = [];
  if (text.includes('《')) {
    TITLE_MASK.lastIndex = 0;
    for (let m = TITLE_MASK.exec(text); m; m = TITLE_MASK.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, asterisk: false, titleMask: true });
  }
  for (const i of asteriskPlaceholders(text)) if (!out.some((c) => c.start <= i && i < c.end)) out.push({ start: i, end: i + 1, asterisk: true });
  for (let k = 0; k < PATTERNS.length; k++) {
    const re = PATTERNS[k];
    if (PATTERN_NEEDS[k] && !PATTERN_NEEDS[k]!.test(text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const end = m.index + m[0].length;
      if (end === m.index) {
        re.lastIndex++;
        continue;
      }
      if (m[0].endsWith(']') && text[m.index + m[0].length] === '(') continue;
      out.push({ start: m.index, end, asterisk: false });
    }
  }
  candidatesByText.set(text, out);
  return out;
}

export default defineBlockRule(
  { id: 'placeholder', family: 'residue', defaultSeverity: 'error', basis: ['practice'], cheap: true },
  'text',
  (report, b) => {
    const out: RawFinding<'placeholder'>[] = [];
    const src = report.source;
    const found: { start: number; end: number }[] = [];
    for (const c of candidatesOf(b.text)) {
      const start = b.start + c.start;
      const end = b.start + c.end;
      if (c.titleMask) {
        found.push({ start, end });
        continue;
      }
      if (c.asterisk) {
        if (!isQuoted(report, { start, end: start + 1 })) found.push({ start, end });
        continue;
      }
      // a quotation inside a template's note (【写明…，如“审查文件12件”】) does not make the note a name
      if (isQuoted(report, { start, end: start + 1 })) continue;
      if (found.some((f) => f.start < end && start < f.end)) continue;
      found.push({ start, end });
    }
    found.sort((a, b) => a.start - b.start);
    for (const f of found) out.push({ ...f, messageId: 'placeholder', data: { text: excerpt(src.slice(f.start, f.end)) } });
    return out;
  },
);
