// Incident text search (`q` of GET /api/incidents) on each dialect: what a query means (a literal piece of text in
// the title or the stored body, ASCII letters in any case), compared with a plain scan of the incidents the reader
// sees; TLP filtering inside the search; that a write is searchable at once (the trigram index is kept in step);
// and that an import, which fills the index once for the incidents it writes, leaves it as the triggers would.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { cfrRow } from '../../bench/synthetic';
import { ExchangeService } from '../../src/app/exchange-service';
import { CFR_COLUMNS } from '../../src/core/exchange/index';
import { trigrams } from '../../src/store/incident-repository';
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
