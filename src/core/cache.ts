import { LRUCache } from 'lru-cache';

/**
 * A small per-instance cache for read-mostly data shown on public pages. Other instances see a change
 * within ttlMs; the instance that made it calls clear() at once. At most maxEntries keys are kept (the
 * least recently used go first), so caches keyed by URL or query stay bounded in memory.
 */
export class TtlCache<V> {
  private readonly entries: LRUCache<string, { value: Promise<V> }>;

  constructor(ttlMs: number, maxEntries = 1_000) {
    this.entries = new LRUCache({ max: maxEntries, ttl: ttlMs });
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit) return hit.value;
    const entry = { value: load() };
    this.entries.set(key, entry);
    // A failed load is not kept (the next reader tries again), unless a newer load replaced it.
    entry.value.catch(() => {
      if (this.entries.peek(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
