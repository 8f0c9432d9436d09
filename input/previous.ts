/**
 * Finding last year's report of a draft among files (the core only pairs what it is given: model/previous.ts), with
 * the file access injected: node/previous.ts gives it the file system (CLI, Node language server), the browser's
 * language server the workspace files its client reads (server/browserPrevious.ts). In order:
 * 1. a file named by the user (`--previous FILE`, or `"previous"` in the config): used as it is, never replaced by
 *    a guess; a named file that cannot be read is reported once and the check goes on without it;
 * 2. a draft file in the same folder that is the same organ's report for year − 1;
 * 3. elsewhere, as the caller lists it: the files checked in the same run (CLI), the open documents and the
 *    workspace folders (editor).
 * An editor's open buffer counts with its current text. A candidate is summarised (year, organ) once per version.
 */
import { LARGE_DOCUMENT_BYTES, asPrevious, createReport, detectOrgan, isLargeDocument, sameOrgan, type PreviousText, type Report } from '../rules/index.js';

/** How the finder reaches files (names are whatever the caller uses: paths on Node, URIs in the browser). */
export interface PreviousFiles<Problem> {
  /** the drafts in the same folder as `file`, the file itself left out, in order */
  beside(file: string): Iterable<string>;
  /** the file's version (changes when it does) and size; null: no such file (yet) */
  stat(file: string): { stamp: string; size: number } | null;
  /** the file's text, or why it cannot be read */
  read(file: string): { ok: true; text: string } | { ok: false; problem: Problem };
  /** a named file as it is compared with the draft's (Node: resolved); absent: as given */
  normalize?(file: string): string;
}

export interface PreviousSearch<Problem> {
  files: PreviousFiles<Problem>;
  /** where to look after the draft's own folder, in order (the draft itself is skipped) */
  elsewhere?: () => Iterable<string>;
  /** a file's text as the user has it now (an editor's open buffer), or undefined: read it */
  openText?: (file: string) => string | undefined;
  /** a named previous report could not be read: called once per file until clear() */
  onProblem?: (file: string, problem: Problem) => void;
  /**
   * The files and their texts stay as they are until forgetPairings() or clear() (a CLI run's snapshot, no open
   * buffers): whether a candidate pairs with a year and organ is then worked out once, not once per draft. A batch
   * of 500 drafts where nothing pairs asked each of the 499 others of every draft: 250 000 summary look-ups.
   */
  stable?: boolean;
}

/** What a candidate file is: enough to pair it (year and organ), kept per version of the file. */
interface Summary {
  stamp: string;
  /** false: not parsed, the text does not name the year before `skippedFor` */
  parsed: boolean;
  skippedFor?: number;
  /** not parsed: every four digits in a row in the text, so another draft year is answered without reading it again */
  digits?: ReadonlySet<string>;
  year: number | null;
  organ: string | null;
}

export class PreviousFinder<Problem = unknown> {
  private readonly summaries = new Map<string, Summary>();
  /** draft + year + organ → the file found (null: none), until clear() */
  private readonly located = new Map<string, string | null>();
  private readonly reported = new Set<string>();
  /** stable files: year + organ → candidate → pairs with them, until forgetPairings() */
  private readonly pairings = new Map<string, Map<string, boolean>>();
  /**
   * The last candidate parsed, with its text and Report: the draft's check reads last year's report right after
   * locate() found it, which a CLI run would otherwise read, decode and parse a second time. One only, so an
   * editor's finder holds no more than one report of the workspace.
   */
  private parsed: { file: string; stamp: string; text: string; report: Report } | null = null;
  /**
   * The file checked last (justChecked), as last year's report of the next draft: a folder of one organ's reports
   * lists them by year, so the CLI checks last year's report just before this year's.
   */
  private checked: { file: string; stamp: string; report: Report } | null = null;

  constructor(readonly search: PreviousSearch<Problem>) {}

  /** Files may have changed (saved, opened, created): look again. Summaries stay, checked by their stamp. */
  clear(): void {
    this.located.clear();
    this.pairings.clear();
    this.reported.clear();
    this.parsed = null;
    this.checked = null;
  }

  /** Every pairing is looked for again (a file was written: its stamp is the caller's to forget). */
  forgetPairings(): void {
    this.located.clear();
    this.pairings.clear();
  }

