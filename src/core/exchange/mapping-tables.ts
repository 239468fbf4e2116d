// The reviewed mapping tables of data/exchange (victim sectors, victims named without a country, EuRepoC's
// responses): their schemas, and the checks that stop an import when a table names a sector, country or measure
// the product does not know, so that a typo cannot silently change what is imported.
import { z } from 'zod';
import { AppError } from '../errors';
import { parseOrThrow } from '../zod-issues';
import { isCountryCode } from '../toolbox/countries';
import { EU_CODE, VictimSector } from '../toolbox/incident';
import { sectorInfo } from '../toolbox/sectors';

const Text = z.string().trim().min(1);
const Why = Text;
const Source = z.object({ ref: Text, locator: Text }).strict();
const Code = z.string().regex(/^[A-Z]{2}$/);

const SectorValues = z.object({ source: Source, values: z.array(z.object({ value: Text, sector: VictimSector, why: Why }).strict()).min(1) }).strict();
export const SectorTable = z.object({ eurepoc: SectorValues, cfr: SectorValues, stix: SectorValues }).strict();
export type SectorTable = z.output<typeof SectorTable>;
export type SectorSource = keyof SectorTable;

export const VictimTable = z
  .object({
    demonyms: z.array(z.object({ word: Text, country: Code, why: Why }).strict()),
    abbreviations: z.array(z.object({ word: Text, country: Code, why: Why }).strict()),
    places: z.array(z.object({ name: Text, country: Code, why: Why }).strict()),
    organisations: z.array(
      z
        .object({ name: Text, country: Code.optional(), region: Text.optional(), kind: z.enum(['company', 'institution', 'eu-institution', 'international-organisation']), why: Why })
        .strict()
        .refine((o) => (o.country === undefined) !== (o.region === undefined), { message: 'names either a country or a region' }),
    ),
    regions: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), label: Text, names: z.array(Text), why: Why }).strict()),
    ambiguous: z.array(z.object({ word: Text, candidates: z.array(Code).min(2), why: Why }).strict()),
    unknown: z.array(z.string()),
  })
  .strict();
export type VictimTable = z.output<typeof VictimTable>;

const ActorKind = z.enum(['eu', 'member-state', 'state', 'third-state', 'international-organisation']);
export const EurepocResponseTable = z
  .object({
    source: Source,
    prefixes: z.array(z.object({ prefix: Text, actor: ActorKind, why: Why }).strict()),
    countries: z.array(z.object({ value: Text, actor: ActorKind, why: Why }).strict()),
    euActors: z.array(z.object({ match: Text, why: Why }).strict()),
    politicalCategories: z.array(z.object({ value: Text, category: Text.nullable(), why: Why }).strict()),
    legalCategories: z.array(z.object({ value: Text, category: Text.nullable(), why: Why }).strict()),
    measures: z.array(z.object({ subtype: Text, category: Text, measure: Text, eu: z.boolean().default(false), why: Why }).strict()),
  })
  .strict();
export type EurepocResponseTable = z.output<typeof EurepocResponseTable>;

/** The tables every dataset import reads. */
export interface ExchangeTables {
  sectors: SectorTable;
  victims: VictimTable;
  eurepocResponses: EurepocResponseTable;
}

const known = (code: string) => code === EU_CODE || isCountryCode(code);

function twice(values: string[]): string | undefined {
  const norm = values.map((v) => v.toLowerCase());
  return norm.find((v, i) => norm.indexOf(v) !== i);
}

