// Incident text search (`q` of GET /api/incidents) on each dialect: what a query means (a literal piece of text in
// the title or the stored body, ASCII letters in any case), compared with a plain scan of the incidents the reader
// sees; TLP filtering inside the search; and that a write is searchable at once (the trigram index is kept in step).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { trigrams } from '../../src/store/incident-repository';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
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
