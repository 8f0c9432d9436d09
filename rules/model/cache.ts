/**
 * Caches that outlive one check: an editor re-checks the same lines on every keystroke, so per-line work
 * (normalisation, word segmentation) is kept by text. Bounded, and all registered here so a benchmark can measure
 * a cold check honestly (clearCaches) and tests stay independent.
 */

export interface TextCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  clear(): void;
  readonly size: number;
}

const registry: TextCache<unknown>[] = [];

/** A cache by text of at most `max` entries; when full it starts again (cheap, and old lines are rarely needed). */
export function textCache<V>(max: number): TextCache<V> {
  const map = new Map<string, V>();
  const cache: TextCache<V> = {
    get: (key) => map.get(key),
    set(key, value) {
      if (map.size >= max) map.clear();
      map.set(key, value);
    },
    clear: () => map.clear(),
    get size() {
      return map.size;
    },
  };
  registry.push(cache as TextCache<unknown>);
  return cache;
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
}

/**
 * A cache whose key is a record of everything the value depends on (text, report year, offsets…), so the key's
 * type says what a cached value would go stale with. The fields are joined in the order declared, by a separator
 * no report contains.
 */
export function keyedCache<K extends Record<string, KeyPart>, V>(max: number, fields: readonly (keyof K & string)[]): KeyedCache<K, V> {
  const cache = textCache<V>(max);
  const flat = (key: K) => fields.map((f) => String(key[f])).join('\u0001');
  return {
    get: (key) => cache.get(flat(key)),
    set: (key, value) => cache.set(flat(key), value),
  };
}
