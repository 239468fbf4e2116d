// Opening the database: a connection or file error says which database could not be opened (never "migration
// failed", never a password); a migration that fails on SQLite leaves nothing half-applied.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db';
import { tempDir } from './harness';

describe('opening the database', () => {
  it('names the SQLite file it cannot open', async () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    const target = path.join(blocker, 'cyberdiplo.db');
    const error = await openDatabase(target).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toMatch(new RegExp(`^Cannot open the SQLite database file ${target.replace(/[./]/g, '\\$&')}: `));
    expect(error?.message).not.toMatch(/migration/i);
  });

  it('names the PostgreSQL server it cannot reach, with the password hidden, not as a failed migration', async () => {
    const error = await openDatabase('postgres://someone:s3cret-pw@127.0.0.1:1/cyberdiplo').then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toMatch(/^Cannot connect to postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/cyberdiplo: /);
    expect(error?.message).not.toContain('s3cret-pw');
    expect(error?.message).not.toMatch(/migration/i);
  });
});
