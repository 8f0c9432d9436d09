/**
 * "Check all reports in the workspace": walks the workspace folders for drafts (node/'s walk, which stays inside
 * the folders) — open documents count with their current, unsaved text — checks each other one through node/'s checkFile() — regular files only, bounded, the same
 * reads-as-report test before the rules — and publishes the diagnostics of those that read as annual reports,
 * so the Problems panel lists them. Yields to the event loop between files so edits keep flowing; reports
 * progress; can be cancelled.
 */
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { statSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver';
import { ConfigError, LARGE_DOCUMENT_BYTES, type CheckResult, type Finding, type Language, type PreviousText, type Report, type ResolvedConfig } from '../../rules/index.js';
import { checkFile, walkDir } from '../../node/index.js';
import { toDiagnostic } from './diagnostics.js';
import { JOB_MAX_BYTES, type JobThread } from '../jobs.js';
import type { ReviewedReport } from '../../output/review/model.js';

import type { WorkspaceCheckResult } from '../../protocol/index.js';

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
  /** the job thread (server/jobs.ts): files past the degrade limit are read and checked there, not on this thread */
  jobs?: JobThread;
}

/**
 * A workspace file that reads as a report: its findings, and either its whole result (checked on this thread) or,
 * checked in the job thread, the review row asked for (the report itself stays there).
 */
export interface WorkspaceReport {
  findings: readonly Finding[];
  result?: CheckResult;
  reviewed?: ReviewedReport;
}

/** a file past the degrade limit on disk (bytes; a draft whose text is past it is checked in cheap mode, seconds) */
function largeFile(file: string): boolean {
  try {
    return statSync(file).size > LARGE_DOCUMENT_BYTES;
  } catch {
    return false;
  }
}

/**
 * Every draft of the workspace folders that reads as a report, checked from disk through node/'s checkFile():
 * the walk stays inside the folders, yields between files, reports progress and stops when cancelled. `skip`
 * leaves out files the caller has in hand already (open documents). Returns how many files were walked.
 */
export async function forEachWorkspaceReport(
  host: WorkspaceWalkHost,
  skip: (uri: string) => boolean,
  each: (uri: string, got: WorkspaceReport) => void,
  maxFiles = MAX_FILES,
  /** the review's name for a file: a file checked in the job thread comes back with its review row */
  shownPath?: (uri: string) => string,
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
    if (host.jobs && largeFile(file)) {
      // read and checked in the job thread: requests on the open documents are answered meanwhile
      let job;
      try {
        const { config, language, file: configFile } = host.configFor(uri);
        job = { kind: 'file' as const, file, roots, maxBytes: JOB_MAX_BYTES, config, language, globBase: configFile ? path.dirname(configFile) : undefined, shownPath: shownPath?.(uri) };
      } catch (err) {
        // a broken config is published on the config file, as checkFile's outcome is
        if (err instanceof ConfigError) continue;
        throw err;
      }
      const done = await host.jobs.run(job).catch(() => null);
      if (done?.checked) each(uri, { findings: done.findings, reviewed: done.reviewed });
      continue;
    }
    const outcome = checkFile(file, {
      explicit: false,
      roots,
      maxBytes: JOB_MAX_BYTES,
      contextFor: () => {
        const { config, language, file: configFile } = host.configFor(uri);
        const find = host.previousFor;
        return { config, language, globBase: configFile ? path.dirname(configFile) : undefined, previous: find ? (report: Report) => find(uri, report, config) : null };
      },
    });
    // unreadable, refused, excluded, not a report, or a broken config (published on the config file): nothing here
    if (outcome.kind === 'checked') each(uri, { findings: outcome.check.result.findings, result: outcome.check.result });
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
