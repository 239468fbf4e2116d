// What the STIX export says in STIX's own objects beyond the incident (docs/stix-mapping.md), through the API and the
// store on every dialect: the persons and entities an incident identifies (threat actors whose real identity is an
// individual or an organisation), shown only to readers cleared for the incident; EuRepoC's states as nation-state
// threat actors; attribution records' dates as start_time. Each bundle validates, and an import into an empty store
// gives back the same records.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeService } from '../../src/app/exchange-service';
import { readConfig } from '../../src/config';
import { tlpFor, type ActorRecord, type AttributionRecord, type ImportReport } from '../../src/core/exchange/index';
import { stixImbalance } from './exchange-balance';
import { ALL, EUREPOC, LOCAL_DE, bundleProblems } from './exchange-support';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
import { OPCW_INCIDENT } from './opcw-incident';
import { addUser, call, type Client } from './team';

type Bundle = { objects: Record<string, unknown>[] };
const PERSONS = ['Alexey Minin', 'Oleg Sotnikov'];
const ENTITIES = ['Main Centre for Special Technologies'];
const IDENTIFIED = { ...OPCW_INCIDENT, tlp: 'amber', initiator: { ...OPCW_INCIDENT.initiator, identifiedPersons: PERSONS, identifiedEntities: ENTITIES } };
const names = (b: Bundle) => new Set(b.objects.map((o) => o.name));

