// Multi-row INSERT statements compiled here, for the writes of many rows at once (imports and their audit entries):
// through the query builder, thousands of values cost more to build than to insert. Table and column names come
// from the callers' constants, never from input; values are always bound parameters.
import { CompiledQuery } from 'kysely';
import { dialectOf, type Db } from './db';

/**
 * Rows per statement so that one statement binds at most 30,000 values: under SQLite's limit (32,766 since 3.32)
 * and PostgreSQL's (65,535), with statements short enough to prepare quickly.
 */
export function rowsPerStatement(columns: number, cap = 500): number {
  return Math.max(1, Math.min(cap, Math.floor(30_000 / columns)));
}

export async function insertRows<R extends object>(
  db: Db,
  table: string,
  rows: readonly R[],
  columns: readonly (keyof R & string)[],
  upsert?: { key: string; update: readonly (keyof R & string)[] },
): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const q = (name: string) => `"${name}"`;
  const head = `INSERT INTO ${q(table)} (${columns.map(q).join(', ')}) VALUES `;
  const tail = upsert ? ` ON CONFLICT (${q(upsert.key)}) DO UPDATE SET ${upsert.update.map((c) => `${q(c)} = excluded.${q(c)}`).join(', ')}` : '';
  const size = rowsPerStatement(columns.length);
  for (let i = 0; i < rows.length; i += size) {
    const params: unknown[] = [];
    const tuples = rows.slice(i, i + size).map((r) => `(${columns.map((c) => (params.push(r[c]), pg ? `$${params.length}` : '?')).join(', ')})`);
    await db.executeQuery(CompiledQuery.raw(head + tuples.join(', ') + tail, params));
  }
}
