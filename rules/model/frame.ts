/**
 * The frame around a report's body: web chrome pasted with it, the title line, and the signature block
 * (落款 and 成文日期) at the end. None of these is an outline heading.
 */
import type { Block } from './parse.js';
import { isChromeLine, isDateStamp, isPageFurniture, isShortLine, pageField } from './chrome.js';
import { parseChineseNumeral } from './numerals.js';
import { yearIn } from './year-text.js';
import { closesSentence } from './sentence.js';
import { CJK_CLASS, countCjk } from './text.js';

export interface ReportDate {
  year: number;
  month: number;
  day: number;
  /** GB/T 9704: Arabic numerals, full year, no leading zeros */
  conforming: boolean;
  raw: string;
}

export interface Signature {
  organs: Block[];
  date: Block | null;
  dateValue: ReportDate | null;
}

export interface Frame {
  /** page furniture: the lines web-boilerplate reports and every reader skips */
  chrome: ReadonlySet<number>;
  title: Block | null;
  /** the first line of a title broken in two (青山区人民政府 / 关于2021年度…的报告) */
  titleHead?: Block | null;
  /** the title's normalised text, both lines of a wrapped title joined, spaces inside removed */
  titleText: string | null;
  /**
   * where the title stands in its line (normalised offsets) when page furniture is glued onto the same line
   * (首页 > 政务公开 > 法治政府建设 青山乡…报告, …报告 发布时间：… 来源：…); null when the title is the whole line
   */
  titleSpan: { from: number; to: number } | null;
  /** the furniture glued onto the title's line, as normalised ranges of the title block: web-boilerplate's spans */
  glued: readonly { from: number; to: number }[];
  /**
   * the title opens its line and the body's first sentence follows on it (a text layer lost the line break:
   * 某县2025年度法治政府建设情况报告2025年，全县坚持…): the title's block is also the body's first block, its body
   * starting at titleSpan.to
   */
  titleOpensBody: boolean;
  /**
   * every copy of the title in the page head, the title last: a page shows it in its header and again over the text,
   * and a mirror site may mask digits in one copy (古城街道****年…); what one copy says, the title says
   */
  titleCopies: readonly string[];
  signature: Signature | null;
  /**
   * blocks whose leading number is a document viewer's page number (1、 2、 3、 opening each page of a text layer
   * cut at a fixed length), not an outline number: see viewerPageNumbers
   */
  pageNumbered: ReadonlySet<number>;
  /** block indices of the body, [bodyStart, bodyEnd) */
  bodyStart: number;
  bodyEnd: number;
}

const ORGAN_END = /(人民政府|政府|委员会|委|局|厅|办事处|街道|办公室|办|中心|院|所|部|处|室|镇|乡|党组|支部)$/;
const NOTE = /^（此件[^（）]{2,12}）$/;
const SENTENCE_MARK = /[。，；！？,;]/;
const NUMBERED = /^[一二三四五六七八九十]+、|^（[一二三四五六七八九十\d]+）|^\d+[.、．]/;
/** how far into a page the title is looked for (distinct lines), and how far from its end the signature */
const HEAD_SCAN = 60;
const TAIL_SCAN = 80;

/** Report prose: a line that reads as a sentence, not as a field, a control, a link or a column name. */
function isProse(b: Block, firstHeading: number): boolean {
  const t = b.norm.text.trim();
  // a Markdown heading is the body's, except the first level-1 heading: that is the title
  if (b.kind === 'heading') return !(b.mdDepth === 1 && b.index === firstHeading);
  if (NUMBERED.test(t)) return true;
  const cjk = countCjk(t);
  return (closesSentence(t) && cjk >= 12) || cjk > 50 || (t.split(/[，；]/).length >= 3 && cjk > 30);
}

