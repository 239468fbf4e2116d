// STIX 2.1 import and export against the official examples, the validator's fixtures and the TLP markings (copies
// in tests/fixtures/stix; every example of the OASIS repositories where the full datasets are present).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeService } from '../../src/app/exchange-service';
import { readConfig } from '../../src/config';
import type { ActorRecord } from '../../src/core/exchange/index';
import { isAppError } from '../../src/core/errors';
import { dialects, startHarness, type Harness } from './harness';
import { ALL, FULL_STIX, LOCAL_DE, STIX, bundleProblems, fullDataset, jsonFiles, oneMoreRun, storeCounts } from './exchange-support';

const VALID = [
  ...jsonFiles(path.join(STIX, 'cti-documentation-examples')),
  ...jsonFiles(path.join(STIX, 'oasis-json-schemas-examples')),
  ...['marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003.json', 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb.json', 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1.json', 'tlp-amber.json', 'tlp-clear.json'].map((f) =>
    path.join(STIX, 'tlp2-cti-stix-common-objects', f),
  ),
  ...['identity.json', 'identity_custom.json', 'identity_unicode.json', 'identity_warning.json', 'tlp-amber.json', 'tool.json'].map((f) => path.join(STIX, 'stix-validator-tests', 'test_examples', f)),
];

/** The validator's and the common objects' bad inputs, with the object and property path each must be refused for. */
const INVALID: { file: string; object: string; path: string; message: RegExp }[] = [
  { file: 'stix-validator-tests/test_examples/invalid_identity.json', object: 'identity--8c6af861-7b20-41ef-9b59-6344fd872a8f', path: 'modified', message: /required/ },
  { file: 'stix-validator-tests/test_examples/invalid_timestamp.json', object: 'identity--8c6af861-7b20-41ef-9b59-6344fd872a8f', path: 'modified', message: /later than or equal to created/ },
  { file: 'tlp2-cti-stix-common-objects/using-tlp2.0-green.INVALID.json', object: 'relationship--1621d4d4-b67d-11e3-9670-f01faf20d111', path: 'created', message: /^must be a UTC timestamp such as 2016-05-12T08:17:27\.000Z$/ },
  { file: 'tlp2-cti-stix-common-objects/extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d.stix-object.json', object: 'bundle', path: 'type', message: /must be "bundle"/ },
];
/** Every example of the OASIS documentation and schema repositories, where the full datasets are present. */
const FULL_EXAMPLES = fullDataset('every OASIS STIX example', FULL_STIX)
  ? [...jsonFiles(path.join(FULL_STIX, 'cti-documentation-examples')), ...jsonFiles(path.join(FULL_STIX, 'oasis-json-schemas-examples'))]
  : [];
const NOT_JSON = ['stix-validator-tests/test_examples/invalid_braces.json', 'stix-validator-tests/test_examples/invalid_comma.json'];

const AMBER2 = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';
const RED1 = 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed';

