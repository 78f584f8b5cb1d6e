// The public position pages' cache; its version is the events' search version (readSearchVersion).
/** An in-process cache keyed by (version, key); older versions leave by eviction only. */
export type VersionedCache<T> = {
  /** The value for key at this version: cached, joined to a load already running, or loaded now. */
  get(version: string, key: string, load: () => Promise<T>): Promise<T>;
  size(): number;
};

/**
 * Answers of the public position pages per (search version, request). At registration peaks tens of
 * thousands of candidates read the same few pages, and they only change when positions are published:
 * the version comes from the database on every request, so no instance serves a page older than the
 * last committed publication, and the TTL bounds writers that change a position without publishing.
 * Concurrent misses of one key share a single load, so a publication does not stampede the database.
 */
export function createVersionedCache<T>(options: {
  maxEntries: number;
  ttlMs: number;
  now?: () => number;
}): VersionedCache<T> {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: T; at: number }>();
  const loading = new Map<string, Promise<T>>();
  return {
    async get(version, key, load) {
      const fullKey = `${version}|${key}`;
      const hit = entries.get(fullKey);
      if (hit && now() - hit.at < options.ttlMs) {
        // Re-insert so the map's order is least-recently used first.
        entries.delete(fullKey);
        entries.set(fullKey, hit);
        return hit.value;
      }
      // A load already running for this key is shared, not repeated.
      const running = loading.get(fullKey);
      if (running) return running;
      const promise = load()
        .then((value) => {
          // Map iteration order is insertion order: the first key is the least recently used one.
          if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value!);
          entries.set(fullKey, { value, at: now() });
          return value;
        })
        // A failed load is not cached: the next request tries again.
        .finally(() => loading.delete(fullKey));
      loading.set(fullKey, promise);
      return promise;
    },
    size: () => entries.size,
  };
}