const compact = (t: string) => t.replace(/^#+\s*/, '').replace(/[\s\u3000]+/g, '');

export function findFrame(blocks: readonly Block[]): Frame {
  const chrome = new Set<number>();
  for (const b of blocks) if (isChromeLine(b.norm.text)) chrome.add(b.index);

  // --- the head of the page: everything up to the first report prose. The title is found behind any amount of
  // furniture; a page that shows the title twice (in its header, then over the text) has its last copy taken, as
  // long as only furniture stands between the copies.
  const firstHeading = blocks.findIndex((b) => b.kind === 'heading');
  // HEAD_SCAN distinct lines: a row repeated (601 lines of |---|---|, a navigation row pasted over and over) is one
  // line of the page, else each --fix pass deleted the next 60 copies as furniture and fixAll did not converge
  let head = 0;
  const seenLines = new Set<string>();
  while (head < blocks.length && (seenLines.size < HEAD_SCAN || seenLines.has(blocks[head].norm.text)) && (chrome.has(head) || !isProse(blocks[head], firstHeading))) {
    seenLines.add(blocks[head].norm.text);
    head++;
  }
  const pageLike = blocks.slice(0, head).some((b) => chrome.has(b.index) || isPageFurniture(b.norm.text));
  let title: Block | null = null;
  let titleHead: Block | null = null;
  let titleAt = -1;
  let sinceTitle = true;
  const candidates: number[] = [];
  const copies: string[] = [];
  let titleSpan: { from: number; to: number } | null = null;
  let glued: { from: number; to: number }[] = [];
  for (let i = 0; i < head; i++) {
    const split = (title === null || sinceTitle) && blocks[i].kind !== 'heading' ? gluedTitle(blocks[i].norm.text) : null;
    if (split) {
      title = blocks[i];
      titleHead = null;
      titleAt = i;
      candidates.push(i);
      titleSpan = split.title;
      glued = split.furniture;
      copies.push(compact(blocks[i].norm.text.slice(split.title.from, split.title.to)));
      sinceTitle = true;
      continue;
    }
    if (chrome.has(i)) continue;
    const b = blocks[i];
    const next = blocks[i + 1];
    const wrapped = next && i + 1 < head && !chrome.has(i + 1) && isWrappedTitle(b, next);
    // once a title is found, a later line replaces it only by its words (a Markdown # line alone is no title copy)
    const titled = title === null ? isTitleLine(b) : isTitleText(b);
    if ((wrapped || (titled && !isPageFurniture(b.norm.text))) && (title === null || sinceTitle)) {
      title = wrapped ? next : b;
      titleHead = wrapped ? b : null;
      titleAt = i;
      titleSpan = null;
      glued = [];
      candidates.push(i);
      copies.push(compact(wrapped ? b.norm.text + next.norm.text : b.norm.text));
      if (wrapped) candidates.push(++i);
      sinceTitle = true;
      continue;
    }
    if (title && !(isPageFurniture(b.norm.text) || (pageLike && isShortLine(b.norm.text)))) sinceTitle = false;
  }
  const pageNumbered = viewerPageNumbers(blocks, chrome);
  // no title line: the title may open the first paragraph, the line break after it lost
  let titleOpensBody = false;
  if (title === null && head < blocks.length && head < HEAD_SCAN && blocks[head].kind === 'paragraph') {
    const b = blocks[head];
    const page = pageNumbered.has(head) ? PAGE_NUMBER.exec(b.norm.text.trimStart()) : null;
    const opening = openingTitle(b.norm.text, page ? b.norm.text.length - b.norm.text.trimStart().length + page[0].length : 0);
    if (opening) {
      title = b;
      titleAt = head;
      titleSpan = opening;
      glued = [];
      candidates.push(head);
      copies.push(compact(b.norm.text.slice(opening.from, opening.to)));
      titleOpensBody = true;
    }
  }
  // an organ's name alone on the line above the title (青山区人民政府 / 关于2021年度…的报告)
  if (title && !titleHead && titleAt > 0 && !chrome.has(titleAt - 1) && isTitleHead(blocks[titleAt - 1])) {
    titleHead = blocks[titleAt - 1];
    titleAt--;
  }
  // a line holding the title behind glued furniture is the title's line, not furniture (its furniture is reported as
  // spans); an earlier such line that a later title replaced stays furniture whole
  if (title && titleSpan) chrome.delete(title.index);
  const titleText = title ? compact((titleHead ? titleHead.norm.text : '') + (titleSpan ? title.norm.text.slice(titleSpan.from, titleSpan.to) : title.norm.text)) : null;

  let bodyStart = title ? title.index + (titleOpensBody ? 0 : 1) : 0;
  // between the title and the first paragraph: the page's fields, the title again, column names
  while (bodyStart < head && (chrome.has(bodyStart) || isHeadFurniture(blocks, bodyStart, titleText, pageLike))) bodyStart++;
  for (let i = 0; i < bodyStart; i++) {
    if (i >= titleAt && i <= (title?.index ?? -1)) continue;
    // an earlier title line (the page's own heading, a copy of the title) is skipped but not reported: which copy is
    // the furniture is a matter of reading
    if (!candidates.includes(i) && isHeadFurniture(blocks, i, titleText, pageLike)) chrome.add(i);
  }

  // --- the tail: the signature is the last organ/date block that only page furniture follows
  const { signature, tailFrom } = findTail(blocks, bodyStart, chrome, firstHeading);
  let bodyEnd = tailFrom;
  while (bodyEnd > bodyStart && chrome.has(bodyEnd - 1)) bodyEnd--;
  if (signature) {
    const firstSig = Math.min(...[...signature.organs, ...(signature.date ? [signature.date] : [])].map((b) => b.index));
    bodyEnd = Math.min(bodyEnd, firstSig);
  }
  return { chrome, title, titleHead, titleText, titleSpan, glued, titleOpensBody, titleCopies: titleText ? [...copies.slice(0, -1), titleText] : [], pageNumbered, signature, bodyStart, bodyEnd };
}

/** An Arabic number opening a line, as a document viewer writes its page numbers (1、). */
const PAGE_NUMBER = /^(\d{1,3})、/;
/** How much text a line holds at least to be a viewer's page (pages are cut at a fixed length of a few hundred). */
const PAGE_MIN_CJK = 100;
/** What a paragraph, a heading or a list item ends on; a page cut at a fixed length ends anywhere else. */
const LINE_CLOSE = /[。！？；：…”’」』）)》】!?;:.]$/;

