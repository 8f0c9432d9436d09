/**
 * citation-inconsistent: one document cited under two titles — the later citation adds or drops a few characters
 * (《…审核备案规程》 / 《…合法性审核备案规程》) or changes one character of a long title. Accepted short forms are
 * not pairs: 《民法典》 for 《中华人民共和国民法典》, a 纲要 cited without its edition (2015—2020年), a place name
 * prefixed. Titles that differ in their document type (法 / 实施条例), in a year or number, or that follow
 * different issuers (天津市《…》 / 和平区《…》) are different documents; so are titles listed side by side in one
 * enumeration (《…依法治理工作要点》《…普法依法治理工作要点》). A copy whose edition lost a bracket
 * (《法治政府建设实施纲要2021-2025年)》 beside 《法治政府建设实施纲要（2021—2025年）》) is the same title written two ways.
 */
import { defineRule, type RawFinding } from '../engine/rule.js';
import { toSource } from '../model/normalize.js';
import { CJK_CLASS, type Range } from '../model/text.js';
import type { Block } from '../model/parse.js';

interface Citation {
  /** as written in the source */
  title: string;
  key: string;
  issuer: string | null;
  range: Range;
  /** the enumeration it stands in: titles cited side by side (《A》《B》, 《A》、《B》, 《A》和《B》) share one */
  list: number;
  /** the title without its edition, whole or broken (the key of a copy whose edition lost a bracket) */
  stem: string;
  /** the years of its edition (2021—2025年), to tell a copy with a broken bracket from another edition */
  edition: string;
  /** its brackets do not pair up (an edition that lost its opening or closing bracket) */
  broken: boolean;
}

/** What stands between two titles of one enumeration: nothing, or a list mark or conjunction. */
const LIST_GAP = /^\s*(?:[、，,;；]|和|及|与|以及|或)?\s*$/;

const CITED = /《([^《》]{2,80})》/g;
const EDITION = /（[^（）]*\d{4}[^（）]*）$/;
/** An edition that lost one of its brackets: 2021-2025年）, （2021-2025年 at the title's end. */
const BROKEN_EDITION = /[（(]?\d{4}[^（）()]*[）)]?$/;
const ISSUER = new RegExp(`[${CJK_CLASS}]{2,14}$`);
const ISSUER_END = /(省|市|区|县|州|政府|国务院|中共中央|中央|办公厅|部|委|厅|局)$/;
const DIGITS = /[\d〇零一二两三四五六七八九十百]/;
const PLACE_END = /(省|市|区|县|州|镇|乡|街道|国务院)$/;

function citations(source: string, blocks: readonly Block[]): Citation[] {
  const out: Citation[] = [];
  let list = 0;
  for (const b of blocks) {
    const t = b.norm.text;
    let lastEnd = -1;
    for (const m of t.matchAll(CITED)) {
      if (lastEnd < 0 || !LIST_GAP.test(t.slice(lastEnd, m.index!))) list++;
      lastEnd = m.index! + m[0].length;
      const range = toSource(b.norm, m.index!, m.index! + m[0].length);
      const before = ISSUER.exec(t.slice(Math.max(0, m.index! - 14), m.index!))?.[0] ?? null;
      const bare = m[1].replace(/\s+/g, '').replace(/^中华人民共和国/, '');
      const broken = !bracketsPair(bare);
      const edition = (broken ? BROKEN_EDITION : EDITION).exec(bare)?.[0] ?? '';
      out.push({
        title: source.slice(range.start + 1, range.end - 1),
        key: bare.replace(EDITION, ''),
        stem: bare.slice(0, bare.length - edition.length),
        issuer: before && ISSUER_END.test(before) ? before : null,
        range,
        list,
        edition: edition.match(/\d{4}/g)?.join('-') ?? '',
        broken,
      });
    }
  }
  return out;
}

/** Do the round brackets of a title pair up, in order? */
function bracketsPair(t: string): boolean {
  let depth = 0;
  for (const c of t) {
    if (c === '（' || c === '(') depth++;
    else if (c === '）' || c === ')') if (--depth < 0) return false;
  }
  return depth === 0;
}

/**
 * The first copy with a broken edition bracket of a title also cited whole with the same edition: the broken copy
 * is the one to mend, the whole one its related place.
 */
function brokenCopies(cites: readonly Citation[]): [whole: Citation, broken: Citation][] {
  const whole = new Map<string, Citation>();
  for (const c of cites) if (!c.broken && c.edition && !whole.has(`${c.stem}\u0000${c.edition}`)) whole.set(`${c.stem}\u0000${c.edition}`, c);
  const seen = new Set<string>();
  const out: [Citation, Citation][] = [];
  for (const c of cites) {
    const k = `${c.stem}\u0000${c.edition}`;
    if (!c.broken || !c.edition || seen.has(k) || !whole.has(k)) continue;
    seen.add(k);
    out.push([whole.get(k)!, c]);
  }
  return out;
}

