/**
 * CPU time of this test process spent in `work`, in milliseconds. Guards against quadratic or runaway work use it, not
 * the wall clock: on CI's two shared cores under load the wall clock stretches several times while the CPU a loop
 * burns does not. (The test pool is `forks`, so the process holds one test file at a time.)
 */
export function cpuMs<T>(work: () => T): { ms: number; value: T } {
  const before = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(before);
  return { ms: (used.user + used.system) / 1000, value };
}
