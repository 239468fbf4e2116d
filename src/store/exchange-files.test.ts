// readExchangeTables keeps the mapping tables parsed from the text of their files: the same text gives the tables
// parsed before, a changed file is parsed again, a broken one is reported each time, and the tables equal a plain
// parse of the files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config';
import { parseExchangeTables } from '../core/exchange/mapping-tables';
import { incidentVocabulary } from '../core/toolbox/load';
import { readYamlFile } from './dataset-files';
import { readExchangeTables } from './exchange-files';
import { readToolbox } from './toolbox-files';

const shipped = readConfig({}).dataDir;
const measureIds = incidentVocabulary(readToolbox(shipped)).measureIds ?? [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-tables-'));
fs.mkdirSync(path.join(dir, 'exchange'));
for (const name of ['sectors.yaml', 'victims.yaml', 'eurepoc-responses.yaml']) fs.copyFileSync(path.join(shipped, 'exchange', name), path.join(dir, 'exchange', name));
const victims = path.join(dir, 'exchange', 'victims.yaml');
const plain = () => {
  const read = (name: string) => readYamlFile(path.join(dir, 'exchange', name), dir).content;
  return parseExchangeTables({ sectors: read('sectors.yaml'), victims: read('victims.yaml'), eurepocResponses: read('eurepoc-responses.yaml') }, measureIds);
};

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('readExchangeTables', () => {
  it('gives the tables of a plain parse, the same frozen object while the files are unchanged', () => {
    const first = readExchangeTables(dir, measureIds);
    expect(first).toEqual(plain());
    expect(readExchangeTables(dir, measureIds)).toBe(first);
    expect(Object.isFrozen(first.victims.regions[0])).toBe(true);
    expect(readExchangeTables(dir, measureIds.slice(0, -1))).not.toBe(first);
  });

  it('parses a changed file again, and reports a broken one every time', () => {
    const before = readExchangeTables(dir, measureIds);
    const text = fs.readFileSync(victims, 'utf8');
    fs.writeFileSync(victims, text.replace('unknown: [Unknown,', 'unknown: [Somewhere else, Unknown,'));
    const after = readExchangeTables(dir, measureIds);
    expect(after).not.toBe(before);
    expect(after.victims.unknown).toContain('Somewhere else');
    expect(after).toEqual(plain());
    fs.writeFileSync(victims, 'demonyms: [');
    for (let k = 0; k < 2; k++) expect(() => readExchangeTables(dir, measureIds)).toThrow(/exchange\/victims.yaml is not valid YAML/);
    fs.writeFileSync(victims, text);
    expect(readExchangeTables(dir, measureIds)).toEqual(before);
  });
});
