/**
 * first-responsible-substance: the duty item states duties in principle only. A duty family counts when a fact
 * stands with it in the same clause: a number with a unit (学法4次), a date (1月18日), or an action the leaders
 * took on a named document (审议《…》, 签发《…》, 制发/印发《…》, 对《…》作出批示, also with its sender named:
 * 对区人民法院《…》等文件作出批示), or a coverage figure (实现全区38个部门述法全覆盖, 三十八个单位). A document cited as the
 * basis (按照/对照《…》) and a meeting named without date or count (召开专题会议) are not facts. Fewer than two backed
 * families is a finding.
 */
import { defineRule } from '../engine/rule.js';
import { itemBlocks, openingRange } from '../model/content.js';
import { isEmptySection } from './section-empty.js';
import { sentencesOf } from '../model/sentence.js';
import type { ProfileKind } from '../model/profile.js';
import { say, type BilingualKey } from '../messages/bilingual.js';

/** Whose duty the item reports, by profile; joint and unknown reports keep the statute's 党政主要负责人 (principleOnly). */
const OFFICE: Partial<Record<string, BilingualKey>> = { government: 'office_government', department: 'office_department', township: 'office_township' };

/**
 * Duty families of 第一责任人规定 and the words that name each. `holders`: the profiles whose leaders the 规定 gives
 * the duty to, when not every profile's: steering administrative law enforcement, 行政复议 and 政务公开 is the duty of
 * the head of an administrative organ (a government, a department, a township's government), so a report whose
 * body is not known keeps the seven families it was checked against before profiles existed.
 */
export const DUTY_FAMILIES: { id: string; name: string; re: RegExp; holders?: readonly ProfileKind[] }[] = [
  // 批示 and 调研 are how a leader 亲自过问/亲自督办 (not the 重要指示批示精神 studied); 制定《…要点》 puts the work into
  // the year's plan
  {
    id: 'steer',
    name: '组织部署/听取汇报/专题研究',
    re: /部署|听取|汇报|专题研究|研究解决|专题会|常务会|党组会|党委会|主持召开|亲自|(?<!指示)批示(?!精神)|调研|纳入.{0,10}(规划|计划)|审议|审定|(制发|印发|出台|制定)了?《[^》]*(方案|要点|计划|规划|意见|清单)》/,
  },
  { id: 'study', name: '学法', re: /学法|学习|讲座|旁听庭审|中心组|法治培训|专题培训/ },
  { id: 'decide', name: '依法决策/合法性审查/法律顾问', re: /决策|合法性审查|法律顾问|公职律师|法制审核|合法性审核/ },
  { id: 'account', name: '述法/述职/考核', re: /述法|述职|考核|考评|评议/ },
  { id: 'supervise', name: '督察/督促/约谈', re: /督察|督促|督办|督查|约谈|巡察|问责/ },
  // answering the courts' and procuratorates' 司法建议/检察建议 is part of respecting their work (府院联动)
  { id: 'litigate', name: '出庭应诉/生效裁判', re: /出庭|应诉|生效裁判|生效判决|败诉|司法建议|检察建议/ },
  { id: 'cadres', name: '法治队伍/用人导向', re: /队伍|用人导向|法治素养|任前|选拔任用|提拔|干部考察/ },
  {
    id: 'administer',
    name: '行政执法/行政复议/政务公开',
    re: /执法(?!人员|队伍)|行政复议|复议案件|政务公开|信息公开/,
    holders: ['government', 'joint', 'department', 'township'],
  },
];

/** The families a report of this profile is checked against: the option's ids when it lists some, else by profile. */
export function familiesFor(kind: ProfileKind, ids: readonly string[] = []): typeof DUTY_FAMILIES {
  if (ids.length) return DUTY_FAMILIES.filter((f) => ids.includes(f.id));
  return DUTY_FAMILIES.filter((f) => !f.holders || f.holders.includes(kind));
}

