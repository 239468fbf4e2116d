// EuRepoC 1.1 (a sample in the release's layout; the full release of 1,643 incidents where it is present) and a CFR
// Cyber Operations Tracker export: reports, idempotence, responses kept in the toolbox's categories, malformed rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeService } from '../../src/app/exchange-service';
import type { AttributionRecord, ImportReport, ResponseObservation } from '../../src/core/exchange/index';
import { readConfig } from '../../src/config';
import { dialects, startHarness, type Harness } from './harness';
import { ALL, EUREPOC, FIXTURES, FULL_EUREPOC, LOCAL_DE, bundleProblems, fullDataset, oneMoreRun, storeCounts } from './exchange-support';

const RELEASE = ['EuRepoC_Global_Database_1.1.csv', 'EuRepoC_Attribution_dataset_1.1.csv', 'EuRepoC_Receiver_dataset_1.1.csv'];
const EUREPOC_FILES = RELEASE.map((f) => path.join(EUREPOC, f));
const FULL_FILES = RELEASE.map((f) => path.join(FULL_EUREPOC, f));
const HAS_FULL = fullDataset('the full EuRepoC 1.1 release', FULL_FILES[0]!);
const CFR = path.join(FIXTURES, 'cfr-cyber-operations-sample.csv');

describe.each(dialects)('datasets on %s', (dialect) => {
  let h: Harness;
  let ex: ExchangeService;
  let first: ImportReport;

  beforeAll(async () => {
    h = await startHarness({ auth: { ...readConfig({ CYBERDIPLO_ORG: 'DE' }).auth } }, dialect);
    ex = new ExchangeService(h.wb);
    first = await ex.importFiles(LOCAL_DE, 'eurepoc', EUREPOC_FILES);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  describe('EuRepoC 1.1 import (the sample)', () => {
    it('keeps every incident with a victim, counts each row by what was inferred, and skips only rows no incident can be made of', () => {
      expect(first.rejected).toBe(false);
      expect(first.read).toBe(9);
      expect(first.problems.filter((p) => p.severity === 'skipped').map((p) => [p.object, p.path])).toEqual([
        ['eurepoc:9005', 'start_date'],
        ['eurepoc:x17', 'ID'],
      ]);
      expect(first.mapped.incident).toBe(7);
      expect(first.written.incident.created).toBe(7);
      expect(first.rows).toEqual({ asIs: 3, inferred: 3, inferredFields: { 'victims.region': 3 }, unknownVictim: 1, skipped: 2 });
      expect(first.mappings.victim).toMatchObject({ 'EU (region) -> EU (an EU institution)': 1, 'Middle East (region) -> region middle-east': 1, 'NATO (region) -> region nato': 1, 'Unknown -> unknown (ZZ)': 1 });
      expect(first.mapped.actor).toBe(4);
    });

    it('accounts for every attribution row: an attribution record, merged into one, on the incident only, or named as left out', () => {
      const lines = fs.readFileSync(path.join(EUREPOC, 'EuRepoC_Attribution_dataset_1.1.csv'), 'utf8').trim().split('\n').length - 1;
      expect(first.types['attribution row']).toBe(lines);
      const rows = first.mappings['attribution row'] ?? {};
      expect(Object.values(rows).reduce((a, b) => a + b, 0)).toBe(lines);
      expect(rows['initiator named -> attribution record']).toBe(first.written.attribution.created);
      const named = (object: string, path: string) => first.problems.filter((p) => p.object === object && p.path === path).map((p) => p.message);
      // SolarWinds' second row names the same initiator as its first: one attribution record, the row named as merged.
      expect(rows['same incident and initiator as an earlier row -> merged (its attributor and date on the incident)']).toBe(1);
      expect(named('eurepoc:1254', 'attributions.1')).toEqual([expect.stringMatching(/attribution_ID 2\).*"APT29\/Cozy Bear".*attribution_ID 1\).*merged/)]);
      // Its third row names no one who attributes and nothing attributed: left out, and said so.
      expect(rows['no attributor, or no initiator, country or type -> left out']).toBe(1);
      expect(named('eurepoc:1254', 'attributions.2')).toEqual([expect.stringMatching(/attribution_ID 3\).*left out/)]);
      // A row of an incident no row of the incidents file holds.
      expect(rows['no incident row with its ID -> left out']).toBe(1);
      expect(named('eurepoc:9099', 'incident_ID')).toEqual([expect.stringMatching(/no row of the incidents file has this ID; left out/)]);
    });

    it("keeps a merged row's attributor, date and type on the attribution record it went into, names that record in the report, and exports it", async () => {
      const solarWinds = (await ex.repo.incidentsForExport()).find((i) => i.source?.key === 'eurepoc:1254')!;
      const records = (await ex.repo.records<AttributionRecord>(ALL, 'attribution')).filter((a) => a.value.subject.id === solarWinds.id);
      expect(records).toHaveLength(1);
      const record = records[0]!;
      // Both rows of the fixture that name APT29/Cozy Bear, cell for cell: the White House's and an IT-security company's.
      expect(record.value.statements).toEqual([
        { source: 'EuRepoC attribution row 1 of the incident (attribution_ID 1)', id: '1', date: '2021-04-15', type: 'Political statement / report (e.g., on government / state agency websites)', basis: 'Attribution by receiver government / state entity', by: 'The White House', country: 'United States', initiatorCountry: 'Russia', initiatorCategory: 'State' },
        { source: 'EuRepoC attribution row 2 of the incident (attribution_ID 2)', id: '2', date: '2021-04-15', type: 'Attribution by IT-security company', basis: 'IT-security community attributes attacker', company: 'An IT-security company', initiatorCountry: 'Russia', initiatorCategory: 'State' },
      ]);
      const warning = first.problems.find((p) => p.object === 'eurepoc:1254' && p.path === 'attributions.1');
      expect(warning?.message).toContain(`(by An IT-security company, on 2021-04-15, Attribution by IT-security company)`);
      expect(warning?.message).toContain(`merged into attribution record ${record.id}`);
      const bundle = await ex.exportStix(LOCAL_DE);
      const exported = bundle.objects.find((o) => o.x_cyberdiplo_id === record.id) as { x_cyberdiplo_attribution?: { statements?: unknown[] } } | undefined;
      expect(exported?.x_cyberdiplo_attribution?.statements).toEqual(record.value.statements);
    });

    it("keeps EuRepoC's codings of an incident cell for cell with its row, shows them in the API answer, and carries them through a STIX export and re-import", async () => {
      const solarWinds = (await ex.repo.incidentsForExport()).find((i) => i.source?.key === 'eurepoc:1254')!;
      // The fixture's cells for SolarWinds' row, as written; "Not available" and an empty list say the column was not coded.
      const cells = {
        cyber_conflict_issue: 'International power',
        offline_conflict_issue: 'Unknown',
        zero_days: 'No',
        MITRE_initial_access: 'Supply Chain Compromise',
        MITRE_impact: 'Data Exfiltration',
        state_responsibility_indicator: 'Direct (official members of state entities / agencies / units responsible)',
        IL_breach_indicator: 'Cyber espionage; Sovereignty',
        legal_attribution_reference: 'Cyber espionage',
      };
      expect(solarWinds.body.codings).toEqual([{ source: 'EuRepoC Global Database, release 1.1, ID 1254', cells }]);
      expect(first.mappings['columns kept as EuRepoC codings']).toMatchObject({ 'legal_attribution_reference -> 1 incident(s) with a coding': 1, 'zero_days -> 1 incident(s) with a coding': 1 });
      expect(first.mappings['columns not imported']?.['legal_attribution_reference -> 1 row(s) with a value']).toBeUndefined();
      const answer = await h.app.inject({ method: 'GET', url: `/api/incidents/${solarWinds.id}` });
      expect(answer.statusCode).toBe(200);
      expect((answer.json() as { incident: { codings?: unknown } }).incident.codings).toEqual(solarWinds.body.codings);
      // Searchable as any text of the record is: a MITRE technique finds the incident (through the index on SQLite).
      const found = await h.app.inject({ method: 'GET', url: `/api/incidents?q=${encodeURIComponent('Supply Chain Compromise')}` });
      expect((found.json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([solarWinds.id]);
      // Exported in the product's extension and imported into another store: the same codings.
      const bundle = await ex.exportStix(LOCAL_DE);
      const other = await startHarness({ auth: { ...readConfig({ CYBERDIPLO_ORG: 'DE' }).auth } }, dialect);
      try {
        const again = new ExchangeService(other.wb);
        const report = await again.importStixBody(LOCAL_DE, bundle);
        expect(report.rejected).toBe(false);
        const back = (await again.repo.incidentsForExport()).find((i) => i.body.title === solarWinds.body.title);
        expect(back?.body.codings).toEqual(solarWinds.body.codings);
      } finally {
        await other.close();
      }
    }, 120_000);

    it('stores victims that are regions, organisations of states or unknown, beside countries', async () => {
      const all = await ex.repo.incidentsForExport();
      const victims = (id: string) => all.find((i) => i.source?.key === `eurepoc:${id}`)?.body.victims;
      expect(victims('9001')).toEqual([{ country: 'EU', sector: 'eu-institution', name: 'Staff of an EU body' }]);
      expect(victims('9002')).toEqual([{ country: 'ZZ', sector: 'government', name: 'Foreign ministries', region: 'middle-east' }]);
      expect(victims('9003')).toEqual([{ country: 'ZZ', sector: 'private' }]);
      expect(victims('1032')?.map((v) => v.region ?? v.country)).toEqual(['global', 'UA']);
    });

    it('exports them to STIX without a location for an unknown country, and the bundle validates', async () => {
      const bundle = await ex.exportStix(LOCAL_DE);
      expect(bundle.objects.filter((o) => o.type === 'location' && o.country === 'ZZ')).toEqual([]);
      expect(bundleProblems(bundle)).toEqual([]);
    });

    it('maps responses by who acted: the EU and member states take measures, others keep their own, disagreeing cells go to review', async () => {
      const viasat = (await ex.repo.incidentsForExport()).find((i) => i.source?.key === 'eurepoc:1514')!;
      // The High Representative's declaration is the EU's; the UK foreign secretary's, coded "EU", is flagged, not an EU measure.
      expect(viasat.body.responses).toEqual([expect.objectContaining({ measure: 'hr-declaration-on-behalf-of-eu', by: expect.stringMatching(/High Representative/) })]);
      const link = await ex.repo.link(viasat.id);
      const observed = (link?.details?.responses ?? []) as ResponseObservation[];
      expect(observed.map((o) => [o.actorKind, o.measure])).toEqual([
        ['eu', 'hr-declaration-on-behalf-of-eu'],
        [null, null],
      ]);
      expect(first.review).toContainEqual(expect.objectContaining({ object: 'eurepoc:1514', message: expect.stringMatching(/country "United Kingdom" says third-state/) }));
      const notPetya = (await ex.repo.incidentsForExport()).find((i) => i.source?.key === 'eurepoc:1032')!;
      // The US Treasury's sanctions are kept as the United States' response, the Council's as the EU's measure.
      const np = ((await ex.repo.link(notPetya.id))?.details?.responses ?? []) as ResponseObservation[];
      expect(np.filter((o) => o.kind === 'legal').map((o) => [o.actorKind, o.measure])).toEqual([
        ['third-state', null],
        ['eu', 'restrictive-measures'],
      ]);
      // The UK was a member state in 2018: its minister's statement is a member state's (and no measure of the table).
      expect(np.filter((o) => o.kind === 'political').map((o) => o.actorKind)).toEqual(['third-state', 'member-state']);
    });

    it('keeps political and legal responses in the toolbox categories, with EU measures on the incident', async () => {
      const link = await ex.repo.link((await ex.repo.incidentsForExport()).find((i) => i.source?.key === 'eurepoc:1032')!.id);
      const responses = (link?.details?.responses ?? []) as ResponseObservation[];
      expect(responses).toContainEqual(expect.objectContaining({ kind: 'legal', category: 'restrictive', measure: 'restrictive-measures', date: '2020-07-30' }));
      const notPetya = (await ex.repo.incidentsForExport()).find((i) => i.source?.key === 'eurepoc:1032')!;
      expect(notPetya.body.responses).toContainEqual(expect.objectContaining({ measure: 'restrictive-measures', date: '2020-07-30' }));
      const solarWinds = (await ex.repo.incidentsForExport()).find((i) => i.source?.key === 'eurepoc:1254')!;
      expect(solarWinds.body.responses.map((r) => r.measure)).toContain('hr-declaration-on-behalf-of-eu');
      const plan = await h.app.inject({ method: 'GET', url: `/api/incidents/${notPetya.id}/plan` });
      expect(plan.statusCode).toBe(200);
    });

    it('a second import changes nothing', async () => {
      const before = await storeCounts(h.wb);
      const again = await ex.importFiles(LOCAL_DE, 'eurepoc', EUREPOC_FILES);
      expect(again.written.incident).toMatchObject({ created: 0, updated: 0, unchanged: first.mapped.incident });
      expect(again.written.actor).toMatchObject({ created: 0, updated: 0 });
      expect(await storeCounts(h.wb)).toEqual(oneMoreRun(before));
    }, 120_000);

    it('refuses a file that is not EuRepoC, writing nothing', async () => {
      const before = await storeCounts(h.wb);
      const r = await ex.importFiles(LOCAL_DE, 'eurepoc', [CFR]);
      expect(r.rejected).toBe(true);
      expect(await storeCounts(h.wb)).toEqual(before);
    });

    it('exports incidents and plans as CSV and JSON', async () => {
      const csv = await h.app.inject({ method: 'GET', url: '/api/export/incidents?format=csv' });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.body.split('\r\n')[0]).toMatch(/^id,title,start,end,ongoing,category,severity,victims/);
      expect(csv.body.split('\r\n').length).toBeGreaterThan(first.mapped.incident);
      const one = (await ex.repo.incidentsForExport()).find((i) => i.source?.key === 'eurepoc:1032')!;
      const plans = await h.app.inject({ method: 'GET', url: `/api/export/plans?format=csv&incident=${one.id}` });
      expect(plans.statusCode).toBe(200);
      expect(plans.body).toMatch(/restrictive-measures/);
    });
  });

  describe('CFR Cyber Operations Tracker import', () => {
    it('maps countries from free text, keeps the rest as text, and reports skipped rows', async () => {
      const r = await ex.importFiles(LOCAL_DE, 'cfr', [CFR]);
      expect(r.rejected).toBe(false);
      expect(r.read).toBe(13);
      expect(r.mapped.incident).toBe(12);
      expect(r.problems.filter((p) => p.severity === 'skipped')).toEqual([expect.objectContaining({ object: 'line 8', path: 'Date' })]);
      // Most of the tracker's victims are named by demonym or organisation ("Estonian government", "the Bundestag"): inferred.
      expect(r.rows).toEqual({ asIs: 2, inferred: 9, inferredFields: { 'victims.country': 8, 'victims.region': 3 }, unknownVictim: 1, skipped: 1 });
      expect(r.mappings.victim).toMatchObject({
        'Albanian -> AL (demonym)': 1,
        'Boston -> US (place name)': 1,
        'EU member states -> region eu-member-states (region)': 1,
        'Viasat -> US (organisation)': 1,
        'Eastern and Central Europe -> region eastern-europe (region)': 1,
        '(no state, organisation or region named) -> unknown (ZZ)': 1,
      });
      const all = await ex.repo.incidentsForExport();
      const bundestag = all.find((i) => i.source?.key === 'cfr:Targeting of the German Bundestag|2015-05-01')!;
      expect(bundestag.body).toMatchObject({ start: '2015-05-01', category: 'cyber-espionage', victims: [{ country: 'DE', sector: 'government' }], initiator: { type: 'state-sponsored', country: 'RU', name: 'APT 28, Fancy Bear' } });
      expect(bundestag.body.attribution[0]).toMatchObject({ kind: 'political', confidence: 'high' });
      const wannacry = all.find((i) => i.source?.key?.startsWith('cfr:WannaCry'))!;
      expect(wannacry.body.initiator.country).toBe('KP');
      expect(wannacry.body.victims.map((v) => v.region ?? v.country)).toEqual(['GB', 'global']);
      const again = await ex.importFiles(LOCAL_DE, 'cfr', [CFR]);
      expect(again.written.incident).toMatchObject({ created: 0, updated: 0, unchanged: 12 });
      const byVictim = (title: string) => all.find((i) => i.body.title === title)?.body.victims;
      expect(byVictim('Wiper attack on government networks')).toEqual([{ country: 'AL', sector: 'government', name: 'Albanian government networks' }]);
      expect(byVictim('Phishing of ministries in the Union')).toEqual([{ country: 'ZZ', sector: 'government', name: 'Government agencies of EU member states', region: 'eu-member-states' }]);
      expect(byVictim('Phishing of unnamed activists')).toEqual([{ country: 'ZZ', sector: 'civil-society', name: 'Human rights activists' }]);
    });

    it('turns the Response phrases of the reviewed table into responses taken, which the plan lists as taken', async () => {
      const all = await ex.repo.incidentsForExport();
      const byKey = (prefix: string) => all.find((i) => i.source?.key?.startsWith(`cfr:${prefix}`))!;
      const note = (cell: string) => expect.stringMatching(new RegExp(`Response: "${cell.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}".*no date for the response`));
      // The responder from the host of the cell's URL (eur-lex: the Union; justice.gov: the United States).
      expect(byKey('Sanctions after cloud compromise').body.responses).toEqual([
        { measure: 'restrictive-measures', date: '2018-12-19', by: 'European Union', note: note('Sanctions https://eur-lex.europa.eu/eli/reg_impl/2020/1125/oj') },
      ]);
      // Charges brought by the United States are its own response, not a toolbox measure; the import details keep them.
      const wannacry = byKey('WannaCry');
      expect(wannacry.body.responses).toEqual([]);
      expect((await ex.repo.link(wannacry.id))?.details?.responsesByOthers).toEqual([{ phrase: 'Criminal charges', measure: 'criminal-justice-cooperation', by: 'United States', actor: 'third-state', date: '2017-05-12' }]);
      // Two phrases in one cell, accents ignored; no responder named: the victim state, and the note says so.
      const ministry = byKey('Intrusion into a foreign ministry').body.responses;
      expect(ministry.map((x) => x.measure)).toEqual(['demarche', 'criminal-justice-cooperation']);
      for (const x of ministry) expect(x).toMatchObject({ date: '2019-10-02', by: 'Czech Republic', note: expect.stringMatching(/victim state/) });
      expect(byKey('Hack back').body.responses).toEqual([expect.objectContaining({ measure: 'active-defence-hackback', by: 'Netherlands' })]);
      // Reviewed phrases that are no measure: no response taken, kept in the details, counted in the report.
      const bundestag = byKey('Targeting of the German Bundestag');
      expect(bundestag.body.responses).toEqual([]);
      const link = await ex.repo.link(bundestag.id);
      expect(link?.details?.response).toMatchObject({ kind: 'Denouncement' });
      const [last] = await ex.reports(LOCAL_DE, 1);
      expect(last?.report.mappings['responses not mapped']).toEqual({ 'Denouncement -> kept in the import details': 1, 'Confirmation -> kept in the import details': 1, 'Denial -> kept in the import details': 1 });

      const sanctions = byKey('Sanctions after cloud compromise');
      const plan = await h.app.inject({ method: 'GET', url: `/api/incidents/${sanctions.id}/plan` });
      expect(plan.statusCode).toBe(200);
      const measures = (plan.json() as { measures: { id: string; taken: { date: string; by: string; note?: string }[] }[] }).measures;
      expect(measures.find((m) => m.id === 'restrictive-measures')?.taken).toEqual([{ date: '2018-12-19', by: 'European Union', note: expect.stringMatching(/^CFR Cyber Operations Tracker/) }]);
      expect(measures.filter((m) => m.taken.length).map((m) => m.id)).toEqual(['restrictive-measures']);
    });

    it('never crashes on malformed CSV rows, and refuses or imports whole (property)', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-cfr-'));
      const header = 'Title,Date,Affiliations,Description,Response,Victims,Sponsor,Type,Category,Sources_1,Sources_2,Sources_3';
      const cell = fc.oneof(fc.string(), fc.constantFrom('1/2/2020', '13/45/2020', 'Germany', 'Russian Federation', '"', '"unclosed', 'Sanctions http://x', ''));
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(cell, { minLength: 0, maxLength: 14 }), { minLength: 1, maxLength: 5 }), async (rows) => {
          const file = path.join(dir, `f${n++}.csv`);
          fs.writeFileSync(file, [header, ...rows.map((r) => r.join(','))].join('\n'));
          const before = await storeCounts(h.wb);
          try {
            const r = await ex.importFiles(LOCAL_DE, 'cfr', [file], { dryRun: true });
            expect(r.read).toBeLessThanOrEqual(rows.length);
          } catch (error) {
            expect((error as { code?: string }).code).toBe('invalid_import');
          }
          expect(await storeCounts(h.wb)).toEqual(before);
        }),
        { numRuns: 60 },
      );
    });

    it('refuses an export lacking columns before any row of any file is mapped, first file or last', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-cfr-'));
      const bad = path.join(dir, 'two-columns.csv');
      fs.writeFileSync(bad, 'Title,Date\nAn operation,1/2/2020\n');
      const before = await storeCounts(h.wb);
      for (const files of [
        [CFR, bad],
        [bad, CFR],
      ]) {
        const r = await ex.importFiles(LOCAL_DE, 'cfr', files, { memo: false });
        expect(r.rejected).toBe(true);
        expect({ read: r.read, mapped: r.mapped.incident, mappings: r.mappings, rows: r.rows }).toEqual({ read: 0, mapped: 0, mappings: {}, rows: { asIs: 0, inferred: 0, inferredFields: {}, unknownVictim: 0, skipped: 0 } });
        expect(r.problems).toEqual([{ severity: 'error', object: 'two-columns.csv', path: '(header)', message: 'not a CFR Cyber Operations Tracker export: the columns Affiliations, Description, Response, Victims, Sponsor, Type, Category, Sources_1, Sources_2, Sources_3 are missing' }]);
      }
      expect(await storeCounts(h.wb)).toEqual(before);
      // The sample alone is read and mapped: the refusal above came from the header.
      expect((await ex.importFiles(LOCAL_DE, 'cfr', [CFR], { dryRun: true })).read).toBe(13);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });

  describe.skipIf(!HAS_FULL)('EuRepoC 1.1, the full release', () => {
    let full: ImportReport;
    beforeAll(async () => {
      full = await ex.importFiles(LOCAL_DE, 'eurepoc', FULL_FILES);
    }, 120_000);

    it('keeps every one of the 1,643 incidents, each row counted once', () => {
      expect(full.rejected).toBe(false);
      expect(full.read).toBe(1643);
      expect(full.problems.filter((p) => p.severity === 'skipped')).toEqual([]);
      expect(full.mapped.incident).toBe(1643);
      const rows = full.rows!;
      expect(rows.asIs + rows.inferred + rows.unknownVictim).toBe(1643);
      expect(rows.skipped).toBe(0);
      expect(rows.inferredFields).toMatchObject({ start: expect.any(Number), 'victims.region': expect.any(Number) });
      // The UK foreign secretary's statement on Viasat, coded as a declaration of the High Representative, is for review.
      expect(full.review).toContainEqual(expect.objectContaining({ object: 'eurepoc:1514', value: expect.stringMatching(/Liz Truss/) }));
      const w = full.written.incident;
      expect(w.created + w.updated + w.unchanged).toBe(full.mapped.incident);
      expect(full.mapped.actor).toBeGreaterThan(100);
    });

    it('accounts for each of the 2,643 attribution rows, naming those merged or left out', () => {
      expect(full.types['attribution row']).toBe(2643);
      const rows = full.mappings['attribution row'] ?? {};
      expect(Object.values(rows).reduce((a, b) => a + b, 0)).toBe(2643);
      expect(rows['initiator named -> attribution record']).toBe(full.mapped.attribution);
      const warned = (re: RegExp) => full.problems.filter((p) => /^attributions\.\d+$/.test(p.path) && re.test(p.message)).length;
      const merged = Object.entries(rows).filter(([k]) => k.includes('-> merged')).reduce((a, [, n]) => a + n, 0);
      expect(merged).toBeGreaterThan(0);
      expect(warned(/merged into attribution record atr-\S+, which keeps its attributor, date and type/)).toBe(merged);
      expect(warned(/; left out$/)).toBe(rows['no attributor, or no initiator, country or type -> left out'] ?? 0);
    });

    it('a second import changes nothing', async () => {
      const before = await storeCounts(h.wb);
      const again = await ex.importFiles(LOCAL_DE, 'eurepoc', FULL_FILES);
      expect(again.written.incident).toMatchObject({ created: 0, updated: 0, unchanged: full.mapped.incident });
      expect(again.written.actor).toMatchObject({ created: 0, updated: 0 });
      expect(await storeCounts(h.wb)).toEqual(oneMoreRun(before));
    }, 120_000);
  });

  describe('exports of every view', () => {
    it.each(['partners', 'dialogues', 'matrix', 'assessments', 'incidents', 'plans', 'actors'])('%s as CSV and JSON', async (view) => {
      const csv = await h.app.inject({ method: 'GET', url: `/api/export/${view}?format=csv` });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-disposition']).toMatch(new RegExp(`cyberdiplo-${view}\\.csv`));
      expect(csv.body.split('\r\n').length).toBeGreaterThan(2);
      const json = await h.app.inject({ method: 'GET', url: `/api/export/${view}?format=json` });
      expect(json.statusCode).toBe(200);
      expect(() => JSON.parse(json.body) as unknown).not.toThrow();
      // Plans of every incident of the full release, twice: about 12 s on a quiet machine, over 60 s on a busy one.
    }, 180_000);

    it('refuses unknown views and formats', async () => {
      expect((await h.app.inject({ method: 'GET', url: '/api/export/nothing' })).statusCode).toBe(400);
      expect((await h.app.inject({ method: 'GET', url: '/api/export/partners?format=xml' })).statusCode).toBe(400);
    });
  });
});
