/**
 * Finding last year's report of a draft on the file system: input/previous.ts's finder (the order it looks in, the
 * pairing by year and organ) over the files here. Every file is read like any input (bounded, regular files only,
 * confined to the roots) and decoded by the same decoders (.md, .txt, .docx).
 */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { PreviousFinder as Finder, type PreviousFiles } from '../input/previous.js';

export type { CandidateFact } from '../input/previous.js';
import { readView, type FileProblem } from './check.js';
import type { TextView } from './decode.js';
import { filesBeside } from './walk.js';

export interface PreviousFinderOptions {
  /** reading stays inside these directories (symlinks resolved) */
  roots: readonly string[];
  /** where to look after the draft's own folder, in order (absolute paths; the draft itself is skipped) */
  elsewhere?: () => Iterable<string>;
  /** a file's text as the user has it now (an editor's open buffer), or undefined: read from disk */
  openText?: (file: string) => string | undefined;
  /** a named previous report could not be read: called once per file until clear() */
  onProblem?: (file: string, problem: FileProblem) => void;
  maxBytes?: number;
  /**
   * The files stay as they are for this finder's life (a CLI run), except those passed to changed(): each folder is
   * listed and each candidate stat'ed once, not once per draft (500 drafts in a folder were 250 000 stats).
   */
  snapshot?: boolean;
}

export class PreviousFinder extends Finder<FileProblem> {
  /** snapshot: each candidate's stat and each folder's drafts, as first seen */
  private readonly stamps = new Map<string, { stamp: string; size: number } | null>();
  private readonly listings = new Map<string, string[]>();

  constructor(readonly options: PreviousFinderOptions) {
    const files: PreviousFiles<FileProblem> = {
      beside: (file) => this.beside(file),
      stat: (file) => this.stat(file),
      read: (file) => {
        // the version before the read: a file changed while read is not handed on as this version
        const stamp = freshStamp(file);
        const r = readView(file, { roots: this.options.roots, maxBytes: this.options.maxBytes });
        if (r.ok) this.keep(file, stamp, r.view);
        return r.ok ? { ok: true, text: r.view.text } : { ok: false, problem: r.problem };
      },
      normalize: (file) => path.resolve(file),
    };
    super({ files, elsewhere: options.elsewhere, openText: options.openText, onProblem: options.onProblem, stable: !!options.snapshot && !options.openText });
  }

  /**
   * Files read as candidates, as read, until their check takes them (takeView). Without a snapshot only the last
   * one (a draft's check reads last year's report just after the finder did); in a snapshot (a CLI run) up to
   * KEPT_VIEW_CHARS of text, oldest dropped first: the first draft of a batch reads every other file of the run to
   * learn its year and organ, and each of those files is checked later in the same run.
   */
  private readonly views = new Map<string, { stamp: string | null; view: TextView }>();
  private viewChars = 0;

  private keep(file: string, stamp: string | null, view: TextView): void {
    this.drop(file);
    const limit = this.options.snapshot ? KEPT_VIEW_CHARS : 0;
    for (const [f] of this.views) {
      if (this.viewChars + view.text.length <= limit) break;
      this.drop(f);
    }
    this.views.set(file, { stamp, view });
    this.viewChars += view.text.length;
  }

  private drop(file: string): void {
    const had = this.views.get(file);
    if (!had) return;
    this.views.delete(file);
    this.viewChars -= had.view.text.length;
  }

  /**
   * The view of a file this finder has read as a candidate, if the file has not changed since (its stamp read
   * again, not the snapshot's), for the caller's check of the same file: a CLI run checking last year's report
   * first reads this year's, beside it, to see its year, and then checks this year's — read and decoded once, not
   * twice. Given once: the finder forgets it.
   */
  takeView(file: string): TextView | undefined {
    const r = this.views.get(file);
    if (!r) return undefined;
    this.drop(file);
    return r.stamp !== null && freshStamp(file) === r.stamp ? r.view : undefined;
  }

  override clear(): void {
    super.clear();
    this.views.clear();
    this.viewChars = 0;
    this.stamps.clear();
    this.listings.clear();
  }

  /** A file was written (a fix): its stamp is read again, and every pairing is looked for again. */
  changed(file: string): void {
    this.stamps.delete(file);
    this.forgetPairings();
  }

  /** The drafts beside a file (the file itself left out); listed once per folder in a snapshot. */
  private beside(file: string): string[] {
    if (!this.options.snapshot) return filesBeside(file);
    const dir = path.dirname(file);
    let all = this.listings.get(dir);
    if (!all) {
      // listed beside a name that is not in the folder, so nothing is left out
      all = filesBeside(path.join(dir, '\u0000'));
      this.listings.set(dir, all);
    }
    return all.filter((f) => f !== file);
  }

  private stat(file: string): { stamp: string; size: number } | null {
    if (this.options.snapshot && this.stamps.has(file)) return this.stamps.get(file)!;
    const s = statOf(file);
    if (this.options.snapshot) this.stamps.set(file, s);
    return s;
  }
}

/**
 * How much candidate text a snapshot finder keeps for the checks to come (UTF-16 code units: about 8 MB of heap,
 * some 800 reports of 17 KB): a batch's files are read once, not twice, with memory bounded whatever its size.
 */
const KEPT_VIEW_CHARS = 4_000_000;

/** A file's version (inode, size, modification time) and size, or null: no such file. */
function statOf(file: string): { stamp: string; size: number } | null {
  try {
    const s = statSync(file);
    return { stamp: `${s.ino}:${s.size}:${s.mtimeMs}`, size: s.size };
  } catch {
    return null;
  }
}

const freshStamp = (file: string) => statOf(file)?.stamp ?? null;

