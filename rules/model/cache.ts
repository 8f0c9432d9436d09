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
