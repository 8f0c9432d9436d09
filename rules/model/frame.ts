/**
 * The frame around a report's body: web chrome pasted with it, the title line, and the signature block
 * (落款 and 成文日期) at the end. None of these is an outline heading.
 */
import type { Block } from './parse.js';
import { isChromeLine } from './chrome.js';
import { parseChineseNumeral } from './numerals.js';

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
  chrome: ReadonlySet<number>;
  title: Block | null;
  /** the first line of a title broken in two (青山区人民政府 / 关于2021年度…的报告): the organ */
  titleHead?: Block | null;
  signature: Signature | null;
  /** block indices of the body, [bodyStart, bodyEnd) */
  bodyStart: number;
  bodyEnd: number;
}

const ORGAN_END = /(人民政府|政府|委员会|委|局|厅|办事处|街道|办公室|办|中心|院|所|部|处|室|镇|乡|党组|支部)$/;
const NOTE = /^（此件[^（）]{2,12}）$/;
const SENTENCE_MARK = /[。，；！？,;]/;

export function findFrame(blocks: readonly Block[]): Frame {
  const chrome = new Set<number>();
  for (const b of blocks) if (isChromeLine(b.norm.text)) chrome.add(b.index);

  let bodyStart = 0;
  while (bodyStart < blocks.length && chrome.has(bodyStart)) bodyStart++;
  let title: Block | null = null;
  let titleHead: Block | null = null;
  const first = blocks[bodyStart];
  const second = blocks[bodyStart + 1];
  if (first && !isTitleLine(first) && second && isTitleHead(first) && isTitleLine(second)) {
    titleHead = first;
    bodyStart++;
  }
  const titleLine = blocks[bodyStart];
  if (titleLine && isTitleLine(titleLine)) {
    title = titleLine;
    bodyStart++;
    while (bodyStart < blocks.length && chrome.has(bodyStart)) bodyStart++;
  }

  let bodyEnd = blocks.length;
  while (bodyEnd > bodyStart && chrome.has(bodyEnd - 1)) bodyEnd--;
  const signature = findSignature(blocks, bodyStart, bodyEnd);
  if (signature) {
    const firstSig = Math.min(...[...signature.organs, ...(signature.date ? [signature.date] : [])].map((b) => b.index));
    bodyEnd = firstSig;
  }
  return { chrome, title, titleHead, signature, bodyStart, bodyEnd };
}

/** An organ's name alone on the line above the title line. */
function isTitleHead(b: Block): boolean {
  const t = b.norm.text.trim();
  return b.kind !== 'listItem' && t.length <= 30 && !SENTENCE_MARK.test(t) && ORGAN_END.test(t) && !/^[一二三四五六七八九十]+、|^（|^\d/.test(t);
}

export function isTitleLine(b: Block): boolean {
  const t = b.norm.text.trim();
  if (b.kind === 'heading' && b.mdDepth === 1) return true;
  if (t.length > 80 || /。$/.test(t) || /^[一二三四五六七八九十]+、|^（/.test(t)) return false;
  if (SENTENCE_MARK.test(t) && t.length > 50) return false;
  return /(报告|汇报|总结|述职)$|工作情况$|建设情况$|法治政府建设.{0,12}(报告|情况|汇报)/.test(t);
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
