// API tokens remember when they were last used (null until first use), so that admins can tell live tokens from
// forgotten ones before revoking.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Nullable, no backfill: a token used before the upgrade is shown as not used yet until its next use.
  await db.schema.alterTable('api_token').addColumn('last_used_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_token').dropColumn('last_used_at').execute();
}
