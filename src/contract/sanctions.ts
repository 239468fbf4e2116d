// The cyber-sanctions regime's answers: the regime and its listings on a date (each target as shown, with links to the
// incidents and actors the caller may see) and name screening, one name or a list.
import { z } from 'zod';
import { asOf, named, query } from './common';
import { Source } from './knowledge-base';

const Decided = z.object({
  decided: z.union([z.string(), z.number().int()]),
  regimeUntil: z.string().optional(),
  listingsUntil: z.string().optional(),
  listingsReviewedEvery: z.string().optional(),
  sources: z.array(Source),
  unverified: z.boolean(),
  note: z.string().optional(),
});
export const RegimeState = named(
  'RegimeState',
  z.enum(['not-adopted', 'in-force', 'lapsed', 'unconfirmed']),
  'in-force or lapsed by the recorded renewals; unconfirmed past the data\'s last check; not-adopted before the regime',
);
const StateOn = z.object({ state: RegimeState, until: z.string().nullable(), decidedBy: Decided.nullable() });
const strings = z.array(z.string());

export const SanctionsTarget = named(
  'SanctionsTarget',
  z.object({
    id: z.string(),
    kind: z.enum(['person', 'entity']),
    name: z.string(),
    aliases: strings,
    monikers: strings,
    groups: z.array(z.object({ name: z.string(), aliases: strings, relation: z.string() })),
    otherNames: strings,
    group: z.string().optional(),
    state: z.string().optional(),
    nationality: strings,
    annexEntry: z.string(),
    since: z.string(),
    delistedOn: z.string().nullable(),
    amendedOn: strings,
    acts: strings,
    celex: strings,
    reasons: z.object({ text: z.string(), quotation: z.boolean(), citation: z.string(), url: z.string() }),
    summary: z.string().nullable(),
    incidents: strings,
    operations: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        match: strings,
        with: strings.optional().describe('A broad term links an incident only with one of these also in its title'),
        without: strings.optional().describe("Names of another operation of the same group: a title holding one of them does not link to this operation"),
        period: z
          .object({ from: z.string(), to: z.string().optional(), annex: z.string().optional(), unverified: z.boolean().optional(), note: z.string().optional() })
          .optional()
          .describe("When the operation took place: the annex entry whose reasons date it, or unverified with a note; an incident links when dated within it (or up to a year before)"),
      }),
    ),
    details: z.record(z.string(), strings).describe('Identifying details as the annex gives them (birth date, address, registration number...)'),
    sources: z.array(Source),
    unverified: z.boolean(),
    note: z.string().optional(),
    links: z.object({
      incidents: z.array(z.object({ id: z.string(), title: z.string(), via: z.string() })),
      actors: z.array(z.object({ id: z.string(), name: z.string(), via: z.string() })),
    }),
  }),
);

const Act = z.object({ act: z.string(), adopted: z.string(), legalBasis: z.string(), sources: z.array(Source) });
const Persons = z.object({ persons: z.number().int(), entities: z.number().int() });

export const SanctionsView = named(
  'SanctionsView',
  z.object({
    asOf: z.string(),
    regime: StateOn,
    listings: StateOn,
    targets: z.array(SanctionsTarget),
    delisted: z.array(SanctionsTarget),
    counts: Persons,
    knownUntil: z.string(),
    stale: z.boolean(),
    notes: strings,
    framework: z.object({
      title: z.string(),
      decision: Act,
      regulation: Act,
      measures: z.object({ persons: strings, entities: strings, also: z.string(), sources: z.array(Source) }),
    }),
    renewals: z.array(Decided),
    listingActs: z.array(
      z.object({ date: z.string(), acts: z.array(z.object({ title: z.string(), celex: z.string() })), sources: z.array(Source), unverified: z.boolean(), note: z.string().optional() }),
    ),
    courts: z.object({ annulments: z.array(z.object({ case: z.string(), date: z.string(), target: z.string() })), note: z.string() }),
    timeline: z.array(Persons.extend({ date: z.string() })),
    statedTotals: z.array(z.object({ date: z.string(), stated: Persons, computed: Persons, source: Source })),
    screening: z.record(z.string(), z.number()).describe('The screening thresholds in force'),
  }),
);

export const ScreeningMatch = named(
  'ScreeningMatch',
  z.object({
    targetId: z.string(),
    name: z.string(),
    kind: z.string(),
    score: z.number(),
    strong: z.boolean(),
    matchedOn: z.string(),
    matchedAs: z.string(),
    listedSince: z.string(),
    inForce: z.boolean(),
  }),
);

export const ScreenResult = named(
  'ScreenResult',
  z.object({ query: z.string(), asOf: z.string(), stale: z.boolean(), knownUntil: z.string(), matches: z.array(ScreeningMatch) }),
);

export const BatchScreenResult = named(
  'BatchScreenResult',
  z.object({
    asOf: z.string(),
    stale: z.boolean(),
    knownUntil: z.string(),
    strong: z.number(),
    results: z.array(z.object({ query: z.string(), matches: z.array(ScreeningMatch) })),
  }),
);

export const ScreenBatch = named(
  'ScreenBatch',
  z.union([z.object({ names: strings, asOf: z.string().optional() }), strings]),
  'JSON: { names, asOf } or a list of names; a CSV file may be sent as text/plain instead (one name a row)',
);

export const ScreenQuery = z.object({ q: query.text('The name to screen (required)'), asOf });
export const ScreenBatchQuery = z.object({ asOf, format: query.text('json (default) or csv: a CSV of one row per name'), input: query.text('For a text/plain body: csv (default) or json') });
