// The incident list's total is kept between requests per incident version (src/store/incident-counts.ts): on each
// dialect, with two servers on one database, every kind of write moves it at once on both, and it always equals
// what the reader's full list holds (per reader under TLP, per filter). Switching the version's triggers off shows
// the kept count and the kept pages are what answer (they go stale), so the triggers are what keep them right. Pages
// read in the list's order (on PostgreSQL one marking lookup per row) make up the full list.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeService } from '../../src/app/exchange-service';
import { dialectOf } from '../../src/store/db';
import { incidentVersion } from '../../src/store/incident-counts';
import { LOCAL_DE, body, taggedBundle } from './exchange-support';
import { dialects, type Harness } from './harness';
import { addUser, call, incident, type Client } from './team';
import { twoServers, type TwoServers } from './two-servers';

interface Page {
  total: number;
  items: { id: string }[];
}

const FILTERS = ['', 'category=cyber-espionage', 'category=hybrid', 'ongoing=true', 'q=Kestrel', 'q=Incident%20count'];

describe.each(dialects)('incident counts on %s', (dialect) => {
  let servers: TwoServers;
  let a: Harness;
  let b: Harness;
  let editor: Client;
  let viewer: Client;
  let stranger: Client;

  const page = async (h: Harness, who: Client, filter: string, limit = 1000, offset = 0) => {
    const r = await call(h.app, who, 'GET', `/api/incidents?limit=${limit}&offset=${offset}${filter ? `&${filter}` : ''}`);
    expect(r.status, r.text).toBe(200);
    return r.body as Page;
  };
  /** Every (server, reader, filter): its total, checked against the number of items of its full list. */
  const totals = async () => {
    const out: Record<string, number> = {};
    for (const [server, h] of [['a', a], ['b', b]] as const) {
      for (const who of [editor, viewer, stranger]) {
        for (const filter of FILTERS) {
          const counted = (await page(h, who, filter, 1)).total;
          const listed = (await page(h, who, filter)).items.length;
          expect(counted, `${server} ${who.name} ${filter}: the total is the full list's length`).toBe(listed);
          out[`${server} ${who.name} ${filter}`] = counted;
        }
      }
    }
    return out;
  };
  /** What moved between two readings (the same on both servers). */
  const moved = (before: Record<string, number>, after: Record<string, number>) =>
    Object.fromEntries(Object.keys(after).filter((k) => after[k] !== before[k]).map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)]));
  const onBoth = (deltas: Record<string, number>) => Object.fromEntries(Object.entries(deltas).flatMap(([k, d]) => [[`a ${k}`, d], [`b ${k}`, d]]));

  beforeAll(async () => {
    servers = await twoServers(dialect);
    ({ a, b } = servers);
    editor = await addUser(a, 'editor-de', 'editor', 'DE');
    viewer = await addUser(a, 'viewer-fr', 'viewer', 'FR');
    stranger = await addUser(a, 'viewer-it', 'viewer', 'IT');
    for (const [title, over] of [
      ['Incident count one', { tlp: 'green' }],
      ['Incident count two', { tlp: 'amber', sharedWith: ['FR'], category: 'hybrid' }],
      ['Incident count three', { tlp: 'amber', ongoing: false }],
      ['Incident count four', { tlp: 'clear', category: 'hybrid' }],
    ] as const) {
      const r = await call(a.app, editor, 'POST', '/api/incidents', incident(title, over));
      expect(r.status, r.text).toBe(201);
    }
  }, 60_000);
  afterAll(async () => {
    await servers?.close();
  });

  it('moves at once on both servers after a create, a category edit, a re-marking, a delete and an import', async () => {
    let before = await totals();
    const created = await call(a.app, editor, 'POST', '/api/incidents', incident('Kestrel intrusion', { tlp: 'green' }));
    expect(created.status, created.text).toBe(201);
    const id = (created.body as { id: string }).id;
    let after = await totals();
    const green = { '': 1, 'category=cyber-espionage': 1, 'ongoing=true': 1, 'q=Kestrel': 1 };
    const everyone = (d: Record<string, number>) => Object.fromEntries([editor, viewer, stranger].flatMap((w) => Object.entries(d).map(([f, n]) => [`${w.name} ${f}`, n])));
    expect(moved(before, after)).toEqual(onBoth(everyone(green)));

    before = after;
    const edited = await call(b.app, editor, 'PUT', `/api/incidents/${id}`, incident('Kestrel intrusion', { tlp: 'green', category: 'hybrid' }));
    expect(edited.status, edited.text).toBe(200);
    after = await totals();
    expect(moved(before, after)).toEqual(onBoth(everyone({ 'category=cyber-espionage': -1, 'category=hybrid': 1 })));

    before = after;
    const remarked = await call(a.app, editor, 'PATCH', `/api/incidents/${id}`, { tlp: 'amber', sharedWith: ['FR'] });
    expect(remarked.status, remarked.text).toBe(200);
    after = await totals();
    const seen = { '': -1, 'category=hybrid': -1, 'ongoing=true': -1, 'q=Kestrel': -1 };
    expect(moved(before, after)).toEqual(onBoth(Object.fromEntries(Object.entries(seen).map(([f, n]) => [`${stranger.name} ${f}`, n]))));

    before = after;
    expect((await call(b.app, editor, 'DELETE', `/api/incidents/${id}`)).status).toBe(204);
    after = await totals();
    expect(moved(before, after)).toEqual(onBoth(Object.fromEntries([editor, viewer].flatMap((w) => Object.entries(seen).map(([f, n]) => [`${w.name} ${f}`, n])))));

    before = after;
    const imported = await call(a.app, editor, 'POST', '/api/import/stix', body(taggedBundle('count-1', 'green')));
    expect(imported.status, imported.text).toBe(200);
    after = await totals();
    expect(moved(before, after)).toEqual(onBoth(everyone({ '': 1, 'category=cyber-espionage': 1, 'q=Incident%20count': 1 })));

    // An AMBER import (owner DE): counted for its owner only. (A STIX incident is not ongoing.)
    before = after;
    const amber = await call(b.app, editor, 'POST', '/api/import/stix', body(taggedBundle('count-2', 'amber')));
    expect(amber.status, amber.text).toBe(200);
    after = await totals();
    expect(moved(before, after)).toEqual(onBoth(Object.fromEntries(['', 'category=cyber-espionage', 'q=Incident%20count'].map((f) => [`${editor.name} ${f}`, 1]))));
  });

  it('pages of the list, read one after another in its order, make up the full list for every reader and filter', async () => {
    for (const who of [editor, viewer, stranger]) {
      for (const filter of FILTERS) {
        const full = (await page(b, who, filter)).items.map((i) => i.id);
        const paged: string[] = [];
        for (let offset = 0; offset < full.length + 2; offset += 2) paged.push(...(await page(b, who, filter, 2, offset)).items.map((i) => i.id));
        expect(paged, `${who.name} ${filter}`).toEqual(full);
      }
    }
  });

  it('answers from the kept count while the version stays: with the version triggers off, a write is not counted', async () => {
    const db = a.wb.db;
    const postgres = dialectOf(db) === 'postgres';
    const tables = ['incident', 'record_marking', 'record_grant', 'exchange_link'];
    const triggers = postgres ? [] : tables.flatMap((t) => ['insert', 'update', 'delete'].map((op) => `${t}_version_${op}`));
    const saved = postgres ? [] : (await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${sql.join(triggers)})`.execute(db)).rows.map((r) => r.sql);
    const counted = async () => (await page(a, viewer, '', 1)).total;
    const listed = async (limit = 1000) => (await page(a, viewer, '', limit)).items.length;
    const kept = await counted();
    expect(kept).toBe(await listed());
    if (postgres) for (const t of tables) await sql`ALTER TABLE ${sql.table(t)} DISABLE TRIGGER ${sql.raw(`${t}_version`)}`.execute(db);
    else for (const t of triggers) await sql`DROP TRIGGER ${sql.raw(t)}`.execute(db);
    try {
      // A write by another program (the repository's own writes move the version themselves, to carry what is kept).
      const at = new Date().toISOString();
      const unversioned = { title: 'Unversioned write', category: 'cyber-espionage', ongoing: true };
      await db.insertInto('incident').values({ id: 'inc-unversioned', ...unversioned, start: null, ongoing: 1, body: JSON.stringify(unversioned), version: 1, created_at: at, updated_at: at }).execute();
      await db.insertInto('record_marking').values({ record_id: 'inc-unversioned', record_type: 'incident', tlp: 'clear', owner_org: null }).execute();
      // A page not asked for before is read now and lists the write; the kept count and the kept pages answer.
      expect(await listed(999)).toBe(kept + 1);
      expect(await counted()).toBe(kept);
      expect(await listed()).toBe(kept);
    } finally {
      if (postgres) for (const t of tables) await sql`ALTER TABLE ${sql.table(t)} ENABLE TRIGGER ${sql.raw(`${t}_version`)}`.execute(db);
      else for (const s of saved) await sql.raw(s).execute(db);
    }
    // Written by another program again, the triggers on: the version moves, and both servers count again (a server's
    // own write would carry its kept count, stale here, by one: the carry is as right as the version's triggers).
    const at = new Date().toISOString();
    const versioned = { title: 'Versioned write', category: 'cyber-espionage', ongoing: true };
    await db.insertInto('incident').values({ id: 'inc-versioned', ...versioned, start: null, ongoing: 1, body: JSON.stringify(versioned), version: 1, created_at: at, updated_at: at }).execute();
    await db.insertInto('record_marking').values({ record_id: 'inc-versioned', record_type: 'incident', tlp: 'clear', owner_org: null }).execute();
    expect(await counted()).toBe(kept + 2);
    expect(await listed()).toBe(kept + 2);
  });

  it('moves the version once for a whole import, not at all for a failed one, and per write again after both', async () => {
    const db = a.wb.db;
    const postgres = dialectOf(db) === 'postgres';
    const ex = new ExchangeService(a.wb);
    const live = async () => Number((await sql<{ live: number }>`SELECT live FROM incident_version WHERE id = 1`.execute(db)).rows[0]?.live);
    const start = await incidentVersion(db);
    const before = await totals();
    // A run refused at its last statement, after its incident, actor, attribution, links and markings were written.
    if (postgres) {
      await sql`CREATE FUNCTION refuse_count_run() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`.execute(db);
      await sql`CREATE TRIGGER refuse_count_run BEFORE INSERT ON audit_log FOR EACH ROW WHEN (NEW.target_type = 'import_report') EXECUTE FUNCTION refuse_count_run()`.execute(db);
    } else {
      await sql`CREATE TRIGGER refuse_count_run BEFORE INSERT ON audit_log WHEN NEW.target_type = 'import_report' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`.execute(db);
    }
    try {
      await expect(ex.importStixBody(LOCAL_DE, body(taggedBundle('count-3', 'green')))).rejects.toThrow(/refused by the test/);
    } finally {
      if (postgres) {
        await sql`DROP TRIGGER refuse_count_run ON audit_log`.execute(db);
        await sql`DROP FUNCTION refuse_count_run()`.execute(db);
      } else await sql`DROP TRIGGER refuse_count_run`.execute(db);
    }
    expect(await incidentVersion(db)).toBe(start);
    expect(await live()).toBe(1);
    expect(await totals()).toEqual(before);

    const done = await ex.importStixBody(LOCAL_DE, body(taggedBundle('count-3', 'green')));
    expect(done.written.incident.created).toBe(1);
    expect(done.written.actor.created + done.written.attribution.created).toBe(2);
    expect(await incidentVersion(db)).toBe(start + 1);
    expect(await live()).toBe(1);
    const after = await totals();
    const everyone = Object.fromEntries([editor, viewer, stranger].flatMap((w) => ['', 'category=cyber-espionage', 'q=Incident%20count'].map((f) => [`${w.name} ${f}`, 1])));
    expect(moved(before, after)).toEqual(onBoth(everyone));

    // The triggers are live again: a write through the API moves the version and the counts on both servers.
    expect((await call(b.app, editor, 'POST', '/api/incidents', incident('Incident count after the import', { tlp: 'clear' }))).status).toBe(201);
    expect(await incidentVersion(db)).toBeGreaterThan(start + 1);
    const last = await totals();
    expect(moved(after, last)).toEqual(onBoth(Object.fromEntries([editor, viewer, stranger].flatMap((w) => ['', 'category=cyber-espionage', 'ongoing=true', 'q=Incident%20count'].map((f) => [`${w.name} ${f}`, 1])))));
  }, 60_000);
});
