/**
 * Issue 11 item 8, the rest of the server's work on large inputs: the workspace check and the review read and
 * check files past the degrade limit (up to 10 MB) in the job thread (server/jobs.ts), and the missing sections
 * of a large document are computed there (by the section rules in full: the cheap rules insert none), so requests on other documents are answered meanwhile. Asserted by
 * order, not by time (as test/server/large-document.test.ts): a hover on a small document sent while the large
 * file is being checked is answered before the large file's results, which on one thread could not happen (the
 * check would run to its end, and the response with it, before the hover was read).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { HoverRequest, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { allRules, ruleById, check, clearCaches, looksLikeReport, sizeText, ui, utf8Length } from '../../rules/index.js';
import { JOB_MAX_BYTES } from '../../server/jobs.js';
import { combinedEdits } from '../../server/features/codeActions.js';
import { toDiagnostic } from '../../server/features/diagnostics.js';
import { CheckWorkspaceRequest, MissingSectionsRequest, ReviewRequest, type ReviewResponse, type WorkspaceCheckResult } from '../../protocol/index.js';
import { readCorpus } from '../helpers/corpus.js';
import { FIRST_RESPONSIBLE, PLANS, PROBLEMS, report } from '../helpers/reports.js';
import { fileUri, startServerInTempWorkspace, type LspSession } from '../helpers/lsp.js';

const unlinked = (ds: readonly Diagnostic[]) => ds.map(({ codeDescription: _link, ...d }) => d);
const base = readCorpus('kecheng-2020.md');
const ofBytes = (text: string, bytes: number) => text.repeat(Math.ceil(bytes / utf8Length(text)));

let s: LspSession & { dir: string };
let small: string;
let on: Diagnostic['range'];
/** the progress reports the server sent ($/progress with kind 'report'), counted */
let reports = 0;

beforeAll(async () => {
  s = await startServerInTempWorkspace('large-jobs', { settings: { debounceMs: 0 } });
  s.conn.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
    if (p?.value?.kind === 'report') reports++;
  });
  small = fileUri(path.join(s.dir, 'small.md'));
  s.open(small, report(PROBLEMS, FIRST_RESPONSIBLE, PLANS));
  const d = await s.diagnostics(small, (p) => p.version === 1, 30_000);
  expect(d.diagnostics.length).toBeGreaterThan(0);
  on = d.diagnostics[0].range;
}, 60_000);
afterAll(async () => {
  await s?.dispose();
});

/** resolves once a progress report arrives after `from` reports */
async function progressAfter(from: number): Promise<void> {
  for (let i = 0; i < 3000 && reports <= from; i++) await new Promise((r) => setTimeout(r, 10));
  expect(reports).toBeGreaterThan(from);
}

const hoverSmall = (order: string[]) => s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: on.start }).then((h) => (order.push('hover'), h));

describe('large workspace files and documents are worked on beside the server thread', () => {
  const bigFile = () => path.join(s.dir, 'big-2020.md');

  it('the workspace check: a hover sent while a 6 MB file is checked answers before its diagnostics and the response', async () => {
    const text = ofBytes(base, 6 * 1024 * 1024);
    writeFileSync(bigFile(), text);
    const bigUri = fileUri(bigFile());
    const order: string[] = [];
    const bigPublished = s.diagnostics(bigUri, () => true, 120_000).then((p) => (order.push('big diagnostics'), p));
    const from = reports;
    const done = s.conn.sendRequest<WorkspaceCheckResult>(CheckWorkspaceRequest.method, {}).then((r: WorkspaceCheckResult) => (order.push('workspace check'), r));
    await progressAfter(from);
    const hover = await hoverSmall(order);
    expect(hover).not.toBeNull();
    const [published, result] = await Promise.all([bigPublished, done]);
    expect(order).toEqual(['hover', 'big diagnostics', 'workspace check']);
    expect(result.reports).toBeGreaterThanOrEqual(1);
    // the thread's diagnostics are those of a fresh check of the file
    clearCaches();
    const fresh = check(text);
    expect(looksLikeReport(fresh.report)).toBe(true);
    expect(unlinked(published.diagnostics)).toEqual(unlinked(fresh.findings.map((f) => toDiagnostic(bigUri, f))));
  }, 180_000);

  it('the review of the workspace: a hover sent while the large file is checked answers before the page', async () => {
    const order: string[] = [];
    const from = reports;
    const page = s.conn.sendRequest<ReviewResponse>(ReviewRequest.method, {}).then((r) => (order.push('review'), r));
    await progressAfter(from);
    await hoverSmall(order);
    const r = await page;
    expect(order).toEqual(['hover', 'review']);
    // the large file's row is in the page, beside the open small report
    expect(r.reports).toBe(2);
    expect(r.html).toContain('big-2020.md');
  }, 180_000);

  it('the missing sections of a 3 MB document: a hover sent after the request answers first; the answer is the section rules\' in full', async () => {
    // one section of a report repeated: it does not read as a report, and every statutory section is missing
    const text = ofBytes('某县开展执法检查，查处案件一批。\n', 3 * 1024 * 1024);
    const uri = fileUri(path.join(s.dir, 'notes.md'));
    s.open(uri, text);
    await s.diagnostics(uri, (p) => p.version === 1, 120_000);
    const order: string[] = [];
    const sections = s.conn.sendRequest<WorkspaceEdit | null>(MissingSectionsRequest.method, { uri }).then((e: WorkspaceEdit | null) => (order.push('sections'), e));
    await hoverSmall(order);
    const edit = await sections;
    expect(order).toEqual(['hover', 'sections']);
    clearCaches();
    // past the degrade limit a check runs the cheap rules only, none inserting sections (the command found
    // nothing and said no section was missing): the job thread runs the section rules whatever the size
    expect(combinedEdits(check(text).findings.filter((f) => ruleById(f.ruleId)?.meta.insertsSections), false)).toEqual([]);
    const rules = allRules.filter((r) => r.meta.insertsSections);
    const want = combinedEdits(check(text, { rules, anySize: true }).findings, false);
    expect(want.length).toBeGreaterThan(0);
    const change = edit?.documentChanges?.[0] as { textDocument: { version: number }; edits: { newText: string }[] } | undefined;
    expect(change?.textDocument.version).toBe(1);
    expect(change?.edits.map((e) => e.newText)).toEqual(want.map((e) => e.newText));
    s.close(uri);
  }, 180_000);

  it('the missing sections of a document past the job thread\'s limit: a clear refusal in the user\'s language, no edit', async () => {
    const text = ofBytes('某县开展执法检查，查处案件一批。\n', JOB_MAX_BYTES + 1024);
    const uri = fileUri(path.join(s.dir, 'huge.md'));
    s.open(uri, text);
    await s.diagnostics(uri, (p) => p.version === 1, 120_000);
    const refused = await s.conn.sendRequest(MissingSectionsRequest.method, { uri }).then(
      () => null,
      (err: Error) => err.message,
    );
    expect(refused).toBe(ui('zh-CN', 'sectionsTooLarge', { size: sizeText(utf8Length(text)), limit: sizeText(JOB_MAX_BYTES) }));
    s.close(uri);
  }, 180_000);
});
