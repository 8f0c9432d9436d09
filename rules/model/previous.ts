/**
 * Last year's report beside this year's: the pairing (same issuing organ, year − 1, else nothing) and what the
 * reviewer reads the pair for — which of last year's plans this year's report reports on. Pure: the caller hands
 * the previous report's text in (CheckOptions.previous); finding that file is node/'s business.
 */
import type { Block } from './parse.js';
import type { Report } from './report.js';
import { createReport } from './report.js';
import { detectOrgan } from './organ.js';
import { itemBlocks } from './content.js';
import { planItems, type ListItem } from './items.js';
import { TermText, bigramCode, bigramPostings, reportSpanTerms, reportSpanTermsOf, termMayStandIn, forEachTermSpan, termWeight } from './terms.js';
import { textCache } from './cache.js';
import { memoKey } from './memo.js';

/** The previous report's text as a caller has it: a saved file, or an editor's unsaved buffer. */
export interface PreviousText {
  text: string;
  filePath?: string;
  /**
   * This text's Report, built already with no previous report of its own (createReport(text, filePath)): the
   * finder parsed it to read its year and organ. previousReport keeps it rather than build the same again.
   */
  report?: Report;
}

/**
 * The previous report built once per text: an editor re-checks this year's draft on every keystroke while last
 * year's stays the same.
 */
const previousReports = textCache<Report>(8);

export function previousReport(p: PreviousText | null | undefined): Report | null {
  if (!p) return null;
  const key = `${p.filePath ?? ''}\u0000${p.text}`;
  let r = previousReports.get(key);
  if (!r) {
    const built = p.report;
    r = built && built.source === p.text && built.filePath === p.filePath ? built : createReport(p.text, p.filePath);
    previousReports.set(key, r);
  }
  return r;
}

/** An organ's name as compared: no spaces, no 中共 prefix, no punctuation between joint issuers. */
function organKey(name: string): string {
  return name.replace(/[\s、，,·]/g, '').replace(/^中共/, '').replace(/中共/g, '');
}

