// The EuRepoC receiver and response readings look names up in maps built once per table; these tests compare them
// with the plain reading (a search of the table's lists, case and padding ignored, the first row listed winning) over
// every name of the reviewed tables in several spellings, names no table holds, and tables whose rows collide.
import { describe, expect, it } from 'vitest';
import { readExchangeTables } from '../../store/exchange-files';
import { incidentVocabulary } from '../toolbox/load';
import { readToolbox } from '../../store/toolbox-files';
import { readConfig } from '../../config';
import { countryCodeOf } from './country-names';
import { isNone } from './dataset-cells';
import { eurepocReceiver, type ReceiverReading } from './eurepoc-victims';
import { UNKNOWN_VICTIM_COUNTRY, describeFound, readVictimText, victimsOf, type ImportedVictim } from './victim-text';
import { EU_CODE, type VictimSector } from '../toolbox/incident';
import { isMemberStateAt } from '../toolbox/member-states';
import type { IsoDate } from '../dates';
import { legalResponses, politicalResponses, responseActor } from './eurepoc-responses';
import type { EurepocResponseTable, VictimTable } from './mapping-tables';

const dataDir = readConfig({}).dataDir;
const tables = readExchangeTables(dataDir, incidentVocabulary(readToolbox(dataDir)).measureIds ?? []);

let seed = 11;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
/** A name as a dataset might write it: in another case, padded, or both. */
const spelling = (s: string) => {
  const cased = pick([s, s.toUpperCase(), s.toLowerCase(), s.replace(/^./, (c) => c.toLowerCase())]);
  return pick(['', ' ', '  ']) + cased + pick(['', ' ', '\t']);
};
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const IO = 'International / supranational organization';

/** eurepocReceiver as it read the table before its look-ups were maps: a search of the lists for each cell. */
function plainReceiver(table: VictimTable, cell: string, category: string, name: string | undefined, sector: VictimSector): ReceiverReading {
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

/** responseActor's evidence as it was read before: a search of the lists. */
function plainEvidence(t: EurepocResponseTable, prefix: string | null, country: string | null, actor: string | null, at: string): string[] {
  const out: string[] = [];
  const p = prefix ? t.prefixes.find((x) => x.prefix.toLowerCase() === prefix.toLowerCase()) : undefined;
  if (p) out.push(p.actor);
  if (country) {
    const c = t.countries.find((x) => x.value.toLowerCase() === country.toLowerCase());
    const code = c ? undefined : countryCodeOf(country);
    const kind = c ? c.actor : code ? (isMemberStateAt(code, at as IsoDate) ? 'member-state' : 'third-state') : undefined;
    if (kind) out.push(kind);
  }
  if (actor && t.euActors.some((e) => actor.toLowerCase().includes(e.match.toLowerCase()))) out.push('eu');
  return out;
}

const agree = (a: string, b: string) => a === b || (a === 'state' && (b === 'member-state' || b === 'third-state')) || (b === 'state' && (a === 'member-state' || a === 'third-state'));

function plainActor(t: EurepocResponseTable, prefix: string | null, country: string | null, actor: string | null, at: string): string | null {
  const ev = plainEvidence(t, prefix, country, actor, at);
  if (ev.some((a, i) => ev.some((b, j) => j > i && !agree(a, b)))) return null;
  return ev.find((e) => e !== 'state') ?? null;
}

describe('EuRepoC look-ups by name', () => {
  it('read a receiver as searching the victim table would', () => {
    const t = tables.victims;
    const names = [...t.regions.flatMap((r) => r.names), ...t.organisations.map((o) => o.name), ...t.unknown, 'Germany', 'EU (region)', 'Atlantis', 'Not available', 'Albanian parliament', ''];
    const categories = [IO, 'State institutions / political system', 'Unknown'];
    const receiverNames = [undefined, 'Ministry of Foreign Affairs', 'Estonian Parliament', 'Unknown'];
    for (let k = 0; k < 4000; k++) {
      const args = [spelling(pick(names)), pick(categories), pick(receiverNames), pick(['government', 'private'] as const)] as const;
      expect([args, eurepocReceiver(t, ...args)]).toEqual([args, plainReceiver(t, ...args)]);
    }
  });

  it('take the first region or organisation listed when two differ only in case', () => {
    const t = tables.victims;
    const region = t.regions[0] as VictimTable['regions'][number];
    const org = t.organisations[0] as VictimTable['organisations'][number];
    const collide: VictimTable = {
      ...t,
      regions: [{ ...region, id: 'first-region', names: ['Far Shores (region)'] }, { ...region, id: 'second-region', names: ['FAR SHORES (REGION)'] }],
      organisations: [
        { ...org, name: 'Ocean Union', country: 'FR', region: undefined },
        { ...org, name: 'OCEAN UNION', country: 'DE', region: undefined },
      ],
    };
    expect(eurepocReceiver(collide, ' far shores (region) ', '', undefined, 'government').victims[0]?.region).toBe('first-region');
    expect(eurepocReceiver(collide, 'ocean union', '', undefined, 'government').victims[0]?.country).toBe('FR');
  });

  it('read who took a response as searching the response table would', () => {
    const t = tables.eurepocResponses;
    const prefixes = [...t.prefixes.map((p) => p.prefix), 'Nobody', ''];
    const countries = [...t.countries.map((c) => c.value), 'Germany', 'Japan', 'Atlantis'];
    const actors = [...t.euActors.map((e) => `the ${e.match} said`), 'A minister', ''];
    let told = 0;
    for (let k = 0; k < 4000; k++) {
      const args = [pick([null, spelling(pick(prefixes)).trim()]), pick([null, spelling(pick(countries)).trim()]), pick([null, spelling(pick(actors))]), pick(['2003-01-01', '2022-01-01'])] as const;
      const kind = responseActor(t, ...args).kind;
      expect([args, kind]).toEqual([args, plainActor(t, ...args)]);
      if (kind) told++;
    }
    expect(told).toBeGreaterThan(1000);
  });

  it('give each response the category and measure of the first row listed for its type', () => {
    const t = tables.eurepocResponses;
    const measure = t.measures[0] as EurepocResponseTable['measures'][number];
    const collide: EurepocResponseTable = {
      ...t,
      measures: [{ ...measure, subtype: 'Odd step', measure: measure.measure, category: 'first' }, { ...measure, subtype: 'ODD STEP', category: 'second' }],
      politicalCategories: [
        { value: 'Odd kind', category: 'first', why: 'test' },
        { value: 'ODD KIND', category: 'second', why: 'test' },
      ],
      legalCategories: [
        { value: 'Odd law', category: 'first', why: 'test' },
        { value: 'odd LAW', category: 'second', why: 'test' },
      ],
    };
    const row = {
      political_response_type: 'EU: odd KIND',
      political_response_type_subcode: 'odd step',
      political_response_date: '2022-02-01',
      political_response_country: 'Not available',
      political_response_actor: 'Not available',
      legal_response_type: 'ODD law',
      legal_response_type_subcode: 'Not available',
      legal_response_date: '2022-02-01',
      legal_response_country: 'Not available',
      legal_response_actor: 'Not available',
    };
    expect(politicalResponses(collide, row, '2022-01-01').map((o) => o.category)).toEqual(['first']);
    expect(legalResponses(collide, row, '2022-01-01').map((o) => o.category)).toEqual(['first']);
  });
});
