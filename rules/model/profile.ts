/**
 * Who reports: the kind of body that issues a report decides whose first-responsible duty it answers for and,
 * for a government, which areas of the 纲要 its measures are read against. Read from the 落款, else the title,
 * else the opening sentence (the organ reader, model/organ.ts); a config's `"profile"` overrides it.
 *
 * Precision before recall: a name that does not say plainly what body it is (a bare 我县, a 管委会, a Party
 * committee alone, two sources that disagree) gives `unknown`, and `unknown` behaves exactly as a report did before
 * profiles existed.
 */
import type { Report } from './report.js';
import { detectOrgan } from './organ.js';
import { memoKey } from './memo.js';
import { CJK_CLASS } from './text.js';

export type ProfileKind = 'government' | 'joint' | 'department' | 'township' | 'unknown';
export const PROFILE_KINDS: readonly ProfileKind[] = ['government', 'joint', 'department', 'township', 'unknown'];

export interface Profile {
  kind: ProfileKind;
  /** where the kind was read: the config, or the part of the report that names the organ */
  from: 'config' | 'signature' | 'title' | 'opening' | null;
  /** the organ's name as read (null when set by config or not found) */
  organ: string | null;
}

/** A territory's Party committee: 中共青山区委(员会), 山西省委, 镇党委, 街道党工委. */
const PARTY_COMMITTEE = new RegExp(String.raw`中共[${CJK_CLASS}]{1,16}?(?:委员会|委)|(?:省|市|区|县|州|旗|盟|镇|乡)委(?!员)|党工?委(?!员)`);
/** A department's own Party group (中共青山区司法局党组): not a territory's committee. */
const DEPARTMENT_PARTY = /(?:局|厅|委|办|部|署|院|中心)(?:党组|党委|机关党委)$/;
const GOVERNMENT = /(?:人民政府|政府)$/;
const TOWNSHIP = /(?:镇|乡|苏木|街道|街道办事处|街道办|办事处)(?:人民政府|政府|党委|党工委)?$/;
/** the last place word before 人民政府: 鸡鸣乡人民政府 is a township's government, 城口县人民政府 a county's */
const TOWNSHIP_GOVERNMENT = /(?:镇|乡|苏木)(?:人民政府|政府)$|街道/;
const PLACE = /(?:省|自治区|市|区|县|自治县|自治州|州|旗|盟)$/;
/** administrative bodies under a government: 司法局, 市场监管局, 卫生健康委(员会), 交通运输部, 税务总局 */
const DEPARTMENT =
  /(?:局|分局|总局|厅|署|(?<![省市区县州旗盟镇乡党工])委|(?<![省市区县州旗盟镇乡党工])委员会|办公室|(?<![干支内全各总本])部)$/;
/** bodies whose kind the name does not settle */
const AMBIGUOUS = /管委会|管理委员会|委员会办公室|依法治|领导小组|人大|政协|法院|检察院/;

/**
 * The kind of body one organ name (or a 落款 of several, joined) names. Names are normalised text (simplified,
 * width-folded), so 青山區人民政府 has been read as 青山区人民政府.
 */
export function classifyOrgan(raw: string): ProfileKind {
  const organs = splitOrgans(raw.replace(/[\s\u3000]+/g, '、'));
  if (!organs.length) return 'unknown';
  const joined = organs.join('');
  if (AMBIGUOUS.test(joined)) return 'unknown';
  // a territory's Party committee with its government, in one name or in two (中共河西市委、河西市人民政府)
  const party = organs.some((o) => PARTY_COMMITTEE.test(o) && !DEPARTMENT_PARTY.test(o)) || new RegExp(String.raw`(?:省|市|区|县|州|旗)委[、]?(?:[${CJK_CLASS}]{0,12}(?:省|市|区|县|州|旗))?(?:人民)?政府`).test(joined);
  const government = organs.some((o) => GOVERNMENT.test(o) || /街道办事处$|办事处$/.test(o));
  if (party && government) {
    return organs.some((o) => TOWNSHIP_GOVERNMENT.test(o) || /(?:镇|乡|街道)(?:党委|党工委)/.test(o)) ? 'township' : 'joint';
  }
  // one body: the last name says it (中共青山区司法局党组 / 青山区司法局 is the department)
  const kinds = new Set(organs.filter((o) => !DEPARTMENT_PARTY.test(o) || organs.length === 1).map(kindOfOne));
  if (kinds.size !== 1) return 'unknown';
  return [...kinds][0];
}