describe.each(dialects)('the STIX export in STIX\'s own objects on %s', (dialect) => {
  describe('persons and entities an incident identifies', () => {
    let h: Harness;
    const c = {} as Record<'erin' | 'ivo' | 'anna', Client>;
    beforeAll(async () => {
      h = await startHarness(teamConfig(), dialect);
      c.erin = await addUser(h, 'erin-id', 'editor', 'DE');
      c.anna = await addUser(h, 'anna-id', 'analyst', 'DE');
      c.ivo = await addUser(h, 'ivo-id', 'editor', 'IT');
    });
    afterAll(async () => h?.close());

    it('go out to readers cleared for the incident as threat actors with their real identities, marked as the incident, and come back the same into an empty store', async () => {
      const created = await call(h.app, c.erin, 'POST', '/api/incidents', IDENTIFIED);
      expect(created.status, created.text).toBe(201);
      const id = (created.body as { id: string }).id;
      const bundle = (await call(h.app, c.anna, 'GET', `/api/export/stix?incident=${id}`)).body as Bundle;
      expect(bundleProblems(bundle)).toEqual([]);
      const amber = tlpFor('2.0', 'amber')!.id;
      const incident = bundle.objects.find((o) => o.type === 'incident')!;
      for (const [name, identityClass] of [...PERSONS.map((n) => [n, 'individual']), ...ENTITIES.map((n) => [n, 'organization'])]) {
        const actor = bundle.objects.find((o) => o.type === 'threat-actor' && o.name === name)!;
        const identity = bundle.objects.find((o) => o.type === 'identity' && o.name === name)!;
        expect(identity.identity_class).toBe(identityClass);
        const links = bundle.objects.filter((o) => o.type === 'relationship' && (o.target_ref === actor.id || o.target_ref === identity.id));
        expect(links.map((r) => [r.relationship_type, r.source_ref, r.target_ref])).toEqual([
          ['attributed-to', actor.id, identity.id],
          ['attributed-to', incident.id, actor.id],
        ]);
        for (const o of [actor, identity, ...links]) expect(o.object_marking_refs, `${name} ${String(o.type)}`).toEqual([amber]);
      }

      // A reader of another organisation is not cleared for TLP:AMBER: the incident is missing, and so is every name.
      const hidden = await call(h.app, c.ivo, 'GET', `/api/export/stix?incident=${id}`);
      expect(hidden.status).toBe(404);
      const all = (await call(h.app, c.ivo, 'GET', '/api/export/stix')).body as Bundle;
      for (const name of [...PERSONS, ...ENTITIES]) expect(names(all).has(name), name).toBe(false);

      const empty = await startHarness(teamConfig(), dialect);
      try {
        const other = await addUser(empty, 'admin-id', 'admin', 'DE');
        const into = await call(empty.app, other, 'POST', '/api/import/stix', bundle);
        expect(into.status, into.text).toBe(200);
        const report = into.body as ImportReport;
        expect(report.written).toMatchObject({ incident: { created: 1 }, actor: { created: 0 }, attribution: { created: 0 } });
        expect(stixImbalance(report)).toEqual([]);
        const shown = (await call(empty.app, other, 'GET', `/api/incidents/${id}`)).body as { incident: { initiator: unknown; attribution: unknown } };
        const original = (await call(h.app, c.erin, 'GET', `/api/incidents/${id}`)).body as { incident: { initiator: unknown; attribution: unknown } };
        expect(shown.incident.initiator).toEqual(original.incident.initiator);
        expect(shown.incident.attribution).toEqual(original.incident.attribution);
      } finally {
        await empty.close();
      }
    });
  });

  describe("EuRepoC's actors and attribution records", () => {
    let h: Harness;
    let ex: ExchangeService;
    beforeAll(async () => {
      h = await startHarness({ auth: { ...readConfig({ CYBERDIPLO_ORG: 'DE' }).auth } }, dialect);
      ex = new ExchangeService(h.wb);
      const files = ['EuRepoC_Global_Database_1.1.csv', 'EuRepoC_Attribution_dataset_1.1.csv', 'EuRepoC_Receiver_dataset_1.1.csv'].map((f) => path.join(EUREPOC, f));
      expect((await ex.importFiles(LOCAL_DE, 'eurepoc', files)).rejected).toBe(false);
    }, 120_000);
    afterAll(async () => h?.close());

    it('a state goes out as a nation-state threat actor, an attribution\'s date as start_time, and an empty store gets the same actors and attributions back', async () => {
      const actors = await ex.repo.records<ActorRecord>(ALL, 'actor');
      const states = actors.filter((a) => a.value.types.includes('State'));
      expect(states.length).toBeGreaterThan(0);
      const bundle = await ex.exportStix(LOCAL_DE);
      expect(bundleProblems(bundle)).toEqual([]);
      for (const s of states) {
        const o = bundle.objects.find((x) => x.x_cyberdiplo_id === s.id)!;
        expect(o).toMatchObject({ type: 'threat-actor', name: s.value.name, threat_actor_types: ['nation-state'], resource_level: 'government' });
      }
      // No actor goes out with a category of the dataset as a STIX type.
      for (const o of bundle.objects.filter((x) => x.type === 'threat-actor')) for (const t of (o.threat_actor_types as string[] | undefined) ?? []) expect(t).toMatch(/^[a-z0-9-]+$/);
      const attributions = await ex.repo.records<AttributionRecord>(ALL, 'attribution');
      const dated = attributions.filter((a) => a.value.date);
      expect(dated.length).toBeGreaterThan(0);
      for (const a of dated) {
        const rel = bundle.objects.find((x) => x.x_cyberdiplo_id === a.id)!;
        expect(rel.start_time).toBe(`${a.value.date}T00:00:00.000Z`);
        expect(rel.x_cyberdiplo_attribution).not.toHaveProperty('date');
      }

      const other = await startHarness({ auth: { ...readConfig({ CYBERDIPLO_ORG: 'DE' }).auth } }, dialect);
      try {
        const again = new ExchangeService(other.wb);
        const report = await again.importStixBody(LOCAL_DE, bundle);
        expect(report.rejected).toBe(false);
        const byId = <T>(list: { id: string; value: T }[]) => new Map(list.map((x) => [x.id, JSON.stringify(x.value)]));
        expect(byId(await again.repo.records<ActorRecord>(ALL, 'actor'))).toEqual(byId(actors));
        expect(byId(await again.repo.records<AttributionRecord>(ALL, 'attribution'))).toEqual(byId(attributions));
      } finally {
        await other.close();
      }
    }, 120_000);
  });
});