/** A small bundle with one incident (targets a German location, attributed to an intrusion set), marked TLP:AMBER 2.0. */
function incidentBundle(overrides: { modified?: string; description?: string } = {}) {
  const t = '2024-03-01T10:00:00.000Z';
  return {
    type: 'bundle',
    id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
    objects: [
      { type: 'marking-definition', spec_version: '2.1', id: AMBER2, created: '2022-10-01T00:00:00.000Z', name: 'TLP:AMBER', extensions: { 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': { extension_type: 'property-extension', tlp_2_0: 'amber' } } },
      { type: 'identity', spec_version: '2.1', id: 'identity--f431f809-377b-45e0-aa1c-6a4751cae5ff', created: t, modified: t, name: 'CERT-EU', identity_class: 'organization' },
      { type: 'location', spec_version: '2.1', id: 'location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64', created: t, modified: t, name: 'Germany', country: 'DE' },
      { type: 'location', spec_version: '2.1', id: 'location--b6e9345f-5a15-4c29-8bb3-7dcc5d168d64', created: t, modified: t, name: 'Russia', country: 'RU' },
      { type: 'intrusion-set', spec_version: '2.1', id: 'intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29', created: t, modified: overrides.modified ?? t, name: 'APT28', aliases: ['Fancy Bear'], description: overrides.description ?? 'A GRU unit.', object_marking_refs: [AMBER2] },
      { type: 'relationship', spec_version: '2.1', id: 'relationship--2f9a9aa9-108a-4333-83e2-4fb25add0463', created: t, modified: t, relationship_type: 'originates-from', source_ref: 'intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29', target_ref: 'location--b6e9345f-5a15-4c29-8bb3-7dcc5d168d64' },
      { type: 'incident', spec_version: '2.1', id: 'incident--7a5a7d0c-3f8e-4a63-9a49-3c2e8a6a5f11', created: t, modified: t, name: 'Bundestag intrusion', description: 'Mail servers of the parliament.', labels: ['cyber-espionage', 'severity:high'], created_by_ref: 'identity--f431f809-377b-45e0-aa1c-6a4751cae5ff', object_marking_refs: [AMBER2] },
      { type: 'relationship', spec_version: '2.1', id: 'relationship--3f9a9aa9-108a-4333-83e2-4fb25add0463', created: t, modified: t, relationship_type: 'targets', source_ref: 'incident--7a5a7d0c-3f8e-4a63-9a49-3c2e8a6a5f11', target_ref: 'location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64' },
      { type: 'relationship', spec_version: '2.1', id: 'relationship--4f9a9aa9-108a-4333-83e2-4fb25add0463', created: t, modified: t, relationship_type: 'attributed-to', confidence: 80, source_ref: 'incident--7a5a7d0c-3f8e-4a63-9a49-3c2e8a6a5f11', target_ref: 'intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29', object_marking_refs: [AMBER2] },
    ],
  };
}

const GREEN2 = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';
const INCIDENT = 'incident--7a5a7d0c-3f8e-4a63-9a49-3c2e8a6a5f11';
const APT28 = 'intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29';

/**
 * incidentBundle() with what analysts receive about it: a sighting of the incident at a named CERT, a sighting of the
 * actor behind it, a report on both; and a sighting of malware and a report on malware only, which map to nothing.
 */
function observedBundle() {
  const b = incidentBundle();
  const t = '2024-03-05T10:00:00.000Z';
  const where = 'identity--0a1b2c3d-0000-4000-8000-000000000001';
  const malware = 'malware--0a1b2c3d-0000-4000-8000-000000000002';
  b.id = 'bundle--0a1b2c3d-0000-4000-8000-0000000000ff';
  (b.objects as Record<string, unknown>[]).push(
    { type: 'marking-definition', spec_version: '2.1', id: GREEN2, created: '2022-10-01T00:00:00.000Z', name: 'TLP:GREEN', extensions: { 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': { extension_type: 'property-extension', tlp_2_0: 'green' } } },
    { type: 'identity', spec_version: '2.1', id: where, created: t, modified: t, name: 'CERT-Bund', identity_class: 'organization' },
    { type: 'malware', spec_version: '2.1', id: malware, created: t, modified: t, name: 'X-Agent', is_family: true },
    { type: 'sighting', spec_version: '2.1', id: 'sighting--0a1b2c3d-0000-4000-8000-000000000003', created: t, modified: t, first_seen: '2024-03-02T08:00:00Z', last_seen: '2024-03-04T18:00:00Z', count: 3, sighting_of_ref: INCIDENT, where_sighted_refs: [where], description: 'Beaconing from two ministries.', object_marking_refs: [GREEN2] },
    { type: 'sighting', spec_version: '2.1', id: 'sighting--0a1b2c3d-0000-4000-8000-000000000004', created: t, modified: t, first_seen: '2024-03-01T00:00:00Z', sighting_of_ref: APT28, object_marking_refs: [AMBER2] },
    { type: 'sighting', spec_version: '2.1', id: 'sighting--0a1b2c3d-0000-4000-8000-000000000005', created: t, modified: t, sighting_of_ref: malware },
    {
      type: 'report',
      spec_version: '2.1',
      id: 'report--0a1b2c3d-0000-4000-8000-000000000006',
      created: t,
      modified: t,
      name: 'Bundestag intrusion: technical analysis',
      published: '2024-03-06T00:00:00Z',
      report_types: ['threat-report'],
      description: 'How the mail servers were reached.',
      object_refs: [INCIDENT, APT28, malware],
      external_references: [{ source_name: 'BSI', url: 'https://example.org/bsi-report' }],
      object_marking_refs: [AMBER2],
    },
    { type: 'report', spec_version: '2.1', id: 'report--0a1b2c3d-0000-4000-8000-000000000007', created: t, modified: t, name: 'X-Agent notes', published: '2024-03-06T00:00:00Z', object_refs: [malware] },
  );
  return b;
}

interface Shown {
  sightings: { of: { kind: string }; firstSeen: string | null; lastSeen: string | null; count: number | null; where: string[]; description: string | null; tlp: string }[];
  reports: { name: string; published: string; description: string | null; externalReferences: { source: string; url?: string }[]; tlp: string }[];
}

describe.each(dialects)('STIX exchange on %s', (dialect) => {
  let h: Harness;
  let ex: ExchangeService;
  let tmp: string;

  beforeAll(async () => {
    // Sign-in off, the deployment's organisation DE: the local analyst's imports are DE's.
    h = await startHarness({ auth: { ...readConfig({ CYBERDIPLO_ORG: 'DE' }).auth } }, dialect);
    ex = new ExchangeService(h.wb);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-stix-'));
  });
  afterAll(async () => {
    await h?.close();
  });

  const writeTmp = (name: string, value: unknown) => {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, typeof value === 'string' ? value : JSON.stringify(value));
    return f;
  };

  describe('STIX import of the official examples', () => {
    it.each(VALID.map((f) => [path.relative(STIX, f), f]))('imports %s', async (_name, file) => {
      const report = await ex.importFiles(LOCAL_DE, 'stix', [file as string], { marking: { recipients: ['analyst'] } });
      expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(report.rejected).toBe(false);
    });

    it('maps the attribution example: campaigns and intrusion set attributed to the threat actor, and so on', async () => {
      const file = path.join(STIX, 'cti-documentation-examples', 'defining-campaigns-threat-actors-intrusion-sets.json');
      const report = await ex.importFiles(LOCAL_DE, 'stix', [file]);
      expect(report.mapped).toEqual({ incident: 0, actor: 5, attribution: 6, sighting: 0, report: 0 });
      const actors = await ex.repo.records<ActorRecord>(ALL, 'actor');
      expect(actors.map((a) => a.value.kind)).toEqual(expect.arrayContaining(['campaign', 'intrusion-set', 'threat-actor', 'identity']));
    });

    it('importing the same bundle twice changes nothing the second time', async () => {
      const file = path.join(STIX, 'oasis-json-schemas-examples', 'examples', 'threat-reports', 'apt1.json');
      await ex.importFiles(LOCAL_DE, 'stix', [file]);
      const before = await storeCounts(h.wb);
      const again = await ex.importFiles(LOCAL_DE, 'stix', [file]);
      expect(again.written.actor.created + again.written.actor.updated).toBe(0);
      expect(again.written.attribution.created + again.written.attribution.updated).toBe(0);
      expect(again.written.actor.unchanged).toBe(again.mapped.actor);
      const after = await storeCounts(h.wb);
      expect(after).toEqual(oneMoreRun(before));
    });
  });

  describe.skipIf(!FULL_EXAMPLES.length)('STIX import of every OASIS example', () => {
    it.each(FULL_EXAMPLES.map((f) => [path.relative(FULL_STIX, f), f]))('imports %s', async (_name, file) => {
      const report = await ex.importFiles(LOCAL_DE, 'stix', [file as string], { marking: { recipients: ['analyst'] } });
      expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(report.rejected).toBe(false);
    });
  });

  describe('STIX import refuses bad input, writing nothing', () => {
    it.each(INVALID.map((c) => [c.file, c]))('refuses %s with the object id and property path', async (_f, c) => {
      const before = await storeCounts(h.wb);
      const report = await ex.importFiles(LOCAL_DE, 'stix', [path.join(STIX, c.file)]);
      expect(report.rejected).toBe(true);
      expect(report.problems).toContainEqual(expect.objectContaining({ severity: 'error', object: c.object, path: c.path, message: expect.stringMatching(c.message) }));
      expect(await storeCounts(h.wb)).toEqual(before);
    });

    it.each(NOT_JSON)('refuses %s as not JSON', async (file) => {
      const before = await storeCounts(h.wb);
      await expect(ex.importFiles(LOCAL_DE, 'stix', [path.join(STIX, file)])).rejects.toMatchObject({ code: 'invalid_import', message: expect.stringMatching(/not valid JSON/) });
      expect(await storeCounts(h.wb)).toEqual(before);
    });

    it('a bundle with one bad object writes nothing', async () => {
      const bundle = incidentBundle();
      (bundle.objects[4] as Record<string, unknown>).modified = '2020-01-01T00:00:00.000Z';
      const before = await storeCounts(h.wb);
      const report = await ex.importFiles(LOCAL_DE, 'stix', [writeTmp('one-bad.json', bundle)]);
      expect(report.rejected).toBe(true);
      expect(report.problems.filter((p) => p.severity === 'error')).toEqual([expect.objectContaining({ object: 'intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29', path: 'modified' })]);
      expect(await storeCounts(h.wb)).toEqual(before);
    });

    it('refuses a TLP 2.0 marking whose id and value disagree, and two TLP markings on one object', async () => {
      const bundle = incidentBundle();
      (bundle.objects[0] as { extensions: Record<string, { tlp_2_0: string }> }).extensions['extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d']!.tlp_2_0 = 'green';
      (bundle.objects[6] as Record<string, unknown>).object_marking_refs = [AMBER2, RED1];
      const report = await ex.importFiles(LOCAL_DE, 'stix', [writeTmp('tlp.json', bundle)]);
      expect(report.rejected).toBe(true);
      expect(report.problems).toContainEqual(expect.objectContaining({ object: AMBER2, path: expect.stringContaining('tlp_2_0'), message: expect.stringMatching(/TLP:AMBER/) }));
      expect(report.problems).toContainEqual(expect.objectContaining({ object: 'incident--7a5a7d0c-3f8e-4a63-9a49-3c2e8a6a5f11', path: 'object_marking_refs', message: expect.stringMatching(/2 TLP markings/) }));
    });

    it('skips custom objects, and refuses them with --strict', async () => {
      const bundle = { type: 'bundle', id: 'bundle--6d0092c5-5f74-4287-9642-33f4c354e56d', objects: [{ type: 'x-analyst-note', spec_version: '2.1', id: 'x-analyst-note--6d0092c5-5f74-4287-9642-33f4c354e56d', created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z', x_text: 'hi' }] };
      const file = writeTmp('custom.json', bundle);
      const loose = await ex.importFiles(LOCAL_DE, 'stix', [file], { dryRun: true });
      expect(loose.rejected).toBe(false);
      expect(loose.problems).toContainEqual(expect.objectContaining({ severity: 'skipped', path: 'type' }));
      const strict = await ex.importFiles(LOCAL_DE, 'stix', [file], { strict: true });
      expect(strict.rejected).toBe(true);
    });
  });

  describe('STIX incidents, markings, versions and export', () => {
    it('imports an incident with its victim, initiator, attribution and TLP marking; a newer version updates', async () => {
      const report = await ex.importFiles(LOCAL_DE, 'stix', [writeTmp('incident.json', incidentBundle())]);
      expect(report.rejected).toBe(false);
      expect(report.written.incident.created).toBe(1);
      const [incident] = await ex.repo.incidentsForExport();
      const imported = (await ex.repo.incidentsForExport()).find((i) => i.source?.key === 'incident--7a5a7d0c-3f8e-4a63-9a49-3c2e8a6a5f11');
      expect(incident).toBeDefined();
      expect(imported?.body).toMatchObject({ title: 'Bundestag intrusion', category: 'cyber-espionage', victims: [{ country: 'DE', sector: 'government' }], effects: { severity: 'high' }, initiator: { type: 'unknown', country: 'RU', name: 'APT28' } });
      expect(imported?.body.attribution).toEqual([{ kind: 'technical', by: 'CERT-EU', byType: 'eu', date: '2024-03-01', confidence: 'high', public: false }]);
      expect(imported?.marking?.tlp).toEqual({ version: '2.0', level: 'amber', id: AMBER2 });

      const same = await ex.importFiles(LOCAL_DE, 'stix', [writeTmp('incident-again.json', incidentBundle())]);
      expect(same.written.incident).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
      const newer = await ex.importFiles(LOCAL_DE, 'stix', [writeTmp('incident-newer.json', incidentBundle({ modified: '2024-05-01T00:00:00.000Z', description: 'A GRU unit (26165).' }))]);
      expect(newer.written.actor).toMatchObject({ updated: 1 });
      const older = await ex.importFiles(LOCAL_DE, 'stix', [writeTmp('incident-older.json', incidentBundle({ modified: '2024-04-01T00:00:00.000Z', description: 'stale' }))]);
      expect(older.written.actor).toMatchObject({ updated: 0, stale: 1 });
    });

    it('exports a bundle that validates against the schemas and re-imports to the same records', async () => {
      const res = await h.app.inject({ method: 'GET', url: '/api/export/stix' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/stix\+json/);
      const bundle = res.json() as { type: string; id: string; objects: Record<string, unknown>[] };
      expect(bundle.type).toBe('bundle');
      expect(bundleProblems(bundle)).toEqual([]);
      expect(bundle.objects.some((o) => o.type === 'incident' && (o.object_marking_refs as string[]).includes(AMBER2))).toBe(true);

      const before = await storeCounts(h.wb);
      const again = await h.app.inject({ method: 'POST', url: '/api/import/stix', payload: bundle });
      expect(again.statusCode).toBe(200);
      const report = again.json() as { written: Record<string, { created: number; updated: number }> };
      for (const k of ['incident', 'actor', 'attribution']) expect(report.written[k]).toMatchObject({ created: 0, updated: 0 });
      expect(await storeCounts(h.wb)).toEqual(oneMoreRun(before));
    });

    it('exports one incident with the actors it is attributed to', async () => {
      const [one] = (await ex.repo.incidentsForExport()).filter((i) => i.source?.format === 'stix');
      const res = await h.app.inject({ method: 'GET', url: `/api/export/stix?incident=${one!.id}` });
      const bundle = res.json() as { objects: { type: string }[] };
      expect(bundle.objects.filter((o) => o.type === 'incident')).toHaveLength(1);
      expect(bundle.objects.some((o) => o.type === 'intrusion-set')).toBe(true);
      expect(bundleProblems(bundle as { objects: Record<string, unknown>[] })).toEqual([]);
      expect((await h.app.inject({ method: 'GET', url: '/api/export/stix?incident=inc-nope' })).statusCode).toBe(404);
    });

    it('an incident edited here is exported as a newer version, and the export of an EuRepoC-like record re-imports to the same id', async () => {
      const [one] = (await ex.repo.incidentsForExport()).filter((i) => i.source?.format === 'stix');
      const bundle = await ex.exportStix(LOCAL_DE, one!.id);
      const incident = bundle.objects.find((o) => o.type === 'incident')!;
      expect(incident.x_cyberdiplo_id).toBe(one!.id);
      expect(incident.id).toBe('incident--7a5a7d0c-3f8e-4a63-9a49-3c2e8a6a5f11');
    });
  });

  describe('STIX sightings and reports', () => {
    const incidentId = async () => (await ex.repo.incidentsForExport()).find((i) => i.source?.key === INCIDENT)!.id;

    it('records sightings on the incident they concern and keeps reports as its sources; the rest is skipped with a reason', async () => {
      const report = await ex.importFiles(LOCAL_DE, 'stix', [writeTmp('observed.json', observedBundle())]);
      expect(report.rejected).toBe(false);
      expect(report.mapped).toMatchObject({ sighting: 2, report: 1 });
      expect(report.written.sighting.created).toBe(2);
      expect(report.written.report.created).toBe(1);
      const skipped = report.problems.filter((p) => p.severity === 'skipped').map((p) => p.object);
      expect(skipped).toEqual(expect.arrayContaining(['sighting--0a1b2c3d-0000-4000-8000-000000000005', 'report--0a1b2c3d-0000-4000-8000-000000000007']));

      const res = await h.app.inject({ method: 'GET', url: `/api/incidents/${await incidentId()}` });
      expect(res.statusCode).toBe(200);
      const shown = res.json() as Shown;
      expect(shown.sightings).toHaveLength(2);
      const ofIncident = shown.sightings.find((s) => s.of.kind === 'incident');
      expect(ofIncident).toMatchObject({ firstSeen: '2024-03-02T08:00:00Z', lastSeen: '2024-03-04T18:00:00Z', count: 3, where: ['CERT-Bund'], description: 'Beaconing from two ministries.' });
      // Its own TLP:GREEN, raised to AMBER because it is a sighting of a TLP:AMBER incident.
      expect(ofIncident?.tlp).toBe('amber');
      expect(shown.sightings.find((s) => s.of.kind === 'actor')).toMatchObject({ firstSeen: '2024-03-01T00:00:00Z', count: null, tlp: 'amber' });
      expect(shown.reports).toEqual([
        expect.objectContaining({ name: 'Bundestag intrusion: technical analysis', published: '2024-03-06T00:00:00Z', description: 'How the mail servers were reached.', externalReferences: [{ source: 'BSI', url: 'https://example.org/bsi-report' }], tlp: 'amber' }),
      ]);
    });

    it('a second import changes nothing, and every sighting and report written was audited', async () => {
      const before = await storeCounts(h.wb);
      const again = await ex.importFiles(LOCAL_DE, 'stix', [writeTmp('observed-again.json', observedBundle())]);
      expect(again.written.sighting).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
      expect(again.written.report).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
      expect(await storeCounts(h.wb)).toEqual(oneMoreRun(before));
      const entries = await h.wb.audit.list(ALL, { limit: 1000 });
      const audited = (type: string) => entries.filter((e) => e.action === 'import.stix' && e.targetType === type).length;
      expect(audited('sighting')).toBe(2);
      expect(audited('report')).toBeGreaterThanOrEqual(1);
    });

    it('a bundle whose report is refused writes no sighting either', async () => {
      const b = observedBundle();
      const report = b.objects.find((o) => o.id === 'report--0a1b2c3d-0000-4000-8000-000000000006') as Record<string, unknown>;
      report.published = 'yesterday';
      const before = await storeCounts(h.wb);
      const r = await ex.importFiles(LOCAL_DE, 'stix', [writeTmp('observed-bad.json', b)]);
      expect(r.rejected).toBe(true);
      expect(await storeCounts(h.wb)).toEqual(before);
    });

    it('the export carries them and re-imports to the same records', async () => {
      const bundle = await ex.exportStix(LOCAL_DE);
      expect(bundleProblems(bundle)).toEqual([]);
      const sighting = bundle.objects.find((o) => o.type === 'sighting' && o.count === 3);
      expect(sighting).toMatchObject({ sighting_of_ref: INCIDENT, first_seen: '2024-03-02T08:00:00Z', where_sighted_refs: [expect.stringMatching(/^identity--/)] });
      const where = bundle.objects.find((o) => o.id === (sighting?.where_sighted_refs as string[])[0]);
      expect(where?.name).toBe('CERT-Bund');
      const report = bundle.objects.find((o) => o.type === 'report' && o.name === 'Bundestag intrusion: technical analysis');
      expect(report?.object_refs).toEqual([INCIDENT, APT28]);
      expect(report?.external_references).toEqual([{ source_name: 'BSI', url: 'https://example.org/bsi-report' }]);

      const before = await storeCounts(h.wb);
      const again = await h.app.inject({ method: 'POST', url: '/api/import/stix', payload: bundle });
      expect(again.statusCode).toBe(200);
      const written = (again.json() as { written: Record<string, { created: number; updated: number; unchanged: number }> }).written;
      for (const k of ['incident', 'actor', 'attribution', 'sighting', 'report']) expect(written[k], k).toMatchObject({ created: 0, updated: 0 });
      expect(written.sighting!.unchanged).toBe(2);
      expect(await storeCounts(h.wb)).toEqual(oneMoreRun(before));
    });

    it('the one-incident bundle holds its sightings and reports', async () => {
      const bundle = await ex.exportStix(LOCAL_DE, await incidentId());
      expect(bundle.objects.filter((o) => o.type === 'sighting')).toHaveLength(2);
      expect(bundle.objects.filter((o) => o.type === 'report').map((o) => o.name)).toEqual(['Bundestag intrusion: technical analysis']);
      expect(bundleProblems(bundle)).toEqual([]);
    });
  });

  describe('the API refuses malformed bundles with a 4xx and writes nothing (property)', () => {
    it('never answers 5xx, and either refuses whole or writes', async () => {
      const base = incidentBundle();
      const mutation = fc.record({
        index: fc.nat({ max: base.objects.length - 1 }),
        key: fc.constantFrom('type', 'id', 'created', 'modified', 'name', 'source_ref', 'target_ref', 'object_marking_refs', 'country', 'labels', 'extensions'),
        value: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant([]), fc.constant({}), fc.constant('2024-13-01T00:00:00.000Z'), fc.constant('marking-definition--00000000-0000-4000-8000-000000000000')),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), async (mutations, drop) => {
          const bundle = structuredClone(base) as { objects: Record<string, unknown>[] };
          for (const m of mutations) (bundle.objects[m.index] as Record<string, unknown>)[m.key] = m.value;
          if (drop) bundle.objects.splice(mutations[0]!.index, 1);
          const before = await storeCounts(h.wb);
          const res = await h.app.inject({ method: 'POST', url: '/api/import/stix?dryRun=false', payload: bundle });
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode !== 200) expect(await storeCounts(h.wb)).toEqual(before);
        }),
        { numRuns: 60 },
      );
    });

    it('answers 400 with issues for a body that is no bundle', async () => {
      for (const payload of [[1, 2], { type: 'bundle', id: 'bundle--x', objects: 'no' }, { hello: 1 }]) {
        const res = await h.app.inject({ method: 'POST', url: '/api/import/stix', payload });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('invalid_import');
      }
    });

    it('keeps AppError for refused files', async () => {
      try {
        await ex.importFiles(LOCAL_DE, 'stix', [path.join(STIX, NOT_JSON[0]!)]);
      } catch (error) {
        expect(isAppError(error)).toBe(true);
      }
    });
  });
});
