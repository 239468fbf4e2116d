// Exchange's answers: the report of an import (what was read, mapped, written, and every problem), past reports, and
// the exports, which are files (CSV, JSON, a STIX 2.1 bundle).
import { z } from 'zod';
import { TlpLevel } from './accounts';
import { asOf, named, query } from './common';

const counts = z.record(z.string(), z.number().int());
const Outcome = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), stale: z.number().int() });

export const ImportReport = named(
  'ImportReport',
  z.object({
    format: z.string(),
    files: z.array(z.string()),
    dryRun: z.boolean(),
    rejected: z.boolean().describe('True when nothing was written because of an error'),
    read: z.number().int(),
    types: counts.describe('Objects of each type (STIX) or rows (CSV) read'),
    mapped: counts,
    written: z.record(z.string(), Outcome),
    mappings: z.record(z.string(), counts).describe('How source values became product values: field: from -> to, with counts'),
    problems: z.array(z.object({ severity: z.enum(['error', 'warning', 'skipped']), object: z.string(), path: z.string(), message: z.string() })),
    rows: z
      .object({ asIs: z.number().int(), inferred: z.number().int(), inferredFields: counts, unknownVictim: z.number().int(), skipped: z.number().int() })
      .optional()
      .describe('Every row or incident object accounted for (absent in reports of older versions)'),
    review: z.array(z.object({ object: z.string(), path: z.string(), value: z.string(), message: z.string() })).optional(),
  }),
);

export const StoredReport = named(
  'StoredReport',
  z.object({
    id: z.number().int(),
    format: z.string(),
    at: z.string(),
    by: z.string().nullable().describe('Who ran the import, as its audit entry names the actor (user:<username>, local...)'),
    tlp: TlpLevel,
    report: ImportReport,
  }),
);

export const StixBundle = named('StixBundle', z.looseObject({ type: z.literal('bundle'), id: z.string(), objects: z.array(z.looseObject({ type: z.string(), id: z.string() })) }));

export const ImportQuery = z.object({
  strict: query.text('true: refuse the whole bundle on any problem'),
  dryRun: query.text('true: report without writing'),
  tlp: query.text('The marking of the imported records'),
  owner: query.text('Their owning organisation'),
  recipients: query.text('Usernames (RED), comma-separated'),
  file: query.text('The name of the file the bundle came from, kept in the report (up to 200 characters, without folders)'),
});
export const UploadQuery = z.object({
  strict: query.text('true: refuse the whole import on any problem'),
  dryRun: query.text('true: report without writing'),
  tlp: query.text('The marking of the imported records'),
  owner: query.text('Their owning organisation'),
  recipients: query.text('Usernames (RED), comma-separated'),
});
export const ReportsQuery = z.object({ limit: query.text('1 to 200 (20 by default)') });
export const ExportParams = z.object({ view: z.string().describe('partners, dialogues, matrix, national-strategies, assessments, incidents, plans, actors or stix') });
export const ExportQuery = z.object({ format: query.text('csv or json (stix for the STIX bundle)'), asOf, incident: query.text('For plans: the incident') });
