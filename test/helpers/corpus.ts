/** The shared corpus (../shared/corpus beside the checkout, as in CI) and its reviewer expectations. */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

export const CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');

if (!existsSync(CORPUS_DIR)) {
  throw new Error(`The shared corpus is expected at ${CORPUS_DIR} (shared/ beside the checkout, as CI has it).`);
}

export interface Expectation {
  rule?: string;
  anyOf?: string[];
  line?: number;
  lines?: number[];
  why: string;
}

export interface CorpusEntry {
  year: number;
  sections: Record<string, number | null>;
  must: Expectation[];
  mustNot: Expectation[];
  may: Expectation[];
  /** wild set only: the text is a report's opening, the rest is unknown */
  partial?: boolean;
  /** wild set only: where the text was found */
  source?: string;
  /** wild set only: the issuing body's kind (ministry, province, city, county, joint, department, zone, institution, street, township, draft) */
  body?: string;
}

/** The entries of an expected.json (keyed by file name; other keys such as "about" are notes). */
export function readExpectations(dir: string): Record<string, CorpusEntry> {
  return Object.fromEntries(
    Object.entries(JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8'))).filter(([k]) => /\.(md|txt)$/.test(k)),
  ) as Record<string, CorpusEntry>;
}

export const expected: Record<string, CorpusEntry> = readExpectations(CORPUS_DIR);

export const corpusFiles = Object.keys(expected);

export function readCorpus(file: string): string {
  return readFileSync(path.join(CORPUS_DIR, file), 'utf8');
}

export function rulesOf(e: Expectation): string[] {
  return e.anyOf ?? (e.rule ? [e.rule] : []);
}

export function linesOf(e: Expectation): number[] | null {
  return e.lines ?? (e.line !== undefined ? [e.line] : null);
}