/** Characters of a and b outside their longest common subsequence, with where a's extra ones lie. */
function difference(a: string, b: string): { onlyA: string; onlyB: string; aPrefix: boolean } | null {
  const n = a.length;
  const m = b.length;
  // one table, rows of m + 1, compared by char code (a[i] of a Han character is a new string each time)
  const w = m + 1;
  const dp = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    const ai = a.charCodeAt(i);
    for (let j = m - 1; j >= 0; j--) dp[i * w + j] = ai === b.charCodeAt(j) ? dp[(i + 1) * w + j + 1] + 1 : Math.max(dp[(i + 1) * w + j], dp[i * w + j + 1]);
  }
  let onlyA = '';
  let onlyB = '';
  let aPrefix = true;
  let matched = false;
  for (let i = 0, j = 0; i < n || j < m; ) {
    if (i < n && j < m && a[i] === b[j]) {
      matched = true;
      i++;
      j++;
    } else if (j >= m || (i < n && dp[(i + 1) * w + j] >= dp[i * w + j + 1])) {
      if (matched) aPrefix = false;
      onlyA += a[i++];
    } else onlyB += b[j++];
  }
  return { onlyA, onlyB, aPrefix };
}

/** 天津市《…》 and 天津市和平区《…》 are different issuers; 按照市政府 and 和市政府 are one (the run may carry a verb). */
function differentIssuers(a: string | null, b: string | null): boolean {
  return !!a && !!b && !a.endsWith(b) && !b.endsWith(a);
}

/** Whether two different titles name the same document. */
export function sameDocument(x: string, y: string): boolean {
  if (x === y) return false;
  const [s, l] = x.length <= y.length ? [x, y] : [y, x];
  if (s.length < 6 || l.length - s.length > Math.max(3, Math.floor(s.length * 0.25))) return false;
  // a different document type (…法 / …法实施条例) ends differently
  if (s.slice(-2) !== l.slice(-2)) return false;
  const d = difference(l, s)!;
  if (DIGITS.test(d.onlyA + d.onlyB)) return false;
  if (!d.onlyB) {
    // l is s with characters added: a place name put in front is an accepted short form
    if (d.aPrefix && PLACE_END.test(d.onlyA)) return false;
    return true;
  }
  // one character changed, in a long title and not in the issuer's name at its head
  return d.onlyA.length === 1 && d.onlyB.length === 1 && s.length >= 12 && l.indexOf(d.onlyA) >= 4;
}

export default defineRule(
  { id: 'citation-inconsistent', family: 'form', defaultSeverity: 'info', basis: ['practice'] },
  (report) => {
    const cites = citations(report.source, report.textBlocks);
    // first citation of each distinct key
    const firsts = new Map<string, Citation>();
    // the enumerations each title stands in: two titles listed side by side name two documents (制定《龙城街道
    // 2021年依法治理工作要点》《龙城街道2021年普法依法治理工作要点》) — a writer does not list one document twice
    const lists = new Map<string, Set<number>>();
    for (const c of cites) {
      if (!firsts.has(c.key)) firsts.set(c.key, c);
      (lists.get(c.key) ?? lists.set(c.key, new Set()).get(c.key)!).add(c.list);
    }
    const listedTogether = (a: string, b: string) => [...lists.get(a)!].some((l) => lists.get(b)!.has(l));
    // only titles ending alike can name one document (sameDocument requires it): compare within those groups
    const byEnding = new Map<string, Citation[]>();
    const out: RawFinding<'citation-inconsistent'>[] = [];
    for (const later of firsts.values()) {
      const ending = later.key.slice(-2);
      const group = byEnding.get(ending) ?? [];
      if (!byEnding.has(ending)) byEnding.set(ending, group);
      group.push(later);
      for (let i = 0; i < group.length - 1; i++) {
        const earlier = group[i];
        if (differentIssuers(earlier.issuer, later.issuer)) continue;
        if (!sameDocument(earlier.key, later.key) || listedTogether(earlier.key, later.key)) continue;
        out.push({
          ...later.range,
          messageId: 'inconsistent',
          data: { a: earlier.title, b: later.title },
          related: [{ ...earlier.range, messageId: 'other', data: { a: earlier.title } }],
        });
        break;
      }
    }
    for (const [whole, broken] of brokenCopies(cites)) {
      out.push({
        ...broken.range,
        messageId: 'inconsistent',
        data: { a: whole.title, b: broken.title },
        related: [{ ...whole.range, messageId: 'other', data: { a: whole.title } }],
      });
    }
    return out.sort((a, b) => a.start - b.start);
  },
);
