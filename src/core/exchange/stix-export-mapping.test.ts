// What the STIX export says in STIX's own objects beyond the incident itself: an attribution record's date, the
// persons and entities an incident identifies, a dataset's state as a threat actor; each checked against the OASIS
// schemas and the TLP 2.0 extension's schema, and read back by the import with and without the product's extension.
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { readStixSchemas } from '../../store/exchange-files';
import type { IncidentInput } from '../toolbox/incident';
import type { ActorRecord, AttributionRecord, RecordSource } from './records';
import { semanticIssues, type StixObject } from './stix-checks';
import { exportStix, type ExportRecord } from './stix-export';
import { compileStixSchemas } from './stix-schemas';
import { tlpFor } from './tlp';
import { byType, CREATED, incidentRecord, marking, MODIFIED, stixImportOf, withoutExtensions, type Level } from './stix.fixture';

const root = path.resolve(__dirname, '../../..');
const documents = readStixSchemas(path.join(root, 'data', 'stix-schemas'));
const oasis = compileStixSchemas(documents, { shortcut: false });

const TLP = (level: Level) => tlpFor('2.0', level)!.id;

/** An incident of a Russian state initiator, naming the persons and entities given. */
const incident = (id: string, who: { persons?: string[]; entities?: string[] } = {}, level: Level = 'amber') =>
  incidentRecord(id, { initiator: { type: 'state', country: 'RU', identifiedPersons: who.persons ?? [], identifiedEntities: who.entities ?? [] }, level });

const record = <T>(id: string, body: T, level: Level = 'amber', source: RecordSource | null = null): ExportRecord<T> => ({ id, body, marking: marking(level), source, created: CREATED, modified: MODIFIED });

/** An actor record named `name` (its record id made from it), from EuRepoC unless another source is given. */
const actor = (name: string, over: Partial<ActorRecord>, source: RecordSource | null = { format: 'eurepoc', key: `eurepoc-actor:${name}`, modified: null }, level: Level = 'amber') =>
  record<ActorRecord>(actorId(name), { kind: 'threat-actor', name, aliases: [], country: null, types: [], uses: [], ...over }, level, source);
