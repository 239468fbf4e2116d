// The incident list's whole answers are kept per incident version, reader and query (src/server/kept-incident-pages.ts).
// On each dialect, with two team-mode servers and a single-analyst server on one database: over random queries, readers
// and writes (creates, edits, re-markings, grants, deletions) through either team server, every answer's bytes equal
// the plain path's (the service's page, graded and serialized whole), read at that moment. The queries come from a
// small set so that pages are asked for again and answered from what was kept. A reader never gets a page kept for
// another reader who sees more: not one of the same organisation who is a RED record's recipient, nor one of
// another organisation, nor the single analyst. A server's own write carries the pages and counts it leaves as they
// were (core/toolbox/incident-listing.ts); the random steps count the answers so carried, with imports among the writes.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Principal } from '../../src/core/auth/principal';
import { body, taggedBundle } from './exchange-support';
import { dialects, startHarness, type Harness } from './harness';
import { addUser, anonymous, call, incident, type Client } from './team';
import { twoServers, type TwoServers } from './two-servers';
import { seededRandom } from './seeded-random';

const CATEGORIES = ['cyber-espionage', 'hybrid', 'cyber-crime'];
const TLPS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
const QUERIES: Record<string, string>[] = [
  { limit: '100' },
  { limit: '5' },
  { limit: '5', offset: '5' },
  { category: 'hybrid', limit: '10' },
  { category: 'cyber-espionage' },
  { ongoing: 'true', limit: '7' },
  { q: 'Kept', limit: '20' },
  { q: 'page 1' },
];

interface Reader {
  client: Client;
  principal: Principal;
}

