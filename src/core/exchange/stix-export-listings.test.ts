// The EU cyber-sanctions listings linked to an exported incident: identities with the listing's acts, dates and reasons
// as external references, TLP:CLEAR, and a related-to relationship from the incident marked as the incident; valid by
// the OASIS schemas, the semantic rules and the TLP 2.0 extension's schema; read back by the import as no record.
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { readStixSchemas } from '../../store/exchange-files';
import type { IsoDate } from '../dates';
import { sanctionsData } from '../sanctions/sanctions.fixture';
import { targetOf, type SanctionsTarget } from '../sanctions/targets';
import { semanticIssues, type StixObject } from './stix-checks';
import { exportStix, type ExportRecord } from './stix-export';
import { compileStixSchemas } from './stix-schemas';
import { tlpFor } from './tlp';
import type { IncidentInput } from '../toolbox/incident';
import { byType, incidentRecord, stixImportOf, withoutExtensions, type Level } from './stix.fixture';

const root = path.resolve(__dirname, '../../..');
const documents = readStixSchemas(path.join(root, 'data', 'stix-schemas'));
const oasis = compileStixSchemas(documents, { shortcut: false });
const tlp2 = (() => {
  const ajv = new Ajv2020({ strict: false, unicodeRegExp: false, allErrors: true, logger: false });
  for (const d of documents) if (!d.path.startsWith('interop/')) ajv.addSchema(d.schema, String(d.schema.$id));
  const file = path.join(root, 'tests/fixtures/stix-extension-schemas/extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d.json');
  return ajv.compile(JSON.parse(fs.readFileSync(file, 'utf8')) as object);
})();

const data = sanctionsData();
const LISTINGS: SanctionsTarget[] = data.register.entries.map((e) => targetOf(e, data));
const listing = (id: string) => LISTINGS.find((t) => t.id === id)!;
const CLEAR = tlpFor('2.0', 'clear')!.id;
const TLP = (level: Level) => tlpFor('2.0', level)!.id;

/** An incident titled `title`, identifying the persons given, of the marking given, started on `start` (the fixture's by default). */
const incident = (id: string, title: string, persons: string[] = [], level: Level = 'amber', start?: IsoDate): ExportRecord<IncidentInput> => {
  const r = incidentRecord(id, { initiator: { type: 'state', country: 'RU', identifiedPersons: persons }, level });
  return { ...r, body: { ...r.body, title, ...(start ? { start } : {}) } };
};
const NOTPETYA_DAY = '2017-06-27' as IsoDate;

const exported = (incidents: ExportRecord<IncidentInput>[], sanctions: readonly SanctionsTarget[] = LISTINGS) =>
  exportStix({ incidents, actors: [], attributions: [], sightings: [], reports: [], sanctions }).objects;
const listingsIn = (objects: Record<string, unknown>[]) => byType(objects, 'identity').filter((o) => String(o.description ?? '').startsWith("Listed under the EU's cyber-sanctions regime"));
const relatedTo = (objects: Record<string, unknown>[]) => byType(objects, 'relationship').filter((o) => o.relationship_type === 'related-to');

