// The audit trail's answers: entries (contents withheld where the reader may not see them) and the chain's verdict.
import { z } from 'zod';
import { named, query } from './common';

export const AuditQuery = z.object({
  after: query.text('Entries after this sequence number (0 by default)'),
  before: query.text('Entries before this sequence number'),
  order: query.text('oldest (by default) or newest: the newest entries first'),
  limit: query.text('How many entries, 1 to 1000 (100 by default)'),
  target: query.text('Only the entries about this record id'),
  type: query.text('Only the entries about records of this type (incident, actor, attribution, account, token, import_report...)'),
  actor: query.text('Only the entries by this actor, as written in the entries (user:<username>, local, operator:<name>...)'),
  from: query.text('Only the entries written on or after this day (YYYY-MM-DD, UTC)'),
  to: query.text('Only the entries written on or before this day (YYYY-MM-DD, UTC)'),
});

export const AuditEntry = named(
  'AuditEntry',
  z.object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string().describe('user:<username>, local, operator:<name>, bootstrap or anonymous'),
    actorOrg: z.string().nullable(),
    action: z.string().describe('<record type>.<verb>, e.g. incident.update'),
    targetType: z.string(),
    targetId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    prevHash: z.string(),
    hash: z.string(),
    redacted: z.boolean().describe('Whether before or after was withheld because the reader may not see the record'),
  }),
);

export const AuditVerdict = named(
  'AuditVerdict',
  z.union([
    z.object({ valid: z.literal(true), entries: z.number().int(), head: z.string(), keyed: z.object({ from: z.number().int().nullable(), checked: z.boolean() }) }),
    z.object({ valid: z.literal(false), entries: z.number().int(), seq: z.number().int(), reason: z.string() }),
  ]),
);

export const RegistrySeed = named(
  'RegistrySeed',
  z.object({
    seeded: z.boolean().describe('Whether this server seeded the registry at its start (false for a store opened without seeding)'),
    at: z.string().nullable().describe('When it did'),
    inserted: z.array(z.string()).describe('Incidents the start recorded from the reviewed precedents'),
    updated: z.array(z.string()).describe('Seeded copies only the seeder had written, brought to the reviewed data'),
    current: z.array(z.string()).describe('Copies already as reviewed: nothing written'),
    kept: z
      .array(
        z.object({
          id: z.string(),
          precedent: z.string(),
          reason: z.enum(['edited', 'deleted']).describe('edited: someone other than the seeder wrote it since it was seeded; deleted: it was deleted'),
          last: z.object({ version: z.number().int(), action: z.string(), at: z.string() }).describe('Its last write'),
          fields: z.array(z.string()).describe("The incident's fields whose stored value is not the reviewed one (none for a deleted copy)"),
          text: z.string().describe('The line the server logged on it'),
        }),
      )
      .describe('Copies that differ from the reviewed data, kept as they are (analysts\' edits and deletions stand)'),
  }),
  "What this server's start did to the incident registry's copies of the reviewed precedents",
);
