// Incident text search (`q` of GET /api/incidents) on each dialect: what a query means (a literal piece of text in
// the title or the stored body, ASCII letters in any case), compared with a plain scan of the incidents the reader
// sees; TLP filtering inside the search; that a write is searchable at once (the trigram index is kept in step);
// that an import, which fills the index once for the incidents it writes, leaves it as the triggers would; and that
// the index, which leaves out the field names every body carries (migration 0100), changes no answer.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { cfrRow } from '../../bench/synthetic';
import { ExchangeService } from '../../src/app/exchange-service';
import { CFR_COLUMNS } from '../../src/core/exchange/index';
import { seededRandom } from '../../src/core/seeded-random';
import { connectDatabase, migrateDatabase } from '../../src/store/db';
import { textCondition, trigrams } from '../../src/store/incident-repository';
import { incidentSearchText, LISTED_NAMES } from '../../src/store/incident-search-text';
import { LOCAL_DE } from './exchange-support';
import { dialects, startHarness, teamConfig, tempDir, type Harness } from './harness';
import { addUser, call, incident, type Client } from './team';

interface Item {
  id: string;
  incident: { title: string } & Record<string, unknown>;
}
interface Page {
  total: number;
  items: Item[];
}

/** Lower-cases ASCII letters only, as SQLite's LIKE compares them. */
const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The plain answer: the incidents the reader sees whose title or stored body holds the text. */
const plain = (all: Item[], q: string) =>
  all
    .filter((i) => fold(i.incident.title).includes(fold(q)) || fold(JSON.stringify(i.incident)).includes(fold(q)))
    .map((i) => i.id)
    .sort();

describe('trigrams of a search text', () => {
  it('are every three characters in a row up to 16, else 16 spread from the first to the last; none below three', () => {
    expect(trigrams('ab')).toEqual([]);
    expect(trigrams('abcd')).toEqual(['abc', 'bcd']);
    expect(trigrams('Défense')).toEqual(['Déf', 'éfe', 'fen', 'ens', 'nse']);
    const long = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const picked = trigrams(long);
    expect(picked).toHaveLength(16);
    expect(picked[0]).toBe('abc');
    expect(picked[15]).toBe('789');
    for (const g of picked) expect(long).toContain(g);
  });
});

