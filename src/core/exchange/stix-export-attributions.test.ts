import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../toolbox/incident';
import type { AttributionRecord } from './records';
import { exportStix, type ExportRecord } from './stix-export';
import { tlpFor } from './tlp';
import { byType, incidentRecord, marking, NL, stixImportOf as importOf, withoutExtensions, type Attribution } from './stix.fixture';

const AMBER = tlpFor('2.0', 'amber')!.id;

const FIRM: Attribution = { kind: 'technical', by: 'A security firm', byType: 'private', confidence: 'low', public: false };

const incident = (id: string, initiator: Partial<IncidentInput['initiator']>, attribution: Attribution[], level: 'clear' | 'amber' = 'amber') => incidentRecord(id, { initiator, attribution, level });

const bundleOf = (incidents: ExportRecord<IncidentInput>[], attributions: ExportRecord<AttributionRecord>[] = []) =>
  exportStix({ incidents, actors: [], attributions, sightings: [], reports: [] }).objects;
const attributedTo = (objects: Record<string, unknown>[]) => byType(objects, 'relationship').filter((o) => o.relationship_type === 'attributed-to');

describe('an incident\'s own attributions in STIX', () => {
  it('a state-sponsored named group: the incident attributed-to its intrusion set, the set to the state\'s threat actor, one relationship per attribution with author, date and confidence', () => {
    const objects = bundleOf([incident('inc-1', { type: 'state-sponsored', country: 'RU', name: 'APT28' }, [NL, FIRM])]);
    const [set] = byType(objects, 'intrusion-set');
    const [state] = byType(objects, 'threat-actor');
    expect(set).toMatchObject({ name: 'APT28' });
    expect(state).toMatchObject({ name: 'Russia', threat_actor_types: ['nation-state'], resource_level: 'government' });
    expect(state).not.toHaveProperty('sophistication');
    const incidentId = byType(objects, 'incident')[0]!.id;
    const rels = attributedTo(objects);
    const fromIncident = rels.filter((r) => r.source_ref === incidentId);
    expect(fromIncident.map((r) => r.target_ref)).toEqual([set!.id, set!.id]);
    expect(rels.filter((r) => r.source_ref === set!.id).map((r) => r.target_ref)).toEqual([state!.id]);
    const author = (r: Record<string, unknown>) => objects.find((o) => o.id === r.created_by_ref);
    expect(fromIncident.map((r) => [author(r)?.name, author(r)?.identity_class, r.created, r.confidence])).toEqual([
      ['NL government', 'organization', '2018-10-04T00:00:00.000Z', 85],
      // No date: the record's own creation time.
      ['A security firm', 'organization', '2018-05-02T03:04:05.000Z', 15],
    ]);
    for (const r of fromIncident) expect(r.modified).toBe('2019-02-02T03:04:05.000Z');
    // Where the state is: located-at its country.
    const at = byType(objects, 'relationship').find((r) => r.relationship_type === 'located-at' && r.source_ref === state!.id);
    expect(objects.find((o) => o.id === at?.target_ref)).toMatchObject({ type: 'location', country: 'RU' });
  });

  it('moves with the record: a state alone, a non-state group, an unknown initiator', () => {
    const state = bundleOf([incident('inc-2', { type: 'state', country: 'CN' }, [NL])]);
    expect(byType(state, 'intrusion-set')).toEqual([]);
    expect(attributedTo(state).map((r) => state.find((o) => o.id === r.target_ref)?.name)).toEqual(['China']);

    const group = bundleOf([incident('inc-3', { type: 'non-state', country: 'KP', name: 'Lazarus' }, [NL])]);
    expect(byType(group, 'threat-actor')).toEqual([]);
    expect(attributedTo(group).map((r) => group.find((o) => o.id === r.target_ref)?.name)).toEqual(['Lazarus']);
    const from = byType(group, 'relationship').find((r) => r.relationship_type === 'originates-from');
    expect(group.find((o) => o.id === from?.target_ref)).toMatchObject({ country: 'KP' });

    // Nobody a tool could point at, or no attribution: nothing restated (the extension keeps the record).
    for (const objects of [bundleOf([incident('inc-4', { type: 'unknown', country: 'IR' }, [NL])]), bundleOf([incident('inc-5', { type: 'state', country: 'IR' }, [])])]) {
      expect(attributedTo(objects)).toEqual([]);
      expect(byType(objects, 'threat-actor')).toEqual([]);
    }
  });

  it('marks every object it adds as the incident, and shares an actor only between incidents of the same marking', () => {
    const objects = bundleOf([incident('inc-a', { type: 'state', country: 'RU' }, [NL], 'amber'), incident('inc-c', { type: 'state', country: 'RU' }, [NL], 'clear')]);
    const actors = byType(objects, 'threat-actor');
    expect(actors).toHaveLength(2);
    const amberIncident = objects.find((o) => o.type === 'incident' && o.name === 'Incident inc-a')!;
    const fromAmber = attributedTo(objects).filter((r) => r.source_ref === amberIncident.id);
    const reachable = new Set<unknown>(fromAmber.flatMap((r) => [r.id, r.target_ref, r.created_by_ref]));
    for (const o of objects.filter((x) => reachable.has(x.id))) expect(o.object_marking_refs, String(o.id)).toEqual([AMBER]);
    // The incident's targets are marked as it is, too.
    const targets = byType(objects, 'relationship').filter((r) => r.relationship_type === 'targets' && r.source_ref === amberIncident.id);
    expect(targets.map((r) => r.object_marking_refs)).toEqual([[AMBER]]);
  });

  it('restates nothing for an incident whose attribution records go out, and gives those their author', () => {
    const one = incident('inc-6', { type: 'state', country: 'RU', name: 'APT28' }, [NL]);
    const actor = { id: 'act-1', body: { kind: 'intrusion-set' as const, name: 'APT28', aliases: [], country: 'RU', types: [], uses: [] }, marking: marking('amber'), source: null, created: one.created, modified: one.modified };
    const record = { id: 'atr-1', body: { subject: { kind: 'incident' as const, id: 'inc-6' }, target: 'act-1', confidence: 80, by: 'CERT-EU' }, marking: marking('amber'), source: null, created: one.created, modified: one.modified };
    const objects = exportStix({ incidents: [one], actors: [actor], attributions: [record], sightings: [], reports: [] }).objects;
    expect(attributedTo(objects)).toHaveLength(1);
    expect(byType(objects, 'intrusion-set')).toHaveLength(1);
    const [rel] = attributedTo(objects);
    expect(objects.find((o) => o.id === rel!.created_by_ref)).toMatchObject({ type: 'identity', name: 'CERT-EU', object_marking_refs: [AMBER] });
  });
});

