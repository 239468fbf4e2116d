// What an import keeps of STIX sightings and reports: a sighting is a dated observation recorded on the incidents
// it concerns, a report is a source document linked to the incidents and actors it is about. Both name records by
// their ids only (never by title), so that neither copies content under a lower marking than its source gave it.
import { z } from 'zod';

const Text = z.string().trim().min(1);
const RecordRef = z.object({ kind: z.enum(['incident', 'actor']), id: Text }).strict();

/** A STIX sighting (§5.2) of an incident, or of an actor an incident of the same bundle is attributed to. */
export const SightingRecord = z
  .object({
    /** What was sighted: the incident itself or the actor behind it. */
    of: RecordRef,
    /** The incidents the sighting is shown on. */
    incidents: z.array(Text).min(1),
    firstSeen: z.string().optional(),
    lastSeen: z.string().optional(),
    /** STIX `count`: how many times it was seen in the window; null when the sighting does not say. */
    count: z.number().int().min(0).nullable().default(null),
    /** Names of the identities and locations (where_sighted_refs) it was seen at. */
    where: z.array(Text).default([]),
    description: z.string().optional(),
    /** STIX `summary`: the sighting is a summary of several observations. */
    summary: z.boolean().default(false),
  })
  .strict();
export type SightingRecord = z.output<typeof SightingRecord>;

export const ExternalReference = z
  .object({ source: Text, url: z.string().optional(), externalId: z.string().optional(), description: z.string().optional() })
  .strict();

/** A STIX report (§4.14): a published document about incidents and actors, kept as a source for them. */
export const ReportRecord = z
  .object({
    name: Text,
    /** STIX `published`, as given. */
    published: Text,
    description: z.string().optional(),
    types: z.array(Text).default([]),
    externalReferences: z.array(ExternalReference).default([]),
    /** The imported records among its object_refs. */
    refs: z.array(RecordRef).min(1),
    /** The incidents it is shown on: those it names, and those attributed to the actors it names. */
    incidents: z.array(Text).default([]),
  })
  .strict();
export type ReportRecord = z.output<typeof ReportRecord>;

/** The record ids a sighting or report is shown on or about: what the store indexes them by. */
export function referencedIds(kind: 'sighting' | 'report', body: SightingRecord | ReportRecord): string[] {
  const ids = kind === 'sighting' ? [(body as SightingRecord).of.id, ...body.incidents] : [...(body as ReportRecord).refs.map((r) => r.id), ...body.incidents];
  return [...new Set(ids)].sort();
}
