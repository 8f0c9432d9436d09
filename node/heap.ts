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
import { setFlagsFromString } from 'node:v8';

// Starting a worker thread puts V8's flags back to their defaults for the whole process (measured: the main
// thread's young generation grew to 32 MB once a checking thread was online): each checking thread imports this
// module first too (cli/worker.ts, server/check-worker.ts), which sets them again for every thread.
setFlagsFromString('--semi-space-growth-factor=1');
setFlagsFromString('--heap-growing-percent=50');