/**
 * The bodies of a name or a 落款: 、 and commas always part two names; 和/及/与 only after a name's own ending
 * (中共青山区委和青山区人民政府), never inside one (人力资源和社会保障局, 住房和城乡建设局, 文化和旅游局).
 */
function splitOrgans(raw: string): string[] {
  const out: string[] = [];
  for (const piece of raw.split(/[、,，]+/)) {
    const [first, ...rest] = piece.split(/([和及与])/);
    let name = first;
    for (let i = 0; i < rest.length; i += 2) {
      if (ORGAN_ENDING.test(name)) {
        out.push(name);
        name = rest[i + 1];
      } else name += rest[i] + rest[i + 1];
    }
    out.push(name);
  }
  return out.map((s) => s.trim()).filter(Boolean);
}

function kindOfOne(name: string): ProfileKind {
  const n = name.replace(/^中共/, '');
  if (DEPARTMENT_PARTY.test(name)) return 'department';
  if (PARTY_COMMITTEE.test(name)) return 'unknown'; // a Party committee alone reports on 法治建设, not as a government
  if (GOVERNMENT.test(n)) return TOWNSHIP_GOVERNMENT.test(n) ? 'township' : 'government';
  if (TOWNSHIP.test(n)) return 'township';
  if (DEPARTMENT.test(n)) return 'department';
  if (PLACE.test(n) && n.length >= 2) return 'government';
  return 'unknown';
}

/** The organ words of a title: what stands before 关于 or the year (2020年静海区…: after the year). */
export function titleOrgan(title: string): string | null {
  const t = title.replace(/^(?:19|20)\d{2}年度?/, '');
  const m = /^(.{2,30}?)(?:关于|(?:19|20)\d{2}年|[〇零一二三四五六七八九]{4}年|法治政府|依法行政)/.exec(t);
  if (!m || /[，。；：,;:！？!?《》“”]/.test(m[1])) return null;
  return m[1];
}

/** how the name of a body ends: a government, a department, a township or street, a territory */
const ORGAN_ENDING = /(?:政府|局|厅|署|委|委员会|办|办公室|部|镇|乡|苏木|街道|办事处|省|自治区|市|区|县|州|旗|盟|党组|党工委|党委)$/;

/** 现将省政府2024年度法治政府建设情况报告如下: the preamble names the reporting body. */
const PREAMBLE_NAMES = /现将(.{2,24}?)(?:(?:19|20)\d{2}年|关于|法治政府)/;

const PROFILE = memoKey<Profile>('profile', ['frame', 'outline', 'blocks']);

export function detectProfile(report: Report): Profile {
  return report.memo(PROFILE, () => readProfile(report));
}

