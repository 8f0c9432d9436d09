/**
 * Last year's report of an open draft, in the editor. Found like the CLI finds it (node/previous.ts): the file the
 * config names (`"previous"`), else the same organ's report for year − 1 beside the draft, else among the open
 * documents, else in the workspace folders. An open document counts with its current text, saved or not; files
 * are read only inside the workspace folders (no folder: the folders of the open documents).
 *
 * Which draft paired with which file is kept here, so that an edit of last year's report re-checks this year's
 * (its plan-followup and text-recycled findings are about both files). A search that found nothing stands until a
 * document is opened, closed or saved, or a file changes on disk: typing in one document does not walk the
 * workspace again for every other.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PreviousFinder, walkDir, type FileProblem } from '../node/index.js';
import type { PreviousText, Report } from '../rules/index.js';

/** A workspace bigger than this is not walked further for last year's report (the folder and open files still are). */
const MAX_WALKED = 5_000;

export interface PairingHost {
  /** the workspace folders (absolute paths) */
  folders(): readonly string[];
  /** the open documents' URIs */
  openUris(): Iterable<string>;
  /** an open document's current text, or undefined when the URI is not open */
  openText(uri: string): string | undefined;
  /** the file the config names cannot be read (outside the workspace, missing…): said once per file, until filesChanged() */
  onProblem?(file: string, problem: FileProblem): void;
}

/** A file: URI's path, or undefined (untitled documents, virtual workspaces). */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class PreviousPairing {
  private readonly finder: PreviousFinder;

  constructor(private readonly host: PairingHost) {
    const pairing = this;
    this.finder = new PreviousFinder({
      get roots() {
        return pairing.roots();
      },
      elsewhere: () => this.elsewhere(),
      openText: (file) => this.openTextOf(file),
      onProblem: (file, problem) => this.host.onProblem?.(file, problem),
    });
  }

  /**
   * Last year's report for an open draft, or null (the rules are silent then). `named`: the config's
   * `"previous"`, an absolute path.
   */
  previousFor(uri: string, report: Report, named?: string): PreviousText | null {
    return this.finder.previousFor(report, filePathOf(uri), named);
  }

  /** Could the open document `uri` be last year's report of a draft that looked for one by this year and organ? */
  pairsWith(uri: string, draft: { year: number; organ: string }): boolean {
    const file = filePathOf(uri);
    // a document with no file is never a candidate (the finder names candidates by their paths)
    return file !== undefined && this.finder.pairsWith(file, draft.year, draft.organ);
  }

  /** Documents were opened, closed or saved, or files changed on disk: searches that found nothing look again. */
  filesChanged(): void {
    this.finder.clear();
  }

  /** Reading stays inside the workspace folders; without one, inside the folders of the open files. */
  private roots(): readonly string[] {
    const folders = this.host.folders();
    if (folders.length) return folders;
    const dirs = new Set<string>();
    for (const uri of this.host.openUris()) {
      const p = filePathOf(uri);
      if (p) dirs.add(path.dirname(p));
    }
    return [...dirs];
  }

  /** After the draft's own folder: the open documents (unsaved ones too), then the workspace folders walked. */
  private *elsewhere(): Generator<string> {
    for (const uri of this.host.openUris()) {
      const p = filePathOf(uri);
      if (p) yield p;
    }
    const roots = this.host.folders();
    let walked = 0;
    for (const folder of roots) {
      for (const file of walkDir(folder, () => {}, roots)) {
        if (++walked > MAX_WALKED) return;
        yield file;
      }
    }
  }

  private openTextOf(file: string): string | undefined {
    for (const uri of this.host.openUris()) if (filePathOf(uri) === file) return this.host.openText(uri);
    return undefined;
  }
}
