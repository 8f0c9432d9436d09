/**
 * Typed memo slots for the models derived from one report (items, figures, the paired previous report…). The
 * report keeps the values (Report.memo); this module only names the slots, and imports nothing, so any module of
 * the model can declare one without an import circle.
 */

/** The parts of a report a derived model can be computed from (what a memo's value depends on). */
export type ReportPart = 'source' | 'blocks' | 'frame' | 'outline' | 'checklist' | 'year' | 'previous';

/** A value a memo is further keyed by (a rule option, a heading's index). */
export type MemoParam = string | number | boolean | null;

/**
 * A memo slot, typed: its value's type, the parts of the report the value is computed from and the names of the
 * parameters it is further keyed by. Two modules cannot share a slot by picking the same string, and a reader
 * sees what a cached value would go stale with.
 */
export interface MemoKey<T, P extends readonly MemoParam[] = []> {
  readonly name: string;
  readonly dependsOn: readonly ReportPart[];
  readonly params: { readonly [K in keyof P]: string };
  /** the value's type (never set; it only carries T) */
  readonly value?: T;
}

const memoNames = new Set<string>();

/** Declare a memo slot (once, at module level): a name unique in the program, what the value depends on. */
export function memoKey<T, P extends readonly MemoParam[] = []>(
  name: string,
  dependsOn: readonly ReportPart[],
  ...params: { [K in keyof P]: string }
): MemoKey<T, P> {
  if (memoNames.has(name)) throw new Error(`memo key declared twice: ${name}`);
  memoNames.add(name);
  return { name, dependsOn, params };
}
