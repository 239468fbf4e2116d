// Test-only: reads the reviewed data files from disk for the tests that hold the engine to the papers.
// Production code never imports this module; the app reads files at the edge and hands the core parsed content.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { buildDataset, type Dataset, type RawDataset, type RawFile } from '../kb/dataset';
import { parseNetworkFile, type NetworkFile } from '../network/network-file';
import { parseGapsFile, type GapsFile } from './gaps-file';
import { parseWeights, type Weights } from './weights';

export const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data');

export function readYaml(relative: string): unknown {
  return YAML.parse(fs.readFileSync(path.join(DATA_DIR, relative), 'utf8'));
}

const raw = (relative: string): RawFile => ({ name: relative, content: readYaml(relative) });

/** The raw content of every data file of the knowledge base, for tests that change a fact before building. */
export function realRawDataset(): RawDataset {
  const names = fs
    .readdirSync(path.join(DATA_DIR, 'partnerships'))
    .filter((n) => n.endsWith('.yaml') && n !== 'shared-dialogues.yaml')
    .sort();
  return {
    partnerships: names.map((n) => raw(`partnerships/${n}`)),
    sharedDialogues: raw('partnerships/shared-dialogues.yaml'),
    actors: raw('actors.yaml'),
    framework: raw('eu-framework.yaml'),
    nationalStrategies: raw('national-strategies.yaml'),
  };
}

export const realDataset = (): Dataset => buildDataset(realRawDataset());

export const realWeightsRaw = (): Record<string, unknown> => readYaml('assessment/weights.yaml') as Record<string, unknown>;

export const realWeights = (): Weights => parseWeights(realWeightsRaw(), 'data/assessment/weights.yaml');

/** A deep copy, so that a test can change a weight or a fact without touching what other tests see. */
export const clone = <T>(value: T): T => structuredClone(value);

export const realGaps = (): GapsFile => parseGapsFile(readYaml('assessment/gaps.yaml'), 'data/assessment/gaps.yaml');

export const realNetworkFile = (): NetworkFile => parseNetworkFile(readYaml('assessment/network.yaml'), 'data/assessment/network.yaml');

type PartnershipContent = { partner: { id: string }; dialogues?: { id: string }[]; cooperation?: { id: string }[] } & Record<string, unknown>;

/** The raw content of one partner's file inside a raw dataset, to change a fact before building. */
export function partnerContent(raw: RawDataset, id: string): PartnershipContent {
  const file = raw.partnerships.find((f) => (f.content as PartnershipContent).partner.id === id);
  if (!file) throw new Error(`no data file for partner ${id}`);
  return file.content as PartnershipContent;
}
