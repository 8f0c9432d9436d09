/**
 * Problems and plans read as items, the way a reviewer pairs them: sub-headings ((一)(二), 1. 2.), inline
 * enumerators (一是/二是…, （一）…, 1、…), or clauses separated by ；. Each item keeps its source range and its
 * opening words (for messages); its key terms (for matching a problem to a plan) are terms.ts's.
 */
import type { Block } from './parse.js';
import type { Report } from './report.js';
import { CJK_CLASS, codePointFloor, countCjk, type Range } from './text.js';
import { normIndexAt, toSource } from './normalize.js';
import { parseChineseNumeral } from './numerals.js';
import { itemBlocks, openingOf, opensItem } from './content.js';
import { memoKey } from './memo.js';
import { isPlaceholderOnly } from './paragraph.js';

export interface ListItem {
  /** source range of the item, its enumerator included */
  range: Range;
  /** normalised text of the item, without its enumerator */
  text: string;
  /** opening words, for messages (normalised, about 12–20 characters) */
  first: string;
  /** source range of the opening words */
  firstRange: Range;
  /** 1-based line where the item starts */
  line: number;
}

export interface ItemList {
  items: ListItem[];
  /** text of the item's content that is not part of any listed item (introductions, closing remarks) */
  loose: string[];
}

/** A paragraph that analyses the causes of all the problems at once (产生上述问题的原因…, 究其原因…). */
export const SHARED_CAUSE = new RegExp(String.raw`^(?:(?:产生|造成|出现|形成)?(?:上述|以上|这些)(?:问题|不足)的?(?:主要)?(?:原因|根源)|究其(?:原因|根源)|(?:主要)?原因(?:主要)?(?:是|有|在于)|[${CJK_CLASS}]{0,8}(?:问题|不足|短板|差距)(?:产生)?的(?:主要)?(?:原因|根源|成因))`);

const PROBLEMS = memoKey<ItemList>('items:problems', ['checklist', 'outline']);
const PLANS = memoKey<ItemList>('items:plans', ['checklist', 'outline']);

/** The listed problems of the report (memoised). A paragraph analysing the causes of them all is not a problem. */
export function problemItems(report: Report): ItemList {
  return report.memo(PROBLEMS, () => {
    const entry = report.entry('problems');
    // under a heading glued into running text the list's end inside the paragraph is not known: no items are read
    const list = parseItems(report, entry.glued ? [] : itemBlocks(report, entry), false);
    const causes = list.items.filter((it) => SHARED_CAUSE.test(it.text.trim()));
    // （四）…。 then 法治建设不足的原因…: a paragraph after the last item that names the causes of the problems answers
    // for all of them, though the sub-heading run carries it inside the last item
    const last = list.items[list.items.length - 1];
    const trailing = last && !causes.includes(last) ? last.text.split('\n').slice(1).find((t) => CAUSES_OF_ALL.test(t.trim())) : undefined;
    if (!causes.length && trailing === undefined) return list;
    return {
      items: list.items.filter((it) => !causes.includes(it)),
      loose: [...list.loose, ...causes.map((it) => it.text), ...(trailing === undefined ? [] : [trailing.trim()])],
    };
  });
}

/** a paragraph naming the causes of the problems before it: 上述问题的原因…, 法治建设不足的原因 */
const CAUSES_OF_ALL = new RegExp(String.raw`^(?:(?:产生|造成|出现|形成)?(?:上述|以上|这些)(?:问题|不足)|[${CJK_CLASS}]{0,8}(?:问题|不足|短板|差距)(?:产生)?的(?:主要)?(?:原因|根源|成因))`);

/**
 * A problem that carries its own remedy: after its statement (and cause) a sentence of the item opens the plan
 * (（一）执法力量不足……原因是……。2021年，推动编制下沉……; 下一步，……). Merged sections are often written so, each
 * problem with its answer; the plans after them need not repeat it.
 */
export function carriesOwnRemedy(item: ListItem, reportYear: number | null | undefined): boolean {
  const sentences = item.text.split(/(?<=[。；;！!])/).slice(1);
  return sentences.some((s) => opensItem(openingOf(s.trim()), 'plans', reportYear));
}

