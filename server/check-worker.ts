/**
 * The checking thread for large documents on Node (bundled as dist/check-worker.cjs, started by server/server.ts).
 * A draft past the degrade limit takes seconds to check even with the cheap rules only (20 MB: about 7 s); on the
 * server's own thread that would
 * hold every request on every other document until it ends. Here it runs beside it: the server posts the text
 * and its config, and gets back plain data — findings, checklist, profile, and what the editor asks of the
 * document afterwards without a second parse (its front matter and document symbols).
 */
import { parentPort } from 'node:worker_threads';
import { checkDraft } from '../input/draft.js';
import { documentSymbols } from './features/symbols.js';
import type { WorkerCheck, WorkerResult } from './documents.js';

parentPort?.on('message', (m: WorkerCheck) => {
  let out: WorkerResult;
  try {
    const t0 = performance.now();
    const draft = checkDraft(m.text, { config: m.config, language: m.language }, m.reportsOnly);
    const { report, findings, checklist, profile, coverage, degraded } = draft.result;
    const symbols = documentSymbols(report);
    out = { id: m.id, readsAsReport: draft.readsAsReport, rulesRan: draft.rulesRan, findings, checklist, profile, coverage, degraded, frontmatter: report.frontmatter, symbols, ms: performance.now() - t0 };
  } catch (err) {
    out = { id: m.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  parentPort!.postMessage(out);
});