describe.each(dialects)('incident search on %s', (dialect) => {
  let h: Harness;
  let editor: Client;
  let other: Client;
  const ids: Record<string, string> = {};

  const search = async (who: Client, q: string) => {
    const r = await call(h.app, who, 'GET', `/api/incidents?limit=1000&q=${encodeURIComponent(q)}`);
    expect(r.status, r.text).toBe(200);
    return r.body as Page;
  };
  const everything = async (who: Client) => ((await call(h.app, who, 'GET', '/api/incidents?limit=1000')).body as Page).items;
  const found = async (who: Client, q: string) => (await search(who, q)).items.map((i) => i.id).sort();

  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    editor = await addUser(h, 'editor-de', 'editor', 'DE');
    other = await addUser(h, 'viewer-it', 'viewer', 'IT');
    const make = async (key: string, title: string, over: Record<string, unknown>) => {
      const r = await call(h.app, editor, 'POST', '/api/incidents', incident(title, over));
      expect(r.status, r.text).toBe(201);
      ids[key] = (r.body as { id: string }).id;
    };
    await make('title', 'Solarflare intrusion at a ministry', { tlp: 'green', summary: 'Networks were entered (marker xyzxy).' });
    await make('body', 'Second incident', { tlp: 'green', summary: 'A wiper deployed against the Ministry of Défense; 50% of hosts lost.' });
    await make('secret', 'Solarflare follow-up', { tlp: 'amber', summary: 'Wiper deployed again, internal notes.' });
    await make('plain', 'Third incident', { tlp: 'green', summary: 'Nothing of note.' });
  }, 60_000);
  afterAll(async () => h?.close());

  const queries = ['solarflare', 'SOLARFLARE', 'Solar', 'flare', 'wiper deployed', 'deployed wiper', 'Ministry', 'Défense', 'défense', 'Defense', '50%', '5_%', '%', '_', 'ol', 'zzz-nothing', 'summary', '"', 'incident', 'xyzxy', 'yzxyz'];

  it('finds what a plain scan of the visible incidents finds, for titles, bodies, prefixes, phrases and literal %/_', async () => {
    for (const who of [editor, other]) {
      const all = await everything(who);
      for (const q of queries) {
        const page = await search(who, q);
        expect(page.items.map((i) => i.id).sort(), `${who.name}: ${q}`).toEqual(plain(all, q));
        expect(page.total, `${who.name}: ${q}`).toBe(page.items.length);
      }
    }
  });

  it('means: title only, body only, any case of ASCII letters, a prefix, a phrase as typed, accents kept, literal wildcards', async () => {
    expect(await found(editor, 'SOLARflare')).toEqual([ids.title, ids.secret].sort());
    expect(await found(editor, 'wiper deployed')).toEqual([ids.body, ids.secret].sort());
    expect(await found(editor, 'Sol')).toEqual([ids.title, ids.secret].sort());
    expect(await found(editor, 'deployed wiper')).toEqual([]);
    expect(await found(editor, 'Défense')).toEqual([ids.body]);
    expect(await found(editor, 'Defense')).toEqual([]);
    expect(await found(editor, '50%')).toEqual([ids.body]);
    expect(await found(editor, '5_%')).toEqual([]);
    expect(await found(editor, 'zzz-nothing')).toEqual([]);
    // Every trigram of 'yzxyz' is in 'xyzxy', the text itself is not: the index narrows, the LIKE decides.
    expect(await found(editor, 'xyzxy')).toEqual([ids.title]);
    expect(await found(editor, 'yzxyz')).toEqual([]);
  });

  it('never shows a record the reader may not see, in items or in the count', async () => {
    expect(await found(other, 'Solarflare')).toEqual([ids.title]);
    expect(await search(other, 'internal notes')).toEqual({ total: 0, items: [] });
    expect((await search(other, 'Wiper deployed')).total).toBe(1);
  });

  it('finds an edited incident by its new text and no longer by its old one, and a deleted one not at all, at once', async () => {
    const id = ids.plain as string;
    expect(await found(editor, 'Nothing of note')).toEqual([id]);
    const put = await call(h.app, editor, 'PUT', `/api/incidents/${id}`, incident('Renamed Kestrel campaign', { tlp: 'green', summary: 'Rewritten text.' }));
    expect(put.status, put.text).toBe(200);
    expect(await found(editor, 'Nothing of note')).toEqual([]);
    expect(await found(editor, 'kestrel')).toEqual([id]);
    expect(await found(other, 'Rewritten text')).toEqual([id]);
    const raised = await call(h.app, editor, 'PATCH', `/api/incidents/${id}`, { tlp: 'amber' });
    expect(raised.status, raised.text).toBe(200);
    expect(await found(other, 'kestrel')).toEqual([]);
    expect(await found(editor, 'kestrel')).toEqual([id]);
    expect((await call(h.app, editor, 'DELETE', `/api/incidents/${id}`)).status).toBe(204);
    expect(await found(editor, 'kestrel')).toEqual([]);
    expect(await search(editor, 'Rewritten text')).toEqual({ total: 0, items: [] });
  });

  it('has its trigram index in place (SQLite: one entry per incident)', async () => {
    if (dialect === 'postgres') {
      const r = await sql<{ indexname: string }>`SELECT indexname FROM pg_indexes WHERE tablename = 'incident' AND indexname LIKE '%trgm' ORDER BY indexname`.execute(h.wb.db);
      expect(r.rows.map((x) => x.indexname)).toEqual(['incident_body_trgm', 'incident_title_trgm']);
    } else {
      const keys = await sql<{ n: number }>`SELECT count(*) AS n FROM incident_search_key k JOIN incident i ON i.id = k.incident_id`.execute(h.wb.db);
      const incidents = await sql<{ n: number }>`SELECT count(*) AS n FROM incident`.execute(h.wb.db);
      expect(Number(keys.rows[0]?.n)).toBe(Number(incidents.rows[0]?.n));
      const match = trigrams('SolarFlare').map((g) => `"${g}"`).join(' AND ');
      const indexed = await sql<{ n: number }>`SELECT count(*) AS n FROM incident_fts WHERE incident_fts MATCH ${match}`.execute(h.wb.db);
      expect(Number(indexed.rows[0]?.n)).toBe(2);
    }
  });
});

