/**
 * Open documents and their checks. An edit only updates the text (incremental sync) and schedules a check;
 * the check runs later, off the keystroke path, for the latest version only: a superseded check is cancelled
 * before it starts, and a result is cached with the version it was computed for, so a stale result is never
 * published over a newer one. Usable without a connection (the bench drives it directly).
 */
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol } from 'vscode-languageserver';
import { createReport, detectOrgan, isLargeDocument, previousPlans, type CheckResult, type ChecklistItem, type Finding, type Language, type Profile, type PreviousPlans, type PreviousText, type Report, type ResolvedConfig, type Rule } from '../rules/index.js';
import { LineIndex, lazy } from '../rules/model/text.js';
import { checkDraft, draftReport } from '../input/draft.js';
import type { ThreadPort } from './thread.js';

export interface CheckedDocument {
  uri: string;
  version: number;
  result: CheckResult;
  /** decided before the rules: only a draft that reads as an annual report gets diagnostics, checklist, actions */
  readsAsReport: boolean;
  /** false when the rules were skipped (reportsOnly, and the draft does not read as a report) */
  rulesRan: boolean;
  /** the user asked for this document to be checked although it does not read as a report ("仍然检查") */
  checkedAnyway?: boolean;
  /** the file the document's URI names (undefined: untitled, virtual, or no file system) */
  filePath?: string;
  /** the editor decoded the file wrongly: the encoding its bytes are in (features/encoding.ts) */
  wrongEncoding?: string;
  language: Language;
  /** wall time of the check */
  ms: number;
  /**
   * Last year's report this check read: its file, null when it looked and found none, undefined when no rule asked
   * (an edit of that file re-checks this document).
   */
  previousFile?: string | null;
  /**
   * The year and organ the check looked for last year's report by (null: the draft names neither, so no document can
   * be it; undefined: no rule looked, the config names the file, or not known): a document opened later is looked at
   * again only if it is that organ's report for year − 1 (PreviousLookup.pairsWith).
   */
  lookedFor?: { year: number; organ: string } | null;
  /** the checklist's section 上年度安排落实情况: null when no previous report is paired; absent when the rules did not run */
  previous?: PreviousPlans | null;
  /** the outline as document symbols, when the check was made in the checking thread (a large document) */
  symbols?: DocumentSymbol[];
}

export interface CheckerOptions {
  /** the config and language a document is checked with */
  configFor(uri: string): { config: ResolvedConfig; language: Language };
  /** called with every fresh result of the document's current version */
  onChecked?(checked: CheckedDocument): void;
  /** called when a document is closed (to clear its diagnostics) */
  onClosed?(uri: string): void;
  /** a scheduled check failed outside any rule (the engine already contains rule failures) */
  onError?(uri: string, error: unknown): void;
  debounceMs?: number;
  /** a document's own debounce (the settings of its workspace folder); absent: debounceMs */
  debounceFor?(uri: string): number;
  rules?: readonly Rule[];
  /** run the rules only on drafts that read as reports (the server); off, every document is checked (tests, bench) */
  reportsOnly?: boolean;
  /** documents the user asked to check anyway (reportsOnly does not apply to them) */
  checkAnyway?(uri: string): boolean;
  /** the file a document's URI names (ignores name their file; last year's report is never the draft itself) */
  fileOf?(uri: string): string | undefined;
  /** the encoding a document's file is really in, when its text shows the editor decoded it wrongly */
  wrongEncoding?(uri: string, text: string): string | undefined;
  /** last year's report of a document, asked only when a rule reads it (server/previous.ts); absent: none */
  previousFor?(uri: string, report: Report, config: ResolvedConfig): PreviousText | null;
  /**
   * Starts the checking thread (on Node a worker_threads Worker running dist/check-worker.cjs): a document past the
   * degrade limit is checked there, so requests on other documents are answered meanwhile. Absent (the browser,
   * tests, the bench, custom rules): checked in line.
   */
  startCheckThread?: () => CheckThreadPort;
}

