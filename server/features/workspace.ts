/**
 * "Check all reports in the workspace": walks the workspace folders for drafts (node/'s walk, which stays inside
 * the folders), checks each through node/'s checkFile() — regular files only, bounded, the same
 * reads-as-report test before the rules — and publishes the diagnostics of those that read as annual reports,
 * so the Problems panel lists them. Yields to the event loop between files so edits keep flowing; reports
 * progress; can be cancelled.
 */
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import type { Language, ResolvedConfig } from '../../rules/index.js';
import { checkFile, walkDir } from '../../node/index.js';
import { toDiagnostic } from './diagnostics.js';

import type { WorkspaceCheckResult } from '../../protocol/index.js';

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
  const roots = host.folders;
  walking: for (const folder of host.folders) {
    for (const file of walkDir(folder, () => {}, roots)) {
      files.push(file);
      if (files.length >= MAX_FILES) break walking;
    }
  }
  const result: WorkspaceCheckResult = { files: files.length, reports: 0, problems: 0 };
  for (let i = 0; i < files.length; i++) {
    if (host.cancelled()) break;
    const file = files[i];
    host.progress(i, files.length, file);
    await tick();
    const uri = pathToFileURL(file).toString();
    if (host.isOpen(uri)) continue;
    const outcome = checkFile(file, {
      explicit: false,
      roots,
      maxBytes: MAX_FILE_BYTES,
      contextFor: () => {
        const { config, language, file: configFile } = host.configFor(uri);
        return { config, language, globBase: configFile ? path.dirname(configFile) : undefined };
      },
    });
    // unreadable, refused, excluded, not a report, or a broken config (published on the config file): nothing here
    if (outcome.kind !== 'checked') continue;
    const { findings } = outcome.check.result;
    result.reports++;
    result.problems += findings.length;
    host.publish(uri, findings.map((f) => toDiagnostic(uri, f)));
  }
  host.progress(files.length, files.length, '');
  return result;
}
