// What the STIX import and export tests share: a severity scale and empty mapping tables (STIX reads neither table),
// and a schema check that accepts every object, for tests that are not about the schemas.
import type { SeverityFile } from '../toolbox/severity';
import type { ExchangeTables } from './mapping-tables';
import type { StixSchemaValidator } from './stix-schemas';

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
