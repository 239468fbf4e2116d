// A database a newer version of the workbench has migrated is refused with what happened and what to do, on every
// dialect, instead of Kysely's "corrupted migrations" under an internal error.
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { connectDatabase, migrateDatabase } from '../../src/store/db';
import { dialects, freshDatabase } from './harness';

describe.each(dialects)('a database migrated by a newer version on %s', (dialect) => {
  it('is refused naming the migration this version does not know', async () => {
    const target = await freshDatabase(dialect);
    const db = await connectDatabase(target.target);
    try {
      await migrateDatabase(db);
      await migrateDatabase(db); // up to date: nothing to do, no error
      await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-a-later-version', '2030-01-01T00:00:00.000Z')`.execute(db);
      await expect(migrateDatabase(db)).rejects.toMatchObject({
        code: 'conflict',
        message: 'This database was upgraded by a newer version of cyberdiplo (it has migration 9999-from-a-later-version, which this version does not know): run that version, or restore a backup made with this one',
      });
    } finally {
      await db.destroy();
      await target.drop();
    }
  });
});