describe.each(dialects)('the search index after large imports on %s', (dialect) => {
  let h: Harness;
  let editor: Client;
  let ex: ExchangeService;
  const dir = tempDir('cyberdiplo-search-import-');
  const DESCRIPTION = 3;

  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    editor = await addUser(h, 'editor-de', 'editor', 'DE');
    ex = new ExchangeService(h.wb);
  }, 60_000);
  afterAll(async () => h?.close());

  /** A CFR export of rows `from` to `to` (the benchmark's rows); `rewrite` gives some rows a description of their own. */
  const cfrFile = (name: string, to: number, rewrite: (i: number) => string | undefined = () => undefined) => {
    const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const lines = [CFR_COLUMNS.join(',')];
    for (let i = 0; i < to; i++) {
      const row = cfrRow(i);
      const text = rewrite(i);
      if (text !== undefined) row[DESCRIPTION] = text;
      lines.push(row.map(cell).join(','));
    }
    const file = path.join(dir, name);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  };

  /** Every id the search answers, page by page. */
  const searched = async (q: string) => {
    const ids: string[] = [];
    for (let offset = 0; ; offset += 1000) {
      const r = await call(h.app, editor, 'GET', `/api/incidents?limit=1000&offset=${offset}&q=${encodeURIComponent(q)}`);
      expect(r.status, r.text).toBe(200);
      const page = r.body as Page;
      ids.push(...page.items.map((i) => i.id));
      if (page.items.length < 1000) return ids.sort();
    }
  };
  /** The plain answer from the rows themselves: every incident whose title or stored body holds the text. */
  const scanned = async (q: string) => {
    const rows = await sql<{ id: string; title: string; body: string }>`SELECT id, title, body FROM incident`.execute(h.wb.db);
    return rows.rows.filter((r) => fold(r.title).includes(fold(q)) || fold(r.body).includes(fold(q))).map((r) => r.id).sort();
  };
  const queries = ['intrusion number 12', 'number 2599', 'Rewritten', 'rewritten by the second', 'Intruders took data', 'row 1998', 'failed run', 'zzz-nothing'];
  const answers = async () => Object.fromEntries(await Promise.all(queries.map(async (q) => [q, await searched(q)] as const)));
  const indexState = async () =>
    dialect === 'sqlite'
      ? {
          keys: (await sql<{ n: number; incident_id: string }>`SELECT n, incident_id FROM incident_search_key ORDER BY n`.execute(h.wb.db)).rows,
          entries: (await sql<{ rowid: number }>`SELECT rowid FROM incident_fts ORDER BY rowid`.execute(h.wb.db)).rows.map((r) => r.rowid),
          gate: (await sql<{ live: number }>`SELECT live FROM incident_search_gate`.execute(h.wb.db)).rows,
        }
      : {};

  it('finds the incidents an import created and changed exactly as a plain scan finds them, over several parts', async () => {
    const first = await ex.importFiles(LOCAL_DE, 'cfr', [cfrFile('first.csv', 2000)]);
    expect(first.written.incident.created).toBe(2000);
    for (const q of queries) expect(await searched(q), q).toEqual(await scanned(q));
    expect((await searched('intrusion number 12')).length).toBe(111);

    // Every third row of the first 2,000 rewritten (updated), 600 more rows (created).
    const rewrite = (i: number) => (i < 2000 && i % 3 === 0 ? `Rewritten by the second import, row ${i}.` : undefined);
    const second = await ex.importFiles(LOCAL_DE, 'cfr', [cfrFile('second.csv', 2600, rewrite)]);
    expect(second.written.incident).toMatchObject({ created: 600, updated: 667, unchanged: 1333 });
    for (const q of queries) expect(await searched(q), q).toEqual(await scanned(q));
    expect((await searched('Rewritten')).length).toBe(667);
    expect((await searched('Intruders took data')).length).toBe(2600 - 667);
    expect(await searched('number 2599')).toHaveLength(1);
    if (dialect === 'sqlite') {
      const state = await indexState();
      // One key and one index entry per incident, numbered in the order the incidents were written; the triggers live again.
      expect(state.keys).toHaveLength(2600);
      expect(state.entries).toEqual(state.keys?.map((k) => k.n));
      expect(state.gate).toEqual([{ live: 1 }]);
      const created = await sql<{ incident_id: string }>`SELECT incident_id FROM incident_history WHERE action = 'create' ORDER BY seq`.execute(h.wb.db);
      expect(state.keys?.map((k) => k.incident_id)).toEqual(created.rows.map((r) => r.incident_id));
    }
  }, 180_000);

  it('leaves the index as it was when an import fails, and a later write through the API is found at once', async () => {
    const before = { answers: await answers(), index: await indexState() };
    if (dialect === 'postgres') {
      await sql`CREATE FUNCTION refuse_search_run() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`.execute(h.wb.db);
      await sql`CREATE TRIGGER refuse_search_run BEFORE INSERT ON audit_log FOR EACH ROW WHEN (NEW.target_type = 'import_report') EXECUTE FUNCTION refuse_search_run()`.execute(h.wb.db);
    } else {
      await sql`CREATE TRIGGER refuse_search_run BEFORE INSERT ON audit_log WHEN NEW.target_type = 'import_report' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`.execute(h.wb.db);
    }
    // Rows rewritten (updates) and 400 new ones, in a run refused at its last statement.
    const failing = cfrFile('failing.csv', 3000, (i) => (i % 2 === 0 ? `A failed run rewrote row ${i}.` : undefined));
    await expect(ex.importFiles(LOCAL_DE, 'cfr', [failing])).rejects.toThrow(/refused by the test/);
    if (dialect === 'postgres') await sql`DROP TRIGGER refuse_search_run ON audit_log`.execute(h.wb.db);
    else await sql`DROP TRIGGER refuse_search_run`.execute(h.wb.db);
    expect(await answers()).toEqual(before.answers);
    expect(await indexState()).toEqual(before.index);
    expect(await searched('failed run')).toEqual([]);

    const made = await call(h.app, editor, 'POST', '/api/incidents', incident('Written after the failed run', { tlp: 'green', summary: 'Kestrel marker qwxqw.' }));
    expect(made.status, made.text).toBe(201);
    expect(await searched('qwxqw')).toEqual([(made.body as { id: string }).id]);
    for (const q of queries) expect(await searched(q), q).toEqual(await scanned(q));
  }, 180_000);
});

