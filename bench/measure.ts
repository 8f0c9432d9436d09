/**
 * How the bench takes a figure: samples after warm-up, medians and p95, side by side in rotated order, each row with
 * the machine's load. One definition for every bench entry (bench/run.ts, bench/pairing-run.ts).
 */
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';

/** --quick: a short run (few samples, small growth range, no batch of 500), results.json not written */
export const QUICK = process.argv.includes('--quick');
/** the machine's load when a figure was taken: the machine is shared, so every figure carries it */
export const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100) as [number, number, number];

export interface Row {
  name: string;
  bytes: number;
  medianMs: number;
  p95Ms: number;
  runs: number;
  /** os.loadavg() (1, 5, 15 min) when the row was recorded */
  load: [number, number, number];
}
/** every row recorded in this process, in order */
export const rows: Row[] = [];

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

export const round = (x: number) => Math.round(x * 1000) / 1000;
export const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** Time fn until `runs` samples or the budget is spent (at least 3 samples), after warm-up. */
export function measure(name: string, bytes: number, fn: () => unknown, opts: { runs?: number; budgetMs?: number; warmup?: number } = {}): Row {
  const runs = QUICK ? Math.min(opts.runs ?? 40, 5) : opts.runs ?? 40;
  const budget = QUICK ? 500 : opts.budgetMs ?? 4000;
  for (let i = 0; i < (opts.warmup ?? 3); i++) fn();
  const samples: number[] = [];
  const t0 = performance.now();
  while (samples.length < runs && (samples.length < 3 || performance.now() - t0 < budget)) {
    const s = performance.now();
    fn();
    samples.push(performance.now() - s);
  }
  return record(name, bytes, samples);
}

export function record(name: string, bytes: number, samples: number[]): Row {
  const sorted = [...samples].sort((a, b) => a - b);
  const row = { name, bytes, medianMs: round(quantile(sorted, 0.5)), p95Ms: round(quantile(sorted, 0.95)), runs: samples.length, load: load() };
  rows.push(row);
  return row;
}

/**
 * What a sample is timed by: the wall clock, or this process's CPU time (user + system, every thread), which a
 * machine shared with other sessions disturbs far less than the wall clock when its load is above its cores.
 */
export type Clock = 'wall' | 'cpu';
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Side by side: one sample of each in turn, the order rotated every round (a slow moment of the shared machine, a
 * GC left by the previous one, falls on each in turn), until `runs` rounds or the budget is spent.
 */
export function sideBySide(label: string, bytes: number, fns: Record<string, () => unknown>, opts: { runs?: number; budgetMs?: number; warmup?: number; clock?: Clock } = {}): Record<string, Row> {
  const now = opts.clock === 'cpu' ? cpuNow : () => performance.now();
  const keys = Object.keys(fns);
  const runs = QUICK ? Math.min(opts.runs ?? 40, 5) : opts.runs ?? 40;
  const budget = QUICK ? 1500 : opts.budgetMs ?? 12_000;
  for (let i = 0; i < (opts.warmup ?? 3); i++) for (const k of keys) fns[k]();
  const samples: Record<string, number[]> = Object.fromEntries(keys.map((k) => [k, []]));
  const t0 = performance.now();
  for (let round = 0; round < runs && (round < 3 || performance.now() - t0 < budget); round++) {
    for (let j = 0; j < keys.length; j++) {
      const k = keys[(round + j) % keys.length];
      const s = now();
      fns[k]();
      samples[k].push(now() - s);
    }
  }
  return Object.fromEntries(keys.map((k) => [k, record(`${k} ${label}`, bytes, samples[k])]));
}

/** The rows as the bench prints them. */
export function rowTable(rs: readonly Row[]): string {
  return [
    `${'benchmark'.padEnd(62)} ${'KB'.padStart(8)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(10)} ${'runs'.padStart(5)}`,
    ...rs.map((r) => `${r.name.padEnd(62)} ${(r.bytes / 1024).toFixed(1).padStart(8)} ${r.medianMs.toFixed(3).padStart(10)} ${r.p95Ms.toFixed(3).padStart(10)} ${String(r.runs).padStart(5)}`),
  ].join('\n');
}