/**
 * A document-sharing site's text layer (优知文库, 文库 viewers) cuts a document into pages of a fixed length and
 * numbers them at the start of each line: `1、…（一）加强` / `2、领导、明确职责…`. The page breaks fall in the
 * middle of a sentence or even a word, so a page number is told from an outline number by the line before it: a
 * long line numbered one less that runs on without closing (no 。；：, no closing quote or bracket). The viewer
 * pages the whole text, so the pages run from page 1 to the end of the text (only page furniture after them); a
 * report whose numbered paragraph lacks its full stop has other lines after its numbered ones.
 */
function viewerPageNumbers(blocks: readonly Block[], chrome: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  const pageNumber = (b: Block) => (b.kind === 'paragraph' ? PAGE_NUMBER.exec(b.norm.text.trim()) : null);
  let end = blocks.length;
  while (end > 0 && (chrome.has(end - 1) || isPageFurniture(blocks[end - 1].norm.text))) end--;
  // the last page, then back over the pages before it while each runs on into the next
  let first = end - 1;
  if (first < 1 || !pageNumber(blocks[first])) return out;
  while (first > 0) {
    const a = blocks[first - 1];
    const na = pageNumber(a);
    const nb = pageNumber(blocks[first])!;
    const ta = a.norm.text.trim();
    if (!na || Number(nb[1]) !== Number(na[1]) + 1 || countCjk(ta) < PAGE_MIN_CJK || LINE_CLOSE.test(ta)) break;
    first--;
  }
  if (first === end - 1 || Number(pageNumber(blocks[first])![1]) !== 1) return out;
  for (let i = first; i < end; i++) out.add(i);
  return out;
}

/** The longest line read as a title with furniture glued on. */
const GLUED_LINE_MAX = 240;

/** What separates the items of a breadcrumb. */
const CRUMB_SEPARATOR = /[>»›＞→]/g;

