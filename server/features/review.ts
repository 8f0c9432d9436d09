/**
 * "导出审查意见 / Export review": the reviewer's page (output/review) for the active report, or for every report in
 * the workspace — open documents with their current (unsaved) text, the rest read through node/'s checkFile() as
 * the workspace check reads them. The client writes the page and opens it.
 */
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { isLargeDocument, previousPlans, type CheckResult, type Language } from '../../rules/index.js';
import { forEachWorkspaceReport, type WorkspaceWalkHost } from './workspace.js';
import { reviewOf as reviewOfReport, type ReviewedReport } from '../../output/review/model.js';
import { renderReviewHtml } from '../../output/review/html.js';
import type { ReviewResponse } from '../../protocol/index.js';

const MAX_FILES = 5_000;

export interface ReviewHost extends WorkspaceWalkHost {
  /** an open document's current result, when it reads as a report */
  openReport(uri: string): CheckResult | undefined;
  openUris(): string[];
  /** an open document's current text (a large one is reviewed in the job thread, from its text) */
  openText?(uri: string): string | undefined;
}

function shownPath(uri: string, folders: string[]): string {
  const file = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  const folder = folders.find((f) => file.startsWith(f + path.sep));
  return folder ? path.relative(folder, file) : path.basename(file);
}

export async function reviewDocuments(host: ReviewHost, lang: Language, only?: string): Promise<ReviewResponse> {
  // the column "last year's plans": the plans matched as the document's check matched them (a memo hit)
  const reviewOf = (r: CheckResult, uri: string): ReviewedReport => {
    const p = previousPlans(r.report, host.configFor(uri).config);
    return reviewOfReport(r, shownPath(uri, host.folders), p ? { followed: p.followed, total: p.plans.length } : null);
  };
  const reports: ReviewedReport[] = [];
  /**
   * An open document past the degrade limit, reviewed in the job thread (its report is not parsed on this thread:
   * seconds for 20 MB); undefined when it is not large or there is no job thread. `asked`: the review of this one
   * document the user asked for, whether it reads as a report or not.
   */
  const inThread = async (uri: string, asked: boolean): Promise<ReviewedReport | null | undefined> => {
    const text = host.jobs ? host.openText?.(uri) : undefined;
    if (text === undefined || !isLargeDocument(text)) return undefined;
    // the document's own check (in the checking thread) says whether it reads as a report
    if (!asked && !host.openReport(uri)) return null;
    const { config, language } = host.configFor(uri);
    const done = await host.jobs!.run({ kind: 'text', text, config, language, reportsOnly: false, shownPath: shownPath(uri, host.folders) }).catch(() => null);
    return done?.reviewed ?? null;
  };
  if (only) {
    const big = await inThread(only, true);
    if (big !== undefined) {
      if (big) reports.push(big);
    } else {
      const r = host.openReport(only);
      if (r) reports.push(reviewOf(r, only));
    }
    return { html: reports.length ? renderReviewHtml(reports, { lang }) : null, reports: reports.length };
  }
  const seen = new Set<string>();
  for (const uri of host.openUris()) {
    seen.add(uri);
    const big = await inThread(uri, false);
    if (big !== undefined) {
      if (big) reports.push(big);
      continue;
    }
    const r = host.openReport(uri);
    if (r) reports.push(reviewOf(r, uri));
  }
  await forEachWorkspaceReport(
    host,
    (uri) => seen.has(uri),
    (uri, got) => reports.push(got.reviewed ?? reviewOf(got.result!, uri)),
    MAX_FILES,
    (uri) => shownPath(uri, host.folders),
  );
  reports.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  return { html: reports.length ? renderReviewHtml(reports, { lang }) : null, reports: reports.length };
}
