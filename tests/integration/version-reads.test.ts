// The store's versions read together (src/app/version-reads.ts, src/store/store-versions.ts), on every dialect: the
// sign-in lookups' and the knowledge base's version asked in one turn of the event loop cost one statement, each is
// the value its own read gives, and a change made after a turn's read is seen by the next turn's.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VersionReads } from '../../src/app/version-reads';
import { storeVersions } from '../../src/store/store-versions';
import { dialects, startHarness, type Harness } from './harness';

describe.each(dialects)('the store versions read together on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, dialect);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('serves the askers of both versions in one turn with one read, each equal to its own read', async () => {
    const reads = new VersionReads(h.wb.db);
    const [auth, kb, again] = await Promise.all([reads.auth(), reads.kb(), reads.auth()]);
    expect(reads.count).toBe(1);
    expect(auth).toBe((await storeVersions(h.wb.db)).auth);
    expect(again).toBe(auth);
    expect(kb).toBe((await h.wb.kb.version()) ?? 'empty');
    expect(kb).not.toBe('empty');
  });

  it('sees a change made after the last read at the next ask, for each version', async () => {
    const reads = new VersionReads(h.wb.db);
    const auth = await reads.auth();
    const kb = await reads.kb();
    await sql`UPDATE auth_version SET version = version + 1 WHERE id = 1`.execute(h.wb.db);
    expect(await reads.auth()).toBe(auth + 1);
    expect(await reads.kb()).toBe(kb);
    await sql`UPDATE meta SET value = ${'moved-' + kb} WHERE key = 'kb_version'`.execute(h.wb.db);
    expect(await reads.kb()).toBe('moved-' + kb);
    expect(await reads.auth()).toBe(auth + 1);
    expect(reads.count).toBe(6);
    await sql`UPDATE meta SET value = ${kb} WHERE key = 'kb_version'`.execute(h.wb.db);
  });

  it('is the one the workbench shares between sign-in and the derived views', () => {
    expect(h.wb.versions).toBeInstanceOf(VersionReads);
    expect((h.wb.auth as unknown as { versions: unknown }).versions).toBe(h.wb.versions);
  });
});
