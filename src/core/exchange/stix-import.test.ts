import { describe, expect, it } from 'vitest';
import type { SeverityFile } from '../toolbox/severity';
import { newReport, ReportBuilder, reportSummary } from './report';
import { StixImport, confidenceLevel } from './stix-import';
import type { ExchangeTables } from './mapping-tables';
import { semanticIssues, type StixObject } from './stix-checks';
import type { StixSchemaValidator } from './stix-schemas';

const severity: SeverityFile = {
  scale: ['low', 'medium', 'high', 'critical'].map((id) => ({ id, title: id, definition: id, sources: [{ ref: 'renard2014', locator: 'x' }] })),
};
/** Small tables in the shape of data/exchange (the data files themselves are tested in data/exchange/tables.test.ts). */
const src = { ref: 'x', locator: 'y' };
const tables: ExchangeTables = {
  sectors: {
    eurepoc: { source: src, values: [] },
    cfr: { source: src, values: [] },
    stix: { source: src, values: [{ value: 'energy', sector: 'critical-infrastructure', why: 'w' }, { value: 'government-national', sector: 'government', why: 'w' }] },
  },
  victims: { demonyms: [], abbreviations: [], places: [], organisations: [{ name: 'Viasat', country: 'US', kind: 'company', why: 'w' }], regions: [], ambiguous: [], unknown: [] },
  eurepocResponses: { source: src, prefixes: [], countries: [], euActors: [], politicalCategories: [], legalCategories: [], measures: [] },
};
const anySchema: StixSchemaValidator = (o) => ({ schema: 'stub', known: !String(o.type).startsWith('x-'), issues: [] });
const t = '2024-01-01T00:00:00.000Z';

function run(objects: unknown[], strict = false) {
  const report = newReport('stix', [], false);
  const job = new StixImport({ validator: anySchema, vocabulary: { severity }, report: new ReportBuilder(report), strict, tables });
  job.envelope({ type: 'bundle', id: 'bundle--6d0092c5-5f74-4287-9642-33f4c354e56d' });
  for (const o of objects) job.add(o);
  return { batch: job.finish(), report };
}

describe('semantic checks', () => {
  it('catches what the schemas cannot', () => {
    const o = (extra: Record<string, unknown>): StixObject => ({ type: 'identity', id: 'identity--8c6af861-7b20-41ef-9b59-6344fd872a8f', created: t, modified: t, ...extra });
    expect(semanticIssues(o({ modified: '2023-01-01T00:00:00.000Z' }))).toEqual([expect.objectContaining({ path: 'modified' })]);
    expect(semanticIssues(o({ created: '2016-04-31T00:00:00.000Z', modified: '2016-05-01T00:00:00.000Z' }))).toEqual([expect.objectContaining({ path: 'created', message: expect.stringMatching(/not a real date/) })]);
    expect(semanticIssues(o({ id: 'tool--8c6af861-7b20-41ef-9b59-6344fd872a8f' }))).toEqual([expect.objectContaining({ path: 'id' })]);
    expect(semanticIssues({ type: 'marking-definition', id: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', created: t, extensions: { 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': { extension_type: 'property-extension', tlp_2_0: 'clear' } } })).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/TLP:RED/) }),
    ]);
    expect(semanticIssues({ type: 'marking-definition', id: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da', created: t, definition_type: 'tlp', definition: { tlp: 'red' } })).toHaveLength(1);
  });
});