function readProfile(report: Report): Profile {
  const sources: { from: Profile['from']; organ: string }[] = [];
  const sig = report.frame.signature?.organs ?? [];
  if (sig.length) sources.push({ from: 'signature', organ: sig.map((b) => b.norm.text.trim()).join('、') });
  const title = report.frame.titleText ? titleOrgan(report.frame.titleText) : null;
  // 2022年依法行政和法治政府建设工作报告: words before 法治政府 that name no body are no organ of the title
  if (title && ORGAN_ENDING.test(title)) sources.push({ from: 'title', organ: title });
  else if (report.frame.titleHead) sources.push({ from: 'title', organ: report.frame.titleHead.norm.text.replace(/^#+\s*/, '').replace(/[\s\u3000]+/g, '') });
  const known = sources.map((s) => ({ ...s, kind: classifyOrgan(s.organ) })).filter((s) => s.kind !== 'unknown');
  if (known.length) {
    const kinds = new Set(known.map((s) => s.kind));
    // a 落款 of both bodies over a title of the government (or the reverse) is a joint report
    if (kinds.size === 2 && kinds.has('joint') && kinds.has('government')) return { kind: 'joint', from: known.find((s) => s.kind === 'joint')!.from, organ: known.find((s) => s.kind === 'joint')!.organ };
    if (kinds.size > 1) return { kind: 'unknown', from: null, organ: known[0].organ };
    return { kind: known[0].kind, from: known[0].from, organ: known[0].organ };
  }
  if (sources.length) return { kind: 'unknown', from: null, organ: sources[0].organ };
  // no 落款 or title that names a body: the opening sentence's subject
  // the first paragraph with a sentence (a 发文字号 or an addressee line may stand above it)
  const first = report.bodyBlocks.slice(0, 3).find((b) => /[，。,]/.test(b.norm.text) && !(b.norm.text.trim().length < 30 && /[:：]$/.test(b.norm.text.trim())))?.norm.text ?? '';
  const preamble = PREAMBLE_NAMES.exec(first.split(/[。！？]/)[0] ?? '');
  const organ = detectOrgan(report);
  const opening = preamble ? preamble[1] : organ?.from === 'opening' ? organ.name : jointSubject(first) ?? subjectBody(first);
  if (opening) {
    const kind = classifyOrgan(opening);
    return { kind, from: kind === 'unknown' ? null : 'opening', organ: opening };
  }
  return { kind: 'unknown', from: null, organ: null };
}

/**
 * 2024年，山西省委、省政府坚持…: both bodies as the subject of the first sentence (not 在区委、区政府领导下, which
 * names the superiors).
 */
function jointSubject(text: string): string | null {
  const sentence = text.split(/[。！？]/)[0] ?? '';
  for (const raw of sentence.split(/[，；：,;:]/)) {
    const clause = raw.trim().replace(/^(?:(?:19|20)\d{2}年度?|今年|过去一年|一年来)(?:以来|来|中)?/, '');
    if (/^在/.test(clause)) continue;
    const m = new RegExp(String.raw`^((?:中共)?[${CJK_CLASS}]{2,12}?(?:省|市|区|县|州|旗)委)[、和]?((?:[${CJK_CLASS}]{0,12}?(?:省|市|区|县|州|旗))?(?:人民)?政府)(?!的|领导|部署)`).exec(clause);
    if (m) return `${m[1]}、${m[2]}`;
  }
  return null;
}

/** A body's name opening a clause: …部, …局, …厅, …人民政府, …办事处, or a township's …街道/镇/乡 after two characters. */
const SUBJECT_NAME = new RegExp(String.raw`^([${CJK_CLASS}]{1,12}?(?:(?<![干支内全各总本])部(?![署门分队位])|局(?!面|势)|厅|人民政府|政府|办事处|(?<=[${CJK_CLASS}]{2})(?:街道|镇|乡)))(?![的和与及、])[${CJK_CLASS}]`);

/**
 * 2018年，在党中央、国务院坚强领导下，交通运输部认真贯彻…: a body named by its own ending word (部, 局, 厅, 政府) as
 * the subject of the first sentence, where the organ reader's verb list does not reach.
 */
function subjectBody(text: string): string | null {
  const sentence = text.split(/[。！？]/)[0] ?? '';
  for (const raw of sentence.split(/[，；：,;:]/)) {
    // 2024年是…之年，也是西兴街道高质量发展的重要之年: the copula is no part of the name after it
    const clause = raw
      .trim()
      .replace(/^(?:(?:19|20)\d{2}年度?|今年|过去一年|一年来)(?:以来|来|中)?/, '')
      .replace(/^(?:也|还|更|又)?是/, '');
    if (/^(?:在|根据|按照|为|经|我|本|该|全|各)/.test(clause)) continue;
    const m = SUBJECT_NAME.exec(clause);
    // a verb inside is no name: 长征镇依法全面履行政府(职能) is a clause about the 镇, not a 政府's name
    if (m && !/法治|建设|依法|履行|贯彻|推进|^(?:以|把|将|对|坚持|围绕|创建|认真|落实|深入|全面|持续|进一步|切实|积极|不断|始终|紧紧|扎实)/.test(m[1])) return m[1];
  }
  return null;
}

/** What a config's `"profile"` says, or the report's own. */
export function resolveProfile(report: Report, setting?: ProfileKind | null): Profile {
  if (setting) return { kind: setting, from: 'config', organ: detectProfile(report).organ };
  return detectProfile(report);
}
