// Who owns imported records and how they are marked: the importer's organisation, TLP from the source (else the
// deployment default; an option over both), RED naming the importing user; imports without an owner for what needs
// one are refused whole before anything is written; records held out of the importer's sight are answered as missing
// (the importer gets records of its own).
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
    // An owner must be an organisation that exists: XX is no member state, and member state codes are upper case.
    for (const q of ['?tlp=orange', '?recipients=nobody-here', '?tlp=green&recipients=anna', '?owner=Germany', '?owner=XX', '?owner=de']) {
      const r = await post(c.erin, b, q);
      expect(r.status, q).toBe(400);
      expect((r.body as { error: { code: string } }).error.code, q).toBe('invalid_marking');
    }
  });

  it('another organisation\'s records it cannot see are answered as missing: the import creates the importer\'s own, and leaves theirs alone', async () => {
    const secret = taggedBundle('own-6', 'amber');
    const first = await post(c.erin, body(secret));
    expect(first.status).toBe(200);
    const deIncident = (await sql<{ record_id: string }>`SELECT record_id FROM exchange_link WHERE source_key = ${secret.ids.incident}`.execute(h.wb.db)).rows.map((r) => r.record_id);
    const deBefore = await h.wb.db.selectFrom('incident').select(['id', 'body', 'version']).where('id', 'in', deIncident).execute();
    // Nothing in the answer tells IT's editor that DE holds these records: the same status and counts as a first import.
    const r = await post(c.ivo, body(secret));
    expect(r.status).toBe(200);
    expect((r.body as { written: unknown }).written).toEqual((first.body as { written: unknown }).written);
    expect(JSON.stringify(r.body)).not.toMatch(/held here|marking that does not include/);
    // DE's records are as they were; IT now holds its own copies, owned by IT, wired to each other.
    expect(await h.wb.db.selectFrom('incident').select(['id', 'body', 'version']).where('id', 'in', deIncident).execute()).toEqual(deBefore);
    const links = (await sql<{ record_id: string }>`SELECT record_id FROM exchange_link WHERE source_key = ${secret.ids.incident}`.execute(h.wb.db)).rows.map((x) => x.record_id);
    const itIncident = links.find((id) => !deIncident.includes(id));
    expect(itIncident).toBeDefined();
    expect(await ex.repo.recordMarking(itIncident ?? '')).toMatchObject({ tlp: 'amber', owner: 'IT' });
    const seen = await call(h.app, c.ivo, 'GET', `/api/incidents/${itIncident}`);
    expect(seen.status).toBe(200);
    const hidden = await call(h.app, c.ivo, 'GET', `/api/incidents/${deIncident[0]}`);
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(seen.body)).not.toContain(deIncident[0]);
    // IT's attribution names IT's incident and IT's actor, never DE's.
    const deActor = (await sql<{ record_id: string }>`SELECT record_id FROM exchange_link WHERE source_key = ${secret.ids.actor}`.execute(h.wb.db)).rows.map((x) => x.record_id);
    expect(deActor).toHaveLength(2);
    const wired = await sql<{ body: string }>`SELECT body FROM exchange_record WHERE body LIKE ${`%${itIncident}%`}`.execute(h.wb.db);
    const attribution = wired.rows.map((x) => JSON.parse(x.body) as { subject?: { id: string }; target?: string }).find((b) => b.subject?.id === itIncident);
    expect(attribution?.target).toBeDefined();
    expect(await ex.repo.recordMarking(attribution?.target ?? '')).toMatchObject({ owner: 'IT' });
    // A re-import by IT finds its own records again.
    const again = await post(c.ivo, body(secret));
    expect((again.body as { written: { incident: { unchanged: number; created: number } } }).written.incident).toMatchObject({ unchanged: 1, created: 0 });
    // Records IT can see are shared as before: no copy.
    const open = taggedBundle('own-7', 'green');
    expect((await post(c.erin, body(open))).status).toBe(200);
    const openAgain = await post(c.ivo, body(open));
    expect(openAgain.status).toBe(200);
    expect((openAgain.body as { written: { incident: { unchanged: number } } }).written.incident.unchanged).toBe(1);
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
    // The files path (the CLI's --org) refuses an organisation that does not exist, naming the upper-case code.
    await expect(ex.importFiles(local, 'stix', [f], { marking: { owner: 'de' } })).rejects.toMatchObject({ code: 'invalid_marking', message: expect.stringMatching(/owner: .*member state codes are upper case: DE/) });
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