/** Checks the three tables against each other and the product's vocabularies; throws corrupt_data naming the file. */
export function parseExchangeTables(raw: { sectors: unknown; victims: unknown; eurepocResponses: unknown }, measureIds: readonly string[]): ExchangeTables {
  const sectors = parseOrThrow(SectorTable, raw.sectors, 'corrupt_data', 'data/exchange/sectors.yaml');
  const victims = parseOrThrow(VictimTable, raw.victims, 'corrupt_data', 'data/exchange/victims.yaml');
  const eurepocResponses = parseOrThrow(EurepocResponseTable, raw.eurepocResponses, 'corrupt_data', 'data/exchange/eurepoc-responses.yaml');
  for (const [name, t] of Object.entries(sectors)) {
    const dup = twice(t.values.map((v) => v.value));
    if (dup) throw new AppError('corrupt_data', `data/exchange/sectors.yaml lists the ${name} value "${dup}" twice`);
  }
  const codes = [...victims.demonyms, ...victims.abbreviations, ...victims.places].map((e) => e.country);
  codes.push(...victims.organisations.flatMap((o) => (o.country ? [o.country] : [])), ...victims.ambiguous.flatMap((a) => a.candidates));
  const bad = codes.filter((c) => !known(c));
  if (bad.length) throw new AppError('corrupt_data', `data/exchange/victims.yaml names codes that are no country: ${[...new Set(bad)].join(', ')}`);
  const regionIds = new Set(victims.regions.map((r) => r.id));
  const noRegion = victims.organisations.filter((o) => o.region && !regionIds.has(o.region));
  if (noRegion.length) throw new AppError('corrupt_data', `data/exchange/victims.yaml: organisations name regions it lacks: ${noRegion.map((o) => o.region).join(', ')}`);
  const words = [...victims.demonyms.map((d) => d.word), ...victims.places.map((p) => p.name), ...victims.organisations.map((o) => o.name), ...victims.regions.flatMap((r) => r.names), ...victims.ambiguous.map((a) => a.word)];
  const dup = twice(words);
  if (dup) throw new AppError('corrupt_data', `data/exchange/victims.yaml lists "${dup}" twice`);
  const unknownMeasures = eurepocResponses.measures.filter((m) => !measureIds.includes(m.measure));
  if (unknownMeasures.length) {
    throw new AppError('corrupt_data', `data/exchange/eurepoc-responses.yaml names measures that data/toolbox/measures.yaml lacks: ${unknownMeasures.map((m) => m.measure).join(', ')}`);
  }
  return { sectors, victims, eurepocResponses };
}

/**
 * Highest first: an identity in several sectors is weighed by the one that opens the most measures: a critical State
 * function or an EU institution, then critical infrastructure, essential services, and sectors no criterion names.
 */
const TARGET_RANK = ['critical-state-functions', 'union-institutions', 'classified-information', 'government-emergency-response', 'critical-infrastructure', 'essential-services', null];
const rankOf = (s: VictimSector) => {
  const i = TARGET_RANK.indexOf(sectorInfo(s).target);
  return (i < 0 ? TARGET_RANK.length : i) * 2 + (s === 'private' ? 1 : 0);
};

type SectorRow = SectorTable[SectorSource]['values'][number];
const sectorIndexes = new WeakMap<SectorTable, Map<SectorSource, Map<string, SectorRow>>>();

/** A source's rows by their value in lower case, built once per table (the first row of a value, as a search finds it). */
function sectorIndex(table: SectorTable, source: SectorSource): Map<string, SectorRow> {
  let bySource = sectorIndexes.get(table);
  if (!bySource) sectorIndexes.set(table, (bySource = new Map()));
  let rows = bySource.get(source);
  if (!rows) {
    rows = new Map();
    for (const r of table[source].values) if (!rows.has(r.value.toLowerCase())) rows.set(r.value.toLowerCase(), r);
    bySource.set(source, rows);
  }
  return rows;
}

/** The toolbox sector of one or more source values, and whether each was in the table. */
export function sectorFromTable(table: SectorTable, source: SectorSource, values: readonly string[]): { sector: VictimSector; unknown: string[] } {
  const rows = sectorIndex(table, source);
  const found: VictimSector[] = [];
  const unknown: string[] = [];
  for (const v of values) {
    const row = rows.get(v.trim().toLowerCase());
    if (row) found.push(row.sector);
    else unknown.push(v);
  }
  const sector = [...found].sort((a, b) => rankOf(a) - rankOf(b))[0] ?? 'private';
  return { sector, unknown };
}