/** The index's own entries (SQLite): each row's trigrams, as FTS5 keeps them (lower case), by the incident's id. */
const indexEntries = async (db: Harness['wb']['db']) => {
  await sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.incident_fts_entries USING fts5vocab(main, incident_fts, instance)`.execute(db);
  const r = await sql<{ term: string; incident_id: string }>`SELECT v.term, k.incident_id FROM temp.incident_fts_entries v JOIN incident_search_key k ON k.n = v.doc`.execute(db);
  const out = new Map<string, Set<string>>();
  for (const x of r.rows) out.set(x.incident_id, (out.get(x.incident_id) ?? new Set()).add(x.term));
  return out;
};
/** What the entries must be when the index takes `text` of each body: the trigrams of the title and of that text. */
const expectedEntries = async (db: Harness['wb']['db'], text: (body: string) => string) => {
  const grams = (s: string) => {
    const c = [...s.toLowerCase()];
    return Array.from({ length: Math.max(0, c.length - 2) }, (_, k) => c.slice(k, k + 3).join(''));
  };
  const rows = await sql<{ id: string; title: string; body: string }>`SELECT id, title, body FROM incident`.execute(db);
  return new Map(rows.rows.map((r) => [r.id, new Set([...grams(r.title), ...grams(text(r.body))])]));
};

describe.each(dialects)('search answers with the field names left out of the index, on %s', (dialect) => {
  let h: Harness;
  let editor: Client;
  let ex: ExchangeService;
  const dir = tempDir('cyberdiplo-search-names-');

  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    editor = await addUser(h, 'editor-de', 'editor', 'DE');
    ex = new ExchangeService(h.wb);
    // Texts that hold names, pieces of names, quotes, backslashes, colons and accents, in titles, summaries,
    // victims' and initiators' names, attributions and responses; some incidents with optional fields, some without.
    const texts = ['armedAttack by "title"', 'The "type": field', 'Défense \\ "victims" : context', 'urgent: Country SECTOR report', 'cfsp Objective', 'Plain words only', 'note "summary":"x"', 'tle"e', 'Attacks on the data centre', 'initiator type unknown'];
    for (let k = 0; k < 30; k++) {
      const t = texts[k % texts.length] as string;
      const over: Record<string, unknown> = { tlp: 'green' };
      if (k % 2 === 0) over.summary = `${texts[(k + 3) % texts.length]} no. ${k}`;
      if (k % 3 === 0) over.victims = [{ country: 'FR', sector: 'health', name: texts[(k + 5) % texts.length] }];
      if (k % 4 === 0) over.attribution = [{ kind: 'political', by: 'France', confidence: 'high', date: '2026-03-02' }];
      if (k % 5 === 0) over.responses = [{ measure: 'demarche', date: '2026-03-05', by: 'EEAS', note: texts[(k + 7) % texts.length] }];
      const r = await call(h.app, editor, 'POST', '/api/incidents', incident(`${t} #${k}`, over));
      expect(r.status, r.text).toBe(201);
    }
    // And imported ones, whose entries the import's one fill writes.
    const lines = [CFR_COLUMNS.join(','), ...Array.from({ length: 40 }, (_, i) => cfrRow(i).map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(','))];
    fs.writeFileSync(path.join(dir, 'rows.csv'), `${lines.join('\n')}\n`);
    expect((await ex.importFiles(LOCAL_DE, 'cfr', [path.join(dir, 'rows.csv')])).written.incident.created).toBe(40);
  }, 120_000);
  afterAll(async () => h?.close());

  const searched = async (q: string) => {
    const r = await call(h.app, editor, 'GET', `/api/incidents?limit=1000&q=${encodeURIComponent(q)}`);
    expect(r.status, r.text).toBe(200);
    return (r.body as Page).items.map((i) => i.id).sort();
  };
  const scanned = async (q: string) => {
    const rows = await sql<{ id: string; title: string; body: string }>`SELECT id, title, body FROM incident`.execute(h.wb.db);
    return rows.rows.filter((r) => fold(r.title).includes(fold(q)) || fold(r.body).includes(fold(q))).map((r) => r.id).sort();
  };

  it('finds what a plain scan finds for every listed name, pieces of names in any case, and pieces of stored bodies', async () => {
    const rnd = seededRandom(14);
    const bodies = (await sql<{ body: string }>`SELECT body FROM incident ORDER BY id`.execute(h.wb.db)).rows.map((r) => [...r.body]);
    const queries = [...LISTED_NAMES, ...LISTED_NAMES.map((n) => n.slice(1, -1).toUpperCase()), '"title":"', '":false,"', 'armedAttack by', '"type"', 'Attacks', 'ATTACK', 'k by "t', 'e"e', '\\ "victims', 'ountry SEC', 'summary', '"summary":"x"'];
    for (let k = 0; k < 300; k++) {
      const b = bodies[Math.floor(rnd() * bodies.length)] as string[];
      const from = Math.floor(rnd() * b.length);
      queries.push(b.slice(from, from + 3 + Math.floor(rnd() * 20)).join(''));
    }
    let some = 0;
    for (const q of queries) {
      const plainAnswer = await scanned(q);
      expect(await searched(q), q).toEqual(plainAnswer);
      if (plainAnswer.length > 0 && plainAnswer.length < 70) some++;
    }
    // Not only texts that every incident or none holds.
    expect(some).toBeGreaterThan(50);
  }, 120_000);

  it('holds for each incident the trigrams of its title and of its body without the listed names, from the API and the import alike (SQLite)', async () => {
    if (dialect !== 'sqlite') return;
    expect(await indexEntries(h.wb.db)).toEqual(await expectedEntries(h.wb.db, (b) => String(incidentSearchText(b))));
  });
});

