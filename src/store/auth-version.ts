// The version of what sign-in lookups resolve to (sessions, API tokens, accounts), moved by triggers in every writing
// transaction that could change such an answer (migration 0097).
import { sql } from 'kysely';
import type { Db } from './db';

export async function authVersion(db: Db): Promise<number> {
  const r = await sql<{ version: number | string }>`SELECT version FROM auth_version WHERE id = 1`.execute(db);
  return Number(r.rows[0]?.version ?? -1);
}
