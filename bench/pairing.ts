/**
 * Issue 14's figure: what pairing with last year's report adds to a full check of the pair. As the CLI checks a
 * pair — through its own code, each file cold (the CLI clears the caches after each file, so last year's report is
 * built again for this year's check, and nothing is left warm by the file before): both files checked with the
 * pairing rules off, against both checked with this year's paired with last year's, side by side in rotated order. Used by `npm run bench` (the target row) and `npm run bench:pairing` (this figure alone, with
 * the pairing rules' own time per pair).
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main as cliMain, type Io } from '../cli/main.js';
import { round, sideBySide, utf8, type Clock } from './measure.js';
import type { Input } from './inputs.js';

export interface Pair {
  name: string;
  /** this year's text */
  text: string;
  /** last year's */
  lastYear: string;
}

/**
 * Each corpus report paired with its own text one year earlier (same organ, every year − 1): every plan matched
 * and every sentence compared, the heaviest pairing.
 */
export function corpusPairs(corpus: readonly Input[]): Pair[] {
  return corpus.map(({ name, text }) => ({ name, text, lastYear: text.replace(/(?:19|20)\d\d(?=年)/g, (y) => String(+y - 1)) }));
}

/** The written pairs of the issue-14 tests (test/fixtures/previous: one organ, consecutive years), last year's first by name. */
export function fixturePairs(dir: string): Pair[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  const out: Pair[] = [];
  for (let i = 0; i + 1 < files.length; i += 2) {
    out.push({ name: files[i + 1], lastYear: readFileSync(path.join(dir, files[i]), 'utf8'), text: readFileSync(path.join(dir, files[i + 1]), 'utf8') });
  }
  return out;
}

export interface PairingFigure {
  /** sums over the pairs of the medians */
  aloneMs: number;
  pairedMs: number;
  /** pairedMs / aloneMs − 1 (0.2 = 20 %) */
  overhead: number;
}

/** The pairing rules: off, no draft looks for last year's report (the finder is asked only by a rule that reads it). */
const UNPAIRED = ['--rule', 'plan-followup:off', '--rule', 'text-recycled:off'];

/**
 * The CLI's own check of a pair, on this thread (cli/main.ts main()): both files in a folder of their own, last
 * year's named first, read, configured, checked and printed as `fazhi-lint last.md this.md` does — caches cleared
 * after each file as the CLI clears them, the finder reading the folder and each candidate as it does. `argv`
 * added (the bench's UNPAIRED). Returns the JSON results of the run when asked (to see that the pair pairs).
 */
function cliCheck(dir: string, files: readonly string[], extra: readonly string[]): string {
  const out: string[] = [];
  const io: Io = { stdout: (s) => void out.push(s), stderr: () => {}, readStdin: () => new Uint8Array(), isTTY: false, cwd: dir };
  cliMain([...files, ...extra], io);
  return out.join('');
}

/**
 * Both files checked by the CLI with the pairing rules off, against the same run with them on (this year's paired
 * with last year's, found beside it), side by side in rotated order. What the pairing adds is everything it makes
 * the CLI do: look for last year's report, read and build it, and the two rules.
 */
export function benchPairing(pairs: readonly Pair[], opts: { runs?: number; budgetMs?: number; clock?: Clock } = {}): PairingFigure {
  let aloneMs = 0;
  let pairedMs = 0;
  const root = mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-pairing-'));
  try {
    pairs.forEach(({ name, text, lastYear }, i) => {
      const dir = path.join(root, String(i));
      mkdirSync(dir);
      // last year's first, as a folder of reports sorted by year lists them
      const files = ['1-last.md', '2-this.md'];
      writeFileSync(path.join(dir, files[0]), lastYear);
      writeFileSync(path.join(dir, files[1]), text);
      const json = JSON.parse(cliCheck(dir, files, ['--format', 'json'])) as { previous?: unknown }[];
      if (!json[1]?.previous) throw new Error(`bench: ${name} does not pair with its report of year − 1`);
      const r = sideBySide(`pair ${name}${opts.clock === 'cpu' ? ' (CPU time)' : ''}`, utf8(text) + utf8(lastYear), {
        'both checked alone': () => cliCheck(dir, files, UNPAIRED),
        "this year's paired with last year's": () => cliCheck(dir, files, []),
      }, opts);
      aloneMs += r['both checked alone'].medianMs;
      pairedMs += r["this year's paired with last year's"].medianMs;
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return { aloneMs: round(aloneMs), pairedMs: round(pairedMs), overhead: round(pairedMs / aloneMs - 1) };
}
