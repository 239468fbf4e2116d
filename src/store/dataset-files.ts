// Reads the reviewed data files from disk (YAML) into the raw form the core validates.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { AppError } from '../core/errors';
import type { RawDataset, RawFile } from '../core/kb/dataset';

export function readYamlFile(file: string, root: string): RawFile {
  const name = path.relative(root, file) || path.basename(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError('corrupt_data', `Data file ${name} is missing or unreadable`);
  }
  const doc = YAML.parseDocument(text, { prettyErrors: true });
  const first = doc.errors[0];
  if (first) {
    const where = first.linePos?.[0] ? ` at line ${first.linePos[0].line}, column ${first.linePos[0].col}` : '';
    throw new AppError('corrupt_data', `Data file ${name} is not valid YAML${where}: ${first.message.split('\n')[0]}`);
  }
  return { name, content: doc.toJS() };
}

export const SHARED_DIALOGUES = 'shared-dialogues.yaml';
export const NATIONAL_STRATEGIES = 'national-strategies.yaml';

export function readRawDataset(dataDir: string): RawDataset {
  const dir = path.join(dataDir, 'partnerships');
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.yaml') && n !== SHARED_DIALOGUES).sort();
  } catch {
    throw new AppError('corrupt_data', `Data folder ${dir} is missing`);
  }
  return {
    partnerships: names.map((n) => readYamlFile(path.join(dir, n), dataDir)),
    sharedDialogues: readYamlFile(path.join(dir, SHARED_DIALOGUES), dataDir),
    actors: readYamlFile(path.join(dataDir, 'actors.yaml'), dataDir),
    framework: readYamlFile(path.join(dataDir, 'eu-framework.yaml'), dataDir),
    nationalStrategies: readYamlFile(path.join(dataDir, NATIONAL_STRATEGIES), dataDir),
  };
}

/**
 * A digest of the bytes of every file readRawDataset reads, or undefined when one is missing (readRawDataset then
 * reports it). Equal digests mean the knowledge base was seeded from exactly these files.
 */
export function datasetDigest(dataDir: string): string | undefined {
  try {
    const dir = path.join(dataDir, 'partnerships');
    const files = [...fs.readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort().map((n) => path.join(dir, n)), path.join(dataDir, 'actors.yaml'), path.join(dataDir, 'eu-framework.yaml'), path.join(dataDir, NATIONAL_STRATEGIES)];
    const hash = createHash('sha256');
    for (const file of files) hash.update(`${path.relative(dataDir, file)}\u0000`).update(fs.readFileSync(file)).update('\u0000');
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}
