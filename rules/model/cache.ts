/**
 * Caches that outlive one check: an editor re-checks the same lines on every keystroke, so per-line work
 * (normalisation, word segmentation) is kept by text. Bounded, and all registered here so a benchmark can measure
 * a cold check honestly (clearCaches) and tests stay independent.
 */

export interface TextCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  clear(): void;
  /** hold at least `entries` from now on (a large document's lines or findings): the capacity grows, never shrinks */
  reserve(entries: number): void;
  readonly size: number;
}

const registry: TextCache<unknown>[] = [];
/** the caches kept per line or block of a document: sizeCachesFor() grows them with the document checked */
const byDocument: TextCache<unknown>[] = [];

/**
 * A cache by text of at least `max` entries (more once reserved for a large document). When full the oldest entry
 * goes, not all of them: an editor re-check then keeps every unchanged line's entry (emptying it would make the
 * next keystroke a cold check of the whole document).
 */
export function textCache<V>(max: number, perLine = false): TextCache<V> {
  const cache = new BoundedCache<V>(max);
  registry.push(cache as TextCache<unknown>);
  if (perLine) byDocument.push(cache as TextCache<unknown>);
  return cache;
}

/**
 * textCache's cache: a class, not an object literal with a `get size()` — V8 keeps such a literal in dictionary mode,
 * and get and set are called for every line, block and finding of every check.
 */
class BoundedCache<V> implements TextCache<V> {
  readonly #map = new Map<string, V>();
  #cap: number;

  constructor(max: number) {
    this.#cap = max;
  }

  get(key: string): V | undefined {
    return this.#map.get(key);
  }

  set(key: string, value: V): void {
    const map = this.#map;
    if (map.size >= this.#cap && !map.has(key)) map.delete(map.keys().next().value as string);
    map.set(key, value);
  }

  clear(): void {
    this.#map.clear();
  }

  reserve(entries: number): void {
    if (entries > this.#cap) this.#cap = entries;
  }

  get size(): number {
    return this.#map.size;
  }
}

/**
 * Room in every per-line cache for a document of `lines` lines, twice over (its lines as they are and as the
 * keystrokes before left them): a large document's unchanged lines stay cached between keystrokes.
 */
export function sizeCachesFor(lines: number): void {
  for (const c of byDocument) c.reserve(lines * 2);
}

/** Empty every cross-check cache (a cold check). */
export function clearCaches(): void {
  for (const c of registry) c.clear();
}

/** A value a cache key is made of. */
export type KeyPart = string | number | null;

export interface KeyedCache<K extends Record<string, KeyPart>, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  reserve(entries: number): void;
}

/**
 * A cache whose key is a record of everything the value depends on (text, report year, offsets…), so the key's
 * type says what a cached value would go stale with. The fields are joined in the order declared, by a separator
 * no report contains.
 */
export function keyedCache<K extends Record<string, KeyPart>, V>(max: number, fields: readonly (keyof K & string)[], perLine = false): KeyedCache<K, V> {
  const cache = textCache<V>(max, perLine);
  const flat = (key: K) => fields.map((f) => String(key[f])).join('\u0001');
  return {
    get: (key) => cache.get(flat(key)),
    set: (key, value) => cache.set(flat(key), value),
    reserve: (entries) => cache.reserve(entries),
  };
}