describe('the sanctions listings linked to an exported incident', () => {
  it('go out as identities, individual or organisation, with their acts, dates and reasons as external references, public, the incident related-to each', () => {
    const objects = exported([incident('inc-opcw', 'Attempted intrusion into the OPCW network')]);
    const listed = listingsIn(objects);
    // Every listing whose reasons name the OPCW attempt (the four GRU officers and the 85th centre, GTsSS, among them).
    expect(listed.map((o) => o.name).sort()).toEqual([...LISTINGS.filter((t) => t.operations.some((o) => o.id === 'opcw-wifi-2018')).map((t) => t.name)].sort());
    expect(listed.length).toBeGreaterThanOrEqual(5);
    const minin = listing('alexey-valeryevich-minin');
    const identity = listed.find((o) => o.name === minin.name)!;
    expect(identity).toMatchObject({ identity_class: 'individual', created: '2020-07-30T00:00:00.000Z', modified: '2020-07-30T00:00:00.000Z', object_marking_refs: [CLEAR] });
    expect(listed.find((o) => o.name === listing('85th-main-centre-for-special-services').name)).toMatchObject({ identity_class: 'organization' });
    expect(identity.external_references).toEqual([
      { source_name: 'EUR-Lex', external_id: '32019R0796', url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32019R0796', description: `Regulation (EU) 2019/796, Annex I entry ${minin.annexEntry}: listed on 2020-07-30` },
      {
        source_name: 'EUR-Lex',
        external_id: '32020R1125',
        url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32020R1125',
        description: `Council Implementing Regulation (EU) 2020/1125: the listing act of 2020-07-30 (${minin.note})`,
      },
      { source_name: 'EUR-Lex', external_id: '32019R0796', url: minin.reasons.url, description: `Statement of reasons, ${minin.reasons.citation}: "${minin.reasons.text}"` },
    ]);
    const stixIncident = byType(objects, 'incident')[0]!;
    const links = relatedTo(objects);
    expect(links).toHaveLength(listed.length);
    for (const r of links) expect(r).toMatchObject({ source_ref: stixIncident.id, object_marking_refs: [TLP('amber')], description: 'EU cyber-sanctions listing linked to this incident: "OPCW" in the title, dated 2018-04-13, within the period 2018-04-01 to 2018-04-30' });
    expect(links.map((r) => r.target_ref).sort()).toEqual(listed.map((o) => o.id).sort());
    // The TLP:CLEAR marking definition goes out with them.
    expect(objects.find((o) => o.id === CLEAR)).toMatchObject({ type: 'marking-definition', name: 'TLP:CLEAR' });
  });

  it('follow the register\'s links: a name the incident identifies, an operation its title names, none without a link', () => {
    const named = exported([incident('inc-1', 'Intrusion into a chemical weapons organisation network', ['Alexey Minin'], 'green')]);
    expect(listingsIn(named).map((o) => o.name)).toEqual([listing('alexey-valeryevich-minin').name]);
    expect(relatedTo(named)).toEqual([expect.objectContaining({ description: 'EU cyber-sanctions listing linked to this incident: identifies "Alexey Minin"', object_marking_refs: [TLP('green')] })]);
    const notPetya = listingsIn(exported([incident('inc-2', 'NotPetya', [], 'amber', NOTPETYA_DAY)]));
    expect(notPetya.map((o) => [o.name, o.identity_class])).toEqual([[listing('main-centre-for-special-technologies').name, 'organization']]);
    // The register's dates go with the title: the same title dated ten months after the operation's period links nothing.
    expect(listingsIn(exported([incident('inc-2', 'NotPetya', [], 'amber', '2018-04-13' as IsoDate)]))).toEqual([]);
    // No link, no listing: nor the marking that would come with it.
    const none = exported([incident('inc-3', 'Intrusion into a ministry', ['Somebody Else'])]);
    expect(listingsIn(none)).toEqual([]);
    expect(relatedTo(none)).toEqual([]);
    expect(none.find((o) => o.id === CLEAR)).toBeUndefined();
    // Nor without the register, or without incidents.
    expect(listingsIn(exported([incident('inc-4', 'NotPetya')], []))).toEqual([]);
    expect(listingsIn(exported([]))).toEqual([]);
  });

  it('are one identity per listing, shared by the incidents linked to it under any marking; each link is marked as its incident', () => {
    const objects = exported([incident('inc-a', 'NotPetya', [], 'red', NOTPETYA_DAY), incident('inc-b', 'NotPetya again', [], 'clear', NOTPETYA_DAY)]);
    expect(listingsIn(objects)).toHaveLength(1);
    expect(relatedTo(objects).map((r) => r.object_marking_refs)).toEqual([[TLP('red')], [TLP('clear')]]);
  });

  it('carry what the register says of the listing: amended, delisted, an unverified listing round', () => {
    const badin = listing('dmitry-sergeyevich-badin');
    const changed = { ...badin, amendedOn: ['2023-05-02' as IsoDate], delistedOn: '2025-01-10' as IsoDate };
    const [identity] = listingsIn(exported([incident('inc-b', 'Bundestag intrusion', [], 'amber', '2015-05-05' as IsoDate)], [changed]));
    expect(identity).toMatchObject({ created: '2020-10-22T00:00:00.000Z', modified: '2025-01-10T00:00:00.000Z' });
    expect(identity!.description).toContain('listed on 2020-10-22; entry amended on 2023-05-02; delisted on 2025-01-10');
    expect((identity!.external_references as { description: string }[])[0]!.description).toContain('delisted on 2025-01-10');
    // The 2024 round's act numbers are unverified in the reviewed data: the act's reference says so.
    const korinets = LISTINGS.find((t) => t.since === '2024-06-24' && t.unverified)!;
    const [callisto] = listingsIn(exported([incident('inc-c', 'Callisto phishing')], [korinets]));
    expect((callisto!.external_references as { external_id?: string; description: string }[]).filter((r) => r.external_id === '32024R1778').map((r) => r.description)).toEqual([
      `Council Implementing Regulation (EU) 2024/1778: the listing act of 2024-06-24 (unverified: ${korinets.note})`,
    ]);
    // A round whose act is not known says so where the listing is given.
    const later = LISTINGS.find((t) => t.since === '2025-01-27')!;
    const [estonia] = listingsIn(exported([incident('inc-d', 'Estonia intrusions', [], 'amber', '2020-05-01' as IsoDate)], [later]));
    expect((estonia!.external_references as { description: string }[])[0]!.description).toBe(`Regulation (EU) 2019/796, Annex I entry ${later.annexEntry}: listed on 2025-01-27; the listing act is not recorded (${later.note})`);
  });

  it('are valid by the OASIS schemas, the semantic rules and the TLP 2.0 extension\'s schema', () => {
    const objects = exported([incident('inc-1', 'OPCW', [], 'amber'), incident('inc-2', 'NotPetya', [], 'red', NOTPETYA_DAY), incident('inc-3', 'Estonia and Callisto', [], 'clear', '2020-05-01' as IsoDate)]);
    expect(listingsIn(objects).length).toBeGreaterThan(5);
    for (const o of objects) {
      const check = oasis(o);
      expect(check.known, String(o.type)).toBe(true);
      expect([...check.issues, ...semanticIssues(o as StixObject)], String(o.id)).toEqual([]);
      if (o.type === 'marking-definition') expect(tlp2(o), JSON.stringify(tlp2.errors)).toBe(true);
    }
  });

  it('make no record when imported, with the product\'s extension or without it: the same records as without them', () => {
    const incidents = [incident('inc-1', 'OPCW', ['Alexey Minin'])];
    const objects = exported(incidents);
    expect(listingsIn(objects)).not.toHaveLength(0);
    const alone = exported(incidents, []);
    for (const strip of [(o: Record<string, unknown>[]) => o, withoutExtensions]) {
      const { batch, report } = stixImportOf(strip(objects));
      expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
      // The same records as the bundle without the listings gives: no actor, attribution or change of the incident.
      expect(batch).toEqual(stixImportOf(strip(alone)).batch);
      expect(report.mappings['relationships not mapped']).toMatchObject({ 'related-to -> kept out': relatedTo(objects).length });
      expect(report.mappings['objects not turned into records']).toMatchObject({ 'identity -> read by nothing the product records': listingsIn(objects).length });
    }
    expect(stixImportOf(objects).batch.actors).toEqual([]);
  });
});
