// Security hardening: each incident version keeps the marking it had; the audit head carries a keyed MAC and the
// first entry chained under the key; API tokens have a scope and (when minted by another token) a parent.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Null for versions written before this migration: they are shown under the record's current marking.
  await db.schema.alterTable('incident_history').addColumn('marking', 'text').execute();
  // Null until a server with CYBERDIPLO_AUDIT_KEY first opens the database (it then adopts the unkeyed entries).
  await db.schema.alterTable('audit_head').addColumn('keyed_from', 'integer').execute();
  await db.schema.alterTable('audit_head').addColumn('mac', 'text').execute();
  await db.schema.alterTable('api_token').addColumn('scope', 'text', (c) => c.notNull().defaultTo('read-write')).execute();
  await db.schema.alterTable('api_token').addColumn('parent_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_token').dropColumn('parent_id').execute();
  await db.schema.alterTable('api_token').dropColumn('scope').execute();
  await db.schema.alterTable('audit_head').dropColumn('mac').execute();
  await db.schema.alterTable('audit_head').dropColumn('keyed_from').execute();
  await db.schema.alterTable('incident_history').dropColumn('marking').execute();
}
