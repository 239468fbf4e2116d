// Test support: the shipped annex, reviewed notes and framework file, loaded as the store's seed loads them.
import { parse } from 'yaml';
import annexCsv from '../../../data/sanctions/32019R0796.csv?raw';
import seedYaml from '../../../data/sanctions/seed.yaml?raw';
import targetsYaml from '../../../data/sanctions/targets.yaml?raw';
import type { IsoDate } from '../dates';
import sanctionsYaml from '../../../data/toolbox/sanctions.yaml?raw';
import { SanctionsFile } from '../toolbox/sanctions';
import { parseAnnex } from './annex';
import { CurationFile, SeedManifest } from './curation';
import { registerFromAnnex } from './register';
import type { SanctionsData } from './targets';

export const annexText: string = annexCsv;
export const seed = SeedManifest.parse(parse(seedYaml));
export const curation = CurationFile.parse(parse(targetsYaml));
export const annex = parseAnnex(annexText);
export const framework = SanctionsFile.parse(parse(sanctionsYaml));

export function sanctionsData(knownUntil: string = seed.checked): SanctionsData {
  return { file: framework, register: registerFromAnnex(annex, knownUntil as IsoDate), curation };
}
