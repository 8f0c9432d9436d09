/**
 * Last year's report of a draft in the browser's language server (browserPlatform.ts), found as on Node — the file
 * the config names, else the same organ's report for year − 1 in the draft's folder, else among the open documents
 * (input/previous.ts's finder, the same order and pairing) — over the workspace files the client reads for it
 * (fazhiLint/readFile: inside a workspace folder, at most READ_FILE_MAX_BYTES). The workspace folders are not
 * walked (that takes a file system).
 *
 * Files are the client's URIs. Reading is asynchronous and a check is not: what is not read yet counts as not there,
 * and is fetched; once every fetch has come back the finder looks again and the documents that found nothing are
 * checked again (onArrived). What was read stands until filesChanged().
 */
import { ui, type Language, type PreviousText, type ReadRefusal, type Report, type ResolvedConfig } from '../rules/index.js';
import { decodeText } from '../input/text.js';
import { PreviousFinder, type PreviousFiles } from '../input/previous.js';
import { READ_FILE_MAX_BYTES, base64ToBytes, type FolderFile, type ReadFileResult } from '../protocol/index.js';
import type { ClientFiles } from './browserConfig.js';
import type { PreviousLookup } from './platform.js';
import { folderOf, uriDirname, uriJoin } from './uris.js';

/** The drafts looked at in a folder: text ones (a Word document's reader is not in the browser server). */
const EXTENSIONS = ['.md', '.markdown', '.txt'];

export interface BrowserPreviousHost {
  client: ClientFiles;
  /** the workspace folders' URIs */
  folders(): readonly string[];
  openUris(): Iterable<string>;
  openText(uri: string): string | undefined;
  /** what was fetched has come back: documents that found no report of last year look again */
  onArrived(): void;
  /** the file the config names cannot be read (said once per file until filesChanged) */
  onProblem(message: string): void;
  language(): Language;
}

/** A problem of a named file: not read yet is no problem (it is being fetched). */
type Problem = { pending: true } | { refusal: ReadRefusal & { size?: number } } | { undecodable: true };

type Content = { stamp: string; text: string | null; problem?: Problem };

export class BrowserPrevious implements PreviousLookup {
  private readonly finder: PreviousFinder<Problem>;
  /** folder URI → its text drafts (null: could not be listed) */
  private readonly listings = new Map<string, FolderFile[] | null>();
  /** file URI → what was read of it, with the stamp it had in its folder's listing ('named': read by name) */
  private readonly contents = new Map<string, Content>();
  private readonly fetching = new Set<string>();
  /** counts filesChanged(): a fetch begun before it does not store its result */
  private generation = 0;

  constructor(private readonly host: BrowserPreviousHost) {
    const files: PreviousFiles<Problem> = {
      beside: (file) => this.beside(file),
      stat: (file) => this.stat(file),
      read: (file) => this.read(file),
    };
    this.finder = new PreviousFinder<Problem>({
      files,
      // after the draft's folder: the open documents (with their current text)
      elsewhere: () => this.host.openUris(),
      openText: (uri) => this.host.openText(uri),
      onProblem: (file, problem) => this.problem(file, problem),
    });
  }

  /** Whether last year's report is looked for at all (the client reads files for this server). */
  available(): boolean {
    return this.host.client.readsFiles();
  }

  previousFor(uri: string, report: Report, config: ResolvedConfig): PreviousText | null {
    if (!this.available() || folderOf(uri, this.host.folders()) === undefined) return null;
    return this.finder.previousFor(report, uri, config.previous);
  }

  filesChanged(): void {
    this.generation++;
    this.listings.clear();
    this.contents.clear();
    this.fetching.clear();
    this.finder.clear();
  }

  /** Here a file is named by its URI. */
  fileOf(uri: string): string | undefined {
    return uri;
  }

  private beside(file: string): string[] {
    const dir = uriDirname(file);
    const listed = this.listing(dir);
    return (listed ?? []).map((f) => uriJoin(dir, f.name)).filter((u) => !sameFile(u, file));
  }

