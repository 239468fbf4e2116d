// The reviewed mapping tables of data/exchange: they parse and agree with the product's vocabularies, every STIX
// industry sector is listed, and the victims the datasets write without a country are read as the tables say.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseExchangeTables, sectorFromTable } from '../../src/core/exchange/mapping-tables';
import { readVictimText, victimsOf } from '../../src/core/exchange/victim-text';
import { eurepocReceiver } from '../../src/core/exchange/eurepoc-victims';
import { responseActor } from '../../src/core/exchange/eurepoc-responses';

const HERE = dirname(fileURLToPath(import.meta.url));
const read = (path: string): unknown => parse(readFileSync(path, 'utf8'));
const measureIds = (read(join(HERE, '..', 'toolbox', 'measures.yaml')) as { measures: { id: string }[] }).measures.map((m) => m.id);
const tables = parseExchangeTables({ sectors: read(join(HERE, 'sectors.yaml')), victims: read(join(HERE, 'victims.yaml')), eurepocResponses: read(join(HERE, 'eurepoc-responses.yaml')) }, measureIds);

/** industry-sector-ov, as the OASIS identity schema the product ships lists it. */
function industrySectors(): string[] {
  const schema = read(join(HERE, '..', 'stix-schemas', 'sdos', 'identity.json')) as { definitions: Record<string, { enum?: string[] }> };
  return schema.definitions['industry-sector-ov']?.enum ?? [];
}

describe('sector tables', () => {
  it('list every STIX industry-sector value, each with a reason', () => {
    const values = industrySectors();
    expect(values.length).toBeGreaterThan(30);
    const listed = tables.sectors.stix.values.map((v) => v.value);
    expect(values.filter((v) => !listed.includes(v))).toEqual([]);
    expect(listed.filter((v) => !values.includes(v))).toEqual([]);
  });

  it.each([
    ['infrastructure', 'critical-infrastructure'],
    ['dams', 'critical-infrastructure'],
    ['government-national', 'government'],
    ['defense', 'defence'],
    ['healthcare', 'health'],
    ['telecommunications', 'digital-infrastructure'],
    ['non-profit', 'civil-society'],
    ['technology', 'private'],
  ])('STIX %s is %s', (value, sector) => {
    expect(sectorFromTable(tables.sectors, 'stix', [value])).toEqual({ sector, unknown: [] });
  });

  it('weighs an identity in several sectors by the one that opens the most measures, and names values it lacks', () => {
    expect(sectorFromTable(tables.sectors, 'stix', ['retail', 'energy', 'made-up'])).toEqual({ sector: 'energy', unknown: ['made-up'] });
    expect(sectorFromTable(tables.sectors, 'stix', ['energy', 'infrastructure', 'government-national'])).toEqual({ sector: 'government', unknown: [] });
    expect(sectorFromTable(tables.sectors, 'cfr', ['Military'])).toEqual({ sector: 'government', unknown: [] });
  });
});

describe('victims named without a country', () => {
  const read1 = (text: string) => victimsOf(readVictimText(text, tables.victims), 'government', text).map((v) => v.region ?? v.country);
  it.each([
    ['Albanian government networks', ['AL']],
    ["Boston Children's Hospital", ['US']],
    ['U.S. defense contractors', ['US']],
    ['Government agencies of EU member states', ['eu-member-states']],
    ["Users of Viasat's satellite broadband service in Eastern and Central Europe", ['US', 'eastern-europe']],
    ['South Korean banks and North Korean defectors', ['KR', 'KP']],
    ['Foreign ministries in the Middle East', ['middle-east']],
    ['Staff of the European Commission', ['EU']],
    ['Human rights activists', ['ZZ']],
  ])('%s -> %j', (text, expected) => {
    expect(read1(text)).toEqual(expected);
  });

  it('flags ambiguous words instead of guessing', () => {
    const r = readVictimText('Korean shipbuilders', tables.victims);
    expect(r.found).toEqual([]);
    expect(r.ambiguous).toEqual([{ text: 'Korean', candidates: ['KR', 'KP'] }]);
  });

  it('does not read "us" as the United States', () => {
    expect(readVictimText('Attacks against us and our partners', tables.victims).found).toEqual([]);
  });

  it.each([
    ['EU (region)', 'International / supranational organization', 'EU'],
    ['Middle East (region)', 'State institutions / political system', 'middle-east'],
    ['NATO (region)', 'International / supranational organization', 'nato'],
    ['United Nations', 'International / supranational organization', 'united-nations'],
    ['Global (region)', 'Critical infrastructure', 'global'],
    ['Unknown', 'Unknown', 'ZZ'],
  ])('EuRepoC receiver %s (%s) -> %s', (cell, category, expected) => {
    const r = eurepocReceiver(tables.victims, cell, category, undefined, 'government');
    expect(r.victims.map((v) => v.region ?? v.country)).toEqual([expected]);
  });

  it('reads an unknown EuRepoC receiver from its name where the name states a home state', () => {
    const r = eurepocReceiver(tables.victims, 'Unknown', 'Corporate Targets', 'Viasat', 'private');
    expect(r).toMatchObject({ victims: [{ country: 'US', name: 'Viasat' }], inferred: 'victims.country', fromName: 'Viasat' });
  });
});

describe('who acted on an EuRepoC response', () => {
  const t = tables.eurepocResponses;
  it.each([
    ['EU', 'EU (region)', 'High Representative of the Union for Foreign Affairs and Security Policy (HR/VP)', '2022-05-10', 'eu'],
    ['EU member states', 'United Kingdom', 'Foreign Office minister', '2018-02-15', 'member-state'],
    ['State Actors', 'United States', 'The White House', '2018-02-15', 'third-state'],
    ['State Actors', 'United Kingdom', 'Foreign Secretary', '2022-05-10', 'third-state'],
    ['International organizations', 'NATO (region)', 'North Atlantic Council', '2021-04-15', 'international-organisation'],
  ])('%s / %s / %s on %s: %s', (prefix, country, actor, date, kind) => {
    expect(responseActor(t, prefix, country, actor, date)).toEqual({ kind });
  });

  it('flags cells that disagree instead of choosing', () => {
    expect(responseActor(t, 'EU', 'United Kingdom', 'Foreign Secretary (GBR)', '2022-05-10')).toEqual({ kind: null, review: 'type "EU" says eu, country "United Kingdom" says third-state' });
  });
});
