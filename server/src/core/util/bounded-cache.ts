/**
 * A least-recently-used cache bounded by bytes and by entries. Each entry's cost (an estimate of the
 * bytes it keeps alive: its key, its value) is given when it is set; the cache keeps the sum within
 * `maxBytes` and the count within `maxEntries` by dropping the least recently used entries. An
 * entry that alone costs more than `maxBytes` is not kept (the caller still has its value; with
 * `oversizeForTurn`, `get` still finds it until the current turn's microtasks run). No timers, no
 * background work: everything happens in `get`/`set`/`delete`/`clear` (and that one microtask).
 *
 * Why not the `lru-cache` package (which has `maxSize` + `sizeCalculation`): this is the part of it
 * Dockyard needs in ~60 lines with no new dependency in the shipped bundle, and its accounting
 * (`bytes`) is what the memory tests read.
 */
export interface BoundedCacheOptions {
  /** Upper bound of the summed costs of the entries kept. */
  maxBytes: number;
  /** Upper bound of the number of entries kept. */
  maxEntries: number;
  /**
   * Keep the last entry over `maxBytes` until the current turn ends (a microtask clears it): the
   * callers of one synchronous analysis (every rule of a file) share one parse of a huge file, and
   * nothing keeps it once the analysis is done. Not counted in `bytes`/`size`/`has`; `get` sees it.
   */
  oversizeForTurn?: boolean;
}

export class BoundedCache<K, V> {
  /** Insertion order = recency order (a hit is moved to the end). */
  private readonly entries = new Map<K, { value: V; cost: number }>();
  private total = 0;
  private oversize?: { key: K; value: V };

  constructor(readonly options: BoundedCacheOptions) {
    if (!(options.maxBytes >= 0) || !(options.maxEntries >= 0)) throw new RangeError('BoundedCache: bounds must be non-negative numbers');
  }

  /** The summed costs of the entries kept (never more than `maxBytes`). */
  get bytes(): number {
    return this.total;
  }

  /** How many entries are kept (never more than `maxEntries`). */
  get size(): number {
    return this.entries.size;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** The value, which becomes the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const e = this.entries.get(key);
    if (!e) return this.oversize !== undefined && this.oversize.key === key ? this.oversize.value : undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  /**
   * Keep `value` under `key` (replacing what was there) as the most recently used entry, then drop
   * the least recently used ones until both bounds hold. Returns whether the entry was kept: one
   * costing more than `maxBytes` (or a cache of 0 entries) keeps nothing under `key`.
   */
  set(key: K, value: V, cost: number): boolean {
    if (!(cost >= 0) || !Number.isFinite(cost)) throw new RangeError(`BoundedCache: cost must be a finite non-negative number, got ${cost}`);
    this.delete(key);
    if (cost > this.options.maxBytes || this.options.maxEntries < 1) {
      if (this.options.oversizeForTurn) {
        const slot = (this.oversize = { key, value });
        queueMicrotask(() => {
          if (this.oversize === slot) this.oversize = undefined;
        });
      }
      return false;
    }
    this.entries.set(key, { value, cost });
    this.total += cost;
    for (const [k, e] of this.entries) {
      if (this.total <= this.options.maxBytes && this.entries.size <= this.options.maxEntries) break;
      this.entries.delete(k);
      this.total -= e.cost;
    }
    return true;
  }

  delete(key: K): boolean {
    if (this.oversize !== undefined && this.oversize.key === key) this.oversize = undefined;
    const e = this.entries.get(key);
    if (!e) return false;
    this.entries.delete(key);
    this.total -= e.cost;
    return true;
  }

  clear(): void {
    this.oversize = undefined;
    this.entries.clear();
    this.total = 0;
  }
}
