// Sign-in lookups (a session cookie's or an API token's row joined with its account) kept between requests. Each is
// kept with the auth version it was read at (migration 0097: every write that could change such an answer moves it,
// in its own transaction, on whichever server) and served only while the database still holds that version, read
// once per turn of the event loop after the request asked, together with the knowledge base's (version-reads.ts).
// So a sign-out, a disabled account, a new role or organisation, a password change or a revoked token is seen by the
// very next request on every server. A lookup that found nothing is never kept: a new session or token needs no
// version move.
import { LRUCache } from 'lru-cache';

/** Lookups kept at most per kind (sessions, tokens); each is a few hundred bytes. */
const MAX_KEPT = 5000;

export class AuthLookups<T extends object> {
  private readonly kept: LRUCache<string, { value: T; version: number }>;

  constructor(max = MAX_KEPT) {
    this.kept = new LRUCache({ max });
  }

  /** The value kept under `key` if it was read at `version`, the database's current one; else nothing. */
  get(key: string, version: number): T | undefined {
    const found = this.kept.get(key);
    if (!found) return undefined;
    if (found.version === version) return found.value;
    this.kept.delete(key);
    return undefined;
  }

  /** Keeps a lookup read after the database was seen at `version` (the version read first, the row after it). */
  set(key: string, value: T, version: number): void {
    this.kept.set(key, { value, version });
  }

  drop(key: string): void {
    this.kept.delete(key);
  }

  get size(): number {
    return this.kept.size;
  }
}
