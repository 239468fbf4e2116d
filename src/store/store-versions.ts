// The versions a server's kept answers are checked against, read together in one statement: the published knowledge
// base's (`meta.kb_version`, moved by a re-seed or a published change), the sign-in lookups' (`auth_version`, moved by
// triggers: migration 0097), the incident list's (`incident_version`, migrations 0095 and 0096, moved too by writes of exchange records: 0102) and the sanctions
// register's (its imports: every import, even of an unchanged annex, adds a row, and none is ever removed).
import { sql, type CompiledQuery } from 'kysely';
import type { Db } from './db';

export interface StoreVersions {
  /** The published knowledge base's version; none before the first seed. */
  kb: string | undefined;
  auth: number;
  incident: number;
  /** The sanctions register's imports, counted, and the last one's id: moved by every import (none before the first). */
  sanctions: string;
}

type Row = { kb: string | null; auth: number | string | null; incident: number | string | null; sanctions_count: number | string | null; sanctions_last: string | null };
const compiled = new WeakMap<Db, CompiledQuery<Row>>();

export async function storeVersions(db: Db): Promise<StoreVersions> {
  let query = compiled.get(db);
  if (!query) {
    query = sql<Row>`SELECT (SELECT value FROM meta WHERE key = 'kb_version') AS kb, (SELECT version FROM auth_version WHERE id = 1) AS auth, (SELECT version FROM incident_version WHERE id = 1) AS incident, (SELECT count(*) FROM sanctions_import) AS sanctions_count, (SELECT max(id) FROM sanctions_import) AS sanctions_last`.compile(db);
    compiled.set(db, query);
  }
  const row = (await db.executeQuery(query)).rows[0];
  return { kb: row?.kb ?? undefined, auth: Number(row?.auth ?? -1), incident: Number(row?.incident ?? -1), sanctions: `${Number(row?.sanctions_count ?? 0)}:${row?.sanctions_last ?? ''}` };
}