/**
 * A title with page furniture glued onto its line, as a page's text layer gives it: a breadcrumb before it
 * (首页 > 政务公开 > 法治政府建设 青山乡人民政府2023年度…报告, 您当前所在位置：首页>…>乡镇街道 …报告), page
 * fields after it (…报告 发布时间：2024-02-20 来源：…, …报告 2023-02-28 15:36 浏览量:1), or both. Read by form:
 * the part before the title is a breadcrumb (items joined by >) whose last item is the column the page stands in,
 * unless that item is an organ's name written before 关于 (青山镇人民政府 关于…); the part after it is page
 * furniture by form. Returns the title's range and the furniture's ranges (normalised offsets), or null when the
 * line is not a title with furniture glued on.
 */
export function gluedTitle(norm: string): { title: { from: number; to: number }; furniture: { from: number; to: number }[] } | null {
  // a title (at most 80 characters) with a breadcrumb and a row of fields: longer lines are report text
  if (norm.length > GLUED_LINE_MAX) return null;
  let from = 0;
  let to = norm.length;
  while (from < to && /\s/.test(norm[from])) from++;
  while (to > from && /\s/.test(norm[to - 1])) to--;
  const furniture: { from: number; to: number }[] = [];
  // a breadcrumb before the title: up to its last separator, then the column name it ends on
  let lastSep = -1;
  CRUMB_SEPARATOR.lastIndex = 0;
  for (let m = CRUMB_SEPARATOR.exec(norm); m; m = CRUMB_SEPARATOR.exec(norm)) lastSep = m.index;
  if (lastSep >= 0) {
    const crumb = norm.slice(from, lastSep + 1);
    if (!isBreadcrumbHead(crumb)) return null;
    let at = lastSep + 1;
    while (at < to && /\s/.test(norm[at])) at++;
    const rest = norm.slice(at, to);
    const space = /\s+/.exec(rest);
    // the breadcrumb's last item, then a space, then the title; an organ's name before 关于 is the title's own head
    if (space && !(ORGAN_END.test(rest.slice(0, space.index)) && /^关于/.test(rest.slice(space.index + space[0].length)))) {
      const item = rest.slice(0, space.index);
      if (item.length <= 16 && !isTitleString(item)) at += space.index + space[0].length;
    }
    // a breadcrumb may end on a column named like a title (首页 > 政务公开 > 法治政府建设年度报告): only a title
    // with its year or its 关于 is taken for the page's own title
    const words = norm.slice(at, to);
    if (!yearIn(words) && !/关于/.test(words)) return null;
    furniture.push({ from, to: at });
    from = at;
  }
  // page fields after the title: the first space after which everything is furniture
  const tail = /\s+/g;
  tail.lastIndex = from;
  for (let m = tail.exec(norm); m && m.index < to; m = tail.exec(norm)) {
    const after = norm.slice(m.index + m[0].length, to);
    if (after && isPageFurniture(after) && isTitleString(norm.slice(from, m.index))) {
      furniture.push({ from: m.index, to });
      to = m.index;
      break;
    }
  }
  if (furniture.length === 0 || from >= to) return null;
  const title = norm.slice(from, to);
  if (!isTitleString(title) || isPageFurniture(title) || /[>»›＞→|｜丨]/.test(title)) return null;
  return { title: { from, to }, furniture };
}

/** How a report's first sentence opens: the year it reports on, a span of time, a basis, or the addressee (区政府：). */
const BODY_OPENING = /^(\d{4}\s*年|[〇零一二三四五六七八九]{4}年|一年来|今年以来|近年来|过去的?一年|根据|按照|为(深入)?贯彻)/;
/** A web address as a watermark writes it (www.mishuzj.com, gongwenhui.cn). */
const WEB_ADDRESS = /(?:https?:\/\/)?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org)\b/g;
/** An addressee opening the text: an organ's name and a colon (区政府：, 市委、市政府：). */
const ADDRESSEE = /^([^，。；：:\s\d]{2,16})[:：]/;

/**
 * A title opening a line of body text, the line break after it lost (a PDF or viewer text layer): 某县 2025 年度
 * 法治政府建设情况报告2025 年，全县坚持…. The line's first words up to a 报告 are a title — with its year and its
 * 法治, no sentence mark — and what follows opens a report's first sentence. Returns the title's normalised range
 * (from `from`, where a viewer's page number ends), or null.
 */
