// The incident list's answer is written from the stored bodies' text (src/server/incident-page.ts). On each dialect,
// over random pages, filters and readers under TLP, its bytes equal those of the plain path: the service's parsed page
// with its sources graded, serialized whole (what the route answered before). Bodies stored in another spelling of
// the same JSON (spaces, escapes) and sources that get a grade show that the text is the plain path's, not the stored
// one; editing bodies in place between reads shows that a body's kept text follows its stored text. A reader who sees
// every record gets pages read ids first; the plain path reads them as every other reader's.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/core/auth/principal';
import { dialects, freshDatabase, startHarness, teamConfig, type Harness } from './harness';
import { addUser, anonymous, call, incident, type Client } from './team';
import { seededRandom } from './seeded-random';

const CATEGORIES = ['cyber-espionage', 'hybrid', 'cyber-crime', 'cyber-warfare'];
const TLPS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
const SOURCES = [
  { ref: 'renard2014', locator: 'p. 4' },
  { ref: 'https://eur-lex.europa.eu/eli/reg/2019/796/oj', locator: 'Art. 1' },
  { ref: 'https://example.org/report', locator: 'section 2', quote: 'Quoted "text" — with ü' },
];

describe.each(dialects)('incident list answer on %s', (dialect) => {
  let team: Harness;
  let single: Harness;
  let drop: () => Promise<void>;
  const readers: { client: Client; principal: Principal; h: () => Harness }[] = [];
  const next = seededRandom(14);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;

  beforeAll(async () => {
    const db = await freshDatabase(dialect);
    drop = db.drop;
    const shared = { target: db.target, drop: async () => {} };
    team = await startHarness(teamConfig(), dialect, shared);
    single = await startHarness({}, dialect, shared);
    const editorDe = await addUser(team, 'editor-de', 'editor', 'DE');
    const editorFr = await addUser(team, 'editor-fr', 'editor', 'FR');
    const viewerIt = await addUser(team, 'viewer-it', 'viewer', 'IT');
    const user = (username: string, role: 'editor' | 'viewer', org: string): Principal => ({ kind: 'user', id: username, username, role, org, via: 'token' });
    readers.push(
      { client: editorDe, principal: user('editor-de', 'editor', 'DE'), h: () => team },
      { client: editorFr, principal: user('editor-fr', 'editor', 'FR'), h: () => team },
      { client: viewerIt, principal: user('viewer-it', 'viewer', 'IT'), h: () => team },
      { client: anonymous, principal: { kind: 'anonymous' }, h: () => team },
      // Twice: single-analyst mode sees every record, and its pages are read ids first (incident-repository.ts).
      { client: anonymous, principal: { kind: 'local', org: null }, h: () => single },
      { client: anonymous, principal: { kind: 'local', org: null }, h: () => single },
    );
    for (let i = 0; i < 40; i++) {
      const author = i % 3 === 0 ? editorFr : editorDe;
      const tlp = pick(TLPS);
      const over: Record<string, unknown> = {
        tlp,
        category: pick(CATEGORIES),
        ongoing: next() < 0.5,
        start: `2025-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
        summary: `Answer test ${i}: Türkiye, “quotes”, tab\there, emoji 🛰️ and a backslash \\`,
        ...(tlp === 'amber' && next() < 0.5 ? { sharedWith: ['IT'] } : {}),
        ...(tlp === 'red' ? { recipients: ['viewer-it'] } : {}),
        ...(next() < 0.7 ? { sources: SOURCES.filter(() => next() < 0.6) } : {}),
      };
      if (Array.isArray(over.sources) && over.sources.length === 0) delete over.sources;
      const r = await call(team.app, author, 'POST', '/api/incidents', incident(`Answer incident ${i}`, over));
      expect(r.status, r.text).toBe(201);
    }
    // Some bodies stored in another spelling of the same JSON: with spaces and \u escapes (as another writer might).
    const rows = await sql<{ id: string; body: string }>`SELECT id, body FROM incident ORDER BY id`.execute(team.wb.db);
    for (const row of rows.rows.filter((_, k) => k % 4 === 0)) {
      const spelled = JSON.stringify(JSON.parse(row.body), null, 1).replace(/ü/g, '\\u00fc');
      await sql`UPDATE incident SET body = ${spelled} WHERE id = ${row.id}`.execute(team.wb.db);
    }
  }, 120_000);
  afterAll(async () => {
    await team?.close();
    await single?.close();
    await drop?.();
  });

  /** One random page by one random reader: the answer's bytes against the plain path's. */
  const compareOne = async () => {
    const reader = pick(readers);
    const query: Record<string, string> = { limit: String(1 + Math.floor(next() * 20)), offset: String(Math.floor(next() * 30)) };
    const filter = next();
    if (filter < 0.3) query.category = pick(CATEGORIES);
    else if (filter < 0.45) query.ongoing = pick(['true', 'false']);
    else if (filter < 0.65) query.q = pick(['Answer', 'Türkiye', 'incident 1', 'emoji', 'nothing like this']);
    const url = `/api/incidents?${new URLSearchParams(query).toString()}`;
    const h = reader.h();
    const res = await h.app.inject({ method: 'GET', url, headers: reader.client.headers });
    if (reader.principal.kind === 'anonymous' && res.statusCode !== 200) return { url, items: 0 };
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const plain = JSON.stringify(h.app.gradeSources(await h.wb.toolbox.list(reader.principal, query)));
    expect(res.body, `${reader.principal.kind} ${url}`).toBe(plain);
    return { url, items: (JSON.parse(res.body) as { items: unknown[] }).items.length };
  };

  it('answers the bytes of the plain path over random pages, filters and readers', async () => {
    let items = 0;
    for (let i = 0; i < 80; i++) items += (await compareOne()).items;
    expect(items).toBeGreaterThan(200);
    // Sources got their grades in the answer, and the bodies spelled otherwise were rewritten, not spliced as stored.
    const all = await call(single.app, anonymous, 'GET', '/api/incidents?limit=100');
    expect(all.text).toContain('"grade":"primary"');
    expect(all.text).not.toContain('\\u00fc');
    expect(all.text).not.toContain('{\n');
  });

  it('follows bodies edited in place between reads', async () => {
    const local: Principal = { kind: 'local', org: null };
    const before = await single.app.inject({ method: 'GET', url: '/api/incidents?limit=100' });
    const rows = await sql<{ id: string; body: string }>`SELECT id, body FROM incident ORDER BY id`.execute(team.wb.db);
    for (const row of rows.rows.filter((_, k) => k % 3 === 1)) {
      const body = JSON.parse(row.body) as { summary: string; sources?: unknown[] };
      body.summary = `${body.summary} (edited)`;
      body.sources = [SOURCES[0]];
      await sql`UPDATE incident SET body = ${JSON.stringify(body)} WHERE id = ${row.id}`.execute(team.wb.db);
    }
    const after = await single.app.inject({ method: 'GET', url: '/api/incidents?limit=100' });
    expect(after.body).not.toBe(before.body);
    expect(after.body).toContain('(edited)');
    expect(after.body).toBe(JSON.stringify(single.app.gradeSources(await single.wb.toolbox.list(local, { limit: '100' }))));
    for (let i = 0; i < 40; i++) await compareOne();
  });
});
