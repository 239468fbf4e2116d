// EuRepoC's receivers as victims: a country, the EU, a region or group ("Middle East (region)", "NATO (region)"),
// an international organisation, or unknown. Regions and organisations are read from the reviewed table
// data/exchange/victims.yaml; an unknown receiver whose name states a country or organisation takes it, and says so.
import { EU_CODE, type VictimSector } from '../toolbox/incident';
import { countryCodeOf } from './country-names';
import { isNone } from './dataset-cells';
import type { VictimTable } from './mapping-tables';
import { UNKNOWN_VICTIM_COUNTRY, describeFound, readVictimText, victimsOf, type ImportedVictim } from './victim-text';

const IO = 'International / supranational organization';

export interface ReceiverReading {
  victims: ImportedVictim[];
  /** How the receiver was read, for the report: `DE (country name)`, `region middle-east`, `unknown (ZZ)`. */
  how: string;
  /** The field the import inferred, if any (`victims.country`, `victims.region`). */
  inferred?: string;
  /** Why a person should look at it. */
  review?: string;
  /** The receiver's name, when the victim was read from it. */
  fromName?: string;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function eurepocReceiver(table: VictimTable, cell: string, category: string, name: string | undefined, sector: VictimSector): ReceiverReading {
  const named = name ? { name } : {};
  const value = cell.trim();
  if (same(value, 'EU (region)') && category === IO) return { victims: [{ country: EU_CODE, sector: 'eu-institution', ...named }], how: 'EU (an EU institution)' };
  const code = countryCodeOf(value);
  if (code) return { victims: [{ country: code, sector, ...named }], how: `${code} (country name)` };
  const region = table.regions.find((r) => r.names.some((n) => same(n, value)));
  if (region) return { victims: [{ country: UNKNOWN_VICTIM_COUNTRY, sector, ...named, region: region.id }], how: `region ${region.id}`, inferred: 'victims.region' };
  const org = table.organisations.find((o) => same(o.name, value));
  if (org) {
    const victims: ImportedVictim[] = org.country
      ? [{ country: org.country, sector: org.country === EU_CODE ? 'eu-institution' : sector, name: name ?? org.name }]
      : [{ country: UNKNOWN_VICTIM_COUNTRY, sector, name: name ?? org.name, region: org.region as string }];
    return { victims, how: org.country ? `${org.country} (${org.kind}, home state)` : `region ${org.region ?? ''} (${org.kind})`, inferred: org.country ? 'victims.country' : 'victims.region' };
  }
  const unknown = isNone(value) || table.unknown.some((u) => same(u, value));
  // An unknown receiver, or a value no table holds: read the words of the receiver's name, then of the value.
  const text = unknown ? (name ?? '') : value;
  const reading = text ? readVictimText(text, table) : { found: [], ambiguous: [] };
  const review = reading.ambiguous.length
    ? `"${reading.ambiguous.map((a) => a.text).join('", "')}" could mean ${reading.ambiguous.map((a) => a.candidates.join(' or ')).join('; ')}; not resolved`
    : !unknown && !reading.found.length
      ? `"${value}" is in no table of data/exchange/victims.yaml; victim kept with unknown country`
      : undefined;
  if (!reading.found.length) return { victims: [{ country: UNKNOWN_VICTIM_COUNTRY, sector, ...named }], how: 'unknown (ZZ)', ...(review ? { review } : {}) };
  const victims = victimsOf(reading, sector, name ?? value);
  const inferred = reading.found.some((f) => f.country) ? 'victims.country' : 'victims.region';
  return { victims, how: reading.found.map(describeFound).join(', '), inferred, ...(unknown ? { fromName: name } : {}), ...(review ? { review } : {}) };
}
