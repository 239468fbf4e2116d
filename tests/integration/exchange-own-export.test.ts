// An incident recorded here, exported as STIX and imported again, is the same record: no new version, no history
// entry, counted unchanged. The stored body and the import's body hold the same fields in another order, which must
// not read as a change; a real change in the bundle still does. Its attributions go out as STIX objects other tools
// read (the state behind it, who attributed it, when and how surely), which an import here, into this store or an
// empty one, takes for the incident's own attributions and makes no second record of. The sanctions listings the
// register links to it go with it, public identities the import makes no record of.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tlpFor, type ImportReport } from '../../src/core/exchange/index';
import { stixImbalance } from './exchange-balance';
import { bundleProblems, storeCounts } from './exchange-support';
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

  it('says who is behind it in STIX terms, marked as the incident, and an import here or into an empty store gives the same attributions once', async () => {
    const created = await call(h.app, admin, 'POST', '/api/incidents', { ...incident, title: 'OPCW intrusion, second record' });
    expect(created.status, created.text).toBe(201);
    const id = (created.body as { id: string }).id;
    const bundle = (await call(h.app, admin, 'GET', `/api/export/stix?incident=${id}`)).body as { objects: Record<string, unknown>[] };
    expect(bundleProblems(bundle)).toEqual([]);
    const of = (ref: unknown) => bundle.objects.find((o) => o.id === ref);
    const stixIncident = bundle.objects.find((o) => o.type === 'incident')!;
    // (The person the incident identifies is attributed-to from it too: exchange-stix-mapping.test.ts.)
    const rels = bundle.objects.filter((o) => o.type === 'relationship' && o.relationship_type === 'attributed-to' && o.source_ref === stixIncident.id && o.x_cyberdiplo_incident_identified === undefined);
    expect(rels.map((r) => [of(r.target_ref)?.type, of(r.target_ref)?.name, of(r.created_by_ref)?.name, r.created, r.confidence])).toEqual([
      ['threat-actor', 'Russia', 'NL government', '2018-10-04T00:00:00.000Z', 85],
      ['threat-actor', 'Russia', 'Council of the EU', '2020-07-30T00:00:00.000Z', 85],
    ]);
    expect(of(rels[0]!.target_ref)).toMatchObject({ threat_actor_types: ['nation-state'] });
    // Nothing in the bundle is less marked than the TLP:GREEN incident it restates.
    const green = tlpFor('2.0', 'green')!.id;
    for (const o of [stixIncident, ...rels, ...rels.flatMap((r) => [of(r.target_ref), of(r.created_by_ref)])]) expect(o?.object_marking_refs, String(o?.id)).toEqual([green]);

    const before = await storeCounts(h.wb);
    const again = await call(h.app, admin, 'POST', '/api/import/stix', bundle);
    expect(again.status, again.text).toBe(200);
    const report = again.body as ImportReport;
    expect(report.written.incident).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(report.mapped).toMatchObject({ incident: 1, actor: 0, attribution: 0 });
    expect(stixImbalance(report)).toEqual([]);
    const counts = await storeCounts(h.wb);
    expect(counts.exchange_record).toBe(before.exchange_record);

    const empty = await startHarness(teamConfig(), dialect);
    try {
      const other = await addUser(empty, 'admin-empty', 'admin', 'NL');
      const into = await call(empty.app, other, 'POST', '/api/import/stix', bundle);
      expect(into.status, into.text).toBe(200);
      expect((into.body as ImportReport).written).toMatchObject({ incident: { created: 1 }, actor: { created: 0 }, attribution: { created: 0 } });
      const shown = (await call(empty.app, other, 'GET', `/api/incidents/${id}`)).body as { incident: { attribution: unknown[]; initiator: unknown } };
      const original = (await call(h.app, admin, 'GET', `/api/incidents/${id}`)).body as { incident: { attribution: unknown[]; initiator: unknown } };
      expect(shown.incident.attribution).toEqual(original.incident.attribution);
      expect(shown.incident.initiator).toEqual(original.incident.initiator);
      expect((await call(empty.app, other, 'GET', '/api/export/actors?format=json')).body).toEqual([]);
    } finally {
      await empty.close();
    }
  });

  it('carries the sanctions listings the register links to it, public, the link marked as the incident, and only to readers cleared for it', async () => {
    const created = await call(h.app, admin, 'POST', '/api/incidents', { ...OPCW_INCIDENT, title: 'OPCW intrusion, third record', tlp: 'amber' });
    expect(created.status, created.text).toBe(201);
    const id = (created.body as { id: string }).id;
    const bundle = (await call(h.app, admin, 'GET', `/api/export/stix?incident=${id}`)).body as { objects: Record<string, unknown>[] };
    expect(bundleProblems(bundle)).toEqual([]);
    const stixIncident = bundle.objects.find((o) => o.type === 'incident')!;
    const links = bundle.objects.filter((o) => o.type === 'relationship' && o.relationship_type === 'related-to' && o.source_ref === stixIncident.id);
    const listed = links.map((r) => bundle.objects.find((o) => o.id === r.target_ref)!);
    // The register's links of GET /api/sanctions for this incident, no more and no fewer.
    const regime = (await call(h.app, admin, 'GET', '/api/sanctions')).body as { targets: { name: string; links: { incidents: { id: string }[] } }[]; delisted: { name: string; links: { incidents: { id: string }[] } }[] };
    const linked = [...regime.targets, ...regime.delisted].filter((t) => t.links.incidents.some((i) => i.id === id)).map((t) => t.name);
    expect(linked).toContain('Alexey Valeryevich MININ');
    expect(listed.map((o) => o.name).sort()).toEqual(linked.sort());
    const clear = tlpFor('2.0', 'clear')!.id;
    for (const o of listed) {
      expect(o).toMatchObject({ type: 'identity', identity_class: expect.stringMatching(/^(individual|organization)$/), object_marking_refs: [clear] });
      expect((o.external_references as { external_id?: string }[]).map((r) => r.external_id)).toContain('32019R0796');
    }
    for (const r of links) expect(r.object_marking_refs).toEqual([tlpFor('2.0', 'amber')!.id]);

    // A reader of another organisation is not cleared for the amber incident: neither it nor its listings are in the bundle.
    const other = await addUser(h, 'viewer-fr', 'viewer', 'FR');
    const theirs = (await call(h.app, other, 'GET', '/api/export/stix')).body as { objects: Record<string, unknown>[] };
    expect(theirs.objects.filter((o) => o.id === stixIncident.id || links.some((r) => r.id === o.id))).toEqual([]);

    // Imported into an empty store: the incident, and no actor or attribution of the listings.
    const empty = await startHarness(teamConfig(), dialect);
    try {
      const admin2 = await addUser(empty, 'admin-listings', 'admin', 'NL');
      const into = await call(empty.app, admin2, 'POST', '/api/import/stix', bundle);
      expect(into.status, into.text).toBe(200);
      expect((into.body as ImportReport).written).toMatchObject({ incident: { created: 1 }, actor: { created: 0 }, attribution: { created: 0 } });
      expect(stixImbalance(into.body as ImportReport)).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});