describe.each(dialects)('kept incident pages on %s', (dialect) => {
  let servers: TwoServers;
  let single: Harness;
  let editorDe: Reader;
  let viewerDe: Reader;
  let editorFr: Reader;
  let viewerIt: Reader;
  let nobody: Reader;
  let local: Reader;
  const ids: string[] = [];
  const next = seededRandom(2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const user = (username: string, role: 'editor' | 'viewer', org: string): Principal => ({ kind: 'user', id: username, username, role, org, via: 'token' });
  const team = () => pick([servers.a, servers.b]);
  const serverOf = (r: Reader) => (r === local ? single : team());

  /** A random marking: AMBER sometimes shared with FR or IT, RED for one or two named recipients. */
  const marking = () => {
    const tlp = pick(TLPS);
    return {
      tlp,
      ...(tlp === 'amber' ? { sharedWith: pick([[], ['FR'], ['IT'], ['FR', 'IT']]) } : {}),
      ...(tlp === 'red' ? { recipients: pick([['editor-de'], ['viewer-it'], ['editor-de', 'editor-fr']]) } : {}),
    };
  };
  const fields = (i: number) => ({
    category: pick(CATEGORIES),
    ongoing: next() < 0.5,
    start: `2025-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
    summary: `Kept page ${i}: Türkiye, “quotes”, and a backslash \\`,
  });

  const answer = async (h: Harness, r: Reader, query: Record<string, string>, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'GET', url: `/api/incidents?${new URLSearchParams(query).toString()}`, headers: { ...r.client.headers, ...headers } });
  /** The plain path's page, its total checked against the length of the reader's full list (read without a count). */
  const plain = async (h: Harness, r: Reader, query: Record<string, string>) => {
    const page = await h.wb.toolbox.list(r.principal, query);
    const full = await h.wb.toolbox.list(r.principal, { ...query, limit: '1000', offset: '0' });
    expect(page.total, `the total of ${JSON.stringify(query)}`).toBe(full.items.length);
    return JSON.stringify(h.app.gradeSources(page));
  };
  /** The answer of server `h` to reader `r`, checked against the plain path's at this moment. */
  const compare = async (h: Harness, r: Reader, query: Record<string, string>, why: string) => {
    const res = await answer(h, r, query);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body, `${why}: ${r.principal.kind} ${JSON.stringify(query)}`).toBe(await plain(h, r, query));
    return res;
  };

  beforeAll(async () => {
    servers = await twoServers(dialect);
    single = await startHarness({}, dialect, { target: servers.target, drop: async () => {} });
    editorDe = { client: await addUser(servers.a, 'editor-de', 'editor', 'DE'), principal: user('editor-de', 'editor', 'DE') };
    viewerDe = { client: await addUser(servers.a, 'viewer-de', 'viewer', 'DE'), principal: user('viewer-de', 'viewer', 'DE') };
    editorFr = { client: await addUser(servers.a, 'editor-fr', 'editor', 'FR'), principal: user('editor-fr', 'editor', 'FR') };
    viewerIt = { client: await addUser(servers.a, 'viewer-it', 'viewer', 'IT'), principal: user('viewer-it', 'viewer', 'IT') };
    nobody = { client: anonymous, principal: { kind: 'anonymous' } };
    local = { client: anonymous, principal: { kind: 'local', org: null } };
    for (let i = 0; i < 24; i++) {
      const author = i % 3 === 0 ? editorFr : editorDe;
      const r = await call(team().app, author.client, 'POST', '/api/incidents', incident(`Kept incident ${i}`, { ...fields(i), ...marking() }));
      expect(r.status, r.text).toBe(201);
      ids.push((r.body as { id: string }).id);
    }
  }, 120_000);
  afterAll(async () => {
    await single?.close();
    await servers?.close();
  });

  it('answers the plain path’s bytes over random queries, readers and writes through either team server', async () => {
    const readers = [editorDe, viewerDe, editorFr, viewerIt, nobody, local];
    let asked = 0;
    let repeated = 0;
    let written = 0;
    const seen = new Set<string>();
    // Which server wrote each write ('import' for an import, which no server carries), and for each server and slot
    // how many writes there had been when it last answered: an answer after writes of its own server alone, read
    // without the service's page read, is a carried one. The counts' own reads are counted too.
    const servers3 = [servers.a, servers.b, single];
    const pageReads = servers3.map((h) => vi.spyOn(h.wb.toolbox, 'listStored'));
    const countReads = servers3.map((h) => vi.spyOn((h.wb.toolbox as unknown as { incidents: { count(): Promise<number> } }).incidents, 'count'));
    const writers: string[] = [];
    const answeredAt = new Map<string, number>();
    let carried = 0;
    let countsCarried = 0;
    let imports = 0;
    for (let step = 0; step < 160; step++) {
      const roll = next();
      if (roll < 0.12) {
        // A write through a random team server (the single-analyst server reads what they write): a create, an edit,
        // a re-marking (grants included), a deletion or an import.
        const kind = pick(['create', 'edit', 'remark', 'delete', 'import'] as const);
        const h = team();
        const by = editorDe.client;
        if (kind === 'import') {
          const r = await call(h.app, by, 'POST', '/api/import/stix', body(taggedBundle(`kept-${step}`, pick(['green', 'amber', 'clear'] as const))));
          expect(r.status, r.text).toBe(200);
          writers.push('import');
          imports++;
          written++;
          continue;
        }
        writers.push(h === servers.a ? 'a' : 'b');
        if (kind === 'create' || ids.length < 4) {
          const r = await call(h.app, by, 'POST', '/api/incidents', incident(`Kept incident ${100 + step}`, { ...fields(100 + step), ...marking() }));
          expect(r.status, r.text).toBe(201);
          ids.push((r.body as { id: string }).id);
          written++;
        } else {
          const id = pick(ids);
          // editor-de changes and deletes what it sees, within what it may change; a refusal (403/404) writes nothing.
          const r =
            kind === 'delete'
              ? await call(h.app, by, 'DELETE', `/api/incidents/${id}`)
              : await call(h.app, by, 'PATCH', `/api/incidents/${id}`, kind === 'edit' ? fields(step) : marking());
          expect([200, 204, 403, 404], r.text).toContain(r.status);
          if (r.status === 204) ids.splice(ids.indexOf(id), 1);
          if (r.status < 300) written++;
        }
        continue;
      }
      const r = pick(readers);
      const query = pick(QUERIES);
      const slot = `${readers.indexOf(r)} ${JSON.stringify(query)}`;
      if (seen.has(slot)) repeated++;
      seen.add(slot);
      if (r === nobody) {
        // Anonymous callers may be refused the list in team mode; then nothing is kept for them either.
        const res = await answer(team(), r, query);
        if (res.statusCode !== 200) continue;
      }
      const h = serverOf(r);
      const k = servers3.indexOf(h);
      const name = ['a', 'b', 'single'][k] as string;
      const [pages, counts] = [pageReads[k]?.mock.calls.length, countReads[k]?.mock.calls.length];
      await compare(h, r, query, `step ${step}`);
      const since = answeredAt.get(`${name} ${slot}`);
      const ownWrites = since !== undefined && since < writers.length && writers.slice(since).every((w) => w === name);
      if (ownWrites && pageReads[k]?.mock.calls.length === pages) carried++;
      if (ownWrites && countReads[k]?.mock.calls.length === counts && pageReads[k]?.mock.calls.length !== pages) countsCarried++;
      answeredAt.set(`${name} ${slot}`, writers.length);
      asked++;
    }
    for (const spy of [...pageReads, ...countReads]) spy.mockRestore();
    expect(asked).toBeGreaterThan(100);
    expect(repeated).toBeGreaterThan(50);
    expect(written).toBeGreaterThan(8);
    expect(imports).toBeGreaterThan(0);
    // Pages were carried over writes, and answered right (the test below carries more, write by write).
    expect(carried + countsCarried).toBeGreaterThan(0);
  });

  it('carries over its own writes the pages and counts they leave as they were, and reads again those they change', async () => {
    const h = servers.a;
    const readers = [editorDe, viewerDe, editorFr, viewerIt];
    const pageReads = vi.spyOn(h.wb.toolbox, 'listStored');
    const countReads = vi.spyOn((h.wb.toolbox as unknown as { incidents: { count(): Promise<number> } }).incidents, 'count');
    /** Every reader and query on server a, each answer checked; the pages and counts read meanwhile. */
    const readAll = async (why: string) => {
      const [pages, counts] = [pageReads.mock.calls.length, countReads.mock.calls.length];
      for (const r of readers) for (const query of QUERIES) await compare(h, r, query, why);
      return { pages: pageReads.mock.calls.length - pages, counts: countReads.mock.calls.length - counts };
    };
    const asked = readers.length * QUERIES.length;
    await readAll('before the writes');
    expect(await readAll('again, nothing written')).toEqual({ pages: 0, counts: 0 });
    // A CLEAR incident no query's text finds, in a category no query asks for: every unfiltered and ongoing page moves.
    const made = await call(h.app, editorDe.client, 'POST', '/api/incidents', incident('Carried write', { category: 'cyber-crime', tlp: 'clear' }));
    expect(made.status, made.text).toBe(201);
    const id = (made.body as { id: string }).id;
    const steps: [string, () => Promise<unknown>][] = [
      ['a create', async () => {}],
      ['a re-marking to AMBER of DE', () => call(h.app, editorDe.client, 'PATCH', `/api/incidents/${id}`, { tlp: 'amber' })],
      ['a share with IT', () => call(h.app, editorDe.client, 'PATCH', `/api/incidents/${id}`, { tlp: 'amber', sharedWith: ['IT'] })],
      ['a category edit', () => call(h.app, editorDe.client, 'PATCH', `/api/incidents/${id}`, { category: 'hybrid' })],
      ['a title edit the search finds', () => call(h.app, editorDe.client, 'PATCH', `/api/incidents/${id}`, { title: 'Carried write, Kept' })],
      ['a deletion', () => call(h.app, editorDe.client, 'DELETE', `/api/incidents/${id}`)],
    ];
    for (const [what, write] of steps) {
      const w = (await write()) as { status?: number; text?: string } | undefined;
      if (w?.status !== undefined) expect(w.status, w.text).toBeLessThan(300);
      const read = await readAll(`after ${what}`);
      // Some pages are read again (those whose list the write changed), not all; their counts are carried.
      expect(read.pages, what).toBeGreaterThan(0);
      expect(read.pages, what).toBeLessThan(asked);
      expect(read.counts, what).toBe(0);
    }
    pageReads.mockRestore();
    countReads.mockRestore();
  });

  it('never answers a reader with a page kept for a reader who sees more', async () => {
    // A RED record for editor-de alone, an AMBER+STRICT one of DE and an AMBER one shared with FR: each reader below
    // sees less than the one before, and reads the same query right after it, at the same version.
    for (const [title, m] of [
      ['Kept only for editor-de', { tlp: 'red', recipients: ['editor-de'] }],
      ['Kept strictly for DE', { tlp: 'amber+strict' }],
      ['Kept for DE and FR', { tlp: 'amber', sharedWith: ['FR'] }],
    ] as const) {
      const r = await call(servers.a.app, editorDe.client, 'POST', '/api/incidents', incident(title, { category: 'hybrid', ...m }));
      expect(r.status, r.text).toBe(201);
    }
    const query = { category: 'hybrid', limit: '1000' };
    const bodies: string[] = [];
    for (const r of [local, editorDe, viewerDe, editorFr, viewerIt]) {
      const h = r === local ? single : servers.b;
      const res = await compare(h, r, query, 'after a reader who sees more');
      bodies.push(res.body);
      // Asked again: the kept page, the same bytes and tag; with the tag sent back, 304 and nothing else.
      const again = await answer(h, r, query);
      expect(again.body).toBe(res.body);
      expect(again.headers.etag).toBe(res.headers.etag);
      expect(again.headers['cache-control']).toBe('no-store');
      const held = await answer(h, r, query, { 'if-none-match': String(res.headers.etag) });
      expect(held.statusCode).toBe(304);
      expect(held.body).toBe('');
    }
    const titles = bodies.map((b) => (JSON.parse(b) as { items: { incident: { title: string } }[] }).items.map((i) => i.incident.title).filter((t) => t.startsWith('Kept only') || t.startsWith('Kept strictly') || t.startsWith('Kept for')));
    expect(titles.map((t) => t.length)).toEqual([3, 3, 2, 1, 0]);
    expect(new Set(bodies).size).toBe(5);
  });

  it('follows a write by the other server at once, and a tag held before it no longer matches', async () => {
    const query = { limit: '100' };
    const before = await compare(servers.a, viewerIt, query, 'before');
    const made = await call(servers.b.app, editorFr.client, 'POST', '/api/incidents', incident('Kept after a write elsewhere', { tlp: 'amber', sharedWith: ['IT'] }));
    expect(made.status, made.text).toBe(201);
    const after = await answer(servers.a, viewerIt, query, { 'if-none-match': String(before.headers.etag) });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('Kept after a write elsewhere');
    expect(after.body).toBe(await plain(servers.a, viewerIt, query));
    // Re-marked by server b so that IT no longer sees it: gone from server a's next answer.
    const id = (made.body as { id: string }).id;
    expect((await call(servers.b.app, editorFr.client, 'PATCH', `/api/incidents/${id}`, { tlp: 'amber', sharedWith: [] })).status).toBe(200);
    const gone = await compare(servers.a, viewerIt, query, 'after a re-marking elsewhere');
    expect(gone.body).not.toContain('Kept after a write elsewhere');
    expect(gone.body).toBe(before.body);
  });
});
