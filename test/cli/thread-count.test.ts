/**
 * Issue 17: how many threads check a CLI batch (cli/threads.ts threadsFor): one for a handful of files, else one
 * per idle core (the cores less the last minute's load, to the nearest), at most four and never none;
 * FAZHI_CLI_THREADS, when it is a number, decides instead (still no more threads than files). The rule alone, given
 * the machine: no thread is started and nothing is timed.
 */
import { describe, expect, it } from 'vitest';
import { threadsFor } from '../../cli/threads.js';
import { THREAD_MIN_FILES } from '../../cli/main.js';

describe('threads for a batch', () => {
  it('checks a handful of files on the main thread alone, however idle the machine', () => {
    for (const files of [0, 1, THREAD_MIN_FILES]) expect(threadsFor(files, undefined, 8, 0)).toBe(1);
    expect(threadsFor(THREAD_MIN_FILES + 1, undefined, 8, 0)).toBeGreaterThan(1);
  });

  it('takes one thread per idle core: the cores less the load, to the nearest', () => {
    const many = 500;
    expect(threadsFor(many, undefined, 2, 0)).toBe(2);
    expect(threadsFor(many, undefined, 2, 0.4)).toBe(2);
    expect(threadsFor(many, undefined, 2, 0.6)).toBe(1);
    expect(threadsFor(many, undefined, 2, 1)).toBe(1);
    expect(threadsFor(many, undefined, 4, 1.2)).toBe(3);
  });

  it('never takes more than four threads, nor none on a machine busier than its cores', () => {
    expect(threadsFor(500, undefined, 16, 0)).toBe(4);
    expect(threadsFor(500, undefined, 16, 13)).toBe(3);
    expect(threadsFor(500, undefined, 2, 6)).toBe(1);
    expect(threadsFor(500, undefined, 1, 0)).toBe(1);
  });

  it('takes FAZHI_CLI_THREADS as it is when it is a number, but no more threads than files', () => {
    expect(threadsFor(500, '3', 2, 6)).toBe(3);
    expect(threadsFor(500, '6', 2, 0)).toBe(6);
    expect(threadsFor(2, '3', 8, 0)).toBe(2);
    expect(threadsFor(2, '1', 8, 0)).toBe(1);
    expect(threadsFor(500, '0', 8, 0)).toBe(1);
    expect(threadsFor(0, '3', 8, 0)).toBe(1);
  });

  it('ignores a FAZHI_CLI_THREADS that is not a number', () => {
    for (const forced of ['', 'two', '-2', '1.5']) expect(threadsFor(500, forced, 2, 0)).toBe(threadsFor(500, undefined, 2, 0));
  });
});
