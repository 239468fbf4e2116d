// Who owns imported records and how they are marked: the importer's organisation, TLP from the source (else the
// deployment default; an option over both), RED naming the importing user; imports without an owner for what needs
// one, or over another organisation's records, are refused whole before anything is written.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeService } from '../../src/app/exchange-service';
import { readConfig } from '../../src/config';
import { ALL, body, storeCounts, taggedBundle } from './exchange-support';
import { dialects, startHarness, teamConfig, tempDir, type Harness } from './harness';
import { addUser, call, type Client } from './team';

describe.each(dialects)('markings of imported records in team mode on %s', (dialect) => {
  let h: Harness;
  let ex: ExchangeService;
  const c = {} as Record<'erin' | 'ivo' | 'anna', Client>;

  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    ex = new ExchangeService(h.wb);
    c.erin = await addUser(h, 'erin', 'editor', 'DE');
    c.ivo = await addUser(h, 'ivo', 'editor', 'IT');
    c.anna = await addUser(h, 'anna', 'analyst', 'DE');
  });
  afterAll(async () => h?.close());

  const post = (who: Client, b: unknown, query = '') => call(h.app, who, 'POST', `/api/import/stix${query}`, b);
  const markingOfSource = async (sourceKey: string) => {
    const row = await sql<{ record_id: string }>`SELECT record_id FROM exchange_link WHERE source_key = ${sourceKey}`.execute(h.wb.db);
    const id = row.rows[0]?.record_id;
    return id ? ex.repo.recordMarking(id) : undefined;
  };

  it('records are owned by the importer\'s organisation and marked as the source marks them', async () => {
    const b = taggedBundle('own-1', 'amber+strict');
    expect((await post(c.erin, body(b))).status).toBe(200);
    for (const key of [b.ids.actor, b.ids.incident]) expect(await markingOfSource(key)).toEqual({ tlp: 'amber+strict', owner: 'DE', sharedWith: [], recipients: [] });
  });

  it('unmarked records get the deployment default; tlp= overrides; RED names the importing user and the recipients', async () => {
    const plain = taggedBundle('own-2', null);
    expect((await post(c.erin, body(plain))).status).toBe(200);
    expect((await markingOfSource(plain.ids.incident))?.tlp).toBe(h.wb.config.auth.defaultTlp);
    const lowered = taggedBundle('own-3', 'amber');
    expect((await post(c.erin, body(lowered), '?tlp=green')).status).toBe(200);
    expect(await markingOfSource(lowered.ids.actor)).toMatchObject({ tlp: 'green', owner: 'DE' });
    const red = taggedBundle('own-4', 'red');
    expect((await post(c.erin, body(red), '?recipients=anna')).status).toBe(200);
    expect(await markingOfSource(red.ids.incident)).toEqual({ tlp: 'red', owner: 'DE', sharedWith: [], recipients: ['anna', 'erin'] });
  });

  it('refuses bad marking options with 400', async () => {
    const b = body(taggedBundle('own-5', 'green'));
    for (const q of ['?tlp=orange', '?recipients=nobody-here', '?tlp=green&recipients=anna', '?owner=Germany']) {
      const r = await post(c.erin, b, q);
      expect(r.status, q).toBe(400);
      expect((r.body as { error: { code: string } }).error.code, q).toBe('invalid_marking');
    }
  });

  it('another organisation\'s records it cannot see are refused whole (409), writing nothing; visible ones import', async () => {
    const secret = taggedBundle('own-6', 'amber');
    expect((await post(c.erin, body(secret))).status).toBe(200);
    const counts = await storeCounts(h.wb);
    const r = await post(c.ivo, body(secret));
    expect(r.status).toBe(409);
    expect((r.body as { error: { code: string; message: string } }).error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/Nothing was imported/) });
    expect(await storeCounts(h.wb)).toEqual(counts);
    const open = taggedBundle('own-7', 'green');
    expect((await post(c.erin, body(open))).status).toBe(200);
    const again = await post(c.ivo, body(open));
    expect(again.status).toBe(200);
    expect((again.body as { written: { incident: { unchanged: number } } }).written.incident.unchanged).toBe(1);
    expect((await markingOfSource(open.ids.incident))?.owner).toBe('DE');
  });

  it('an ownerless record left by an earlier import is adopted by the next import of it, with an audit entry', async () => {
    const b = taggedBundle('own-8', 'amber');
    expect((await post(c.erin, body(b))).status).toBe(200);
    const link = await sql<{ record_id: string }>`SELECT record_id FROM exchange_link WHERE source_key = ${b.ids.actor}`.execute(h.wb.db);
    const actorId = link.rows[0]!.record_id;
    await sql`UPDATE record_marking SET owner_org = NULL WHERE record_id = ${actorId}`.execute(h.wb.db);
    const r = await post(c.erin, body(b));
    expect((r.body as { written: { actor: { updated: number } } }).written.actor.updated).toBe(1);
    expect((await ex.repo.recordMarking(actorId))?.owner).toBe('DE');
    const entry = (await h.wb.audit.list(ALL, { targetId: actorId })).at(-1);
    expect(entry).toMatchObject({ action: 'import.stix', before: { marking: { owner: null } }, after: { marking: { owner: 'DE' } } });
  });
});

describe('imports with no organisation to own their records (sign-in off, no CYBERDIPLO_ORG)', () => {
  let h: Harness;
  let ex: ExchangeService;
  const dir = tempDir('cyberdiplo-noorg-');
  const file = (name: string, b: unknown) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, JSON.stringify(b));
    return f;
  };
  const local = { kind: 'local', org: null } as const;

  beforeAll(async () => {
    h = await startHarness({ auth: { ...readConfig({}).auth } });
    ex = new ExchangeService(h.wb);
  });
  afterAll(async () => h?.close());

  it('refuses TLP:AMBER records up front, naming the fix, and writes nothing (dry run too)', async () => {
    const f = file('amber.json', body(taggedBundle('noorg-1', 'amber')));
    const counts = await storeCounts(h.wb);
    for (const dryRun of [false, true]) {
      await expect(ex.importFiles(local, 'stix', [f], { dryRun })).rejects.toMatchObject({ code: 'invalid_marking', message: expect.stringMatching(/3 record\(s\) marked TLP:AMBER need an owner organisation.*CYBERDIPLO_ORG.*--org/) });
    }
    const http = await h.app.inject({ method: 'POST', url: '/api/import/stix', payload: body(taggedBundle('noorg-1', 'amber')) });
    expect(http.statusCode).toBe(400);
    expect(http.json()).toMatchObject({ error: { code: 'invalid_marking', message: expect.stringMatching(/owner organisation.*\?owner=/) } });
    expect(await storeCounts(h.wb)).toEqual(counts);
    const r = await ex.importFiles(local, 'stix', [f], { marking: { owner: 'DE' } });
    expect(r.written.incident.created).toBe(1);
  });

  it('imports what needs no owner; RED needs a named recipient', async () => {
    expect((await ex.importFiles(local, 'stix', [file('green.json', body(taggedBundle('noorg-2', 'green')))])).written.actor.created).toBe(1);
    const red = file('red.json', body(taggedBundle('noorg-3', 'red')));
    await expect(ex.importFiles({ kind: 'local', org: 'DE' }, 'stix', [red])).rejects.toMatchObject({ code: 'invalid_marking', message: expect.stringMatching(/TLP:RED need a named recipient.*--recipients/) });
    expect((await ex.importFiles({ kind: 'local', org: 'DE' }, 'stix', [red], { marking: { recipients: ['anna'] } })).written.incident.created).toBe(1);
  });
});