/** Same organ: the same name, or one name the other with its locality prefix (衢州市柯城区司法局 / 柯城区司法局). */
export function sameOrgan(a: string, b: string): boolean {
  const x = organKey(a);
  const y = organKey(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 5 && long.endsWith(short);
}

const PAIRED = memoKey<Report | null>('previous:paired', ['previous', 'year', 'frame', 'blocks']);

/** The report of last year this report is paired with: the same organ, year − 1. Otherwise null (rules silent). */
export function pairedPrevious(report: Report): Report | null {
  const prev = report.previous;
  if (!prev) return null;
  return report.memo(PAIRED, () => {
    const year = report.year?.year;
    const prevYear = prev.year?.year;
    if (!year || !prevYear || prevYear !== year - 1) return null;
    const a = detectOrgan(report);
    const b = detectOrgan(prev);
    if (!a || !b || !sameOrgan(a.name, b.name)) return null;
    return prev;
  });
}

// ---------------------------------------------------------------- plan follow-up

export type FollowupStatus = 'reported' | 'postponed' | 'missing';

export interface PlanFollowup {
  /** the plan item in last year's report */
  plan: ListItem;
  status: FollowupStatus;
  /** this year's block that reports on it (null when missing) */
  block: Block | null;
}

/** Words that say a plan was put off, not dropped: 推迟, 延期, 尚未完成… (the explanation reviewers accept). */
export const POSTPONED = /推迟|延期|延后|顺延|暂缓|缓办|未能如期|未能按期|尚未完成|未完成|未能完成|尚未启动|结转|调整至|(?:转入|纳入)(?:下一年|明年|\d{4}年)/;

export interface FollowupOptions {
  /** weight of shared key terms needed on its own (a four-character term weighs 2) */
  minShared: number;
  /** share of the plan's topic bigrams a paragraph sharing two key terms must contain (else a topic term) */
  minCoverage: number;
}

export const DEFAULT_FOLLOWUP: FollowupOptions = { minShared: 5, minCoverage: 0.5 };

/**
 * A plan's key terms, and those of its topic — its first sentence (a sub-heading, or the clause before the first
 * 。；): reportKeyTerms of the plan and of firstSentence(text, { semicolon, lineBreak }) in one pass, as the topic's
 * spans are the spans termSpans cuts from the plan's first sentence (it cuts sentences at the same marks).
 */
function planTerms(prev: Report, text: string, also: Map<string, Set<string>>): { terms: Set<string>; topic: Set<string> } {
  const terms = new Set<string>();
  const topic = new Set<string>();
  forEachTermSpan(text, (span, sentence) => {
    for (const t of reportSpanTermsOf(prev, span, also)) {
      terms.add(t);
      if (sentence === 0) topic.add(t);
    }
  });
  return { terms, topic };
}

/** Character bigrams of a set of terms: they survive a different segmentation (行政复议 / 复议案件). */
function bigramsOf(terms: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const t of terms) for (let i = 0; i + 2 <= t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

interface Candidate {
  block: Block;
  text: string;
  /**
   * in this year's problems or plans section: it restates a gap or announces work, it does not report on work
   * done, so it counts only when it says the plan was put off (and a paragraph elsewhere that reports on the plan
   * comes first)
   */
  explains: boolean;
  /** its key terms, asked one at a time: only spans that may hold a term are segmented */
  terms: TermText;
}

/** This year's paragraphs a plan may be reported in: built once per report. */
const CANDIDATES = memoKey<Candidate[]>('previous:candidates', ['blocks', 'frame', 'outline', 'checklist']);

function candidatesOf(report: Report): Candidate[] {
  return report.memo(CANDIDATES, () => {
    const explaining = new Set([...itemBlocks(report, report.entry('problems')), ...itemBlocks(report, report.entry('plans'))].map((b) => b.index));
    const known = reportSpanTerms(report);
    return report.bodyBlocks
      .filter((b) => b.kind !== 'tableRow' || b.norm.text.length > 0)
      .map((b): Candidate => ({ block: b, text: b.norm.text, explains: explaining.has(b.index), terms: new TermText(b.norm.text, known) }))
      .filter((c) => !c.explains || POSTPONED.test(c.text));
  });
}

/**
 * Each of last year's plans with where this year's report reports on it. Matched by meaning: a paragraph (or
 * heading) of this year's report reports on a plan when it shares at least two of the plan's key terms and
 * either enough of them by weight, or one of the terms of the plan's topic (its first sentence: the measure and
 * its target), or most of the character bigrams of that topic (a different segmentation of the same words); the
 * best scoring paragraph, the first of equals, reports on it. Matching generously keeps false alarms out: a
 * missed follow-up costs a finding, a wrong one costs trust. This year's problems and plans do not report on last
 * year's plans — a problem restating the plan's gap in the plan's own words (司法所力量薄弱) shares its terms
 * without saying anything was done — unless they say it was put off (推迟, 尚未完成…); a paragraph elsewhere that
 * reports on the plan is preferred to such an explanation.
 *
 * The segmenter is most of what this costs, so this year's paragraphs are segmented only where it decides: each
 * paragraph is first scored by the terms that may stand in it (termMayStandIn, found from the bigram postings),
 * which is never below its score by the terms it has; paragraphs are then segmented best first, each only in the
 * spans that may hold a term, until no paragraph left can beat the best. The same paragraph as segmenting every
 * one (test/pairing-identity.test.ts).
 */
export function matchPlans(prev: Report, report: Report, options: FollowupOptions = DEFAULT_FOLLOWUP): PlanFollowup[] {
  const plans = planItems(prev).items;
  if (!plans.length) return [];
  const candidates = candidatesOf(report);
  // span terms either report has: a plan's sentence this year's check segmented (the plan repeated) is not segmented
  // again, nor a paragraph's that last year's did
  const thisYears = reportSpanTerms(report);
  const lastYears = reportSpanTerms(prev);
  const keyed = plans.map((plan) => {
    const { terms, topic } = planTerms(prev, plan.text, thisYears);
    return { plan, terms, topic, bigrams: bigramsOf(topic.size ? topic : terms) };
  });
  const wanted = new Set<number>();
  for (const { terms, bigrams } of keyed) {
    for (const t of terms) wanted.add(bigramCode(t, 0));
    for (const g of bigrams) wanted.add(bigramCode(g, 0));
  }
  const postings = bigramPostings(candidates.map((c) => c.text), wanted);
  const n = candidates.length;
  const shared = new Float64Array(n);
  const count = new Int32Array(n);
  const onTopic = new Uint8Array(n);
  const covered = new Int32Array(n);
  const touched: number[] = [];
  // the paragraphs each term may stand in (termMayStandIn), found once for every plan that has the term
  const holders = new Map<string, { list: readonly number[]; has: Uint8Array }>();
  const holdersOf = (t: string) => {
    let h = holders.get(t);
    if (!h) {
      const posted = postings.get(bigramCode(t, 0)) ?? [];
      // a two-character term stands in every paragraph holding its (only) bigram
      const list = t.length === 2 ? posted : posted.filter((i) => termMayStandIn(candidates[i].text, t));
      const has = new Uint8Array(n);
      for (const i of list) has[i] = 1;
      holders.set(t, (h = { list, has }));
    }
    return h;
  };
  return keyed.map(({ plan, terms, topic, bigrams }) => {
    // what each paragraph may share: every paragraph that may hold a term holds its first bigram
    const held = [...terms].map((t) => ({ t, holds: holdersOf(t).has }));
    for (const t of terms) {
      const w = termWeight(t);
      const on = topic.has(t);
      for (const i of holdersOf(t).list) {
        if (count[i] === 0) touched.push(i);
        shared[i] += w;
        count[i]++;
        if (on) onTopic[i] = 1;
      }
    }
    for (const g of bigrams) for (const i of postings.get(bigramCode(g, 0)) ?? []) if (count[i] >= 2) covered[i]++;
    const coverageOf = (i: number) => (bigrams.size ? covered[i] / bigrams.size : 0);
    const scoreOf = (i: number, s: number, c: number, on: boolean): number => {
      if (c < 2) return 0;
      const coverage = coverageOf(i);
      if (!(s >= options.minShared || coverage >= options.minCoverage || on)) return 0;
      // a report of the work outranks any explanation of its delay
      return s + coverage * 4 + (candidates[i].explains ? 0 : 1000);
    };
    const bounds: { i: number; bound: number }[] = [];
    for (const i of touched) {
      const bound = scoreOf(i, shared[i], count[i], onTopic[i] === 1);
      if (bound > 0) bounds.push({ i, bound });
      shared[i] = 0;
      count[i] = 0;
      onTopic[i] = 0;
    }
    bounds.sort((x, y) => y.bound - x.bound || x.i - y.i);
    let best = -1;
    let bestScore = 0;
    for (const { i, bound } of bounds) {
      // sorted: no paragraph from here on can score above the best, nor equal it earlier in the text
      if (best >= 0 && (bound < bestScore || (bound === bestScore && i > best))) break;
      const c = candidates[i];
      let s = 0;
      let k = 0;
      let on = false;
      for (const { t, holds } of held) {
        if (!holds[i] || !c.terms.spansHave(t, lastYears)) continue;
        s += termWeight(t);
        k++;
        if (topic.has(t)) on = true;
      }
      const score = scoreOf(i, s, k, on);
      if (score > bestScore || (score > 0 && score === bestScore && i < best)) [best, bestScore] = [i, score];
    }
    for (const i of touched) covered[i] = 0;
    touched.length = 0;
    if (best < 0) return { plan, status: 'missing' as const, block: null };
    const b = candidates[best];
    return { plan, status: POSTPONED.test(b.text) ? ('postponed' as const) : ('reported' as const), block: b.block };
  });
}

/** Kept per the matching options: two rules may ask with different thresholds. */
const FOLLOWUPS = memoKey<PlanFollowup[], [minShared: number, minCoverage: number]>('previous:followups', ['previous', 'checklist', 'outline', 'blocks'], 'minShared', 'minCoverage');

/** matchPlans for the paired previous report, kept on the report; null when no previous report is paired. */
export function planFollowups(report: Report, options: FollowupOptions = DEFAULT_FOLLOWUP): PlanFollowup[] | null {
  const prev = pairedPrevious(report);
  if (!prev) return null;
  return report.memo(FOLLOWUPS, () => matchPlans(prev, report, options), options.minShared, options.minCoverage);
}

// ---------------------------------------------------------------- what the checklist shows

/** One of last year's plans as the checklist lists it (CLI --checklist, the editor's view, the review page). */
export interface PlanFollowupLine {
  /** the plan's opening words */
  plan: string;
  /** its line in last year's report */
  planLine: number;
  status: FollowupStatus;
  /** this year's line that reports on it; null when not found */
  line: number | null;
}

/** The section 上年度安排落实情况: the previous report paired, and each of its plans. */
export interface PreviousPlans {
  /** last year's file (absent for a text given without a path) */
  filePath?: string;
  year: number;
  plans: PlanFollowupLine[];
  /** plans reported on or explained as put off */
  followed: number;
}

/** Last year's plans and their follow-up in plain data, or null when no previous report is paired. */
export function previousPlansOf(report: Report, options: FollowupOptions = DEFAULT_FOLLOWUP): PreviousPlans | null {
  const prev = pairedPrevious(report);
  const followups = planFollowups(report, options);
  if (!prev || !followups) return null;
  const plans = followups.map((f) => ({ plan: f.plan.first, planLine: f.plan.line, status: f.status, line: f.block?.line ?? null }));
  return { ...(prev.filePath !== undefined ? { filePath: prev.filePath } : {}), year: prev.year!.year, plans, followed: plans.filter((p) => p.status !== 'missing').length };
}
