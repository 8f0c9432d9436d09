/**
 * Issue 14's figure: what pairing with last year's report adds to a full check of the pair. Cold, as the CLI checks
 * a pair: both files checked alone, against both checked with this year's paired with last year's, side by side
 * in rotated order. Used by `npm run bench` (the target row) and `npm run bench:pairing` (this figure alone, with
 * the pairing rules' own time per pair).
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { check, clearCaches, planFollowups, type ResolvedConfig } from '../rules/index.js';
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

/** Both files checked alone against this year's checked paired with last year's, each cold. */
export function benchPairing(pairs: readonly Pair[], config: ResolvedConfig, opts: { runs?: number; budgetMs?: number; clock?: Clock } = {}): PairingFigure {
  const cold = (text: string) => {
    clearCaches();
    return check(text, { config });
  };
  let aloneMs = 0;
  let pairedMs = 0;
  for (const { name, text, lastYear } of pairs) {
    const previous = { text: lastYear, filePath: `last-${name}` };
    if (!planFollowups(check(text, { config, previous }).report)) throw new Error(`bench: ${name} does not pair with its report of year − 1`);
    const r = sideBySide(`pair ${name}${opts.clock === 'cpu' ? ' (CPU time)' : ''}`, utf8(text) + utf8(lastYear), {
      'both checked alone': () => (cold(lastYear), check(text, { config })),
      "this year's paired with last year's": () => (cold(lastYear), check(text, { config, previous })),
    }, opts);
    aloneMs += r['both checked alone'].medianMs;
    pairedMs += r["this year's paired with last year's"].medianMs;
  }
  return { aloneMs: round(aloneMs), pairedMs: round(pairedMs), overhead: round(pairedMs / aloneMs - 1) };
}