const actorId = (name: string) => `act-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

const attribution = (id: string, subject: string, target: string, over: Partial<AttributionRecord> = {}) =>
  record<AttributionRecord>(id, { subject: { kind: 'incident', id: subject }, target, confidence: null, by: 'CERT-EU', ...over });

const exported = (input: Partial<Parameters<typeof exportStix>[0]>) => exportStix({ incidents: [], actors: [], attributions: [], sightings: [], reports: [], ...input }).objects;
const named = (objects: Record<string, unknown>[], name: string) => objects.filter((o) => o.name === name);

function importOf(objects: Record<string, unknown>[]) {
  const { batch, report } = stixImportOf(objects);
  expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { batch, report };
}

describe("an attribution record's date in STIX", () => {
  const bundle = (date: string | undefined) =>
    exported({ incidents: [incident('inc-1')], actors: [actor('One', {})], attributions: [attribution('atr-1', 'inc-1', actorId('One'), date === undefined ? {} : { date })] });
  const rel = (objects: Record<string, unknown>[]) => objects.find((o) => o.type === 'relationship' && o.x_cyberdiplo_id === 'atr-1')!;

  it("is the relationship's start_time, the extension leaves a day out, and the import gives the record back as it was", () => {
    for (const day of ['2018-10-04', '2020-07-30']) {
      const objects = bundle(day);
      expect(rel(objects)).toMatchObject({ start_time: `${day}T00:00:00.000Z`, created: CREATED, modified: MODIFIED });
      expect(rel(objects).x_cyberdiplo_attribution).not.toHaveProperty('date');
      const back = importOf(objects).batch.attributions[0]!;
      expect(JSON.stringify(back.body)).toBe(JSON.stringify(attribution('atr-1', 'inc-1', actorId('One'), { date: day }).body));
      // A tool that drops the extension reads the date from start_time.
      expect(importOf(withoutExtensions(objects)).batch.attributions.find((a) => a.body.subject.kind === 'incident' && a.body.by === 'CERT-EU')?.body.date).toBe(`${day}T00:00:00.000Z`);
    }
  });

  it('keeps in the extension what start_time cannot give back as it is: a timestamp (also its start_time), a text (no start_time)', () => {
    const stamped = bundle('2019-01-02T03:04:05Z');
    expect(rel(stamped)).toMatchObject({ start_time: '2019-01-02T03:04:05Z', x_cyberdiplo_attribution: { date: '2019-01-02T03:04:05Z' } });
    expect(importOf(stamped).batch.attributions[0]!.body.date).toBe('2019-01-02T03:04:05Z');
    const text = bundle('autumn 2018');
    expect(rel(text)).not.toHaveProperty('start_time');
    expect(importOf(text).batch.attributions[0]!.body.date).toBe('autumn 2018');
    expect(rel(bundle(undefined))).not.toHaveProperty('start_time');
    expect(importOf(bundle(undefined)).batch.attributions[0]!.body).not.toHaveProperty('date');
  });

  it("an incident's own attributions carry their date as start_time too", () => {
    const objects = exported({ incidents: [incident('inc-2')] });
    const restated = byType(objects, 'relationship').filter((o) => o.x_cyberdiplo_incident_attribution !== undefined);
    expect(restated.map((r) => [r.start_time, r.created])).toEqual([['2018-10-04T00:00:00.000Z', '2018-10-04T00:00:00.000Z']]);
  });
});

describe('the persons and entities an incident identifies', () => {
  const who = { persons: ['Alexey Minin', 'Oleg Sotnikov'], entities: ['Main Centre for Special Technologies'] };

  it('go out as threat actors whose real identity is an individual or an organisation, the incident attributed-to each, marked as the incident', () => {
    const objects = exported({ incidents: [incident('inc-1', who)] });
    const stixIncident = byType(objects, 'incident')[0]!;
    for (const [name, identityClass] of [['Alexey Minin', 'individual'], ['Oleg Sotnikov', 'individual'], ['Main Centre for Special Technologies', 'organization']] as const) {
      const [threatActor, identity] = [named(objects, name).find((o) => o.type === 'threat-actor')!, named(objects, name).find((o) => o.type === 'identity')!];
      expect(identity).toMatchObject({ identity_class: identityClass });
      // Nothing the record does not know: no type, sophistication or resource level.
      expect(Object.keys(threatActor).filter((k) => !k.startsWith('x_')).sort()).toEqual(['created', 'id', 'modified', 'name', 'object_marking_refs', 'spec_version', 'type']);
      const links = byType(objects, 'relationship').filter((r) => r.relationship_type === 'attributed-to' && (r.target_ref === threatActor.id || r.target_ref === identity.id));
      expect(links.map((r) => [r.source_ref, r.target_ref])).toEqual([
        [threatActor.id, identity.id],
        [stixIncident.id, threatActor.id],
      ]);
      for (const o of [threatActor, identity, ...links]) expect(o.object_marking_refs, String(o.id)).toEqual([TLP('amber')]);
    }
  });

  it('are one object per name and marking: shared between incidents of the same marking, apart under another', () => {
    const objects = exported({ incidents: [incident('inc-1', { persons: ['Alexey Minin'] }), incident('inc-2', { persons: ['Alexey Minin'] }), incident('inc-3', { persons: ['Alexey Minin'] }, 'clear')] });
    const actors = named(objects, 'Alexey Minin').filter((o) => o.type === 'threat-actor');
    expect(actors.map((o) => o.object_marking_refs)).toEqual([[TLP('amber')], [TLP('clear')]]);
    expect(byType(objects, 'relationship').filter((r) => r.target_ref === actors[0]!.id && r.x_cyberdiplo_incident_identified === 'person')).toHaveLength(2);
    expect(named(exported({ incidents: [incident('inc-4', { persons: ['Dmitriy Badin'] })] }), 'Dmitriy Badin').map((o) => o.type)).toEqual(['threat-actor', 'identity']);
  });

  it('come back as the incident had them, making no actor or attribution record, with the extension or without it', () => {
    const incidents = [incident('inc-1', who), incident('inc-2', { entities: ['GTsST'] }, 'green')];
    const objects = exported({ incidents });
    const own = importOf(objects);
    const part = (b: IncidentInput) => [b.initiator, b.attribution];
    expect(own.batch.incidents.map((i) => part(i.body))).toEqual(incidents.map((i) => part(i.body)));
    expect(own.batch.actors).toEqual([]);
    expect(own.batch.attributions).toEqual([]);
    const restated = "read as restating an incident's own attributions, which its extension holds";
    // Per incident: the state's threat actor, and one threat actor per name; one identity per name and per author.
    expect(own.report.mappings['objects not turned into records']).toMatchObject({ [`threat-actor -> ${restated}`]: 2 + 4, [`identity -> ${restated}`]: 4 + 2 });

    const alone = importOf(withoutExtensions(objects)).batch.incidents;
    expect(alone.map((i) => [i.body.initiator.identifiedPersons, i.body.initiator.identifiedEntities])).toEqual([
      [who.persons, who.entities],
      [[], ['GTsST']],
    ]);
    // The identifications are not attributions: the incidents keep their one attribution, and the state as initiator.
    expect(alone.map((i) => [i.body.initiator.type, i.body.initiator.country, i.body.attribution.length])).toEqual([
      ['state', 'RU', 1],
      ['state', 'RU', 1],
    ]);
  });
});

describe("a dataset's actors in STIX's own objects", () => {
  it("a state goes out as a nation-state threat actor with a government's resource level, and comes back as the dataset's record", () => {
    const state = actor('Russian Federation', { kind: 'identity', country: 'RU', types: ['State'] });
    const group = actor('Sandworm', { kind: 'threat-actor', country: 'RU', types: ['Non-state actor, state-affiliation suggested'] });
    const fromStix = actor('ACME', { kind: 'identity', types: ['organization'] }, { format: 'stix', key: 'identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e', modified: CREATED, created: CREATED });
    const objects = exported({ actors: [state, group, fromStix] });
    expect(named(objects, 'Russian Federation')).toEqual([expect.objectContaining({ type: 'threat-actor', threat_actor_types: ['nation-state'], resource_level: 'government' })]);
    expect(named(objects, 'Russian Federation')[0]).not.toHaveProperty('identity_class');
    // A suggested affiliation is no type STIX has: none given (the dataset's class stays in the extension).
    expect(named(objects, 'Sandworm')[0]).toMatchObject({ type: 'threat-actor' });
    expect(named(objects, 'Sandworm')[0]).not.toHaveProperty('threat_actor_types');
    expect(named(objects, 'ACME')[0]).toMatchObject({ type: 'identity', identity_class: 'organization', id: 'identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e' });
    const at = byType(objects, 'relationship').find((r) => r.source_ref === named(objects, 'Russian Federation')[0]!.id);
    expect(at).toMatchObject({ relationship_type: 'located-at' });

    // (An identity from STIX that nothing is attributed to makes no record: only the dataset's two come back.)
    const back = importOf(objects).batch.actors;
    expect(back.map((a) => [a.id, a.body])).toEqual([state, group].map((a) => [a.id, a.body]));
    // Without the extension, a tool reads a nation-state.
    expect(importOf(withoutExtensions(objects)).batch.actors.find((a) => a.body.name === 'Russian Federation')?.body).toMatchObject({ kind: 'threat-actor', types: ['nation-state'], resourceLevel: 'government', country: 'RU' });
  });
});

describe('every object the export writes', () => {
  // The TLP 2.0 extension's own schema (the official validator's fixture), which pins id, name and level together.
  const tlp2 = (() => {
    const ajv = new Ajv2020({ strict: false, unicodeRegExp: false, allErrors: true, logger: false });
    for (const d of documents) if (!d.path.startsWith('interop/')) ajv.addSchema(d.schema, String(d.schema.$id));
    const file = path.join(root, 'tests/fixtures/stix-extension-schemas/extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d.json');
    return ajv.compile(JSON.parse(fs.readFileSync(file, 'utf8')) as object);
  })();

  it('is valid by the OASIS schemas and the semantic rules, its TLP 2.0 markings by the extension\'s schema, and marked as the record it comes from', () => {
    const levels: Level[] = ['clear', 'green', 'amber', 'red'];
    const incidents = levels.map((l, n) => incident(`inc-${l}`, { persons: [`Person ${n}`], entities: [`Entity ${n}`] }, l));
    const actors = levels.map((l) => actor(`State ${l}`, { kind: 'identity', country: 'RU', types: ['State'] }, undefined, l));
    const attributions = levels.map((l) => attribution(`atr-${l}`, `inc-${l}`, actorId(`State ${l}`), { date: '2020-07-30' }));
    for (const a of attributions) a.marking = incidents.find((i) => i.id === a.body.subject.id)!.marking;
    const objects = exported({ incidents, actors, attributions });
    // The new kinds of object are all there.
    expect(byType(objects, 'identity').map((o) => o.identity_class)).toEqual(expect.arrayContaining(['individual', 'organization']));
    expect(byType(objects, 'threat-actor').filter((o) => (o.threat_actor_types as string[] | undefined)?.includes('nation-state'))).toHaveLength(levels.length);
    expect(byType(objects, 'relationship').filter((o) => typeof o.start_time === 'string')).not.toHaveLength(0);

    for (const o of objects) {
      const check = oasis(o);
      expect(check.known, String(o.type)).toBe(true);
      expect([...check.issues, ...semanticIssues(o as StixObject)], String(o.id)).toEqual([]);
      if (o.type === 'marking-definition') expect(tlp2(o), JSON.stringify(tlp2.errors)).toBe(true);
    }
    // Every object a record brings carries the record's marking, and only objects of that level name its people.
    for (const [n, level] of levels.entries()) {
      for (const name of [`Person ${n}`, `Entity ${n}`, `State ${level}`]) {
        const about = named(objects, name);
        expect(about.length, name).toBeGreaterThan(0);
        for (const o of about) expect(o.object_marking_refs, `${name} ${String(o.type)}`).toEqual([TLP(level)]);
        const refs = new Set(about.map((o) => o.id));
        for (const r of byType(objects, 'relationship').filter((x) => refs.has(x.source_ref) || refs.has(x.target_ref))) {
          expect(r.object_marking_refs, String(r.id)).toEqual([TLP(level)]);
        }
      }
    }
  });
});