describe('importing what the export restates', () => {
  const incidents = [incident('inc-1', { type: 'state-sponsored', country: 'RU', name: 'APT28' }, [NL, FIRM]), incident('inc-2', { type: 'state', country: 'RU' }, [NL])];

  it('gives back the incidents with their attributions and makes no actor or attribution record of the restatement', () => {
    const { batch, report } = importOf(bundleOf(incidents));
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(batch.incidents.map((i) => i.body.attribution)).toEqual(incidents.map((i) => i.body.attribution));
    expect(batch.actors).toEqual([]);
    expect(batch.attributions).toEqual([]);
    // One threat actor for Russia: both incidents are TLP:AMBER.
    expect(report.mappings['objects not turned into records']).toMatchObject({ [`threat-actor -> read as restating an incident's own attributions, which its extension holds`]: 1, [`intrusion-set -> read as restating an incident's own attributions, which its extension holds`]: 1 });
  });

  it('a tool that drops the product\'s extension reads who is behind the incident, who said so, when and how surely', () => {
    const { batch } = importOf(withoutExtensions(bundleOf(incidents)));
    const sponsored = batch.incidents.find((i) => i.body.title === 'Incident inc-1')!.body;
    expect(sponsored.initiator).toMatchObject({ type: 'state-sponsored', country: 'RU', name: 'APT28' });
    expect(sponsored.attribution.map((a) => [a.by, a.date, a.confidence])).toEqual([
      ['NL government', '2018-10-04', 'high'],
      ['A security firm', '2018-05-02', 'low'],
    ]);
    const state = batch.incidents.find((i) => i.body.title === 'Incident inc-2')!.body;
    expect(state.initiator).toMatchObject({ type: 'state', country: 'RU' });
    // Without the extension the objects are all it has: each attribution a record of its own.
    expect(batch.attributions.filter((a) => a.body.subject.kind === 'incident')).toHaveLength(3);
  });

  it("an incident whose attribution records go out restates the attributions no record keeps (a dataset's row naming no initiator): read back as they were, and by a tool without the extension", () => {
    const row = (n: number, over: Record<string, string>) => ({ source: `EuRepoC attribution row ${n} of the incident (attribution_ID ${n + 7})`, id: String(n + 7), date: '2021-04-15', ...over });
    const house: Attribution = { kind: 'political', by: 'The White House', byType: 'third-state', date: '2021-04-15' as Attribution['date'], confidence: 'high', public: true };
    const company: Attribution = { kind: 'technical', by: 'An IT-security company', byType: 'private', date: '2021-04-15' as Attribution['date'], confidence: 'medium', public: true, statement: row(2, { company: 'An IT-security company', initiatorCountry: 'Russia' }) };
    const one = incident('inc-7', { type: 'state-sponsored', country: 'RU', name: 'APT29' }, [house, company]);
    const actor = { id: 'act-apt29', body: { kind: 'intrusion-set' as const, name: 'APT29', aliases: [], country: 'RU', types: [], uses: [] }, marking: marking('amber'), source: null, created: one.created, modified: one.modified };
    const statements = [row(1, { by: 'The White House', type: 'Political statement' }), row(3, { by: 'Foreign Office minister (GBR)', date: '2021-04-16' })];
    const record = { id: 'atr-7', body: { subject: { kind: 'incident' as const, id: 'inc-7' }, target: 'act-apt29', confidence: null, by: 'The White House', date: '2021-04-15', statements }, marking: marking('amber'), source: null, created: one.created, modified: one.modified };
    const objects = exportStix({ incidents: [one], actors: [actor], attributions: [record], sightings: [], reports: [] }).objects;
    const incidentId = byType(objects, 'incident')[0]!.id;
    const authors = attributedTo(objects).filter((r) => r.source_ref === incidentId).map((r) => objects.find((o) => o.id === r.created_by_ref)?.name);
    // The record's relationship, and the company's statement restated; the White House's attribution is the record's.
    expect(authors).toEqual(['An IT-security company', 'The White House']);

    const own = importOf(objects);
    expect(own.report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(own.batch.incidents.map((i) => i.body.attribution)).toEqual([[house, company]]);
    expect(own.batch.attributions.map((a) => [a.id, a.body])).toEqual([[record.id, record.body]]);
    expect(own.batch.actors.map((a) => a.id)).toEqual([actor.id]);

    const alone = importOf(withoutExtensions(objects)).batch.incidents[0]!.body;
    expect(alone.attribution.map((a) => [a.by, a.date, a.confidence]).sort()).toEqual([
      ['An IT-security company', '2021-04-15', 'medium'],
      ['The White House', '2021-04-15', 'medium'],
    ]);
  });
});