function openingTitle(norm: string, from: number): { from: number; to: number } | null {
  while (from < norm.length && /\s/.test(norm[from])) from++;
  const window = norm.slice(from, from + 80);
  // a site's watermark before the title (秘书之家—全网资源每日更新www.mishuzj.com湖北省人民政府关于…报告): the
  // title starts after its web address
  let site = 0;
  const firstReport = window.indexOf('报告');
  for (const m of window.matchAll(WEB_ADDRESS)) if (m.index! < firstReport) site = m.index! + m[0].length;
  from += site;
  const head = window.slice(site);
  for (let k = head.indexOf('报告'); k >= 0; k = head.indexOf('报告', k + 2)) {
    const title = head.slice(0, k + 2);
    if (/[，。；！？：,;:!?]/.test(title) || !/法治/.test(title) || !yearIn(title) || !isTitleString(title)) continue;
    const rest = norm.slice(from + k + 2).trimStart();
    const addressee = ADDRESSEE.exec(rest);
    if ((BODY_OPENING.test(rest) || (addressee && ORGAN_END.test(addressee[1]))) && countCjk(rest) >= 20) return { from, to: from + k + 2 };
  }
  return null;
}

/** A breadcrumb as it stands before a title on the same line: two or more items joined by >, or a location prompt. */
function isBreadcrumbHead(crumb: string): boolean {
  const t = crumb.trim();
  if (/[。，；！？]/.test(t)) return false;
  const items = t.split(/[>»›＞→]/).map((x) => x.trim());
  if (items.length < 2 || items.slice(0, -1).some((x) => x.length === 0 || x.length > 24)) return false;
  return items.length >= 3 || isChromeLine(t) || /(首页|主页|位置)/.test(t);
}

/**
 * A line of the page head that web-boilerplate reports: page furniture by form, a copy of the title (whole, cut
 * short, or with spaces), the value line under a field name (• 索引号: / 6107280000/2024-001005), and — on a page
 * that shows other furniture — a short column name. Document heads (发文字号, 附件1, an organ's name, 征求意见稿)
 * are not furniture: they are skipped, never reported.
 */
function isHeadFurniture(blocks: readonly Block[], i: number, titleText: string | null, pageLike: boolean): boolean {
  const t = blocks[i].norm.text.trim();
  if (isPageFurniture(t)) return true;
  // the value under a field name (• 发布机构： / 青山区东湖街道办事处): an organ's name or a document number here is
  // the field's value, not a document head
  if (i > 0 && isShortLine(t)) {
    const prev = pageField(blocks[i - 1].norm.text);
    if (prev && !prev.value) return true;
  }
  // a repost or source note (转自:司法部, 稿源：青山区司法局): a short label, a colon, a name — an organ's name after a
  // label is a value, not a document head; the addressee line (区政府:) has nothing after its colon, and an
  // attachment label (附件：…) is the document's own
  const note = REPOST_NOTE.exec(t);
  if (note && !/^附件/.test(note[1]) && !DOCUMENT_HEAD.test(compact(t))) return true;
  // a site's name over its breadcrumb (禄丰市人民政府 / 首页 >> 政府信息公开 >> …): the page's header, not the organ
  // heading the title — that one stands directly above the title
  const next = blocks[i + 1];
  if (ORGAN_END.test(t) && t.length <= 30 && next && isPageFurniture(next.norm.text) && !isTitleLine(next)) return true;
  if (DOCUMENT_HEAD.test(compact(t)) || (ORGAN_END.test(t) && t.length <= 30 && !/\d/.test(t))) return false;
  const c = compact(t);
  if (titleText && c.length >= 6 && (titleText.startsWith(c) || c === titleText)) return true;
  if (titleText && i + 1 < blocks.length && c.length >= 4 && titleText === compact(t + blocks[i + 1].norm.text)) return true;
  // a field the word list does not know (- 公文时效:), among fields it knows: the page's metadata block
  const kv = /^([^:：。，；！？、\s]{1,8})[:：]\s*([^。；！？]{0,40})$/.exec(t.replace(/^[•·●▪■◆◇□►▶▸※\-*]\s*/, ''));
  if (kv && !ORGAN_END.test(kv[1]) && [blocks[i - 1], blocks[i + 1]].some((b) => b && pageField(b.norm.text))) return true;
  if (titleText && i > 0 && titleText === compact(blocks[i - 1].norm.text + t)) return true;
  return pageLike && isShortLine(t) && t.length <= 16 && !/\d{4}年度?/.test(t) && !/法治/.test(t) && !/[:：]$/.test(t);
}

