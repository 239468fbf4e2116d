// Security (audit trail anchored with a key): someone with write access to the database but without the server's
// CYBERDIPLO_AUDIT_KEY can neither rewrite entries and recompute the chain nor cut the trail's end unnoticed; hashes
// shown beside withheld content cannot be used to confirm a guess of that content.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench } from '../../src/app/workbench';
import { ConfigError, readConfig } from '../../src/config';
import { GENESIS_HASH, chainHash, type AuditEntry } from '../../src/core/audit/chain';
import { dialectOf, type Db } from '../../src/store/db';
import { TEST_AUDIT_KEY, dialects, freshDatabase, startHarness, teamConfig, testConfig, type Harness } from './harness';
import { addUser, call, incident, type Client } from './team';

const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');

/** What an attacker with database access does first: lift the append-only triggers. */
async function liftTriggers(db: Db): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(db);
  else {
    await sql`DROP TRIGGER IF EXISTS audit_log_no_update`.execute(db);
    await sql`DROP TRIGGER IF EXISTS audit_log_no_delete`.execute(db);
  }
}

type Row = { seq: number; at: string; actor: string; actor_org: string | null; action: string; target_type: string; target_id: string; before: string | null; after: string | null; prev_hash: string; hash: string };
const entryOf = (r: Row): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  actorOrg: r.actor_org,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  before: r.before === null ? null : (JSON.parse(r.before) as unknown),
  after: r.after === null ? null : (JSON.parse(r.after) as unknown),
});

/** Recomputes every link with plain SHA-256 (all an attacker without the key can do) and points the head at the end. */
async function rechain(db: Db, opts: { clearKey: boolean }): Promise<void> {
  const rows = (await db.selectFrom('audit_log').selectAll().orderBy('seq').execute()) as Row[];
  let prev = GENESIS_HASH;
  for (const r of rows) {
    const hash = chainHash(sha256, prev, entryOf(r));
    await db.updateTable('audit_log').set({ prev_hash: prev, hash }).where('seq', '=', r.seq).execute();
    prev = hash;
  }
  await db
    .updateTable('audit_head')
    .set({ seq: rows.length, hash: prev, ...(opts.clearKey ? { keyed_from: null, mac: null } : {}) })
    .where('id', '=', 1)
    .execute();
}