describe('StixImport', () => {
  it('names the relationships of a mapped type that nothing reads: targets from a campaign, uses from an indicator', () => {
    const id = (type: string, n: number) => `${type}--0a1b2c3d-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const rel = (n: number, type: string, source: string, target: string) => ({ type: 'relationship', spec_version: '2.1', id: id('relationship', n), created: t, modified: t, relationship_type: type, source_ref: source, target_ref: target });
    const [campaign, actor, org, pattern, indicator, malware] = [id('campaign', 1), id('threat-actor', 2), id('identity', 3), id('attack-pattern', 4), id('indicator', 5), id('malware', 6)];
    const { report } = run([
      { type: 'campaign', spec_version: '2.1', id: campaign, created: t, modified: t, name: 'A campaign' },
      { type: 'threat-actor', spec_version: '2.1', id: actor, created: t, modified: t, name: 'An actor', threat_actor_types: ['nation-state'] },
      { type: 'identity', spec_version: '2.1', id: org, created: t, modified: t, name: 'A ministry', identity_class: 'organization' },
      { type: 'attack-pattern', spec_version: '2.1', id: pattern, created: t, modified: t, name: 'Spear phishing' },
      { type: 'indicator', spec_version: '2.1', id: indicator, created: t, modified: t, name: 'A URL', pattern: "[url:value = 'http://x.example/']", pattern_type: 'stix', valid_from: t },
      { type: 'malware', spec_version: '2.1', id: malware, created: t, modified: t, name: 'A wiper', is_family: true },
      rel(1, 'attributed-to', campaign, actor),
      rel(2, 'uses', campaign, pattern),
      rel(3, 'targets', campaign, org),
      rel(4, 'uses', indicator, malware),
      rel(5, 'indicates', indicator, malware),
    ]);
    expect(report.mappings['relationships not mapped']).toEqual({ 'targets from campaign -> kept out': 1, 'uses from indicator -> kept out': 1, 'indicates -> kept out': 1 });
    // Five relationships: one attribution, one use read into the campaign, three named as kept out.
    expect(report.mapped.attribution).toBe(1);
    expect(Object.values(report.mappings['relationships not mapped'] ?? {}).reduce((a, b) => a + b, 0) + report.mapped.attribution + 1).toBe(report.types.relationship);
  });

  it('counts each identity, location and marking definition that becomes no record, with what it was read for', () => {
    const id = (type: string, n: number) => `${type}--0a1b2c3d-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const rel = (n: number, type: string, source: string, target: string, extra: Record<string, unknown> = {}) => ({ type: 'relationship', spec_version: '2.1', id: id('relationship', n), created: t, modified: t, relationship_type: type, source_ref: source, target_ref: target, ...extra });
    const [incident, actor, state, victim, author, stranger, home, elsewhere, statement] = [id('incident', 1), id('threat-actor', 2), id('identity', 3), id('identity', 4), id('identity', 5), id('identity', 6), id('location', 7), id('location', 8), id('marking-definition', 9)];
    const { batch, report } = run([
      { type: 'marking-definition', spec_version: '2.1', id: statement, created: t, definition_type: 'statement', definition: { statement: 'Copyright the sender' } },
      { type: 'incident', spec_version: '2.1', id: incident, created: t, modified: t, name: 'Ministry breached', object_marking_refs: [statement] },
      { type: 'threat-actor', spec_version: '2.1', id: actor, created: t, modified: t, name: 'A unit', threat_actor_types: ['nation-state'] },
      { type: 'identity', spec_version: '2.1', id: state, created: t, modified: t, name: 'A state', identity_class: 'organization' },
      { type: 'identity', spec_version: '2.1', id: victim, created: t, modified: t, name: 'A ministry', identity_class: 'organization' },
      { type: 'identity', spec_version: '2.1', id: author, created: t, modified: t, name: 'A CERT', identity_class: 'organization' },
      { type: 'identity', spec_version: '2.1', id: stranger, created: t, modified: t, name: 'Someone', identity_class: 'individual' },
      { type: 'location', spec_version: '2.1', id: home, created: t, modified: t, country: 'RU' },
      { type: 'location', spec_version: '2.1', id: elsewhere, created: t, modified: t, country: 'FR' },
      rel(1, 'targets', incident, victim),
      rel(2, 'attributed-to', incident, actor, { created_by_ref: author }),
      rel(3, 'attributed-to', actor, state),
      rel(4, 'originates-from', actor, home),
      rel(5, 'located-at', stranger, elsewhere),
    ]);
    // The state an actor is attributed to is an actor record; the three other identities and both locations are not.
    expect(batch.actors.map((a) => a.body.name).sort()).toEqual(['A state', 'A unit']);
    expect(report.mappings['objects not turned into records']).toEqual({
      'marking-definition -> read as a statement marking, kept on the records it marks': 1,
      'identity -> read as a victim of an incident': 1,
      'identity -> read as the author named in an attribution (created_by_ref)': 1,
      'identity -> read by nothing the product records': 1,
      'location -> read for the country of an actor or a victim (originates-from, located-at)': 1,
      'location -> read by nothing the product records': 1,
    });
    // Five relationships: two attributions, two read into records, one located-at of an identity nothing reads.
    expect(report.mappings['relationships read']).toEqual({ "targets from incident -> the incident's victims": 1, 'originates-from from threat-actor -> where the actor or victim is from': 1 });
    expect(report.mappings['relationships not mapped']).toEqual({ 'located-at from identity -> kept out': 1 });
    expect(reportSummary(report)).toContain('  objects not turned into records: 6 (identity 3, location 2, marking-definition 1); --all says what each was read for');
  });

  it('counts the version of an object read twice that is left out', () => {
    const a = { type: 'campaign', spec_version: '2.1', id: 'campaign--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061', created: t, modified: t, name: 'old' };
    const { report } = run([a, { ...a, modified: '2024-02-01T00:00:00.000Z', name: 'new' }, a, { ...a, modified: '2024-02-01T00:00:00.000Z', name: 'new' }]);
    expect(report.mappings['objects read again']).toEqual({ 'campaign -> another version; the newest kept': 2, 'campaign -> the same version again; the first kept': 1 });
    expect(report.mapped.actor + 3).toBe(report.types.campaign);
  });

  it('maps actors, attributions and markings, and reports unresolved references', () => {
    const { batch, report } = run([
      { type: 'threat-actor', spec_version: '2.1', id: 'threat-actor--56f3f0db-b5d5-431c-ae56-c18f02caf500', created: t, modified: t, name: 'Fake BPP', threat_actor_types: ['nation-state'], object_marking_refs: ['marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9'] },
      { type: 'identity', spec_version: '2.1', id: 'identity--733c5838-34d9-4fbf-949c-62aba761184c', created: t, modified: t, name: 'Franistan Intelligence', identity_class: 'organization' },
      { type: 'relationship', spec_version: '2.1', id: 'relationship--a2e3efb5-351d-4d46-97a0-6897ee7c77a0', created: t, modified: t, relationship_type: 'attributed-to', source_ref: 'threat-actor--56f3f0db-b5d5-431c-ae56-c18f02caf500', target_ref: 'identity--733c5838-34d9-4fbf-949c-62aba761184c', created_by_ref: 'identity--00000000-0000-4000-8000-000000000000' },
    ]);
    expect(batch.actors.map((a) => a.body.kind).sort()).toEqual(['identity', 'threat-actor']);
    expect(batch.attributions).toHaveLength(1);
    expect(batch.actors.find((a) => a.body.kind === 'threat-actor')?.marking?.tlp).toMatchObject({ version: '1.0', level: 'white' });
    expect(report.problems).toContainEqual(expect.objectContaining({ severity: 'warning', path: 'created_by_ref' }));
  });

  it('keeps an incident without a victim, with an unknown victim country, and counts it', () => {
    const { batch, report } = run([{ type: 'incident', spec_version: '2.1', id: 'incident--7a5a7d0c-3f8e-4a63-9a49-3c2e8a6a5f11', created: t, modified: t, name: 'x' }]);
    expect(batch.incidents.map((i) => i.body.victims)).toEqual([[{ country: 'ZZ', sector: 'private' }]]);
    expect(report.rows).toMatchObject({ unknownVictim: 1, asIs: 0 });
    expect(report.mappings.victim).toEqual({ '(no targets relationship) -> unknown (ZZ)': 1 });
  });

  it('reads the home state of a targeted identity located nowhere from its name, and its sector from the table', () => {
    const ids = { incident: 'incident--7a5a7d0c-3f8e-4a63-9a49-3c2e8a6a5f11', org: 'identity--0a1b2c3d-0000-4000-8000-000000000001', eu: 'location--0a1b2c3d-0000-4000-8000-000000000002' };
    const { batch, report } = run([
      { type: 'identity', spec_version: '2.1', id: ids.org, created: t, modified: t, name: 'Viasat', identity_class: 'organization', sectors: ['energy', 'retail'] },
      { type: 'location', spec_version: '2.1', id: ids.eu, created: t, modified: t, region: 'eastern-europe' },
      { type: 'incident', spec_version: '2.1', id: ids.incident, created: t, modified: t, name: 'Modems wiped' },
      { type: 'relationship', spec_version: '2.1', id: 'relationship--0a1b2c3d-0000-4000-8000-000000000003', created: t, modified: t, relationship_type: 'targets', source_ref: ids.incident, target_ref: ids.org },
      { type: 'relationship', spec_version: '2.1', id: 'relationship--0a1b2c3d-0000-4000-8000-000000000004', created: t, modified: t, relationship_type: 'targets', source_ref: ids.incident, target_ref: ids.eu },
    ]);
    expect(batch.incidents[0]?.body.victims).toEqual([
      { country: 'US', sector: 'critical-infrastructure', name: 'Viasat' },
      { country: 'ZZ', sector: 'government', region: 'eastern-europe' },
    ]);
    expect(report.rows).toMatchObject({ inferred: 1, inferredFields: { 'victims.country': 1 } });
    expect(report.mappings['victim sector']).toEqual({ 'energy retail -> critical-infrastructure (not in the table: retail)': 1, 'location (no sector in STIX) -> government': 1 });
  });

  it('keeps the newest of two versions of one object and refuses non-objects', () => {
    const a = { type: 'campaign', spec_version: '2.1', id: 'campaign--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061', created: t, modified: t, name: 'old' };
    const { batch, report } = run([{ ...a, modified: '2024-02-01T00:00:00.000Z', name: 'new' }, a, 42]);
    expect(batch.actors.map((x) => x.body.name)).toEqual(['new']);
    expect(report.problems).toContainEqual(expect.objectContaining({ severity: 'error', object: 'objects.2' }));
  });

  it('skips custom objects, refuses them when strict', () => {
    const custom = { type: 'x-thing', spec_version: '2.1', id: 'x-thing--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061', created: t, modified: t };
    expect(run([custom]).report.problems).toContainEqual(expect.objectContaining({ severity: 'skipped' }));
    expect(run([custom], true).report.problems).toContainEqual(expect.objectContaining({ severity: 'error' }));
    // Type names that are also names of Object.prototype's members have no list of known properties, like any type
    // the product does not map (the lists were once read as OWN[type], and an object of type "constructor" with a
    // name threw a TypeError out of the import).
    const customWarnings = (o: object) => run([o]).report.problems.filter((p) => p.message.includes('custom property'));
    const object = (type: string) => ({ type, spec_version: '2.1', id: `${type}--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061`, created: t, modified: t, name: 'n', custom_note: 'x' });
    for (const type of ['constructor', 'hasOwnProperty', 'valueOf']) expect(customWarnings(object(type))).toStrictEqual([]);
    expect(customWarnings(object('incident'))).toStrictEqual([expect.objectContaining({ path: 'custom_note' })]);
  });

  it('raises a record\'s TLP to that of the objects whose content it copies, and no further', () => {
    const GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';
    const AMBER_STRICT = 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003';
    const ids = { actor: 'intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29', incident: 'incident--7a5a7d0c-3f8e-4a63-9a49-3c2e8a6a5f11', de: 'location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64', malware: 'malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061', other: 'intrusion-set--5e78f46f-a023-4e5f-bc24-71b3ca22ec29' };
    const rel = (n: number, type: string, source: string, target: string, extra: Record<string, unknown> = {}) => ({ type: 'relationship', spec_version: '2.1', id: `relationship--${n}f9a9aa9-108a-4333-83e2-4fb25add0463`, created: t, modified: t, relationship_type: type, source_ref: source, target_ref: target, ...extra });
    const { batch, report } = run([
      { type: 'intrusion-set', spec_version: '2.1', id: ids.actor, created: t, modified: t, name: 'Secret Set', object_marking_refs: [AMBER_STRICT] },
      { type: 'intrusion-set', spec_version: '2.1', id: ids.other, created: t, modified: t, name: 'Uses a secret tool', object_marking_refs: [GREEN] },
      { type: 'malware', spec_version: '2.1', id: ids.malware, created: t, modified: t, name: 'SecretTool', is_family: true, object_marking_refs: [AMBER_STRICT] },
      { type: 'location', spec_version: '2.1', id: ids.de, created: t, modified: t, country: 'DE' },
      { type: 'incident', spec_version: '2.1', id: ids.incident, created: t, modified: t, name: 'Public incident', object_marking_refs: [GREEN] },
      rel(1, 'targets', ids.incident, ids.de),
      rel(2, 'attributed-to', ids.incident, ids.actor, { object_marking_refs: [GREEN] }),
      rel(3, 'uses', ids.other, ids.malware),
    ]);
    const incident = batch.incidents[0];
    expect(incident?.body.initiator.name).toBe('Secret Set');
    expect(incident?.marking?.tlp).toMatchObject({ version: '2.0', level: 'amber+strict' });
    expect(batch.actors.find((a) => a.body.name === 'Uses a secret tool')?.marking?.tlp?.level).toBe('amber+strict');
    // The attribution names the incident and the actor it links: it is marked at least as they are.
    expect(batch.attributions[0]?.marking?.tlp?.level).toBe('amber+strict');
    expect(batch.actors.find((a) => a.body.name === 'Secret Set')?.marking?.tlp?.level).toBe('amber+strict');
    expect(report.mappings['marking raised']).toBeDefined();
  });

  it('holds only what the mapping reads: properties it never reads change neither the batch nor the report', () => {
    const GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';
    const ids = { actor: 'threat-actor--4e78f46f-a023-4e5f-bc24-71b3ca22ec29', incident: 'incident--7a5a7d0c-3f8e-4a63-9a49-3c2e8a6a5f11', victim: 'identity--0a1b2c3d-0000-4000-8000-000000000001', ru: 'location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64' };
    const rel = (n: number, type: string, source: string, target: string) => ({ type: 'relationship', spec_version: '2.1', id: `relationship--${n}f9a9aa9-108a-4333-83e2-4fb25add0463`, created: t, modified: t, relationship_type: type, source_ref: source, target_ref: target, confidence: 80 });
    const bundle = (description: string) => [
      { type: 'threat-actor', spec_version: '2.1', id: ids.actor, created: t, modified: t, name: 'A service', aliases: ['Svc'], threat_actor_types: ['nation-state'], primary_motivation: 'organizational-gain', object_marking_refs: [GREEN] },
      { type: 'location', spec_version: '2.1', id: ids.ru, created: t, modified: t, country: 'RU' },
      { type: 'identity', spec_version: '2.1', id: ids.victim, created: t, modified: t, name: 'Viasat', identity_class: 'organization', sectors: ['energy'] },
      { type: 'incident', spec_version: '2.1', id: ids.incident, created: t, modified: t, name: 'Modems wiped', description, labels: ['severity:high'], object_marking_refs: [GREEN] },
      rel(1, 'targets', ids.incident, ids.victim),
      rel(2, 'attributed-to', ids.incident, ids.actor),
      rel(3, 'originates-from', ids.actor, ids.ru),
      { type: 'report', spec_version: '2.1', id: 'report--0a1b2c3d-0000-4000-8000-000000000009', created: t, modified: t, name: 'Report', published: t, report_types: ['threat-report'], object_refs: [ids.incident], external_references: [{ source_name: 'cert', url: 'https://example.org/r' }] },
    ];
    // Properties of STIX no mapping reads (and x_ properties, which are not reported), on every object.
    const unread = (o: Record<string, unknown>) => ({ ...o, lang: 'en', x_vendor_note: 'x'.repeat(1000), ...(o.type === 'report' ? {} : { external_references: [{ source_name: 'vendor', external_id: 'V-1' }] }), ...(o.type === 'threat-actor' ? { goals: ['g'], roles: ['agent'] } : {}), ...(o.type === 'incident' ? { kill_chain_phases: [{ kill_chain_name: 'k', phase_name: 'p' }] } : {}), ...(o.type === 'relationship' ? { stop_time: '2025-01-01T00:00:00.000Z' } : {}), ...(o.type === 'location' ? { city: 'Moscow' } : {}) });
    const plain = JSON.stringify(run(bundle('Wiped.')));
    expect(JSON.stringify(run(bundle('Wiped.').map(unread)))).toBe(plain);
    // A property the mapping reads moves the answer.
    expect(JSON.stringify(run(bundle('Wiped and bricked.').map(unread)))).not.toBe(plain);
  });

  it('shares one frozen marking per TLP level across the batch, and one copy of each effects part', () => {
    const GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';
    const incident = (n: number) => ({ type: 'incident', spec_version: '2.1', id: `incident--7a5a7d0c-3f8e-4a63-9a49-3c2e8a6a5f1${n}`, created: t, modified: t, name: `Incident ${n}`, object_marking_refs: [GREEN] });
    const { batch } = run([incident(1), incident(2)]);
    const [a, b] = batch.incidents;
    expect(a?.marking).toBe(b?.marking);
    expect(a?.body.effects).toBe(b?.body.effects);
    expect(a?.marking).toEqual({ tlp: { version: '2.0', level: 'green', id: GREEN }, statements: [], unresolved: [] });
    // Changing a shared part throws instead of changing the other record's.
    expect(() => ((a?.marking?.tlp as { level: string }).level = 'red')).toThrow(TypeError);
    expect(() => ((a?.body.effects as { lossOfLife: boolean }).lossOfLife = true)).toThrow(TypeError);
    expect(b?.body.effects.lossOfLife).toBe(false);
  });

  it('maps confidence', () => {
    expect(confidenceLevel(85)).toBe('high');
    expect(confidenceLevel(undefined)).toBe('medium');
  });
});
