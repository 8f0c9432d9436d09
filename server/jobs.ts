/**
 * One-off work on large inputs, done in a thread beside the server's (on Node the same dist/check-worker.cjs as the
 * checking thread, a second instance): the workspace check's and the review's files past the degrade limit (read
 * and checked there, up to 10 MB), the review of an open large document, the missing sections of one. On the
 * server's thread each would hold every request on every other document for seconds. The job thread answers with
 * plain data: findings, and the review's row when one is asked for.
 */
import type { Finding, Language, ResolvedConfig } from '../rules/index.js';
import type { ReviewedReport } from '../output/review/model.js';
import type { ThreadPort } from './thread.js';

/**
 * The largest input the job thread reads or checks in full (a workspace file, an open document's missing sections):
 * bigger files are not drafts anyone edits by hand.
 */
export const JOB_MAX_BYTES = 10 * 1024 * 1024;

export type ThreadJob =
  /** a workspace file, read and checked as the workspace check reads it (node/'s checkFile, not explicit) */
  | { kind: 'file'; file: string; roots: string[]; maxBytes: number; config: ResolvedConfig; language: Language; globBase?: string; shownPath?: string }
  /** an open document's text; reportsOnly: the rules run only when it reads as a report */
  | { kind: 'text'; text: string; config: ResolvedConfig; language: Language; reportsOnly: boolean; shownPath?: string }
  /** an open large document's missing sections: the rules that insert sections, run whatever its size */
  | { kind: 'sections'; text: string; config: ResolvedConfig; language: Language };

/** What a job gives back: the findings when the file was checked (and read as a report), the review row if asked. */
export interface ThreadJobDone {
  checked: boolean;
  findings: Finding[];
  reviewed?: ReviewedReport;
}

export interface JobMessage {
  jobId: number;
  job: ThreadJob;
}

export type JobReply = { jobId: number; done: ThreadJobDone } | { jobId: number; error: string };

/** The job thread as the server uses it. */
export type JobPort = ThreadPort<JobMessage, JobReply>;

/** Jobs run one after another in one thread, started when first needed and again after it dies. */
export class JobThread {
  private port?: JobPort;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(done: ThreadJobDone): void; reject(err: Error): void }>();

  constructor(private readonly start: () => JobPort) {}

  run(job: ThreadJob): Promise<ThreadJobDone> {
    const port = this.portNow();
    const jobId = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(jobId, { resolve, reject });
      port.postMessage({ jobId, job });
    });
  }

  dispose(): void {
    this.port?.terminate();
    this.port = undefined;
  }

  private portNow(): JobPort {
    if (this.port) return this.port;
    const port = this.start();
    // an idle thread does not keep the server alive after its connection ends
    port.unref?.();
    port.on('message', (r: JobReply) => {
      const p = this.pending.get(r.jobId);
      if (!p) return;
      this.pending.delete(r.jobId);
      if ('error' in r) p.reject(new Error(r.error));
      else p.resolve(r.done);
    });
    // the thread died (out of memory, a crash): its jobs failed; the next job starts a new one
    const died = (err: unknown) => {
      if (this.port !== port) return;
      this.port = undefined;
      const failed = [...this.pending.values()];
      this.pending.clear();
      for (const p of failed) p.reject(err instanceof Error ? err : new Error(String(err)));
    };
    port.on('error', died);
    port.on('exit', (code) => died(new Error(`job thread exited with code ${code}`)));
    this.port = port;
    return port;
  }
}