/** What the checker posts to the checking thread (server/check-worker.ts), and what comes back: plain data. */
export interface WorkerCheck {
  id: number;
  text: string;
  config: ResolvedConfig;
  language: Language;
  reportsOnly: boolean;
}

export type WorkerResult =
  | {
      id: number;
      readsAsReport: boolean;
      rulesRan: boolean;
      findings: Finding[];
      checklist: ChecklistItem[];
      profile: Profile;
      coverage: CheckResult['coverage'];
      degraded: boolean;
      frontmatter: string | null;
      symbols: DocumentSymbol[];
      ms: number;
    }
  | { id: number; error: string };

/** The checking thread as the checker uses it. */
export type CheckThreadPort = ThreadPort<WorkerCheck, WorkerResult>;

interface Entry {
  doc: TextDocument;
  checked?: CheckedDocument;
  /** the result last handed to onChecked: a result computed early for a request is not published twice */
  published?: CheckedDocument;
  timer?: ReturnType<typeof setTimeout>;
  immediate?: ReturnType<typeof setImmediate>;
  /** a checking-thread check failed on this version: not tried again until the text changes */
  failedVersion?: number;
  /** how `checked`'s whole model is made again once let go (undefined: it holds none, or cannot be let go) */
  remake?: () => Report;
}

/**
 * Documents whose kept result holds its whole model (every block, its normalised text and each rule's derived
 * data: ~160 KB for a 17 KB report): the ones checked or asked about last — the document being typed in, the
 * editors beside it. Every other open document keeps its findings, checklist, text and lines (what diagnostics,
 * code actions and hovers read); the rest of its model is made again from the same text only if something asks
 * (its outline, an ignore, a review), and the same text gives the same model. Measured with 50 reports open
 * (bench/server-memory.ts): 32.5 MB live on the heap with every model kept, 24.4 MB with none (issue 17).
 */
export const MODELS_KEPT = 4;

/** The checking thread and its one check in flight (large documents wait their turn in `waiting`). */
interface CheckThread {
  worker: CheckThreadPort;
  busy?: { id: number; uri: string; version: number; entry: Entry; text: string; language: Language; t0: number; generation: number };
}

export class DocumentChecker {
  private readonly entries = new Map<string, Entry>();
  /** documents whose kept result holds its whole model, least recent first (MODELS_KEPT at most) */
  private readonly modelled = new Set<string>();
  debounceMs: number;

  constructor(private readonly options: CheckerOptions) {
    this.debounceMs = options.debounceMs ?? 300;
  }

  open(uri: string, languageId: string, version: number, text: string): TextDocument {
    this.cancel(uri);
    const doc = TextDocument.create(uri, languageId, version, text);
    this.entries.set(uri, { doc });
    return doc;
  }