  /** A listed file's stamp, once its text is read (until then it is not there: it is fetched). */
  private stat(file: string): { stamp: string; size: number } | null {
    const listed = this.listing(uriDirname(file));
    const name = file.slice(file.lastIndexOf('/') + 1);
    const entry = listed?.find((f) => f.name === decodeURIComponentSafe(name));
    if (!entry || entry.size > READ_FILE_MAX_BYTES) return null;
    const stamp = `${entry.size}:${entry.mtime}`;
    const had = this.contents.get(file);
    if (had?.stamp === stamp) return { stamp, size: entry.size };
    this.fetch(file, stamp);
    return null;
  }

  private read(file: string): { ok: true; text: string } | { ok: false; problem: Problem } {
    const had = this.contents.get(file);
    if (!had) {
      this.fetch(file, 'named');
      return { ok: false, problem: { pending: true } };
    }
    return had.text !== null ? { ok: true, text: had.text } : { ok: false, problem: had.problem ?? { undecodable: true } };
  }

  /** A folder's text drafts as listed, or undefined while the listing is fetched. */
  private listing(dir: string): FolderFile[] | null | undefined {
    if (this.listings.has(dir)) return this.listings.get(dir);
    const key = `list:${dir}`;
    if (folderOf(dir, this.host.folders()) === undefined) return null;
    this.track(key, this.host.client.readFile({ uri: dir, list: { extensions: EXTENSIONS } }), (r) => {
      this.listings.set(dir, r.ok && 'files' in r ? r.files : null);
    });
    return undefined;
  }

  private fetch(file: string, stamp: string): void {
    if (folderOf(file, this.host.folders()) === undefined) {
      this.contents.set(file, { stamp, text: null, problem: { refusal: { reason: 'outside' } } });
      return;
    }
    this.track(`read:${file}`, this.host.client.readFile({ uri: file }), (r) => {
      let content: Content;
      if (!r.ok) content = { stamp, text: null, problem: { refusal: r } };
      else if (!('base64' in r)) content = { stamp, text: null, problem: { refusal: { reason: 'notRegular', kind: 'directory' } } };
      else {
        const t = decodeText(base64ToBytes(r.base64));
        content = t.ok ? { stamp, text: t.text } : { stamp, text: null, problem: { undecodable: true } };
      }
      this.contents.set(file, content);
    });
  }

  /** One fetch at a time per key; when the last one of a round is back, the finder looks again. */
  private track(key: string, pending: Promise<ReadFileResult>, store: (r: ReadFileResult) => void): void {
    if (this.fetching.has(key)) return;
    this.fetching.add(key);
    const generation = this.generation;
    void pending
      .catch((): ReadFileResult => ({ ok: false, reason: 'unreadable', code: 'EIO' }))
      .then((r) => {
        if (generation !== this.generation) return;
        store(r);
        this.fetching.delete(key);
        if (this.fetching.size) return;
        this.finder.clear();
        this.host.onArrived();
      });
  }

  private problem(file: string, problem: Problem): void {
    if ('pending' in problem) return;
    const lang = this.host.language();
    const name = decodeURIComponentSafe(file);
    let text: string;
    if ('undecodable' in problem) text = ui(lang, 'undecodable', { file: name });
    else {
      const r = problem.refusal;
      text =
        r.reason === 'outside'
          ? ui(lang, 'outsideWorkspace', { file: name })
          : r.reason === 'notRegular'
            ? ui(lang, 'notRegular', { file: name, kind: r.kind ?? '' })
            : r.reason === 'tooLarge'
              ? ui(lang, 'tooLarge', { file: name, size: mb(r.size ?? 0), limit: mb(r.limit ?? READ_FILE_MAX_BYTES) })
              : ui(lang, 'unreadable', { file: name, reason: r.code ?? r.reason });
    }
    this.host.onProblem(`fazhi-lint: ${ui(lang, 'previousProblem', { problem: text })}`);
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Two URIs of one file, whichever characters each percent-encodes. */
const sameFile = (a: string, b: string) => a === b || decodeURIComponentSafe(a) === decodeURIComponentSafe(b);

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
