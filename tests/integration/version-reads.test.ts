// The store's versions read together (src/app/version-reads.ts, src/store/store-versions.ts), on every dialect: the
// sign-in lookups', the knowledge base's and the incident list's version asked in one turn of the event loop cost one
// statement, each is the value its own read gives, and a change made after a turn's read is seen by the next turn's.
// A request stamped on arrival shares any read sent after it arrived, and never one sent before.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrivalStamp, VersionReads } from '../../src/app/version-reads';
import { incidentVersion } from '../../src/store/incident-counts';
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
    const [auth, kb, again, incident] = await Promise.all([reads.auth(), reads.kb(), reads.auth(), reads.incident()]);
    expect(reads.count).toBe(1);
    expect(auth).toBe((await storeVersions(h.wb.db)).auth);
    expect(again).toBe(auth);
    expect(kb).toBe((await h.wb.kb.version()) ?? 'empty');
    expect(kb).not.toBe('empty');
    expect(incident).toBe(await incidentVersion(h.wb.db));
  });

  it('answers the requests that arrived before a read was sent from it, and sends another for those after it', async () => {
    const reads = new VersionReads(h.wb.db);
    const early = arrivalStamp();
    const auth = await reads.auth(early);
    const incident = await reads.incident(early);
    await sql`UPDATE auth_version SET version = version + 1 WHERE id = 1`.execute(h.wb.db);
    await sql`UPDATE incident_version SET version = version + 1 WHERE id = 1`.execute(h.wb.db);
    // Arrived before the read was sent, and so before the changes: the read answers it at every step.
    expect(await reads.auth(early)).toBe(auth);
    expect(await reads.incident(early)).toBe(incident);
    expect(reads.count).toBe(1);
    // Arrived after the changes were committed: a read sent after it, which sees them, at each step.
    const late = arrivalStamp();
    expect(await reads.auth(late)).toBe(auth + 1);
    expect(await reads.incident(late)).toBe(incident + 1);
    expect(reads.count).toBe(2);
    // Without a stamp, a read sent after the ask.
    expect(await reads.auth()).toBe(auth + 1);
    expect(reads.count).toBe(3);
  });

  it('shares a read under way with the requests that arrived before it was sent, and waits for it before the next', async () => {
    const reads = new VersionReads(h.wb.db);
    const early = arrivalStamp();
    const first = reads.auth(early);
    // The read is sent at the next turn; a request that arrived before it shares it while it is under way.
    await new Promise((r) => setImmediate(r));
    const joined = reads.auth(early);
    const late = arrivalStamp();
    const next = reads.auth(late);
    expect(await joined).toBe(await first);
    await next;
    expect(reads.count).toBe(2);
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
