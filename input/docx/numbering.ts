/**
 * Automatic numbering as Word renders it: numbering.xml's abstract definitions and instances (w:num with
 * lvlOverride/startOverride), counters per abstract definition, restarts by level (lvlRestart), lvlText with
 * %1…%9, and the number formats Chinese reports use. The paragraph's numbering may come from its style.
 */
import { toChineseNumeral } from '../../rules/model/numerals.js';
import { isOn, kid, kids, type XmlElement } from './xml.js';
import type { Styles } from './styles.js';

export interface Level {
  start: number;
  format: string;
  text: string;
  /** 1-based level after which this one restarts; 0 = never; undefined = after any higher level */
  restart?: number;
  legal: boolean;
  suffix: 'tab' | 'space' | 'nothing';
  /** the paragraph style this level is tied to (style-linked lists) */
  style?: string;
}

interface Instance {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: Level }>;
}

export interface NumberingDefs {
  abstracts: Map<string, Map<number, Level>>;
  nums: Map<string, Instance>;
}

/** Custom formats (w:numFmt w:val="custom" w:format="…", Word 2010+) with a known standard equivalent. */
const CUSTOM: Record<string, string> = {
  '一, 二, 三, ...': 'chineseCounting',
  '壹, 贰, 叁, ...': 'chineseLegalSimplified',
  '甲, 乙, 丙, ...': 'ideographTraditional',
  '①, ②, ③, ...': 'decimalEnclosedCircle',
  '１, ２, ３, ...': 'decimalFullWidth',
  '01, 02, 03, ...': 'decimalZero',
};

function readLevel(lvl: XmlElement): Level {
  // numFmt may sit in mc:AlternateContent: a custom Choice with a standard Fallback; take the first we know
  let format = 'decimal';
  const fmts = kids(lvl, 'numFmt');
  for (const f of fmts) {
    const v = f.attrs.val ?? 'decimal';
    if (v === 'custom') {
      const known = CUSTOM[f.attrs.format ?? ''];
      if (known) {
        format = known;
        break;
      }
      continue;
    }
    format = v;
    break;
  }
  const restart = kid(lvl, 'lvlRestart')?.attrs.val;
  const suff = kid(lvl, 'suff')?.attrs.val;
  return {
    start: Number(kid(lvl, 'start')?.attrs.val ?? 0) || 0,
    format,
    text: kid(lvl, 'lvlText')?.attrs.val ?? '',
    restart: restart === undefined ? undefined : Number(restart),
    legal: isOn(kid(lvl, 'isLgl')),
    suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    style: kid(lvl, 'pStyle')?.attrs.val,
  };
}

function readLevels(el: XmlElement): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of kids(el, 'lvl')) levels.set(Number(lvl.attrs.ilvl ?? 0), readLevel(lvl));
  return levels;
}

export function readNumbering(root: XmlElement | undefined, styles: Styles): NumberingDefs {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, Instance>();
  const styleLinks = new Map<string, string>();
  const numbering = root ? kid(root, 'numbering') : undefined;
  if (numbering) {
    for (const a of kids(numbering, 'abstractNum')) {
      const id = a.attrs.abstractNumId ?? '';
      abstracts.set(id, readLevels(a));
      const link = kid(a, 'numStyleLink')?.attrs.val;
      if (link) styleLinks.set(id, link);
    }
    for (const n of kids(numbering, 'num')) {
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const o of kids(n, 'lvlOverride')) {
        const start = kid(o, 'startOverride')?.attrs.val;
        const lvl = kid(o, 'lvl');
        overrides.set(Number(o.attrs.ilvl ?? 0), { start: start === undefined ? undefined : Number(start), level: lvl ? readLevel(lvl) : undefined });
      }
      nums.set(n.attrs.numId ?? '', { abstractId: kid(n, 'abstractNumId')?.attrs.val ?? '', overrides });
    }
  }
  // numStyleLink: the abstract definition is a stand-in for the one the numbering style's own w:num names
  for (const [id, styleId] of styleLinks) {
    const numId = styles.get(styleId)?.numId;
    const target = numId ? nums.get(numId)?.abstractId : undefined;
    const levels = target !== undefined ? abstracts.get(target) : undefined;
    if (levels && target !== id) {
      for (const inst of nums.values()) if (inst.abstractId === id) inst.abstractId = target!;
    }
  }
  return { abstracts, nums };
}