/** The listed plans of the report (memoised). Unmarked paragraphs count as plans too: they can still answer a problem. */
export function planItems(report: Report): ItemList {
  return report.memo(PLANS, () => {
    const entry = report.entry('plans');
    return parseItems(report, entry.glued ? [] : itemBlocks(report, entry), true);
  });
}

// An inline enumerator at the start of a text or after a sentence mark: 一是 / （一） / 1. / 1、 / （1）.
const MARKER = /(?<=^|[。；：！？\s])(?:([一二三四五六七八九十]{1,3})是|（([一二三四五六七八九十]{1,3})）|(\d{1,2})[.、](?!\d)|（(\d{1,2})）)/g;

interface Marker {
  block: Block;
  /** normalised offsets of the enumerator */
  at: number;
  end: number;
  style: number;
  value: number;
}

export function parseItems(report: Report, blocks: readonly Block[], keepLoose: boolean): ItemList {
  if (!blocks.length) return { items: [], loose: [] };
  const list = bySubHeadings(report, blocks) ?? byMarkers(blocks, keepLoose) ?? byClauses(blocks);
  // （一）〔此处写存在的问题〕: the template's guidance left in is no problem and no plan (placeholder reports it)
  if (!list.items.some((it) => isPlaceholderOnly(it.text))) return list;
  return { items: list.items.filter((it) => !isPlaceholderOnly(it.text)), loose: list.loose };
}

/** Sub-headings of the shallowest level under the item's heading: each starts an item running to the next. */
function bySubHeadings(report: Report, blocks: readonly Block[]): ItemList | null {
  const heads = blocks.map((b) => {
    const h = report.headingOf(b);
    return h && h.block.index === b.index ? h : null;
  });
  const levels = heads.filter((h) => h !== null).map((h) => h!.level);
  if (!levels.length) return null;
  const level = levels.reduce((a, b) => Math.min(a, b)); // no spread: a list may have 100 000 items
  const items: ListItem[] = [];
  const loose: string[] = [];
  let current: Block[] | null = null;
  const flush = () => {
    if (current) items.push(makeItem(current[0], current[current.length - 1], headingTextStart(report, current[0]), current));
  };
  blocks.forEach((b, i) => {
    if (heads[i]?.level === level) {
      flush();
      current = [b];
    } else if (current) current.push(b);
    else loose.push(b.norm.text);
  });
  flush();
  return { items, loose };
}

/** Normalised offset where a heading block's text starts after its numbering. */
function headingTextStart(report: Report, b: Block): number {
  const h = report.headingOf(b);
  if (!h || h.block.index !== b.index || !h.numbering) return 0;
  return normIndexAt(b.norm, h.numbering.range.end);
}

/** Inline enumerators forming a sequence 1, 2, 3… (the longest sequence of one style wins). */
function byMarkers(blocks: readonly Block[], keepLoose: boolean): ItemList | null {
  const byStyle = new Map<number, Marker[]>();
  for (const b of blocks) {
    for (const m of b.norm.text.matchAll(MARKER)) {
      const style = m[1] ? 0 : m[2] ? 1 : m[3] ? 2 : 3;
      const raw = m[1] ?? m[2] ?? m[3] ?? m[4];
      const value = style >= 2 ? Number(raw) : parseChineseNumeral(raw);
      if (!value) continue;
      const list = byStyle.get(style) ?? [];
      list.push({ block: b, at: m.index!, end: m.index! + m[0].length, style, value });
      byStyle.set(style, list);
    }
  }
  let best: Marker[] = [];
  for (const list of byStyle.values()) {
    const seq: Marker[] = [];
    for (const m of list) if (m.value === seq.length + 1) seq.push(m);
    if (seq.length > best.length) best = seq;
  }
  // one enumerator counts only when it opens a paragraph; inside a sentence it takes two to make a list
  if (!best.length || (best.length === 1 && best[0].at !== 0)) return null;
  const items: ListItem[] = [];
  const loose: string[] = [];
  const marked = new Set(best.map((m) => m.block.index));
  for (const b of blocks) {
    const ms = best.filter((m) => m.block.index === b.index);
    if (!ms.length) {
      if (keepLoose && !marked.has(b.index)) items.push(makeItem(b, b, 0, [b]));
      else loose.push(b.norm.text);
      continue;
    }
    if (ms[0].at > 0) loose.push(b.norm.text.slice(0, ms[0].at));
    ms.forEach((m, i) => {
      const end = i + 1 < ms.length ? ms[i + 1].at : b.norm.text.length;
      items.push(spanItem(b, m.at, m.end, end));
    });
  }
  return { items, loose };
}

