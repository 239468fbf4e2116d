// The audit trail read the way its web page reads it: newest first a page at a time, narrowed by actor, record type
// and days; and the import reports with who ran each and their marking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, taggedBundle } from './exchange-support';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
import { addUser, call, incident, type Client } from './team';

type Entry = { seq: number; at: string; actor: string; action: string; targetType: string };

describe.each(dialects)('audit filters and import reports on %s', (dialect) => {
  let h: Harness;
  let editor: Client;
  let admin: Client;
  let today: string;

  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    editor = await addUser(h, 'erin', 'editor', 'DE');
    admin = await addUser(h, 'ada', 'admin', 'DE');
    const id = ((await call(h.app, editor, 'POST', '/api/incidents', incident('filtered'))).body as { id: string }).id;
    await call(h.app, editor, 'PATCH', `/api/incidents/${id}`, { ongoing: false });
    const imported = await call(h.app, editor, 'POST', '/api/import/stix?tlp=amber', body(taggedBundle('audit-filters', null)));
    expect(imported.status).toBe(200);
    today = h.wb.today();
  });
  afterAll(async () => h?.close());

  const entries = async (query: string) => {
    const r = await call(h.app, admin, 'GET', `/api/audit${query}`);
    expect(r.status, r.text).toBe(200);
    return r.body as Entry[];
  };

  it('pages newest first with before', async () => {
    const all = await entries('?limit=1000');
    const seqs = all.map((e) => e.seq);
    const newest = await entries('?order=newest&limit=3');
    expect(newest.map((e) => e.seq)).toEqual(seqs.slice(-3).reverse());
    const next = await entries(`?order=newest&limit=3&before=${newest[2]!.seq}`);
    expect(next.map((e) => e.seq)).toEqual(seqs.slice(-6, -3).reverse());
    expect((await entries('?limit=2')).map((e) => e.seq)).toEqual(seqs.slice(0, 2));
  });

  it('narrows by actor and record type', async () => {
    const erin = await entries('?actor=user:erin&limit=1000');
    expect(erin.length).toBeGreaterThan(2);
    expect(new Set(erin.map((e) => e.actor))).toEqual(new Set(['user:erin']));
    const ada = await entries('?actor=user:ada&limit=1000');
    expect(ada.every((e) => e.actor === 'user:ada')).toBe(true);
    const incidents = await entries('?type=incident&actor=user:erin&limit=1000');
    expect(incidents.map((e) => e.action).slice(0, 2)).toEqual(['incident.create', 'incident.update']);
    expect(incidents.every((e) => e.targetType === 'incident')).toBe(true);
    expect((await entries('?type=import_report')).map((e) => e.actor)).toEqual(['user:erin']);
  });

  it('narrows by days, both ends included', async () => {
    const all = await entries('?limit=1000');
    expect(all.every((e) => e.at.startsWith(today))).toBe(true);
    expect(await entries(`?from=${today}&to=${today}&limit=1000`)).toHaveLength(all.length);
    const next = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const before = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(await entries(`?from=${next}`)).toEqual([]);
    expect(await entries(`?to=${before}`)).toEqual([]);
    expect(await entries(`?from=${before}&limit=1000`)).toHaveLength(all.length);
  });

  it('refuses a malformed filter with its words', async () => {
    for (const [q, words] of [
      ['?order=latest', /order must be oldest or newest/],
      ['?from=2026-02-30', /from must be a day as YYYY-MM-DD/],
      ['?from=2026-03-02&to=2026-03-01', /to \(2026-03-01\) must not be before from \(2026-03-02\)/],
      ['?before=0', /before must be a whole number/],
    ] as const) {
      const r = await call(h.app, admin, 'GET', `/api/audit${q}`);
      expect(r.status, q).toBe(400);
      const { error } = r.body as { error: { code: string; message: string } };
      expect(error.code).toBe('invalid_filter');
      expect(error.message).toMatch(words);
    }
  });

  it('names who ran each import and its marking', async () => {
    const r = await call(h.app, editor, 'GET', '/api/import/reports');
    expect(r.status).toBe(200);
    const [last] = r.body as { by: string | null; tlp: string; format: string; report: { files: string[] } }[];
    expect(last).toMatchObject({ by: 'user:erin', tlp: 'amber', format: 'stix', report: { files: [] } });
  });

  it('keeps the name of the file a posted bundle came from, without its folders', async () => {
    const named = await call(h.app, editor, 'POST', '/api/import/stix?dryRun=true&file=C%3A%5Cdata%5Cbundle%20march.json', body(taggedBundle('audit-filters-named', null)));
    expect(named.status, named.text).toBe(200);
    expect((named.body as { files: string[] }).files).toEqual(['bundle march.json']);
    const stored = await call(h.app, editor, 'POST', '/api/import/stix?file=feed/april.json', body(taggedBundle('audit-filters-april', null)));
    expect(stored.status, stored.text).toBe(200);
    const [last] = (await call(h.app, editor, 'GET', '/api/import/reports?limit=1')).body as { report: { files: string[] } }[];
    expect(last?.report.files).toEqual(['april.json']);
    const [entry] = await entries('?type=import_report&order=newest&limit=1');
    expect(JSON.stringify(entry)).toContain('april.json');
    for (const bad of ['x'.repeat(201), 'a%0Ab.json', 'folder%2F']) {
      const r = await call(h.app, editor, 'POST', `/api/import/stix?file=${bad}`, body(taggedBundle('audit-filters-bad', null)));
      expect(r.status, bad).toBe(400);
      expect((r.body as { error: { message: string } }).error.message).toMatch(/^file must be a file name of 1 to 200 printable characters/);
    }
  });
});
