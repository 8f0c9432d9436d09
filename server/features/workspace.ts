/**
 * "Check all reports in the workspace": walks the workspace folders for .md/.txt drafts (the CLI's walk),
 * checks those that read as annual reports and publishes their diagnostics, so the Problems panel lists them.
 * Yields to the event loop between files so edits keep flowing; reports progress; can be cancelled.
 */
import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { check, looksLikeReport, type Language, type ResolvedConfig } from '../../rules/index.js';
import { expandTargets, matchesConfigGlobs } from '../../cli/files.js';
import * as path from 'node:path';
import { decode } from '../../cli/decode.js';
import { toDiagnostic } from './diagnostics.js';

export { CHECK_WORKSPACE_REQUEST } from '../protocol.js';
import type { WorkspaceCheckResult } from '../protocol.js';
export type { WorkspaceCheckResult } from '../protocol.js';

/** Bigger files are not drafts anyone edits by hand. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_FILES = 20_000;

export interface WorkspaceCheckHost {
  folders: string[];
  isOpen(uri: string): boolean;
  /** file: the config file that applies, whose include/exclude globs select the drafts */
  configFor(uri: string): { config: ResolvedConfig; language: Language; file?: string };
  publish(uri: string, diagnostics: Diagnostic[]): void;
  progress(done: number, total: number, file: string): void;
  cancelled(): boolean;
}


const tick = () => new Promise<void>((r) => setImmediate(r));

export async function checkWorkspace(host: WorkspaceCheckHost): Promise<WorkspaceCheckResult> {
  const files: string[] = [];
  for (const t of expandTargets(host.folders, () => {})) {
    files.push(t.path);
    if (files.length >= MAX_FILES) break;
  }
  const result: WorkspaceCheckResult = { files: files.length, reports: 0, problems: 0 };
  for (let i = 0; i < files.length; i++) {
    if (host.cancelled()) break;
    const file = files[i];
    host.progress(i, files.length, file);
    await tick();
    const uri = pathToFileURL(file).toString();
    if (host.isOpen(uri)) continue;
    try {
      if (statSync(file).size > MAX_FILE_BYTES) continue;
      const decoded = decode(readFileSync(file));
      if (!decoded.ok) continue;
      const { config, language, file: configFile } = host.configFor(uri);
      if (configFile && !matchesConfigGlobs(file, path.dirname(configFile), config.include, config.exclude)) continue;
      const checked = check(decoded.text, { config, language, filePath: file });
      if (!looksLikeReport(checked.report)) continue;
      result.reports++;
      result.problems += checked.findings.length;
      host.publish(uri, checked.findings.map((f) => toDiagnostic(uri, f)));
    } catch {
      // unreadable or vanished meanwhile: nothing to report for it
    }
  }
  host.progress(files.length, files.length, '');
  return result;
}