/** An opening that announces the list (虽然取得了一定成效，但也存在一些不足。) rather than being one of its items. */
const INTRO = /^.{0,60}(虽然|尽管|虽|但|然而).{0,40}(存在|还有|仍有|仍然存在).{0,12}(问题|不足|差距|短板)[^。；]{0,12}[。：]?$/;

/** No enumerators: clauses separated by ； after an introduction (主要有：…；…；…), else each paragraph. */
function byClauses(blocks: readonly Block[]): ItemList {
  const items: ListItem[] = [];
  const loose: string[] = [];
  for (const b of blocks) {
    const t = b.norm.text;
    if (/：$/.test(t.trim()) || (b === blocks[0] && blocks.length > 1 && INTRO.test(t))) {
      loose.push(t);
      continue;
    }
    const firstSemi = t.indexOf('；');
    const colon = t.indexOf('：');
    const start = colon >= 0 && (firstSemi < 0 || colon < firstSemi) ? colon + 1 : 0;
    const parts: [number, number][] = [];
    let from = start;
    for (let i = start; i <= t.length; i++) {
      if (i === t.length || t[i] === '；') {
        if (t.slice(from, i).trim()) parts.push([from, i]);
        from = i + 1;
      }
    }
    if (parts.length >= 2) {
      if (start > 0) loose.push(t.slice(0, start));
      for (const [f, e] of parts) items.push(spanItem(b, f, f, e));
    } else if (countCjk(t) >= 6) {
      items.push(makeItem(b, b, 0, [b]));
    }
  }
  return { items, loose };
}

/** An item inside one block: enumerator at [at, textStart), text up to end (normalised offsets). */
function spanItem(b: Block, at: number, textStart: number, end: number): ListItem {
  const text = b.norm.text.slice(textStart, end);
  const range = toSource(b.norm, at, end);
  const { first, from, to } = openingWords(text);
  return { range, text, first, firstRange: toSource(b.norm, textStart + from, textStart + to), line: b.line };
}

function makeItem(firstBlock: Block, lastBlock: Block, textStart: number, blocks: readonly Block[]): ListItem {
  const head = firstBlock.norm.text.slice(textStart);
  const text = [head, ...blocks.slice(1).map((b) => b.norm.text)].join('\n');
  const { first, from, to } = openingWords(head);
  return {
    range: { start: firstBlock.start, end: lastBlock.end },
    text,
    first,
    firstRange: toSource(firstBlock.norm, textStart + from, textStart + to),
    line: firstBlock.line,
  };
}

const MAX_FIRST = 20;

/** The opening words of an item: its first clause when that is 4–20 characters, else its first 18 characters. */
export function openingWords(text: string): { first: string; from: number; to: number } {
  const lead = text.search(/[^\s，：、]/);
  const from = lead < 0 ? 0 : lead;
  const rest = text.slice(from);
  let stop = rest.search(/[，。；：！？\n]/);
  if (stop >= 0 && stop < 4) {
    const next = rest.slice(stop + 1).search(/[，。；：！？\n]/);
    stop = next < 0 ? -1 : stop + 1 + next;
  }
  const clause = stop < 0 ? rest : rest.slice(0, stop);
  if (clause.length <= MAX_FIRST) return { first: clause, from, to: from + clause.length };
  const cut = codePointFloor(clause, 18);
  return { first: clause.slice(0, cut) + '…', from, to: from + cut };
}
