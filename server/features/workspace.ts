/**
 * "Check all reports in the workspace": walks the workspace folders for drafts (node/'s walk, which stays inside
 * the folders) — open documents count with their current, unsaved text — checks each other one through node/'s checkFile() — regular files only, bounded, the same
 * reads-as-report test before the rules — and publishes the diagnostics of those that read as annual reports,
 * so the Problems panel lists them. Yields to the event loop between files so edits keep flowing; reports
 * progress; can be cancelled.
 */
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import type { CheckResult, Language, PreviousText, Report, ResolvedConfig } from '../../rules/index.js';
import { checkFile, walkDir } from '../../node/index.js';
import { toDiagnostic } from './diagnostics.js';

import type { WorkspaceCheckResult } from '../../protocol/index.js';

/** Bigger files are not drafts anyone edits by hand. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_FILES = 20_000;

export interface WorkspaceCheckHost extends WorkspaceWalkHost {
  isOpen(uri: string): boolean;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** the open documents (in the folders or not): checked with their current, possibly unsaved, text */
  openUris(): string[];
  /** an open document's current result when it reads as a report (its diagnostics are the editor's already) */
  openReport(uri: string): CheckResult | undefined;
}

const tick = () => new Promise<void>((r) => setImmediate(r));

export interface WorkspaceWalkHost {
  folders: string[];
  /** the config file that applies, whose include/exclude globs select the drafts */
  configFor(uri: string): { config: ResolvedConfig; language: Language; file?: string };
  progress(done: number, total: number, file: string): void;
  cancelled(): boolean;
  /** last year's report of a draft (server/previous.ts), so plan-followup and text-recycled run here too */
  previousFor?(uri: string, report: Report, config: ResolvedConfig): PreviousText | null;
}

/**
 * Every draft of the workspace folders that reads as a report, checked from disk through node/'s checkFile():
 * the walk stays inside the folders, yields between files, reports progress and stops when cancelled. `skip`
 * leaves out files the caller has in hand already (open documents). Returns how many files were walked.
 */
export async function forEachWorkspaceReport(
  host: WorkspaceWalkHost,
  skip: (uri: string) => boolean,
  each: (uri: string, result: CheckResult) => void,
  maxFiles = MAX_FILES,
): Promise<number> {
  const files: string[] = [];
  const roots = host.folders;
  walking: for (const folder of host.folders) {
    for (const file of walkDir(folder, () => {}, roots)) {
      files.push(file);
      if (files.length >= maxFiles) break walking;
    }
  }
  for (let i = 0; i < files.length; i++) {
    if (host.cancelled()) break;
    const file = files[i];
    host.progress(i, files.length, file);
    await tick();
    const uri = pathToFileURL(file).toString();
    if (skip(uri)) continue;
    const outcome = checkFile(file, {
      explicit: false,
      roots,
      maxBytes: MAX_FILE_BYTES,
      contextFor: () => {
        const { config, language, file: configFile } = host.configFor(uri);
        const find = host.previousFor;
        return { config, language, globBase: configFile ? path.dirname(configFile) : undefined, previous: find ? (report: Report) => find(uri, report, config) : null };
      },
    });
    // unreadable, refused, excluded, not a report, or a broken config (published on the config file): nothing here
    if (outcome.kind === 'checked') each(uri, outcome.check.result);
  }
  host.progress(files.length, files.length, '');
  return files.length;
}

export async function checkWorkspace(host: WorkspaceCheckHost): Promise<WorkspaceCheckResult> {
  const result: WorkspaceCheckResult = { files: 0, reports: 0, problems: 0 };
  const walkedOpen = new Set<string>();
  result.files = await forEachWorkspaceReport(
    host,
    (uri) => {
      if (!host.isOpen(uri)) return false;
      walkedOpen.add(uri);
      return true;
    },
    (uri, { findings }) => {
      result.reports++;
      result.problems += findings.length;
      host.publish(uri, findings.map((f) => toDiagnostic(uri, f)));
    },
  );
  // open documents count with the text the editor has, not the file on disk (unsaved edits included); one
  // outside the folders (or untitled) is a file of this check too
  for (const uri of host.openUris()) {
    if (host.cancelled()) break;
    if (!walkedOpen.has(uri)) result.files++;
    const open = host.openReport(uri);
    if (!open) continue;
    result.reports++;
    result.problems += open.findings.length;
  }
  return result;
}
