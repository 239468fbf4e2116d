// An incident recorded here, exported as STIX and imported again, is the same record: no new version, no history
// entry, counted unchanged. The stored body and the import's body hold the same fields in another order, which must
// not read as a change; a real change in the bundle still does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
import { OPCW_INCIDENT } from './opcw-incident';
import { addUser, call, type Client } from './team';

const incident = { ...OPCW_INCIDENT, tlp: 'green' };

type Report = { written: Record<string, { created: number; updated: number; unchanged: number }> };
type Shown = { version: number };

describe.each(dialects)('re-importing our own STIX export on %s', (dialect) => {
  let h: Harness;
  let admin: Client;
  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    admin = await addUser(h, 'admin-rt', 'admin', 'NL');
  });
  afterAll(async () => h?.close());

  it('leaves a recorded incident as it is, and still takes a real change', async () => {
    const created = await call(h.app, admin, 'POST', '/api/incidents', incident);
    expect(created.status, created.text).toBe(201);
    const id = (created.body as { id: string }).id;
    const exported = await call(h.app, admin, 'GET', `/api/export/stix?incident=${id}`);
    expect(exported.status, exported.text).toBe(200);
    const bundle = exported.body as { objects: Record<string, unknown>[] };

    const again = await call(h.app, admin, 'POST', '/api/import/stix', bundle);
    expect(again.status, again.text).toBe(200);
    expect((again.body as Report).written.incident).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const shown = (await call(h.app, admin, 'GET', `/api/incidents/${id}`)).body as Shown;
    expect(shown.version).toBe(1);
    expect((await call(h.app, admin, 'GET', `/api/incidents/${id}/history`)).body).toHaveLength(1);

    const changed = structuredClone(bundle);
    const object = changed.objects.find((o) => o.type === 'incident') as Record<string, unknown>;
    object.name = 'Attempted intrusion into the OPCW network';
    (object.x_cyberdiplo_incident as { title: string }).title = 'Attempted intrusion into the OPCW network';
    object.modified = new Date(Date.parse(String(object.modified)) + 1000).toISOString();
    const moved = await call(h.app, admin, 'POST', '/api/import/stix', changed);
    expect(moved.status, moved.text).toBe(200);
    expect((moved.body as Report).written.incident).toMatchObject({ updated: 1 });
    const after = (await call(h.app, admin, 'GET', `/api/incidents/${id}`)).body as Shown & { incident: { title: string } };
    expect(after.version).toBe(2);
    expect(after.incident.title).toBe('Attempted intrusion into the OPCW network');
  });
});