describe.each(dialects)('security: the audit trail is keyed on %s', (dialect) => {
  let h: Harness;
  let editor: Client;
  let adminIt: Client;

  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    editor = await addUser(h, 'editor-de', 'editor', 'DE');
    adminIt = await addUser(h, 'admin-it', 'admin', 'IT');
    for (const n of [1, 2, 3]) expect((await call(h.app, editor, 'POST', '/api/incidents', incident(`red secret ${n}`, { tlp: 'red' }))).status).toBe(201);
  });
  afterAll(async () => h?.close());

  it('verifies intact with the key, saying from which entry the key vouches', async () => {
    const v = await call(h.app, adminIt, 'GET', '/api/audit/verify');
    expect(v.body).toMatchObject({ valid: true, keyed: { from: 1, checked: true } });
  });

  it('a hash beside withheld content does not confirm a guess of that content', async () => {
    const r = await call(h.app, adminIt, 'GET', '/api/audit');
    const entries = r.body as (AuditEntry & { prevHash: string; hash: string; redacted: boolean })[];
    const hidden = entries.find((e) => e.redacted && e.action === 'incident.create');
    expect(hidden).toBeDefined();
    const stored = (await h.wb.db.selectFrom('audit_log').selectAll().where('seq', '=', hidden?.seq ?? 0).executeTakeFirstOrThrow()) as Row;
    // The exact content, as a perfect guess would have it: the plain hash of it must not match the one shown.
    const guess = chainHash(sha256, hidden?.prevHash ?? '', entryOf(stored));
    expect(guess).not.toBe(hidden?.hash);
  });

  it('an entry rewritten and the chain recomputed without the key fails verification, naming the entry', async () => {
    const db = await freshDatabase(dialect);
    const w = await startHarness(teamConfig(), dialect, db);
    try {
      const ed = await addUser(w, 'ed', 'editor', 'DE');
      for (const n of [1, 2, 3]) await call(w.app, ed, 'POST', '/api/incidents', incident(`entry ${n}`));
      await liftTriggers(w.wb.db);
      await w.wb.db.updateTable('audit_log').set({ actor: 'user:someone-else' }).where('seq', '=', 2).execute();
      await rechain(w.wb.db, { clearKey: false });
      const v = await w.wb.audit.verify();
      expect(v).toMatchObject({ valid: false, seq: 1 });
      // Dropping the key's marks from the head as well does not help.
      await rechain(w.wb.db, { clearKey: true });
      expect(await w.wb.audit.verify()).toMatchObject({ valid: false, reason: expect.stringMatching(/head carries no MAC/) });
    } finally {
      await w.close();
    }
  });

  it('cutting the tail and resetting the head to an earlier entry fails verification', async () => {
    const db = await freshDatabase(dialect);
    const w = await startHarness(teamConfig(), dialect, db);
    try {
      const ed = await addUser(w, 'ed', 'editor', 'DE');
      for (const n of [1, 2, 3, 4]) await call(w.app, ed, 'POST', '/api/incidents', incident(`entry ${n}`));
      const last = (await w.wb.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq;
      await liftTriggers(w.wb.db);
      await w.wb.db.deleteFrom('audit_log').where('seq', '>', last - 2).execute();
      const end = await w.wb.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      await w.wb.db.updateTable('audit_head').set({ seq: end.seq, hash: end.hash }).where('id', '=', 1).execute();
      expect(await w.wb.audit.verify()).toMatchObject({ valid: false, reason: expect.stringMatching(/does not match its MAC/) });
    } finally {
      await w.close();
    }
  });

  it('a trail written before the key is adopted on the first keyed open (with an entry saying so); a keyless writer is refused after', async () => {
    const db = await freshDatabase(dialect);
    const plain = await openWorkbench(testConfig({ dbPath: db.target }));
    try {
      await plain.toolbox.create({ kind: 'local', org: 'DE' }, incident('before the key'));
    } finally {
      await plain.close();
    }
    const keyed = await openWorkbench(testConfig({ dbPath: db.target, auditKey: TEST_AUDIT_KEY }));
    try {
      const v = await keyed.audit.verify();
      expect(v).toMatchObject({ valid: true, entries: 2, keyed: { from: 2, checked: true } });
      const entries = await keyed.audit.list({ all: true, levels: [], org: null, username: null }, {});
      expect(entries.at(-1)).toMatchObject({ action: 'audit.keyed', after: { unkeyedEntries: 1 } });
    } finally {
      await keyed.close();
    }
    const keyless = await openWorkbench(testConfig({ dbPath: db.target }));
    try {
      await expect(keyless.toolbox.create({ kind: 'local', org: 'DE' }, incident('no key'))).rejects.toThrow(/CYBERDIPLO_AUDIT_KEY/);
      expect(await keyless.audit.verify()).toMatchObject({ valid: false, reason: expect.stringMatching(/CYBERDIPLO_AUDIT_KEY/) });
    } finally {
      await keyless.close();
      await db.drop();
    }
  });
});

describe('security: the audit key in the configuration', () => {
  it('team mode refuses to start without a key, or with a short or regular one, naming the variable and not the value', () => {
    expect(() => readConfig({ CYBERDIPLO_AUTH: 'on' })).toThrow(ConfigError);
    expect(() => readConfig({ CYBERDIPLO_AUTH: 'on' })).toThrow(/CYBERDIPLO_AUDIT_KEY: team mode needs a secret/);
    expect(() => readConfig({ DATABASE_URL: 'postgres://x@localhost/db' })).toThrow(/CYBERDIPLO_AUDIT_KEY/);
    expect(() => readConfig({ CYBERDIPLO_AUTH: 'on', CYBERDIPLO_AUDIT_KEY: 'short-secret' })).toThrow(/CYBERDIPLO_AUDIT_KEY: must be at least 32/);
    expect(() => readConfig({ CYBERDIPLO_AUTH: 'on', CYBERDIPLO_AUDIT_KEY: 'a'.repeat(40) })).toThrow(/CYBERDIPLO_AUDIT_KEY: is too regular/);
    expect(() => readConfig({ CYBERDIPLO_AUTH: 'on', CYBERDIPLO_AUDIT_KEY: 'short-secret' })).not.toThrow(/short-secret/);
    expect(readConfig({ CYBERDIPLO_AUTH: 'on', CYBERDIPLO_AUDIT_KEY: TEST_AUDIT_KEY }).auditKey).toBe(TEST_AUDIT_KEY);
    // With sign-in off the key is optional: the chain is then plain SHA-256.
    expect(readConfig({}).auditKey).toBeNull();
  });
});
