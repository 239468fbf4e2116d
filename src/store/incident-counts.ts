// The incident list's total, kept between requests. An exact count under TLP reads a marking per counted row (at
// 100,000 incidents ~90 ms of CPU on SQLite for every page a signed-in reader asks for); the answer changes only
// when an incident, a marking, a grant or an import link is written, and every such write moves the database's
// incident version in its own transaction (triggers of migration 0095). A count is kept under the version it was
// counted at and served only while the database still holds that version, so any process's write is seen at once.
// A write of one incident by this process, which alone moved the version from the one the counts are kept at, carries
// them to its new version by what it changed (`carry`); any other move (another process, an import) drops them.
import { sql } from 'kysely';
import { clearanceKey, type Clearance } from '../core/marking/clearance';
import { listedBeforeAfter, type IncidentChange, type IncidentFilter } from '../core/toolbox/incident-listing';
import type { Db } from './db';

/** The version of what incident counts depend on (moved by every write of incidents, markings, grants, links). */
export async function incidentVersion(db: Db): Promise<number> {
  const r = await sql<{ version: number | string }>`SELECT version FROM incident_version WHERE id = 1`.execute(db);
  return Number(r.rows[0]?.version ?? -1);
}

/**
 * Moves the version, as a write of an incident does; in a transaction that locks an incident before writing it, first,
 * so that it waits for the version's lock before holding the incident's (migration 0095). Returns the version before
 * the move: the one the last committed write left.
 */
export async function moveIncidentVersion(trx: Db): Promise<number> {
  await sql`UPDATE incident_version SET version = version + 1 WHERE id = 1`.execute(trx);
  // The transaction holds the version's lock from here to its end: no other write moves it in between.
  return (await incidentVersion(trx)) - 1;
}

/**
 * For a large write in `trx` (an import): moves the version once and switches its triggers off (migration 0096), so
 * that the thousands of rows written do not move it one by one; `release` switches them back on and must run in the
 * same transaction before it commits. Called first in the transaction, so that on PostgreSQL it takes the version's
 * lock before any row lock, as the triggers did. The one move commits with the rows or rolls back with them.
 */
export async function holdIncidentVersion(trx: Db): Promise<{ release(): Promise<void> }> {
  await sql`UPDATE incident_version SET version = version + 1, live = 0 WHERE id = 1`.execute(trx);
  return {
    release: async () => {
      await sql`UPDATE incident_version SET live = 1 WHERE id = 1`.execute(trx);
    },
  };
}

/**
 * What a count depends on besides the stored rows: the reader's clearance (levels, organisation, username: RED
 * records count for their recipients) and the list's filters.
 */
export function countKey(c: Clearance, filter: IncidentFilter): string {
  return JSON.stringify([clearanceKey(c), filter.category ?? null, filter.ongoing ?? null, filter.q ?? null]);
}

interface KeptCount {
  clearance: Clearance;
  filter: IncidentFilter;
  n: number;
}

export class IncidentCounts {
  private version: number | undefined;
  private readonly kept = new Map<string, KeptCount>();

  /**
   * `limit`: counts kept at most (the oldest goes first); all of them go when the version moves, unless carried.
   * `writes`: this process's incident writes, whose carries a reading of a newer version waits for.
   */
  constructor(
    private readonly writes: IncidentChanges,
    private readonly limit = 1000,
  ) {}

  /**
   * The count of `filter` for clearance `c`: the kept one if the database is still at the version it was counted at,
   * else `count()`'s. A fresh count is kept only if the version was the same before and after it: then no write
   * committed in between (the version only grows), and the count saw exactly that version's rows.
   */
  async count(db: Db, c: Clearance, filter: IncidentFilter, count: () => Promise<number>): Promise<number> {
    const key = countKey(c, filter);
    const before = await incidentVersion(db);
    if (before !== this.version) await this.writes.settled();
    if (before === this.version) {
      const kept = this.kept.get(key);
      if (kept !== undefined) return kept.n;
    }
    const n = await count();
    if ((await incidentVersion(db)) !== before) return n;
    if (this.version !== before) {
      this.kept.clear();
      this.version = before;
    }
    this.kept.set(key, { clearance: c, filter: { category: filter.category, ongoing: filter.ongoing, q: filter.q }, n });
    if (this.kept.size > this.limit) this.kept.delete(this.kept.keys().next().value as string);
    return n;
  }

  /**
   * After a write of one incident by this process, committed: the counts kept at the version it moved from are those
   * at the version it moved to, each moved by the incident leaving or entering its list (listedBeforeAfter); one that
   * cannot be told is dropped. Counts kept at any other version are left as they are (the next request counts again).
   */
  carry(change: IncidentChange): void {
    if (this.version !== change.from) return;
    for (const [key, kept] of this.kept) {
      const moved = listedBeforeAfter(kept.clearance, kept.filter, change);
      if (moved === undefined) this.kept.delete(key);
      else kept.n += Number(moved.after) - Number(moved.before);
    }
    this.version = change.to;
  }
}

/**
 * Those told of each incident write this process commits (incident-repository.ts), in the order they commit, and the
 * writes under way: a reader that reads a version newer than what it keeps waits for them (`settled`), so that a
 * write's carry is not lost to a reader that saw its commit before the writer's code ran again.
 */
export class IncidentChanges {
  private readonly listeners: ((change: IncidentChange) => void)[] = [];
  /** The writes under way, each a promise resolved when it ends. */
  private readonly running = new Set<Promise<void>>();

  /** A write begins; the function returned ends it (after its carry, or its failure). */
  begin(): () => void {
    let end = () => {};
    const done = new Promise<void>((resolve) => (end = resolve));
    this.running.add(done);
    return () => {
      this.running.delete(done);
      end();
    };
  }

  /** Resolves when the writes of this process under way now have ended (at once if there are none). */
  async settled(): Promise<void> {
    if (this.running.size) await Promise.all(this.running);
  }

  listen(listener: (change: IncidentChange) => void): void {
    this.listeners.push(listener);
  }

  tell(change: IncidentChange): void {
    for (const l of this.listeners) l(change);
  }
}
