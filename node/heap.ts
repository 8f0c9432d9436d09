/**
 * How the V8 heap of a fazhi-lint process grows (issue 17: a CLI batch's peak memory, the language server's with
 * many documents open). Imported first by each Node entry point (cli/bin.ts, server/server.ts and their checking
 * threads), for its effect: the flags must be set before the heap has grown.
 *
 * A check allocates far more than it keeps (about 230× the text, nearly all of it dead by the next file or
 * keystroke), and V8's defaults, made for throughput, let that garbage take room: the young generation grows to
 * 16 MB a semi-space (32 MB resident), and the old generation may reach several times what it holds before a
 * full collection. Measured on 50 open reports: the server held 19–33 MB of live objects at 173–187 MB resident;
 * 500 reports through the CLI: 15–17 MB live after each full collection at 182–190 MB peak.
 * - The young generation stays at its initial size (growth factor 1): a scavenge of a small space is quick, and
 *   what survives it was promoted anyway.
 * - The old generation may grow by half what it held after a collection (instead of up to four times).
 * Both flags are read at each collection, so setting them at run time takes effect (unlike the size limits, fixed
 * when the heap was made). They are V8's own and global to the process: checking threads follow them too.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Starting a worker thread puts V8's flags back to their defaults for the whole process (measured: the main
// thread's young generation grew to 32 MB once a checking thread was online): each checking thread imports this
// module first too (cli/worker.ts, server/check-worker.ts), which sets them again for every thread.
setFlagsFromString('--semi-space-growth-factor=1');
setFlagsFromString('--heap-growing-percent=50');

/**
 * A long-lived process (the language server) compacts its heap once it has been idle for a moment after some work:
 * a burst of checks (opening 50 documents, a workspace check) leaves the old generation holding far more garbage
 * than live data until V8 next needs room — 50 open reports: 24 MB live in 41 MB of heap, 108 MB resident. One
 * compacting collection when nothing has been published for IDLE_MS gives the pages back (96 MB resident); it runs
 * only when the heap grew by MIN_GROWTH since the last one, so an idle server does not collect again and again, and
 * not while keystrokes come (each publish re-arms the wait). `worked()`: something was published.
 */
export function idleCompaction(idleMs = IDLE_MS, minGrowth = MIN_GROWTH): { worked(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let after = getHeapStatistics().used_heap_size;
  const compact = () => {
    timer = undefined;
    if (getHeapStatistics().used_heap_size - after < minGrowth) return;
    const gc = fullCollection();
    if (!gc) return;
    // compacting: a plain full collection frees objects but keeps the pages they were spread over (50 reports:
    // 31 MB of old space holding 18 MB), moving the survivors together gives the pages back; swept on this thread,
    // so they are back when it returns (concurrent sweeping gave them back over a second or more on a busy machine)
    setFlagsFromString('--compact-on-every-full-gc');
    setFlagsFromString('--no-concurrent-sweeping');
    try {
      gc();
    } finally {
      setFlagsFromString('--no-compact-on-every-full-gc');
      setFlagsFromString('--concurrent-sweeping');
    }
    after = getHeapStatistics().used_heap_size;
  };
  return {
    worked() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(compact, idleMs);
      timer.unref?.();
    },
  };
}

const IDLE_MS = 1000;
const MIN_GROWTH = 8 * 1024 * 1024;

let gcFunction: (() => void) | null | undefined;
/** V8's full collection: `gc` when the process was started with --expose-gc, else exposed now in a context of its own. */
function fullCollection(): (() => void) | null {
  if (gcFunction !== undefined) return gcFunction;
  const global = (globalThis as { gc?: () => void }).gc;
  if (typeof global === 'function') return (gcFunction = global);
  try {
    setFlagsFromString('--expose-gc');
    const exposed = runInNewContext('gc') as unknown;
    gcFunction = typeof exposed === 'function' ? (exposed as () => void) : null;
  } catch {
    gcFunction = null;
  }
  return gcFunction;
}