/** A repost or source note between title and body: a short label, a colon, a name (转自:司法部). */
const REPOST_NOTE = new RegExp(`^([${CJK_CLASS}]{1,4})[:：]\\s*([^:：。，；！？,;\\s]{2,20})$`);

/** What stands above a document's title in the document itself: its number, attachment label, draft status, secrecy. */
const DOCUMENT_HEAD = /〔\d{4}〕|\[\d{4}\]|^附件\d*[:：]?$|^附件[一二三四五六七八九十]+$|(征求意见|送审|讨论|修改|审议)稿|^[（(]?(初稿|草稿|定稿)[)）]?$|密级|秘密|机密|内部|签发人|份号|文件$|^(主送|抄送|报送)[:：]/;

/** Two short lines that read as one title when joined (青山区司法局2022年度 / 法治政府建设情况报告). */
function isWrappedTitle(a: Block, b: Block): boolean {
  const ta = a.norm.text.trim();
  const tb = b.norm.text.trim();
  if (a.kind === 'listItem' || ta.length > 40 || tb.length > 40 || SENTENCE_MARK.test(ta) || NUMBERED.test(ta) || NUMBERED.test(tb)) return false;
  if (isTitleLine(a) || isPageFurniture(ta) || isPageFurniture(tb)) return false;
  // a second line that is a whole title with its year is the title itself, not the end of one
  if (isTitleLine(b) && yearIn(tb) !== null && !/^关于/.test(tb)) return false;
  if (!/(报告|汇报)$/.test(tb.replace(/[（(][^）)]*[)）]$/, ''))) return false;
  // the first line must begin the title: an organ, a year, 关于, or the first words of 法治政府建设
  if (!(/(\d{4}|[〇零一二三四五六七八九]{4})年|关于|法治|依法行政/.test(ta) || ORGAN_END.test(ta))) return false;
  return isTitleLine(Object.assign({}, b, { kind: 'paragraph', norm: Object.assign({}, b.norm, { text: ta + tb }) }) as Block);
}

/** An organ's name alone on the line above the title line. */
function isTitleHead(b: Block): boolean {
  const t = b.norm.text.trim();
  return b.kind !== 'listItem' && t.length <= 30 && !SENTENCE_MARK.test(t) && ORGAN_END.test(t) && !/^[一二三四五六七八九十]+、|^（|^\d/.test(t);
}

export function isTitleLine(b: Block): boolean {
  return (b.kind === 'heading' && b.mdDepth === 1) || isTitleText(b);
}

/** A line whose words make it a title, whatever its Markdown. */
function isTitleText(b: Block): boolean {
  return isTitleString(b.norm.text);
}

function isTitleString(text: string): boolean {
  const t = text.trim();
  if (t.length > 80 || /。$/.test(t) || /^[一二三四五六七八九十]+、|^（/.test(t)) return false;
  // the opening sentence that announces the report (按照有关要求，现将…情况总结如下：) names it, but is no title
  if (/如下[：:]?$/.test(t)) return false;
  if (SENTENCE_MARK.test(t) && t.length > 50) return false;
  const bare = compact(t).replace(/[（(][^）)]*[)）]$/, '');
  // a column name (工作报告, 年度报告) is too short to be a report's title
  if (bare.length < 8) return false;
  return /(报告|汇报|总结|述职)$|工作情况$|建设情况$|法治政府建设.{0,12}(报告|情况|汇报)/.test(bare);
}

/**
 * The end of a page: the signature (organs and date) is the last one that only page furniture follows — a share
 * row, QR prompt, previous/next and related links, footers. From the first furniture line after it to the end, every
 * line is furniture (link titles, their dates, the summaries of other articles). Without a signature, the tail is the
 * trailing run of furniture and short lines from its first furniture line. Returns where the tail starts.
 */
