import { LRUCache } from 'lru-cache';

export interface TtlCacheOptions<V> {
  /** Keep at most this many bytes (as sizeOf counts them) besides at most maxEntries keys. */
  maxBytes?: number;
  sizeOf?: (value: V) => number;
  /**
   * After the TTL, a value may still be served for this long while one reload runs in the background,
   * so a popular entry that expires does not send every reader to the database at once.
   */
  staleMs?: number;
}

interface Entry<V> {
  value: Promise<V>;
  loadedAt: number;
  refreshing: boolean;
  /** The value once loaded (for deleteWhere). */
  settled?: { value: V };
}

/**
 * A small per-instance cache for read-mostly data shown on public pages. Other instances see a change
 * within ttlMs (plus staleMs when set); the instance that made it calls clear() at once. At most
 * maxEntries keys (and maxBytes) are kept, the least recently used going first, so caches keyed by URL
 * or query stay bounded in memory. Concurrent readers of a missing key share one load.
 */
export class TtlCache<V> {
  private readonly entries: LRUCache<string, Entry<V>>;
  private readonly staleMs: number;
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    maxEntries = 1_000,
    private readonly options: TtlCacheOptions<V> = {},
  ) {
    this.staleMs = options.staleMs ?? 0;
    this.entries = new LRUCache<string, Entry<V>>({
      max: maxEntries,
      ttl: ttlMs + this.staleMs,
      ...(options.maxBytes ? { maxSize: options.maxBytes, sizeCalculation: () => 1 } : {}),
    });
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit) {
      if (Date.now() - hit.loadedAt <= this.ttlMs) return hit.value;
      if (!hit.refreshing) {
        hit.refreshing = true;
        // Serve the old value now; the next readers get the new one once it has loaded.
        this.start(key, load).value.catch(() => undefined);
      }
      return hit.value;
    }
    return this.start(key, load).value;
  }

  private start(key: string, load: () => Promise<V>): Entry<V> {
    const generation = this.generation;
    const entry: Entry<V> = { value: load(), loadedAt: Date.now(), refreshing: false };
    const previous = this.entries.get(key);
    // A first load is visible to concurrent readers at once; a refresh replaces the old value only when done.
    if (!previous) this.set(key, entry, 1);
    entry.value.then(
      (value) => {
        entry.settled = { value };
        if (generation !== this.generation) return; // cleared meanwhile: this value may be outdated
        const current = this.entries.peek(key);
        if (current === entry || current === previous) this.set(key, entry, this.options.sizeOf?.(value) ?? 1);
      },
      () => {
        if (this.entries.peek(key) === entry) this.entries.delete(key);
        else if (previous) previous.refreshing = false;
      },
    );
    return entry;
  }

  private set(key: string, entry: Entry<V>, size: number): void {
    this.entries.set(key, entry, this.options.maxBytes ? { size: Math.max(1, Math.min(size, this.options.maxBytes)) } : {});
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes held, as sizeOf counts them (0 without maxBytes). */
  get bytes(): number {
    return this.entries.calculatedSize ?? 0;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  /**
   * Drops the entries whose loaded value `drop` accepts, and those still loading (their value may be
   * outdated); loads under way are not stored. The others stay: a change that concerns a few keys
   * does not empty the cache.
   */
  deleteWhere(drop: (value: V) => boolean): number {
    this.generation++;
    let n = 0;
    for (const [key, entry] of this.entries.entries()) {
      if (!entry.settled || drop(entry.settled.value)) {
        this.entries.delete(key);
        n++;
      }
    }
    return n;
  }
}
