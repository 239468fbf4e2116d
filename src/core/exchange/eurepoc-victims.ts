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

const key = (s: string) => s.trim().toLowerCase();

type Region = VictimTable['regions'][number];
type Organisation = VictimTable['organisations'][number];

/** A table's regions, organisations and unknown values by their trimmed lower case, each the first the table lists. */
interface Names {
  regions: Map<string, Region>;
  organisations: Map<string, Organisation>;
  unknown: Set<string>;
}
const names = new WeakMap<VictimTable, Names>();

function namesOf(table: VictimTable): Names {
  let n = names.get(table);
  if (n) return n;
  n = { regions: new Map(), organisations: new Map(), unknown: new Set(table.unknown.map(key)) };
  for (const r of table.regions) for (const name of r.names) if (!n.regions.has(key(name))) n.regions.set(key(name), r);
  for (const o of table.organisations) if (!n.organisations.has(key(o.name))) n.organisations.set(key(o.name), o);
  names.set(table, n);
  return n;
}

export function eurepocReceiver(table: VictimTable, cell: string, category: string, name: string | undefined, sector: VictimSector): ReceiverReading {
  const named = name ? { name } : {};
  const value = cell.trim();
  const lower = value.toLowerCase();
  const known = namesOf(table);
  if (lower === 'eu (region)' && category === IO) return { victims: [{ country: EU_CODE, sector: 'eu-institution', ...named }], how: 'EU (an EU institution)' };
  const code = countryCodeOf(value);
  if (code) return { victims: [{ country: code, sector, ...named }], how: `${code} (country name)` };
  const region = known.regions.get(lower);
  if (region) return { victims: [{ country: UNKNOWN_VICTIM_COUNTRY, sector, ...named, region: region.id }], how: `region ${region.id}`, inferred: 'victims.region' };
  const org = known.organisations.get(lower);
  if (org) {
    const victims: ImportedVictim[] = org.country
      ? [{ country: org.country, sector: org.country === EU_CODE ? 'eu-institution' : sector, name: name ?? org.name }]
      : [{ country: UNKNOWN_VICTIM_COUNTRY, sector, name: name ?? org.name, region: org.region as string }];
    return { victims, how: org.country ? `${org.country} (${org.kind}, home state)` : `region ${org.region ?? ''} (${org.kind})`, inferred: org.country ? 'victims.country' : 'victims.region' };
  }
  const unknown = isNone(value) || known.unknown.has(lower);
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
