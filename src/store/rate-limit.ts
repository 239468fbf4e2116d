// Fixed-window counters in the database, so that every server process counts the same attempts.
import type { Db } from './db';

export class RateLimits {
  constructor(private readonly db: Db) {}

  /** Attempts counted under `key` in the window that started at `windowStart` or later. */
  async count(key: string, windowStart: string): Promise<number> {
    const r = await this.db.selectFrom('rate_limit').select(['count', 'window_start']).where('key', '=', key).executeTakeFirst();
    return r && r.window_start >= windowStart ? r.count : 0;
  }

  /** Counts one attempt, atomically; a counter from an older window starts again at 1. */
  async hit(key: string, now: string, windowStart: string): Promise<number> {
    const r = await this.db
      .insertInto('rate_limit')
      .values({ key, window_start: now, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          count: eb.case().when('rate_limit.window_start', '<', windowStart).then(1).else(eb('rate_limit.count', '+', 1)).end(),
          window_start: eb.case().when('rate_limit.window_start', '<', windowStart).then(now).else(eb.ref('rate_limit.window_start')).end(),
        })),
      )
      .returning('count')
      .executeTakeFirstOrThrow();
    return r.count;
  }

  /** Gives back one attempt counted under `key` (never below zero). */
  async release(key: string): Promise<void> {
    await this.db
      .updateTable('rate_limit')
      .set((eb) => ({ count: eb('count', '-', 1) }))
      .where('key', '=', key)
      .where('count', '>', 0)
      .execute();
  }

  async reset(key: string): Promise<void> {
    await this.db.deleteFrom('rate_limit').where('key', '=', key).execute();
  }
}