  /**
   * Last year's report for a draft: the named file when there is one (`named`, absolute), else the one found.
   * Null when there is none (the rules are silent then).
   */
  previousFor(report: Report, filePath: string | undefined, named?: string): PreviousText | null {
    if (named) {
      const file = this.search.files.normalize?.(named) ?? named;
      return file === filePath ? null : this.named(file);
    }
    const file = this.locate(report, filePath);
    if (!file) return null;
    const checked = this.checked;
    if (checked?.file === file && this.search.openText?.(file) === undefined && this.search.files.stat(file)?.stamp === checked.stamp) {
      return { text: checked.report.source, filePath: file, report: checked.report };
    }
    // the candidate just parsed to pair it: its text and Report, neither read nor built again
    const parsed = this.parsed;
    const open = this.search.openText?.(file);
    if (parsed?.file === file && (open === undefined ? this.search.files.stat(file)?.stamp === parsed.stamp : open === parsed.text)) {
      return { text: parsed.text, filePath: file, report: parsed.report };
    }
    const text = this.textOf(file);
    return text === null ? null : { text, filePath: file };
  }

  /** The file that pairs with a draft (the same organ's report for year − 1), or null. */
  locate(report: Report, filePath: string | undefined): string | null {
    const year = report.year?.year;
    const organ = detectOrgan(report)?.name;
    if (!year || !organ) return null;
    const key = `${filePath ?? ''}\u0000${year}\u0000${organ}`;
    const hit = this.located.get(key);
    // a file found before is checked again (its text may have changed since); a miss stands until clear()
    if (hit !== undefined && (hit === null || this.pairs(hit, year, organ))) return hit;
    let found: string | null = null;
    const seen = new Set<string>(filePath ? [filePath] : []);
    const candidates = filePath ? [this.search.files.beside(filePath), this.search.elsewhere?.() ?? []] : [this.search.elsewhere?.() ?? []];
    let known: Map<string, boolean> | undefined;
    if (this.search.stable) {
      const k = `${year}\u0000${organ}`;
      known = this.pairings.get(k);
      if (!known) this.pairings.set(k, (known = new Map()));
    }
    search: for (const list of candidates) {
      for (const c of list) {
        if (seen.has(c)) continue;
        seen.add(c);
        let pairs = known?.get(c);
        if (pairs === undefined) {
          pairs = this.pairs(c, year, organ);
          known?.set(c, pairs);
        }
        if (pairs) {
          found = c;
          break search;
        }
      }
    }
    if (this.located.size > 10_000) this.located.clear();
    this.located.set(key, found);
    return found;
  }

  /**
   * A file's year and organ as a candidate, read now (the file as it is on disk), for another finder to learn:
   * a CLI run's threads each read a share of the run's files and tell the others, so no file is parsed once per
   * thread. Undefined: the file is no candidate (unreadable, too large). The year only when the text names it in
   * digits: summary() does not parse a candidate that does not (a report dated 二〇二二年 alone is none).
   */
  candidate(file: string): CandidateFact | undefined {
    const st = this.search.files.stat(file);
    if (st === null || st.size > LARGE_DOCUMENT_BYTES) return undefined;
    const text = this.read(file);
    if (text === null) return undefined;
    const r = createReport(text, file);
    const year = r.year?.year ?? null;
    return { year: year !== null && text.includes(String(year)) ? year : null, organ: detectOrgan(r)?.name ?? null };
  }

  /**
   * A file as just checked, its report built from the file's text as read (not a fixed text that was not written):
   * the next draft that pairs with it reads that report (asPrevious: its parse and analysis, not its own pairing)
   * instead of reading and parsing the file again. The caller clears its caches between files (the CLI), so without
   * this last year's report was parsed twice in a run, once for its own check and once for this year's. One file
   * only: the finder holds one report more at most.
   */
  justChecked(file: string, report: Report): void {
    this.checked = null;
    const st = this.search.files.stat(file);
    if (st === null || st.size > LARGE_DOCUMENT_BYTES || this.search.openText?.(file) !== undefined) return;
    const view = asPrevious(report);
    if (!view || view.filePath !== file) return;
    this.checked = { file, stamp: st.stamp, report: view };
  }