describe('migration 0100 (SQLite)', () => {
  it('builds the index again without the listed names, with the same answers, and back with whole bodies on the way down', async () => {
    const db = await connectDatabase(path.join(tempDir('cyberdiplo-search-0100-'), 'test.db'));
    try {
      await migrateDatabase(db, '0098-unread-import-indexes');
      const T = '2026-01-15T10:00:00.000Z';
      for (let k = 0; k < 20; k++) {
        const body = JSON.stringify({ ...incident(`Incident "title" ${k}`, { summary: k % 2 ? `armedAttack note ${k}` : `Kestrel ${k}` }), context: { urgent: k % 3 === 0 } });
        await sql`INSERT INTO incident (id, title, category, start, ongoing, body, version, created_at, updated_at) VALUES (${`inc-${k}`}, ${`Incident "title" ${k}`}, 'cyber-espionage', '2026-03-01', 1, ${body}, 1, ${T}, ${T})`.execute(db);
      }
      const whole = await expectedEntries(db, (b) => b);
      expect(await indexEntries(db)).toEqual(whole);
      const answers = async () => {
        const out: Record<string, string[]> = {};
        for (const q of ['Kestrel 1', 'armedAttack', 'ATTACK note', '"title" 1', 'urgent', 'context":{', 'note 1', 'estrel']) {
          const r = await sql<{ id: string }>`SELECT i.id FROM incident i WHERE ${textCondition('sqlite', q)} ORDER BY i.id`.execute(db);
          out[q] = r.rows.map((x) => x.id);
        }
        return out;
      };
      const before = await answers();
      expect(before['Kestrel 1']).toEqual(['inc-10', 'inc-12', 'inc-14', 'inc-16', 'inc-18']);
      await migrateDatabase(db);
      expect(await indexEntries(db)).toEqual(await expectedEntries(db, (b) => String(incidentSearchText(b))));
      expect(await answers()).toEqual(before);
      await migrateDatabase(db, '0098-unread-import-indexes');
      expect(await indexEntries(db)).toEqual(whole);
      expect(await answers()).toEqual(before);
    } finally {
      await db.destroy();
    }
  });
});

