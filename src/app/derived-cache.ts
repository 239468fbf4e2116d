// Derived views of the knowledge base (assessments, the network, the matrix, timelines, comparisons, gaps) depend
// only on the dataset version, the as-of date and the rule files (weights, gaps, network). They are computed once
// per such key and kept in a bounded LRU cache. The dataset version is read from the database for every request (one
// read serving every request that arrived before it was sent: version-reads.ts), so a
// re-seed or a curated change made by any process (several servers on one PostgreSQL database) changes the key and no
// stale view is served; the rule files' key is their content digest.
import { LRUCache } from 'lru-cache';

/** Views kept at most; a view of the full assessment is a few hundred kilobytes. */
const MAX_VIEWS = 512;
/**
 * Size kept at most, counted as the length of the views' JSON text, or for a view kept in another form (the server's
 * compressed answer) as that form's bytes: views of a world-scale knowledge base are tens of times larger than the ten
 * partners', so a count alone would let the cache hold hundreds of megabytes.
 */
const MAX_SIZE = 32 * 1024 * 1024;
/** Counted for a view whose JSON text cannot be made (none is expected: views are plain data). */
const UNMEASURED_SIZE = 256 * 1024;

/** The length of a view's JSON text, the cache's measure of its size (at least 1, as the cache requires). */
export function viewSize(value: unknown): number {
  try {
    return Math.max(1, JSON.stringify(value)?.length ?? 1);
  } catch {
    return UNMEASURED_SIZE;
  }
}

export interface GetOptions<T> {
  /** Whether the computed view may be kept, asked after it is computed (by default it is). */
  keep?: () => Promise<boolean> | boolean;
  /** The view's size in the bound (by default viewSize). */
  size?: (value: T) => number;
}

export class DerivedCache {
  private readonly views: LRUCache<string, { value: unknown; size: number }>;
  /** Views being computed, so that simultaneous misses compute once. */
  private readonly pending = new Map<string, Promise<unknown>>();
  hits = 0;
  misses = 0;

  /** `maxSize`: see MAX_SIZE; a view larger than it is answered but not kept. */
  constructor(opts: { maxViews?: number; maxSize?: number } = {}) {
    this.views = new LRUCache({ max: opts.maxViews ?? MAX_VIEWS, maxSize: opts.maxSize ?? MAX_SIZE, sizeCalculation: (entry) => entry.size });
  }

  /**
   * The view under `key` (its parts joined), computed by `compute` on a miss; callers asking for a view being computed
   * wait for that computation. The computed view is kept only if `opts.keep` (when given) still says so afterwards. The
   * value is shared between callers: views are plain data that no caller mutates (presenters copy what they change).
   */
  async get<T>(parts: readonly (string | number | undefined | null)[], compute: () => Promise<T> | T, opts: GetOptions<T> = {}): Promise<T> {
    const { keep, size = viewSize } = opts;
    const key = parts.map((p) => (p === undefined || p === null ? '' : String(p))).join('\u0000');
    const found = this.views.get(key);
    if (found) {
      this.hits++;
      return found.value as T;
    }
    const running = this.pending.get(key);
    if (running) {
      this.hits++;
      return running as Promise<T>;
    }
    this.misses++;
    const computing = (async () => {
      const value = await compute();
      if (!keep || (await keep())) this.views.set(key, { value, size: Math.max(1, size(value)) });
      return value;
    })();
    this.pending.set(key, computing);
    try {
      return await computing;
    } finally {
      this.pending.delete(key);
    }
  }

  clear(): void {
    this.views.clear();
  }

  get size(): number {
    return this.views.size;
  }

  /** The kept views' total size (see viewSize). */
  get calculatedSize(): number {
    return this.views.calculatedSize;
  }
}
