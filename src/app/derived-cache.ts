// Derived views of the knowledge base (assessments, the network, the matrix, timelines, comparisons, gaps) depend
// only on the dataset version, the as-of date and the rule files (weights, gaps, network). They are computed once
// per such key and kept in a bounded LRU cache. The dataset version is read from the database on every request,
// so a re-seed or a curated change made by any process (several servers on one PostgreSQL database) changes the
// key and no stale view is served; the rule files' key is their content digest.
import { LRUCache } from 'lru-cache';

/** Views kept at most; a view of the full assessment is a few hundred kilobytes. */
const MAX_VIEWS = 512;

export class DerivedCache {
  private readonly views = new LRUCache<string, { value: unknown }>({ max: MAX_VIEWS });
  hits = 0;
  misses = 0;

  /**
   * The view under `key` (its parts joined), computed by `compute` on a miss. The value is shared between callers:
   * views are plain data that no caller mutates (presenters copy what they change).
   */
  async get<T>(parts: readonly (string | number | undefined | null)[], compute: () => Promise<T> | T): Promise<T> {
    const key = parts.map((p) => (p === undefined || p === null ? '' : String(p))).join('\u0000');
    const found = this.views.get(key);
    if (found) {
      this.hits++;
      return found.value as T;
    }
    this.misses++;
    const value = await compute();
    this.views.set(key, { value });
    return value;
  }

  clear(): void {
    this.views.clear();
  }

  get size(): number {
    return this.views.size;
  }
}
