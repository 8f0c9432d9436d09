/**
 * The organ that issues a report (河东区司法局, 中共衢州市柯城区委、衢州市柯城区人民政府): from its 落款, else the
 * subject of its opening sentence, else its title. Used to build a title and by anyone who needs the issuer.
 */
import type { Report } from './report.js';
import { firstSentence } from './sentence.js';
import { memoKey } from './memo.js';
import { CJK_CLASS } from './text.js';
import { withoutUnmatched } from './brackets.js';

export interface Organ {
  name: string;
  from: 'signature' | 'opening' | 'title';
}

const ORGAN_SUFFIX = '(?:人民政府|政府|司法局|局|委员会|办事处|街道|管委会|办公室|区委|县委|市委|区|县|市|旗|镇|乡|厅|委)';
/** the organ as the subject of a clause: a name ending in an organ word, then the verb that opens the predicate */
const SUBJECT = new RegExp(
  `^([${CJK_CLASS}]{1,14}?${ORGAN_SUFFIX})(?=坚持|在|深入|紧紧|紧密|认真|继续|始终|全面|以|按照|积极|不断|紧扣|聚焦|持续|着力|围绕|进一步|切实|全力|扎实|严格|大力|高度|把|将|立足|结合|狠抓|牢牢|主动|共|推进|加强|抓|贯彻|落实|进行|开展|秉持|对标|锚定|践行)`,
);
/** pronouns and collective words are not names: 我局, 本单位, 全区, 各部门 */
const NOT_A_NAME = /^(我|本|该|全|各|两|多|市委|区委|县委)/;
const LEADING_TIME = /^(?:(?:19|20)\d{2}年度?|今年|过去一年|一年来)(?:以来|来|中)?/;

/** The issuer, read from the signature, the opening or the title. */
const ORGAN = memoKey<Organ | null>('organ', ['frame', 'outline', 'blocks']);

export function detectOrgan(report: Report): Organ | null {
  return report.memo(ORGAN, () => balanced(fromSignature(report) ?? fromOpening(report) ?? fromTitle(report)));
}

/**
 * The name without the brackets it holds no partner of (a signature line `【人民政府`): a title written from it
 * would open a bracket nothing closes.
 */
function balanced(organ: Organ | null): Organ | null {
  if (!organ) return null;
  const name = withoutUnmatched(organ.name).trim();
  return name ? { name, from: organ.from } : null;
}

function fromSignature(report: Report): Organ | null {
  const organs = report.frame.signature?.organs ?? [];
  if (!organs.length) return null;
  return { name: organs.map((b) => b.norm.text.trim()).join('、'), from: 'signature' };
}

function fromOpening(report: Report): Organ | null {
  const first = report.bodyBlocks.find((b) => !report.headingOf(b) || report.headingOf(b)!.block.index > b.index);
  if (!first) return null;
  const text = first.norm.text;
  const sentence = firstSentence(text);
  for (const raw of sentence.split(/[，；：]/)) {
    const clause = raw.trim().replace(LEADING_TIME, '');
    // 在区委、区政府的领导下: superiors, not the subject
    if (/^在/.test(clause) && /下$/.test(clause)) continue;
    const m = SUBJECT.exec(clause);
    if (m && !NOT_A_NAME.test(m[1]) && m[1].length >= 2) return { name: m[1], from: 'opening' };
  }
  return null;
}

function fromTitle(report: Report): Organ | null {
  const head = report.frame.titleHead?.norm.text.trim();
  if (head) return { name: head.replace(/^#+\s*/, ''), from: 'title' };
  const { title: block, titleSpan } = report.frame;
  const title = (block && titleSpan ? block.norm.text.slice(titleSpan.from, titleSpan.to) : block?.norm.text)?.trim();
  if (!title) return null;
  const m = /^(.{2,40}?)(?:关于|(?:19|20)\d{2}年|[〇零一二三四五六七八九]{4}年)/.exec(title.replace(/^#+\s*/, ''));
  if (!m || NOT_A_NAME.test(m[1]) || !new RegExp(`${ORGAN_SUFFIX}$`).test(m[1])) return null;
  return { name: m[1], from: 'title' };
}