const ARABIC_COUNT = /(?<![\d.])\d+(?:\.\d+)?(?:余|多)?(?:人次|课时|学时|次|场|期|批|轮|篇|份|件|个|名|天|人|项|家|起|宗|部|%)/;
// Chinese numerals only with units that count events: 三项制度, 一个中心 and 第一次 are names, not facts
const CN_COUNT = /(?<![第跑])[一二两三四五六七八九十]{1,3}(?:余|多)?(?:人次|课时|学时|次(?!性)|场|期|批|轮|篇)/;
const DATE = /\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日/;
const ACTION_ON_DOCUMENT =
  /(?:审议|审定|审阅|签发|签署|签批|批示|印发|制发|制定|出台|起草|修订|编制|发布|主持)(?:并?通过|了|并|印发|制发|出台|发布|制定)*《[^》]+》|对(?![照标表])(?:[^，。；《》“”]{0,12}(?:院|局|委|厅|部|办|府|会|组|署))?《[^》]+》.{0,6}(?:批示|审议|审定|研究)/;
/** a coverage figure: 38个部门…全覆盖, 三十八个单位, 覆盖率100% — a count of who was covered is a fact */
const COVERAGE = /(?<![第一])[一二两三四五六七八九十百]{1,4}个(?:部门|单位|乡镇|街道|镇街|村|社区|村居|科室)|全覆盖.{0,4}\d|(?:覆盖率|述法率|参与率)(?:达到?|为)?\d/;
const QUOTED = /《[^》]*》|“[^”]*”/g;

/** Does a sentence state a fact (not just a duty)? Numbers inside names and quotations do not count. */
export function hasFact(sentence: string): boolean {
  if (ACTION_ON_DOCUMENT.test(sentence)) return true;
  const plain = sentence.replace(QUOTED, '');
  return ARABIC_COUNT.test(plain) || CN_COUNT.test(plain) || DATE.test(plain) || COVERAGE.test(plain);
}

/**
 * The duty families a text backs with facts. A fact backs the duties named in its own clause; a clause that is
 * only the fact (1月18日，… / …，共4次) backs the duties of the clauses beside it.
 */
export function backedFamilies(text: string, families: typeof DUTY_FAMILIES = familiesFor('unknown')): Set<string> {
  const backed = new Set<string>();
  for (const sentence of sentencesOf(text, { semicolon: true, lineBreak: true })) {
    if (!sentence || !hasFact(sentence)) continue;
    const clauses = sentence.split(/[，：]/);
    const named = clauses.map((c) => families.filter((f) => f.re.test(c)).map((f) => f.name));
    clauses.forEach((c, i) => {
      if (!hasFact(c)) return;
      const own = named[i].length ? named[i] : [...(named[i - 1] ?? []), ...(named[i + 1] ?? [])];
      for (const n of own) backed.add(n);
    });
  }
  return backed;
}

export default defineRule(
  {
    id: 'first-responsible-substance',
    family: 'checklist',
    defaultSeverity: 'warning',
    basis: ['firstResponsible', 'practice'],
    options: {
      minFamilies: { type: 'number', description: 'duty families that must be backed by a fact', default: 2 },
      families: {
        type: 'array',
        items: { type: 'string', enum: DUTY_FAMILIES.map((f) => f.id) },
        description: `the duty families counted (${DUTY_FAMILIES.map((f) => f.id).join(', ')}); empty: those of the report's profile`,
        default: [],
      },
      office: { type: 'string', description: "whose duty the message names (e.g. 局主要负责人); empty: by the report's profile", default: '' },
    },
  },
  (report, options, { profile }) => {
    const e = report.entry('first-responsible');
    if (e.status === 'missing' || !e.block) return [];
    if (e.status !== 'inside' && isEmptySection(report, e)) return [];
    const blocks = itemBlocks(report, e);
    const text = blocks.map((b) => b.norm.text).join('\n');
    if (backedFamilies(text, familiesFor(profile.kind, options.families)).size >= options.minFamilies) return [];
    // on the text that should hold the facts: its first paragraph (or the heading, if nothing stands under it)
    const where = blocks.length ? openingRange(report, blocks[0]) : e.sections[0].heading!.titleRange;
    // the profile names whose duty it is (a government's, a department's principal leader); unknown keeps the statute's words
    const key = OFFICE[profile.kind];
    const office = options.office ? { zh: options.office, en: options.office } : key ? { zh: say('zh-CN', key), en: say('en', key) } : undefined;
    return [office ? { ...where, messageId: 'principleOnlyOffice', data: { office: office.zh, officeEn: office.en } } : { ...where, messageId: 'principleOnly' }];
  },
);
