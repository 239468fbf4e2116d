// Security (imports): an imported id names a record of its own kind only, so an actor object cannot re-mark an
// incident; an import that changes an incident's marking leaves a version in its history, as the API does.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stixIdFor, tlpFor, tlpObject } from '../../src/core/exchange/index';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
import { addUser, call, incident, type Client } from './team';

const T = '2024-03-01T10:00:00.000Z';

function redBundle(objects: Record<string, unknown>[]) {
  const red = tlpFor('2.0', 'red');
  if (!red) throw new Error('no TLP:RED definition');
  return { type: 'bundle', id: 'bundle--6b2f7a4e-7d0b-4d55-9a1e-2f9a6c2b7e10', objects: [tlpObject(red), ...objects.map((o) => ({ ...o, object_marking_refs: [red.id] }))] };
}

describe.each(dialects)('security: imported ids are scoped by kind on %s', (dialect) => {
  let h: Harness;
  let de: Client;
  let fr: Client;
  let id: string;

  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    de = await addUser(h, 'editor-de', 'editor', 'DE');
    fr = await addUser(h, 'editor-fr', 'editor', 'FR');
    const made = await call(h.app, de, 'POST', '/api/incidents', incident('de green incident', { tlp: 'green' }));
    id = (made.body as { id: string }).id;
  });
  afterAll(async () => h?.close());

  const marking = async () => ((await call(h.app, de, 'GET', `/api/incidents/${id}`)).body as { marking: { tlp: string; owner: string } }).marking;
  const history = async () => (await call(h.app, de, 'GET', `/api/incidents/${id}/history`)).body as { version: number; tlp: string }[];

  it('an actor object naming an incident\'s id creates an actor of its own and leaves the incident and its marking alone', async () => {
    const actor = { type: 'intrusion-set', spec_version: '2.1', id: stixIdFor('intrusion-set', id), created: T, modified: T, name: 'Remarker', x_cyberdiplo_id: id };
    const r = await call(h.app, fr, 'POST', '/api/import/stix', redBundle([actor]));
    expect(r.status, r.text).toBe(200);
    expect(await marking()).toMatchObject({ tlp: 'green', owner: 'DE' });
    expect(await history()).toHaveLength(1);
    const row = await h.wb.db.selectFrom('record_marking').select(['record_type', 'tlp']).where('record_id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ record_type: 'incident', tlp: 'green' });
    const actors = (await sql<{ id: string }>`SELECT id FROM exchange_record WHERE kind = 'actor'`.execute(h.wb.db)).rows;
    expect(actors.map((a) => a.id)).not.toContain(id);
    expect(actors.every((a) => a.id.startsWith('act-'))).toBe(true);
  });

  it('an incident object that re-marks the incident through an import writes a version with its marking, as the API would', async () => {
    const own = { type: 'incident', spec_version: '2.1', id: stixIdFor('incident', id), created: T, modified: '2026-01-01T00:00:00.000Z', name: 'de green incident', labels: ['cyber-espionage'], x_cyberdiplo_id: id };
    const r = await call(h.app, fr, 'POST', '/api/import/stix', redBundle([own]));
    expect(r.status, r.text).toBe(200);
    expect((await call(h.app, fr, 'GET', `/api/incidents/${id}`)).body).toMatchObject({ marking: { tlp: 'red' } });
    const versions = (await call(h.app, fr, 'GET', `/api/incidents/${id}/history`)).body as { version: number; tlp: string }[];
    expect(versions.map((v) => [v.version, v.tlp])).toEqual([
      [1, 'green'],
      [2, 'red'],
    ]);
  });

  it('an import naming a record the importer cannot see answers as for a missing record (finding 10)', async () => {
    const made = await call(h.app, de, 'POST', '/api/incidents', incident('de amber incident', { tlp: 'amber' }));
    const hidden = (made.body as { id: string }).id;
    const before = await h.wb.db.selectFrom('incident').select(['body', 'version']).where('id', '=', hidden).executeTakeFirstOrThrow();
    const naming = (target: string, tag: string) => ({
      type: 'bundle',
      id: `bundle--${tag}`,
      objects: [{ type: 'incident', spec_version: '2.1', id: stixIdFor('incident', target), created: T, modified: T, name: `probe ${tag}`, labels: ['cyber-espionage'], x_cyberdiplo_id: target }],
    });
    const probe = await call(h.app, fr, 'POST', '/api/import/stix', naming(hidden, '0b1e4d2c-5a6f-4e7d-8c9b-0a1b2c3d4e5f'));
    const missing = await call(h.app, fr, 'POST', '/api/import/stix', naming('inc-000000000000', '1c2f5e3d-6b7a-4f8e-9dac-1b2c3d4e5f60'));
    expect(probe.status, probe.text).toBe(200);
    expect(probe.status).toBe(missing.status);
    expect((probe.body as { written: unknown }).written).toEqual((missing.body as { written: unknown }).written);
    expect(await h.wb.db.selectFrom('incident').select(['body', 'version']).where('id', '=', hidden).executeTakeFirstOrThrow()).toEqual(before);
    expect((await call(h.app, fr, 'GET', `/api/incidents/${hidden}`)).status).toBe(404);
  });
});