/** Counters as Word keeps them while it lays out the document, one paragraph after another. */
export class NumberingState {
  private counters = new Map<string, (number | undefined)[]>();
  private usedNums = new Set<string>();

  constructor(private readonly defs: NumberingDefs) {}

  levelOf(numId: string, ilvl: number): Level | undefined {
    const inst = this.defs.nums.get(numId);
    if (!inst) return undefined;
    return inst.overrides.get(ilvl)?.level ?? this.defs.abstracts.get(inst.abstractId)?.get(ilvl);
  }

  private startOf(inst: Instance, ilvl: number, level: Level): number {
    return inst.overrides.get(ilvl)?.start ?? level.start;
  }

  /** The level of a style-linked list that names this paragraph style, if any. */
  levelForStyle(numId: string, styleId: string): number | undefined {
    const inst = this.defs.nums.get(numId);
    const levels = inst ? this.defs.abstracts.get(inst.abstractId) : undefined;
    if (!levels) return undefined;
    for (const [ilvl, l] of levels) if (l.style === styleId) return ilvl;
    return undefined;
  }

  /** Count one paragraph at (numId, ilvl) and return its rendered label and suffix, or null when it has none. */
  next(numId: string, ilvl: number): { label: string; suffix: string } | null {
    const inst = this.defs.nums.get(numId);
    if (!inst) return null;
    const level = this.levelOf(numId, ilvl);
    if (!level) return null;
    let counts = this.counters.get(inst.abstractId);
    if (!counts) this.counters.set(inst.abstractId, (counts = []));
    // a w:num with startOverride starts its overridden levels afresh the first time it is used
    if (!this.usedNums.has(numId)) {
      this.usedNums.add(numId);
      for (const [l, o] of inst.overrides) if (o.start !== undefined || o.level) counts[l] = undefined;
    }
    // a level used before its parent levels ever were: the parents count as used at their start values, so the
    // parent's first own paragraph afterwards gets the next number (LibreOffice's text export, our oracle, agrees)
    for (let j = 0; j < ilvl; j++) {
      const parent = this.levelOf(numId, j);
      if (counts[j] === undefined && parent) counts[j] = this.startOf(inst, j, parent);
    }
    counts[ilvl] = counts[ilvl] === undefined ? this.startOf(inst, ilvl, level) : counts[ilvl]! + 1;
    for (let k = ilvl + 1; k < 9; k++) {
      const deeper = this.levelOf(numId, k);
      const restartAfter = deeper?.restart ?? k; // default: restart after any higher level
      if (restartAfter !== 0 && ilvl < restartAfter) counts[k] = undefined;
    }
    if (level.format === 'none') return { label: level.text.replace(/%[1-9]/g, ''), suffix: suffixText(level) };
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const l = k === ilvl ? level : this.levelOf(numId, k);
      if (!l) return '';
      const value = counts![k] ?? this.startOf(inst, k, l);
      // isLgl: every level shown in Arabic digits ("1.1.1" under a 第一章 heading)
      return formatNumber(value, level.legal && k !== ilvl ? 'decimal' : l.format);
    });
    return { label, suffix: suffixText(level) };
  }
}

/** A tab after the label is shown as a space, as the text view shows every tab. */
function suffixText(level: Level): string {
  return level.suffix === 'nothing' ? '' : ' ';
}

const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';

function letters(n: number, base: number): string {
  const letter = String.fromCharCode(base + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) ((out += s), (n -= v));
  return out;
}

function enclosedCircle(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCharCode(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCharCode(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCharCode(0x32b1 + n - 36);
  return String(n);
}

/** One number in one of Word's number formats (ST_NumberFormat). Unknown formats fall back to Arabic digits. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 ? '0' + n : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((c) => String.fromCharCode(c.charCodeAt(0) - 0x30 + 0xff10)).join('');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosedCircle(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'upperLetter':
      return letters(n, 0x41);
    case 'lowerLetter':
      return letters(n, 0x61);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return toChineseNumeral(n);
    case 'chineseLegalSimplified':
      return toChineseNumeral(n, true);
    case 'ideographTraditional':
      // 甲…癸 and then Arabic digits, as LibreOffice renders it (the oracle of test/input/docx-libreoffice)
      return n >= 1 && n <= 10 ? TIANGAN[n - 1] : String(n);
    case 'ideographZodiac':
      return n >= 1 ? DIZHI[(n - 1) % 12] : String(n);
    case 'ordinal':
      return String(n);
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

