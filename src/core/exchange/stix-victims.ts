// The victims of a native STIX incident, from its `targets` relationships: a location with a country or a region,
// or an identity (its sectors through the reviewed table data/exchange/sectors.yaml; its country from where it is
// located, else from what its name states, e.g. a company's home state). An incident that targets nothing is kept
// with a victim whose country is unknown. Each victim is counted in the report with how it was found.
import type { StixObject } from './stix-checks';
import { sectorFromTable, type ExchangeTables } from './mapping-tables';
import type { ReportBuilder } from './report';
import { UNKNOWN_VICTIM_COUNTRY, describeFound, readVictimText, type ImportedVictim } from './victim-text';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);

export interface StixVictimContext {
  tables: ExchangeTables;
  report: ReportBuilder;
  /** The country of a location object, when it states a valid one. */
  countryOfLocation(id: unknown): string | null;
  /** Where an identity is located (located-at a location, or attributed to one that is). */
  countryOf(id: string): string | null;
}

export interface StixVictims {
  victims: ImportedVictim[];
  /** Fields inferred (`victims.country` from an identity's name, …). */
  inferred: string[];
  unknownVictim: boolean;
}

export function stixVictims(incidentId: string, targets: (StixObject | undefined)[], ctx: StixVictimContext): StixVictims {
  const r = ctx.report;
  const victims: ImportedVictim[] = [];
  const inferred: string[] = [];
  for (const target of targets) {
    if (target?.type === 'location') {
      const country = ctx.countryOfLocation(target.id);
      r.mapped('victim sector', 'location (no sector in STIX)', 'government');
      const region = str(target.region);
      const named = str(target.name) ? { name: str(target.name) as string } : {};
      if (country) victims.push({ country, sector: 'government' });
      else if (region && /^[a-z0-9-]+$/.test(region)) victims.push({ country: UNKNOWN_VICTIM_COUNTRY, sector: 'government', region, ...named });
      r.mapped('victim', country ? 'location with a country' : region ? 'location with a region' : 'location without country or region', country ?? (region ? `region ${region}` : 'unknown (ZZ)'));
    } else if (target?.type === 'identity') {
      const { sector, unknown } = sectorFromTable(ctx.tables.sectors, 'stix', strs(target.sectors));
      r.mapped('victim sector', strs(target.sectors).join(' ') || '(none)', unknown.length ? `${sector} (not in the table: ${unknown.join(', ')})` : sector);
      const name = str(target.name);
      const named = name ? { name } : {};
      const country = ctx.countryOf(String(target.id));
      if (country) {
        victims.push({ country, sector, ...named });
        continue;
      }
      // An identity located nowhere: its name may state a home state ("Viasat") or a place; else the country is unknown.
      const reading = name ? readVictimText(name, ctx.tables.victims) : { found: [], ambiguous: [] };
      const first = reading.found[0];
      if (reading.ambiguous.length) r.toReview(incidentId, 'targets', name ?? '', `"${reading.ambiguous.map((a) => a.text).join('", "')}" could mean several states; not resolved`);
      if (first && !reading.ambiguous.length) {
        victims.push(first.country ? { country: first.country, sector: first.country === 'EU' ? 'eu-institution' : sector, ...named } : { country: UNKNOWN_VICTIM_COUNTRY, sector, ...named, region: first.region as string });
        inferred.push(first.country ? 'victims.country' : 'victims.region');
        r.mapped('victim', `identity "${name ?? ''}" located nowhere`, describeFound(first));
      } else {
        victims.push({ country: UNKNOWN_VICTIM_COUNTRY, sector, ...named });
        r.mapped('victim', 'identity located nowhere', 'unknown (ZZ)');
      }
    }
  }
  if (!victims.length) r.mapped('victim', '(no targets relationship)', 'unknown (ZZ)');
  const known = victims.filter((v) => v.country !== UNKNOWN_VICTIM_COUNTRY || v.region);
  return { victims: known.length ? known : [victims[0] ?? { country: UNKNOWN_VICTIM_COUNTRY, sector: 'private' }], inferred, unknownVictim: !known.length };
}
