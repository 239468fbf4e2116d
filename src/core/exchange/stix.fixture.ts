// What the STIX import and export tests share: a severity scale and empty mapping tables (STIX reads neither table),
// a schema check that accepts every object, for tests that are not about the schemas; an incident record as the
// export reads it, and the import of a bundle's objects.
import type { IsoDate } from '../dates';
import type { IncidentInput } from '../toolbox/incident';
import type { SeverityFile } from '../toolbox/severity';
import type { ExchangeTables } from './mapping-tables';
import type { Marking } from './records';
import { newReport, ReportBuilder } from './report';
import type { ExportRecord } from './stix-export';
import { StixImport } from './stix-import';
import type { StixSchemaValidator } from './stix-schemas';
import { tlpFor } from './tlp';

export const severity: SeverityFile = {
  scale: ['low', 'medium', 'high', 'critical'].map((id) => ({ id, title: id, definition: id, sources: [{ ref: 'renard2014', locator: 'x' }] })),
};
const src = { ref: 'x', locator: 'y' };
export const tables: ExchangeTables = {
  sectors: { eurepoc: { source: src, values: [] }, cfr: { source: src, values: [] }, stix: { source: src, values: [] } },
  victims: { demonyms: [], abbreviations: [], places: [], organisations: [], regions: [], ambiguous: [], unknown: [] },
  eurepocResponses: { source: src, prefixes: [], countries: [], euActors: [], politicalCategories: [], legalCategories: [], measures: [] },
};
export const anySchema: StixSchemaValidator = () => ({ schema: 'stub', known: true, issues: [] });

export type Level = 'clear' | 'green' | 'amber' | 'red';
export const marking = (level: Level): Marking => {
  const def = tlpFor('2.0', level)!;
  return { tlp: { version: '2.0', level, id: def.id }, statements: [], unresolved: [] };
};
export const CREATED = '2018-05-02T03:04:05.000Z';
export const MODIFIED = '2019-02-02T03:04:05.000Z';

type Initiator = IncidentInput['initiator'];
export type Attribution = IncidentInput['attribution'][number];
/** The Netherlands' public political attribution of 4 October 2018. */
export const NL: Attribution = { kind: 'political', by: 'NL government', byType: 'member-state', date: '2018-10-04' as IsoDate, confidence: 'high', public: true };

/** An incident record against a Dutch government victim, by default of an unknown initiator, attributed by NL, TLP:AMBER. */
export function incidentRecord(id: string, over: { initiator?: Partial<Initiator>; attribution?: Attribution[]; level?: Level } = {}): ExportRecord<IncidentInput> {
  const body = {
    title: `Incident ${id}`,
    start: '2018-04-13',
    ongoing: false,
    category: 'cyber-espionage',
    victims: [{ country: 'NL', sector: 'government' }],
    effects: { severity: 'high', disruptsEssentialServices: false, physicalDamage: false, lossOfLife: false, threatensStateSurvival: false, armedAttack: false, attempted: true, economicBenefit: false, dataStolen: false, commerciallySensitiveData: false },
    initiator: { type: 'unknown', country: null, identifiedPersons: [], identifiedEntities: [], ...over.initiator },
    attribution: over.attribution ?? [NL],
    responses: [],
    context: {},
  } as unknown as IncidentInput;
  return { id, body, marking: marking(over.level ?? 'amber'), source: null, created: CREATED, modified: MODIFIED };
}

/** The import of a bundle's objects (each copied), with the report it writes. */
export function stixImportOf(objects: Record<string, unknown>[]) {
  const report = newReport('stix', [], false);
  const job = new StixImport({ validator: anySchema, vocabulary: { severity }, report: new ReportBuilder(report), strict: false, tables });
  job.envelope({ type: 'bundle', id: 'bundle--6d0092c5-5f74-4287-9642-33f4c354e56d' });
  for (const o of objects) job.add(structuredClone(o));
  return { batch: job.finish(), report };
}

/** The bundle as a tool that keeps only STIX's own properties reads it. */
export const withoutExtensions = (objects: Record<string, unknown>[]) => objects.map((o) => Object.fromEntries(Object.entries(o).filter(([k]) => !k.startsWith('x_'))));
export const byType = (objects: Record<string, unknown>[], type: string) => objects.filter((o) => o.type === type);
