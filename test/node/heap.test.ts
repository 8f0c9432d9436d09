/**
 * node/heap.ts's idle compaction (the language server): once nothing has been published for the idle time after
 * the heap grew, one compacting collection gives the pages of the garbage back; with too little growth nothing runs.
 */
import { describe, expect, it } from 'vitest';
import { getHeapSpaceStatistics } from 'node:v8';
import { idleCompaction } from '../../node/heap.js';

const oldSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!.physical_space_size;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** ~60 MB of small objects that live long enough to reach the old generation, then dropped, one in twenty kept. */
function garbage(): unknown[] {
  const kept: unknown[] = [];
  let all: unknown[] | null = [];
  for (let i = 0; i < 1_000_000; i++) {
    const o = { i, s: `x${i}` };
    all.push(o);
    if (i % 20 === 0) kept.push(o);
  }
  all = null;
  return kept;
}

describe('idle compaction', () => {
  it('after work and the idle time, the old generation gives back the pages its garbage held', async () => {
    const compaction = idleCompaction(20, 1024 * 1024);
    const kept = garbage();
    const before = oldSpace();
    compaction.worked();
    await wait(300);
    expect(kept.length).toBe(50_000);
    // the survivors moved together: well under half of the pages stay
    expect(oldSpace()).toBeLessThan(before / 2);
  });

  it('runs only when the heap grew by the least growth since the last', async () => {
    const compaction = idleCompaction(20, 1024 * 1024 * 1024);
    const kept = garbage();
    const before = oldSpace();
    compaction.worked();
    await wait(300);
    expect(kept.length).toBe(50_000);
    expect(oldSpace()).toBeGreaterThan(before / 2);
  });
});