describe('migration 0101 (SQLite)', () => {
  it("lets an import fill the index for 6,000 CFR incidents as one segment, where FTS5's 1 MiB default writes several, with the same entries", async () => {
    const h = await startHarness(teamConfig(), 'sqlite');
    try {
      const file = path.join(tempDir('cyberdiplo-search-0101-'), 'rows.csv');
      const lines = [CFR_COLUMNS.join(','), ...Array.from({ length: 6000 }, (_, i) => cfrRow(i).map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(','))];
      fs.writeFileSync(file, `${lines.join('\n')}\n`);
      expect((await new ExchangeService(h.wb).importFiles(LOCAL_DE, 'cfr', [file])).written.incident.created).toBe(6000);
      const db = h.wb.db;
      const segments = async () => Number((await sql<{ n: number }>`SELECT count(DISTINCT segid) AS n FROM incident_fts_idx`.execute(db)).rows[0]?.n);
      expect(await segments()).toBe(1);
      expect(await indexEntries(db)).toEqual(await expectedEntries(db, (b) => String(incidentSearchText(b))));
      // Every (trigram, row) entry summed up, read after indexEntries made the vocabulary table.
      const summed = async () => (await sql`SELECT count(*) AS n, sum(doc) AS docs, sum(unicode(term) * doc + length(term)) AS terms FROM temp.incident_fts_entries`.execute(db)).rows[0];
      const entries = await summed();
      // The same fill with the setting taken back down writes several segments of the same entries, and one again up.
      const refill = async () => {
        await sql`INSERT INTO incident_fts (incident_fts) VALUES ('delete-all')`.execute(db);
        await sql`INSERT INTO incident_fts (rowid, title, body) SELECT k.n, i.title, incident_search_text(i.body) FROM incident_search_key k JOIN incident i ON i.id = k.incident_id ORDER BY k.n`.execute(db);
      };
      await migrateDatabase(db, '0100-incident-search-text');
      await refill();
      expect(await segments()).toBeGreaterThan(1);
      expect(await summed()).toEqual(entries);
      await migrateDatabase(db);
      await refill();
      expect(await segments()).toBe(1);
      expect(await summed()).toEqual(entries);
    } finally {
      await h.close();
    }
  }, 300_000);
});