function findTail(blocks: readonly Block[], from: number, chrome: Set<number>, firstHeading: number): { signature: Signature | null; tailFrom: number } {
  const n = blocks.length;
  const furniture = (i: number) => chrome.has(i) || isPageFurniture(blocks[i].norm.text);
  let tailFrom = n;
  let firstFurniture = -1;
  for (let i = n - 1; i >= from && n - i <= TAIL_SCAN; i--) {
    const t = blocks[i].norm.text.trim();
    const d = parseDateLine(t);
    const organAbove = i > from && isOrganLine(blocks[i - 1]);
    if (d && (/年/.test(t) || organAbove)) {
      let j = i + 1;
      while (j < n && NOTE.test(blocks[j].norm.text.trim())) j++;
      let allShort = true;
      for (let k = j; k < n; k++) if (!furniture(k) && !isShortLine(blocks[k].norm.text)) allShort = false;
      if (j >= n || furniture(j) || allShort) {
        let k = j;
        while (k < n && !furniture(k)) k++;
        firstFurniture = k < n ? k : -1;
        tailFrom = j;
        break;
      }
    }
    if (isProse(blocks[i], firstHeading) && !furniture(i)) break;
  }
  if (tailFrom === n) {
    for (let i = n - 1; i >= from && n - i <= TAIL_SCAN; i--) {
      if (furniture(i)) firstFurniture = i;
      else if (!isShortLine(blocks[i].norm.text) || NUMBERED.test(blocks[i].norm.text.trim())) break;
    }
    if (firstFurniture >= 0) tailFrom = firstFurniture;
  }
  if (firstFurniture >= 0) for (let i = firstFurniture; i < n; i++) chrome.add(i);
  const signature = findSignature(blocks, from, tailFrom);
  return { signature, tailFrom: signature ? tailFrom : Math.min(tailFrom, n) };
}

function isOrganLine(b: Block): boolean {
  const t = b.norm.text.trim();
  return t.length <= 30 && !SENTENCE_MARK.test(t) && ORGAN_END.test(t) && !NUMBERED.test(t);
}

function findSignature(blocks: readonly Block[], from: number, to: number): Signature | null {
  const organs: Block[] = [];
  let date: Block | null = null;
  let dateValue: ReportDate | null = null;
  // a 附注 under the date, GB/T 9704 7.3.6: （此件公开发布）
  while (to > from && NOTE.test(blocks[to - 1].norm.text.trim())) to--;
  for (let i = to - 1; i >= from && to - i <= 5; i--) {
    const b = blocks[i];
    const t = b.norm.text.trim();
    if (t.length > 40 || SENTENCE_MARK.test(t) || b.kind === 'heading') break;
    const d = !date ? parseDateLine(t) : null;
    if (d) {
      date = b;
      dateValue = d;
      continue;
    }
    if (ORGAN_END.test(t) && t.length <= 30 && !/^[一二三四五六七八九十]+、|^（|^\d/.test(t)) {
      organs.unshift(b);
      continue;
    }
    break;
  }
  if (!date && organs.length === 0) return null;
  // a lone organ-like line with no date is a signature only when it is the very last line
  if (!date && organs[organs.length - 1].index !== to - 1) return null;
  return { organs, date, dateValue };
}

const CN_DIGITS = '〇零一二三四五六七八九十';

/** A line that is nothing but a date: 2021年3月1日, 2021年03月01日, 二〇二一年三月一日, 2021-03-01. */
export function parseDateLine(text: string): ReportDate | null {
  const t = text.trim();
  let m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(t);
  if (m) {
    const conforming = !/^0/.test(m[2]) && !/^0/.test(m[3]) && !/\s/.test(t);
    return { year: +m[1], month: +m[2], day: +m[3], conforming, raw: t };
  }
  m = new RegExp(`^([${CN_DIGITS}]{4})年([${CN_DIGITS}]{1,3})月([${CN_DIGITS}]{1,3})日$`).exec(t);
  if (m) {
    const year = parseChineseNumeral(m[1]);
    const month = parseChineseNumeral(m[2]);
    const day = parseChineseNumeral(m[3]);
    if (year && month && day) return { year, month, day, conforming: false, raw: t };
  }
  m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(t);
  if (m) return { year: +m[1], month: +m[2], day: +m[3], conforming: false, raw: t };
  return null;
}