  /** Apply an edit; no checking happens here. */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): TextDocument | undefined {
    const e = this.entries.get(uri);
    if (!e) return undefined;
    e.doc = TextDocument.update(e.doc, changes, version);
    return e.doc;
  }

  close(uri: string): void {
    if (!this.entries.has(uri)) return;
    this.cancel(uri);
    this.entries.delete(uri);
    this.modelled.delete(uri);
    this.options.onClosed?.(uri);
  }

  get(uri: string): TextDocument | undefined {
    return this.entries.get(uri)?.doc;
  }

  uris(): string[] {
    return [...this.entries.keys()];
  }

  /** The documents whose kept result holds its whole model, least recent first (MODELS_KEPT at most). */
  modelsKept(): string[] {
    return [...this.modelled];
  }

  /** The debounce of a document: its own (its folder's settings), else the checker's. */
  delayFor(uri: string): number {
    return this.options.debounceFor?.(uri) ?? this.debounceMs;
  }

  /** Check after the debounce, unless another edit comes first. */
  schedule(uri: string, delay = this.delayFor(uri)): void {
    const e = this.entries.get(uri);
    if (!e) return;
    this.cancel(uri);
    const version = e.doc.version;
    const run = () => {
      // let messages queued meanwhile (a newer edit, a close) land first; then check only if still current
      e.immediate = setImmediate(() => {
        e.immediate = undefined;
        const now = this.entries.get(uri);
        if (now !== e || e.doc.version !== version) return;
        if (this.inThread(e)) return this.queueInThread(uri);
        // a timer callback has no caller to throw to: an exception here would end the server process
        try {
          this.checkNow(uri);
        } catch (err) {
          this.options.onError?.(uri, err);
        }
      });
    };
    if (delay <= 0) run();
    else e.timer = setTimeout(() => ((e.timer = undefined), run()), delay);
  }

  /** The result for the current version: cached, or computed now (code actions and hovers need it at once). */
  current(uri: string): CheckedDocument | undefined {
    const e = this.entries.get(uri);
    if (!e) return undefined;
    if (e.checked && e.checked.version === e.doc.version) return e.checked;
    return this.checkNow(uri);
  }

  /**
   * The current version with every rule run, even on a draft that does not read as a report (a command the
   * user asked for on this document, such as inserting the missing sections). Not cached or published.
   */
  full(uri: string): CheckedDocument | undefined {
    const c = this.current(uri);
    if (!c || c.rulesRan) return c;
    const e = this.entries.get(uri)!;
    const { config, language } = this.options.configFor(uri);
    const t0 = performance.now();
    const looked = this.previousLookup(uri, config);
    const draft = checkDraft(e.doc.getText(), { config, language, filePath: this.options.fileOf?.(uri), rules: this.options.rules, previous: looked.previous }, false);
    const previous = previousPlans(draft.result.report, config);
    return { ...c, result: draft.result, rulesRan: true, ms: performance.now() - t0, previousFile: looked.file(), lookedFor: looked.lookedFor(), previous };
  }

  /** The last result, whatever its version (for views that may lag a keystroke). */
  last(uri: string): CheckedDocument | undefined {
    return this.entries.get(uri)?.checked;
  }

  checkNow(uri: string): CheckedDocument | undefined {
    const e = this.entries.get(uri);
    if (!e) return undefined;
    if (e.checked && e.checked.version === e.doc.version) {
      // a hover, code action or symbol request may have checked this version before the debounce ran out
      if (e.published !== e.checked) this.publish(e, e.checked);
      return e.checked;
    }
    // a large document is never checked on this thread: a request on it waits for the checking thread's result
    if (this.inThread(e)) {
      this.queueInThread(uri);
      return undefined;
    }
    const doc = e.doc;
    const { config, language } = this.options.configFor(uri);
    const t0 = performance.now();
    const looked = this.previousLookup(uri, config);
    const anyway = !!this.options.reportsOnly && !!this.options.checkAnyway?.(uri);
    const filePath = this.options.fileOf?.(uri);
    const draft = checkDraft(doc.getText(), { config, language, filePath, rules: this.options.rules, previous: looked.previous }, !!this.options.reportsOnly && !anyway);
    const checkedAnyway = anyway && !draft.readsAsReport;
    // the checklist's 上年度安排落实情况 (the plan-followup rule has matched them already: a memo hit)
    const previous = draft.rulesRan && (draft.readsAsReport || checkedAnyway) ? previousPlans(draft.result.report, config) : undefined;
    const wrongEncoding = this.options.wrongEncoding?.(uri, doc.getText());
    const checked: CheckedDocument = { uri, version: doc.version, result: draft.result, readsAsReport: draft.readsAsReport, rulesRan: draft.rulesRan, ...(checkedAnyway ? { checkedAnyway } : {}), ...(wrongEncoding ? { wrongEncoding } : {}), ...(filePath !== undefined ? { filePath } : {}), language, ms: performance.now() - t0, previousFile: looked.file(), lookedFor: looked.lookedFor(), previous };
    // the document may have been closed or replaced by a rule calling back into us; publish only if current
    if (this.entries.get(uri) !== e || e.doc.version !== checked.version) return checked;
    e.checked = checked;
    // the same text, file and last year's report (as this check found it) make the same model again
    const text = doc.getText();
    const found = looked.found();
    e.remake = () => draftReport(text, filePath, found !== undefined ? found : looked.previous);
    this.modelKept(uri);
    this.publish(e, checked);
    return checked;
  }

  /** A document's result holds its whole model now: the least recent beyond MODELS_KEPT let theirs go. */
  private modelKept(uri: string): void {
    this.modelled.delete(uri);
    this.modelled.add(uri);
    for (const other of this.modelled) {
      if (this.modelled.size <= MODELS_KEPT) break;
      this.modelled.delete(other);
      this.letModelGo(other);
    }
  }

  /**
   * The document's result keeps its findings, checklist, text and lines; its report makes the rest again when asked
   * (and is then among the documents whose model is kept). Nothing that holds the old report loses it.
   */
  private letModelGo(uri: string): void {
    const e = this.entries.get(uri);
    const checked = e?.checked;
    const remake = e?.remake;
    if (!e || !checked || !remake) return;
    e.remake = undefined;
    const { source, lines, frontmatter, filePath } = checked.result.report;
    checked.result = {
      ...checked.result,
      report: keptReport({ source: () => source, lines: () => lines, frontmatter: () => frontmatter, filePath: () => filePath }, () => {
        const full = remake();
        if (e.checked === checked && this.entries.get(uri) === e) {
          e.remake = remake;
          this.modelKept(uri);
        }
        return full;
      }),
    };
  }

  /** Check a document again although its text did not change (last year's report, which it reads, did). */
  refresh(uri: string, delay = this.delayFor(uri)): void {
    const e = this.entries.get(uri);
    if (!e) return;
    e.checked = undefined;
    this.schedule(uri, delay);
  }

  /** The previous-report callback of one check, recording which file it handed over. */
  private previousLookup(
    uri: string,
    config: ResolvedConfig,
  ): {
    previous?: (report: Report) => PreviousText | null;
    file(): string | null | undefined;
    found(): PreviousText | null | undefined;
    lookedFor(): { year: number; organ: string } | null | undefined;
  } {
    const find = this.options.previousFor;
    if (!find) return { file: () => undefined, found: () => undefined, lookedFor: () => undefined };
    let found: PreviousText | null | undefined;
    let lookedFor: { year: number; organ: string } | null | undefined;
    return {
      previous: (report) => {
        // what the finder pairs by (input/previous.ts locate); a file the config names is not looked for
        if (!config.previous) {
          const year = report.year?.year;
          const organ = detectOrgan(report)?.name;
          lookedFor = year && organ ? { year, organ } : null;
        }
        return (found = find(uri, report, config));
      },
      file: () => (found === undefined ? undefined : (found?.filePath ?? null)),
      lookedFor: () => (found === undefined ? undefined : lookedFor),
      // what the lookup gave (undefined: no rule asked)
      found: () => found,
    };
  }

  private publish(e: Entry, checked: CheckedDocument): void {
    e.published = checked;
    this.options.onChecked?.(checked);
  }

  /** Config or settings changed: drop every cached result. */
  invalidate(): void {
    for (const e of this.entries.values()) e.checked = e.published = undefined;
    // a check in the checking thread made with the old config is not taken when it comes back
    this.generation++;
  }

  dispose(): void {
    for (const uri of this.uris()) this.cancel(uri);
    this.entries.clear();
    this.modelled.clear();
    this.waiting.clear();
    this.thread?.worker.terminate();
    this.thread = undefined;
  }

  // ---------------------------------------------------------------- the checking thread (large documents)

  private thread?: CheckThread;
  /** large documents to check once the thread is free, in order (each at its version then) */
  private readonly waiting = new Set<string>();
  private nextId = 1;
  /** counts invalidate() calls: a result of an earlier generation was computed with another config */
  private generation = 0;

  private inThread(e: Entry): boolean {
    return !!this.options.startCheckThread && !this.options.rules && isLargeDocument(e.doc.getText());
  }

  private queueInThread(uri: string): void {
    this.waiting.add(uri);
    this.startInThread();
  }

  private startInThread(): void {
    if (this.thread?.busy) return;
    for (const uri of this.waiting) {
      this.waiting.delete(uri);
      const e = this.entries.get(uri);
      if (!e || (e.checked && e.checked.version === e.doc.version) || e.failedVersion === e.doc.version) continue;
      const thread = this.threadNow();
      const { config, language } = this.options.configFor(uri);
      const text = e.doc.getText();
      const id = this.nextId++;
      thread.busy = { id, uri, version: e.doc.version, entry: e, text, language, t0: performance.now(), generation: this.generation };
      const msg: WorkerCheck = { id, text, config, language, reportsOnly: !!this.options.reportsOnly };
      thread.worker.postMessage(msg);
      return;
    }
  }

  private threadNow(): CheckThread {
    if (this.thread) return this.thread;
    const worker = this.options.startCheckThread!();
    // an idle thread does not keep the server alive after its connection ends
    worker.unref?.();
    const thread: CheckThread = { worker };
    worker.on('message', (r: WorkerResult) => this.threadResult(thread, r));
    // the thread died (out of memory, a crash): its check failed; the next large document starts a new one
    const died = (err: unknown) => {
      if (this.thread !== thread) return;
      this.thread = undefined;
      const busy = thread.busy;
      thread.busy = undefined;
      if (busy) {
        busy.entry.failedVersion = busy.version;
        this.options.onError?.(busy.uri, err);
      }
      this.startInThread();
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`checking thread exited with code ${code}`)));
    this.thread = thread;
    return thread;
  }

  private threadResult(thread: CheckThread, r: WorkerResult): void {
    const busy = thread.busy;
    if (!busy || busy.id !== r.id) return;
    thread.busy = undefined;
    const { uri, entry: e, version, text, language } = busy;
    const current = this.entries.get(uri) === e && e.doc.version === version && busy.generation === this.generation;
    if ('error' in r) {
      if (current) e.failedVersion = version;
      this.options.onError?.(uri, new Error(r.error));
    } else if (current) {
      const result: CheckResult = { report: keptReport({ source: () => text, lines: lazy(() => new LineIndex(text)), frontmatter: () => r.frontmatter, filePath: () => undefined, previous: () => null }, () => createReport(text)), findings: r.findings, checklist: r.checklist, profile: r.profile, coverage: r.coverage, degraded: r.degraded };
      const checked: CheckedDocument = { uri, version, result, readsAsReport: r.readsAsReport, rulesRan: r.rulesRan, language, ms: performance.now() - busy.t0, previous: r.rulesRan && r.readsAsReport ? null : undefined, symbols: r.symbols };
      e.checked = checked;
      e.remake = undefined;
      this.publish(e, checked);
    }
    this.startInThread();
  }

  private cancel(uri: string): void {
    const e = this.entries.get(uri);
    if (!e) return;
    if (e.timer) clearTimeout(e.timer);
    if (e.immediate) clearImmediate(e.immediate);
    e.timer = e.immediate = undefined;
  }
}

/**
 * A report that holds its text, lines and front matter (what diagnostics, hovers and code actions need) and makes
 * the rest of its model only when something asks: a document checked in the checking thread (a large one: no
 * request on it parses it here by the way), or one whose model was let go (MODELS_KEPT). `own` may fix more of the
 * report (a large document's `previous`: none).
 */
function keptReport(own: { [K in 'source' | 'lines' | 'frontmatter' | 'filePath']: () => Report[K] } & { previous?: () => Report['previous'] }, remake: () => Report): Report {
  const full = lazy(remake);
  const thunks = own as Record<PropertyKey, () => unknown>;
  return new Proxy({} as Report, {
    get: (_, key) => (key in own ? thunks[key]() : Reflect.get(full(), key)),
    has: (_, key) => key in own || key in full(),
  });
}
