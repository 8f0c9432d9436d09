/**
 * The checking thread for large documents on Node (bundled as dist/check-worker.cjs, started by server/server.ts).
 * A draft past the degrade limit takes seconds to check even with the cheap rules only (20 MB: about 7 s); on the
 * server's own thread that would
 * hold every request on every other document until it ends. Here it runs beside it: the server posts the text
 * and its config, and gets back plain data — findings, checklist, profile, and what the editor asks of the
 * document afterwards without a second parse (its front matter and document symbols).
 */
// first: sets how the heap grows before it has (node/heap.ts)
import '../node/heap.js';
import { parentPort } from 'node:worker_threads';
import { checkDraft } from '../input/draft.js';
import { documentSymbols } from './features/symbols.js';
import type { WorkerCheck, WorkerResult } from './documents.js';
import { checkFile } from '../node/index.js';
import { allRules, check, previousPlans, type CheckResult } from '../rules/index.js';
import { reviewOf } from '../output/review/model.js';
import type { JobMessage, JobReply, ThreadJob, ThreadJobDone } from './jobs.js';

/** A job of server/jobs.ts: a workspace file, an open document's text or its missing sections, checked here (no last year's report). */
function runJob(job: ThreadJob): ThreadJobDone {
  let result: CheckResult | undefined;
  if (job.kind === 'file') {
    const outcome = checkFile(job.file, {
      explicit: false,
      roots: job.roots,
      maxBytes: job.maxBytes,
      contextFor: () => ({ config: job.config, language: job.language, globBase: job.globBase, previous: null }),
    });
    if (outcome.kind === 'checked') result = outcome.check.result;
  } else if (job.kind === 'sections') {
    // past the degrade limit the cheap rules run, none of them inserting sections: those are run here, in full
    result = check(job.text, { config: job.config, language: job.language, rules: allRules.filter((r) => r.meta.insertsSections), anySize: true });
  } else {
    const draft = checkDraft(job.text, { config: job.config, language: job.language }, job.reportsOnly);
    if (draft.rulesRan) result = draft.result;
  }
  if (!result) return { checked: false, findings: [] };
  const done: ThreadJobDone = { checked: true, findings: result.findings };
  if (job.kind !== 'sections' && job.shownPath !== undefined) {
    const p = previousPlans(result.report, job.config);
    done.reviewed = reviewOf(result, job.shownPath, p ? { followed: p.followed, total: p.plans.length } : null);
  }
  return done;
}

parentPort?.on('message', (m: WorkerCheck | JobMessage) => {
  if ('job' in m) {
    let reply: JobReply;
    try {
      reply = { jobId: m.jobId, done: runJob(m.job) };
    } catch (err) {
      reply = { jobId: m.jobId, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    }
    parentPort!.postMessage(reply);
    return;
  }
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