  /** What another finder read of a file (candidate()): the file need not be parsed again here. */
  learn(file: string, fact: CandidateFact): void {
    if (this.search.openText?.(file) !== undefined) return;
    for (const known of this.pairings.values()) known.delete(file);
    const st = this.search.files.stat(file);
    if (st === null || st.size > LARGE_DOCUMENT_BYTES) return;
    if (this.summaries.size > 20_000) this.summaries.clear();
    this.summaries.set(file, { stamp: st.stamp, parsed: true, year: fact.year, organ: fact.organ });
  }

  /**
   * Could `file` (its open buffer, else the file) be last year's report of a draft of `year` by `organ`: is it that
   * organ's report for year − 1? An editor that opens a document asks this before looking again for every draft that
   * found none (opening 50 unrelated reports one after another checked every one of them again and again).
   */
  pairsWith(file: string, year: number, organ: string): boolean {
    return this.pairs(file, year, organ);
  }

  private pairs(file: string, year: number, organ: string): boolean {
    const s = this.summary(file, year);
    return !!s && s.year === year - 1 && !!s.organ && sameOrgan(s.organ, organ);
  }

  /** A candidate's year and organ, computed once per version of the file. */
  private summary(file: string, draftYear: number): Summary | null {
    const open = this.search.openText?.(file);
    let stamp: string;
    // a document past the degrade limit is no candidate: reading its title means parsing it whole, on the
    // server's own thread (a 20 MB draft open beside a small one held the small one's every check for seconds)
    if (open !== undefined) {
      if (isLargeDocument(open)) return null;
      stamp = `open:${open.length}:${hashOf(open)}`;
    } else {
      const st = this.search.files.stat(file);
      if (st === null || st.size > LARGE_DOCUMENT_BYTES) return null;
      stamp = st.stamp;
    }
    const had = this.summaries.get(file);
    if (had?.stamp === stamp && (had.parsed || had.skippedFor === draftYear || namesNot(had, draftYear - 1))) return had;
    const checked = open === undefined && this.checked?.file === file && this.checked.stamp === stamp ? this.checked.report : null;
    const text = checked ? checked.source : open ?? this.read(file);
    let s: Summary;
    // a report for year − 1 names that year: a file that does not is not parsed (for this year's drafts)
    if (text === null) s = { stamp, parsed: true, year: null, organ: null };
    else if (!text.includes(String(draftYear - 1))) s = { stamp, parsed: false, skippedFor: draftYear, digits: fourDigitRuns(text), year: null, organ: null };
    else {
      const r = checked ?? createReport(text, file);
      s = { stamp, parsed: true, year: r.year?.year ?? null, organ: detectOrgan(r)?.name ?? null };
      if (!checked) this.parsed = { file, stamp, text, report: r };
    }
    if (this.summaries.size > 20_000) this.summaries.clear();
    this.summaries.set(file, s);
    return s;
  }

  private textOf(file: string): string | null {
    return this.search.openText?.(file) ?? this.read(file);
  }

  private read(file: string): string | null {
    const r = this.search.files.read(file);
    return r.ok ? r.text : null;
  }

  /** A file the user named as last year's report, with its text; null (reported once) when it cannot be read. */
  named(file: string): PreviousText | null {
    const open = this.search.openText?.(file);
    if (open !== undefined) return { text: open, filePath: file };
    const r = this.search.files.read(file);
    if (r.ok) return { text: r.text, filePath: file };
    if (!this.reported.has(file)) {
      this.reported.add(file);
      this.search.onProblem?.(file, r.problem);
    }
    return null;
  }
}

/** A candidate's year and organ, as pairing reads them. */
export interface CandidateFact {
  year: number | null;
  organ: string | null;
}

/**
 * Does an unparsed file's text certainly not contain `year`? Exact for a four-digit year: the text contains it
 * exactly when one of its four-digit windows is it. A CLI run over hundreds of drafts of several years asks every
 * sibling once per draft; without this each change of year read and decoded every file again.
 */
function namesNot(s: Summary, year: number): boolean {
  const y = String(year);
  return s.digits !== undefined && y.length === 4 && !s.digits.has(y);
}

/** Every four digits in a row in a text (each window of a longer run of digits). */
function fourDigitRuns(text: string): Set<string> {
  const out = new Set<string>();
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++run >= 4) out.add(text.slice(i - 3, i + 1));
    } else run = 0;
  }
  return out;
}

/** A cheap fingerprint of an open buffer (FNV-1a): a summary is recomputed only when the text changed. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
