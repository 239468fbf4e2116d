// Reads the shipped sanctions data for the core: the seed manifest, the annex it names, the reviewed notes.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { AppError } from '../core/errors';
import { CurationFile, SeedManifest } from '../core/sanctions/curation';
import { issuesFromZod } from '../core/zod-issues';
import { readYamlFile } from './dataset-files';

export interface SanctionsFiles {
  seed: SeedManifest;
  /** The shipped annex's text. */
  seedText(): string;
  curation: CurationFile;
}

function parsed<S extends z.ZodType>(schema: S, value: unknown, file: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = issuesFromZod(r.error).map((i) => ({ path: `${file}: ${i.path}`, message: i.message }));
  throw new AppError('corrupt_data', `Sanctions data is malformed: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

export function readSanctionsFiles(dataDir: string): SanctionsFiles {
  const dir = path.join(dataDir, 'sanctions');
  const seed = parsed(SeedManifest, readYamlFile(path.join(dir, 'seed.yaml'), dataDir).content, 'data/sanctions/seed.yaml');
  const curation = parsed(CurationFile, readYamlFile(path.join(dir, 'targets.yaml'), dataDir).content, 'data/sanctions/targets.yaml');
  return { seed, curation, seedText: () => fs.readFileSync(path.join(dir, seed.file), 'utf8') };
}

/** An annex file given on the command line; a missing file is a one-line error. */
export function readAnnexFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new AppError('invalid_input', `Cannot read the annex file "${file}": ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`, [{ path: 'file', message: 'not readable' }]);
  }
}
