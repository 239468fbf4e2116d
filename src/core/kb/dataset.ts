// The partnership dataset as the core sees it: all records of the reviewed data files, validated and indexed.
import type { z } from 'zod';
import { AppError } from '../errors';
import { issuesFromZod } from '../zod-issues';
import { ActorsFile, type Actor } from '../records/actor';
import type { Agreement } from '../records/agreement';
import type { Dialogue } from '../records/dialogue';
import type { PartnershipDocument } from '../records/document';
import { EuFrameworkFile } from '../records/eu-framework';
import { NationalStrategiesFile, type PartnerStrategies } from '../records/national-strategy';
import { PartnershipFile, SharedDialoguesFile } from '../records/partnership-file';
import type { PartnerId } from '../vocabularies';
import { checkNationalStrategies } from './national-strategies';

export interface PartnerEntry {
  file: PartnershipFile;
  documents: PartnershipDocument[];
  agreements: Agreement[];
}

export interface Dataset {
  partners: Map<PartnerId, PartnerEntry>;
  dialogues: Dialogue[];
  actors: Actor[];
  framework: EuFrameworkFile;
  /** The partners' and the EU's national cybersecurity strategies, by partner (data/national-strategies.yaml). */
  nationalStrategies: PartnerStrategies[];
}

/** A data file as read by an edge: its name (for messages) and its parsed content. */
export interface RawFile {
  name: string;
  content: unknown;
}

export interface RawDataset {
  partnerships: RawFile[];
  sharedDialogues: RawFile;
  actors: RawFile;
  framework: RawFile;
  /** The national strategies' file; without it the dataset holds none. */
  nationalStrategies?: RawFile;
}

function parseFile<S extends z.ZodType>(schema: S, file: RawFile): z.infer<S> {
  const result = schema.safeParse(file.content);
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error).map((i) => ({ path: `${file.name}:${i.path}`, message: i.message }));
  const first = issues[0];
  throw new AppError(
    'corrupt_data',
    `Data file ${file.name} is invalid: ${first ? `${first.path}: ${first.message}` : 'unknown problem'}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
    issues,
  );
}

/** Validates every file and assembles the dataset; throws `corrupt_data` naming the file and field. */
export function buildDataset(raw: RawDataset): Dataset {
  const partners = new Map<PartnerId, PartnerEntry>();
  const dialogues: Dialogue[] = [];
  const dialogueIds = new Map<string, string>();
  const addDialogues = (list: Dialogue[], fileName: string) => {
    for (const d of list) {
      const seen = dialogueIds.get(d.id);
      if (seen) throw new AppError('corrupt_data', `Dialogue id "${d.id}" is defined twice: in ${seen} and ${fileName}`);
      dialogueIds.set(d.id, fileName);
      dialogues.push(d);
    }
  };

  for (const f of raw.partnerships) {
    const file = parseFile(PartnershipFile, f);
    const id = file.partner.id;
    if (partners.has(id)) throw new AppError('corrupt_data', `Partner ${id} is defined twice (again in ${f.name})`);
    if (file.partner.group !== 'strategic-partner' && file.partner.cyberDialogueSince === undefined) {
      throw new AppError('corrupt_data', `Data file ${f.name} is invalid: partner.cyberDialogueSince: required for a partner outside the ten strategic partners`, [
        { path: `${f.name}:partner.cyberDialogueSince`, message: 'required for a cyber-dialogue partner' },
      ]);
    }
    partners.set(id, {
      file,
      documents: file.documents.map((d) => ({ ...d, partner: id })),
      agreements: file.agreements.map((a) => ({ ...a, partner: id })),
    });
    addDialogues(file.dialogues, f.name);
  }
  addDialogues(parseFile(SharedDialoguesFile, raw.sharedDialogues).dialogues, raw.sharedDialogues.name);

  for (const d of dialogues) {
    for (const p of d.partners) {
      if (!partners.has(p)) throw new AppError('corrupt_data', `Dialogue "${d.id}" names partner ${p}, which has no data file`);
    }
  }

  // Records come in id order whatever the source (data files or either database's collation).
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const framework = parseFile(EuFrameworkFile, raw.framework);
  const strategies = raw.nationalStrategies;
  return {
    partners: new Map([...partners].sort(([a], [b]) => (a < b ? -1 : 1))),
    dialogues: dialogues.sort(byId),
    actors: parseFile(ActorsFile, raw.actors).actors.sort(byId),
    framework,
    nationalStrategies: strategies ? checkNationalStrategies(parseFile(NationalStrategiesFile, strategies).partners, strategies.name, new Set(partners.keys()), framework) : [],
  };
}
