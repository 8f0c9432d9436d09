/**
 * "导出审查意见 / Export review": the reviewer's page (output/review) for the active report, or for every report in
 * the workspace — open documents with their current (unsaved) text, the rest read through node/'s checkFile() as
 * the workspace check reads them. The client writes the page and opens it.
 */
import { pathToFileURL, fileURLToPath } from 'node:url';
import * as path from 'node:path';
import type { CheckResult, Language, ResolvedConfig } from '../../rules/index.js';
import { checkFile, walkDir } from '../../node/index.js';
import { reviewOf, type ReviewedReport } from '../../output/review/model.js';
import { renderReviewHtml } from '../../output/review/html.js';
import type { ReviewResponse } from '../../protocol/index.js';

const MAX_FILES = 5_000;
const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface ReviewHost {
  folders: string[];
  /** an open document's current result, when it reads as a report */
  openReport(uri: string): CheckResult | undefined;
  openUris(): string[];
  configFor(uri: string): { config: ResolvedConfig; language: Language; file?: string };
  progress(done: number, total: number): void;
  cancelled(): boolean;
}

const tick = () => new Promise<void>((r) => setImmediate(r));

function shownPath(uri: string, folders: string[]): string {
  const file = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  const folder = folders.find((f) => file.startsWith(f + path.sep));
  return folder ? path.relative(folder, file) : path.basename(file);
}

export async function reviewDocuments(host: ReviewHost, lang: Language, only?: string): Promise<ReviewResponse> {
  const reports: ReviewedReport[] = [];
  if (only) {
    const r = host.openReport(only);
    if (r) reports.push(reviewOf(r, shownPath(only, host.folders)));
    return { html: reports.length ? renderReviewHtml(reports, { lang }) : null, reports: reports.length };
  }
  const seen = new Set<string>();
  for (const uri of host.openUris()) {
    const r = host.openReport(uri);
    seen.add(uri);
    if (r) reports.push(reviewOf(r, shownPath(uri, host.folders)));
  }
  const files: string[] = [];
  walking: for (const folder of host.folders) {
    for (const file of walkDir(folder, () => {}, host.folders)) {
      files.push(file);
      if (files.length >= MAX_FILES) break walking;
    }
  }
  for (let i = 0; i < files.length && !host.cancelled(); i++) {
    host.progress(i, files.length);
    await tick();
    const uri = pathToFileURL(files[i]).toString();
    if (seen.has(uri)) continue;
    const outcome = checkFile(files[i], {
      explicit: false,
      roots: host.folders,
      maxBytes: MAX_FILE_BYTES,
      contextFor: () => {
        const { config, language, file: configFile } = host.configFor(uri);
        return { config, language, globBase: configFile ? path.dirname(configFile) : undefined };
      },
    });
    if (outcome.kind === 'checked' && outcome.check.rulesRan) reports.push(reviewOf(outcome.check.result, shownPath(uri, host.folders)));
  }
  host.progress(files.length, files.length);
  reports.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  return { html: reports.length ? renderReviewHtml(reports, { lang }) : null, reports: reports.length };
}
