// The knowledge base's answers: partners, profiles, dialogues, the instrument matrix, actors, the EU's frame, search.
// Facts passed through as recorded use the record schemas of src/core/records; views built from them are described here.
import { z } from 'zod';
import { DateOrYear, DatedNote, Source as SourceRecord, timed } from '../core/provenance';
import { Actor as ActorRecord } from '../core/records/actor';
import { Cooperation, Tension } from '../core/records/cooperation';
import { Dialogue, DialogueMeeting } from '../core/records/dialogue';
import { PartnershipDocument } from '../core/records/document';
import { ResponsibilityArea, Strategy as StrategyRecord } from '../core/records/eu-framework';
import { Membership as MembershipRecord } from '../core/records/membership';
import { StrategyCount } from '../core/records/national-strategy';
import { Partner } from '../core/records/partnership-file';
import { Agreement } from '../core/records/agreement';
import { CoverageKind } from '../core/records/coverage';
import { BudapestEntry, UnCybercrimeConventionEntry, UnVoteEntry } from '../core/records/positions';
import { named, query, viewAsOf as asOf } from './common';

export const Source = named('Source', SourceRecord, 'A citation: a key of the seed papers or a URL, and where in it');
export const DateOrYearValue = named('DateOrYear', DateOrYear, 'A year (2014), a month where the sources name no day (2014-05) or a calendar date (2014-03-26)');
const TimedValue = named('TimedValue', timed(z.string()), 'A value that holds from a date, and maybe until one, with its sources');
/** The Budapest Convention's entry into force for a state: stated by a source, or derived from the deposit by the Convention's rule. */
export const BudapestEntryIntoForce = named(
  'BudapestEntryIntoForce',
  z.object({
    date: z.string(),
    deposit: z.string().nullable().describe('The deposit of the instrument; null when the sources give the entry into force only'),
    derived: z.boolean().describe("True when derived from the deposit (first day of the month following three months after it), false when a source states it"),
    article: z.enum(['Art. 36(4)', 'Art. 37(2)']).describe("The Convention's article whose rule applies (a signatory's ratification, an accession); the numbers are unverified"),
    unverified: z.boolean(),
    sources: z.array(Source),
  }),
);

const positionView = <E extends z.ZodObject>(entry: E) => entry.extend({ history: z.array(entry) });

export const PartnerSummary = named(
  'PartnerSummary',
  z.object({
    id: z.string(),
    name: z.string(),
    group: Partner.shape.group,
    partnershipSince: z.number().int().nullable(),
    cyberDialogueSince: DateOrYearValue.nullable(),
    isoNumeric: z.string(),
  }),
);

export const DocumentFact = named(
  'DocumentFact',
  PartnershipDocument.omit({ partner: true, date: true, url: true, summary: true }).extend({ date: DateOrYearValue.nullable(), url: z.string().nullable(), summary: z.string().nullable() }),
);

export const DialogueFact = named(
  'DialogueFact',
  z.object({
    id: z.string(),
    name: z.string(),
    partners: z.array(z.string()),
    thirdParties: z.array(z.string()),
    level: Dialogue.shape.level,
    frequency: Dialogue.shape.frequency,
    topics: z.array(z.string()).describe("The dialogue's topics and those its meetings took up by the date"),
    fora: z.array(z.string()).describe('The multilateral processes and fora its meetings took up by the date'),
    cyberSpecific: z.boolean(),
    established: DateOrYearValue.nullable(),
    firstReported: DateOrYearValue,
    lastReported: DateOrYearValue.nullable(),
    status: z.string(),
    statusUnverified: z.boolean().describe('Whether the status rests only on an unverified entry: shown as such, never counted'),
    statusSince: DateOrYearValue,
    statusHistory: z.array(TimedValue),
    meetings: z.array(named('DialogueMeeting', DialogueMeeting)),
    keyDialogue: z.boolean(),
    summary: z.string().nullable(),
    sources: z.array(Source),
  }),
);

export const AgreementFact = named(
  'AgreementFact',
  z.object({
    id: z.string(),
    type: Agreement.shape.type,
    title: z.string(),
    euParty: z.string(),
    status: z.string(),
    statusUnverified: z.boolean().describe('Whether the status rests only on an unverified entry: shown as such, never counted'),
    year: z.number().int(),
    statusReported: z.boolean().describe('Whether year is only when a source first reported the status, its start not being given'),
    statusAsOf: named(
      'StatusAsOf',
      z.object({ date: DateOrYearValue, sources: z.array(Source) }),
      'The latest date by the view\'s date at which a verified source reports the status, and who reports it',
    )
      .nullable()
      .describe('Given for a pending status (considered, mandated, negotiating, on hold, awaiting ratification, signed) or one only reported, which may have moved since; null for a dated in-force or suspended status'),
    signedYear: z.number().int().nullable(),
    inForceYear: z.number().int().nullable(),
    statusHistory: z.array(TimedValue),
    summary: z.string().nullable(),
    sources: z.array(Source),
  }),
);

export const Membership = named('Membership', MembershipRecord);
export const PositionView = named('PositionView', positionView(TimedValue));

export const NationalStrategyFact = named(
  'NationalStrategyFact',
  z.object({
    id: z.string(),
    title: z.string(),
    adopted: DateOrYearValue,
    precision: z.enum(['day', 'month', 'year']).describe('How precisely the sources date it: a year is shown as a year, never as 1 January'),
    dateAsGiven: z.string().nullable().describe('The date as the source writes it (YYYYMMDD) where adopted reads it as a year or month only: an inference, shown as one'),
    first: z.boolean().describe("Whether it is the partner's first strategy the sources give"),
    unverified: z.boolean(),
    note: z.string().nullable(),
    frameworkStrategy: z.string().nullable().describe("For the EU's entries, its strategy in GET /api/strategies"),
    sources: z.array(Source),
  }),
);

export const NationalStrategies = named(
  'NationalStrategies',
  z.object({
    partner: z.string().describe('A partner id, or EU'),
    hadStrategy: z.boolean().describe('Whether a strategy had been adopted by the date; shown, not scored (the papers use strategies only as context)'),
    first: NationalStrategyFact.nullable(),
    strategies: z.array(NationalStrategyFact).describe('Adopted by the date, oldest first'),
    counted: named('StrategyCount', StrategyCount).nullable().describe("A dataset's count of the partner's strategies over a period, once the period has ended by the date"),
    undated: z
      .object({
        count: z.number().int().positive().describe('How many of the counted strategies no source held here dates'),
        note: z.string().describe('What is known of them; their date is unknown'),
        unverified: z.boolean(),
      })
      .nullable()
      .describe('The counted strategies no source held here dates (date unknown); null when every counted one is dated'),
    datedNotes: z.array(named('DatedNote', DatedNote)),
  }),
);

/** Where the record of a kind of fact stops for a partner, read as of a date after it. */
const RecordCoverageView = named(
  'RecordCoverageView',
  z.object({
    kind: CoverageKind,
    to: z.string().describe("The last day the source read covers (YYYY-MM-DD): no fact of this kind after it is in the data, so later ones may exist that the data do not hold"),
    partnerCovered: z.boolean().describe("Whether this partner's facts of this kind were read from the source at all"),
    note: z.string(),
    sources: z.array(Source),
    later: z.array(DatedNote).describe('What the sources say happened after that day (totals, a resolution adopted without a vote), as known at the date'),
  }),
  'Where the record of a kind of fact stops for a partner, and what is known after it',
);

export const PartnerProfile = named(
  'PartnerProfile',
  z.object({
    id: z.string(),
    name: z.string(),
    asOf: z.string().nullable(),
    group: Partner.shape.group,
    partnershipSince: z.number().int().nullable(),
    cyberDialogueSince: DateOrYearValue.nullable(),
    documents: z.array(DocumentFact),
    dialogues: z.array(DialogueFact),
    agreements: z.array(AgreementFact),
    positions: z.object({
      budapestConvention: named(
        'BudapestPosition',
        positionView(BudapestEntry).extend({
          entryIntoForce: BudapestEntryIntoForce.nullable().describe("A ratification's entry into force for the partner: the Convention binds it from that day, not from the deposit; named also when it comes after the view's date (null when not ratified, or the deposit is dated only to a month or a year)"),
          inForceOnDate: z.boolean().nullable().describe('Whether the Convention is in force for the partner on the date (null when not ratified or no date)'),
        }),
      ).nullable(),
      internetGovernance: PositionView.nullable(),
      wcit2012: PositionView.nullable(),
      unCybercrimeConvention: named('UnCybercrimeConventionPosition', positionView(UnCybercrimeConventionEntry)).nullable(),
    }),
    unVotes: z.array(named('UnVote', UnVoteEntry)),
    unVoteCoverage: RecordCoverageView.nullable().describe("Where the record of the votes stops; null when the data state no coverage or the view's date is not after the record's last day"),
    unCybercrimeCoverage: RecordCoverageView.nullable().describe(
      "Where the record of the UN Convention against Cybercrime's signatures stops (the list of signatories read); null when the view's date is not after it",
    ),
    parisCallCoverage: RecordCoverageView.nullable().describe("Where the record of the Paris Call's state supporters stops (the list of supporters read); null when the view's date is not after it"),
    memberships: z.array(z.string()),
    membershipDetails: z.array(Membership),
    cooperation: z.array(named('Cooperation', Cooperation)),
    perception: PositionView.nullable(),
    tensions: z.array(named('Tension', Tension)),
    attention: Partner.shape.attention.unwrap(),
    nationalStrategies: NationalStrategies.nullable(),
  }),
);

export const MatrixCell = named(
  'MatrixCell',
  z.object({
    value: z.string().nullable(),
    sources: z.array(Source),
    notYet: z
      .string()
      .optional()
      .describe('Set when the instrument did not yet exist on the as-of date ("not yet"): the date it began; the sources date it'),
  }),
);

export const InstrumentMatrix = named(
  'InstrumentMatrix',
  z.object({
    asOf: z.string().nullable(),
    columns: z.array(z.string()),
    rows: z.array(z.object({ id: z.string(), name: z.string(), cells: z.record(z.string(), MatrixCell) })),
  }),
);

export const Actor = named('Actor', ActorRecord);
export const AreaOfResponsibility = named('AreaOfResponsibility', ResponsibilityArea);
export const Strategy = named('Strategy', StrategyRecord);

export const SearchHit = named(
  'SearchHit',
  z.object({
    id: z.string().describe('<kind>:<id>, stable across re-seeding'),
    kind: z.string(),
    partner: z.string().nullable(),
    from: z.string().nullable(),
    title: z.string(),
    text: z.string(),
    sources: z.array(Source),
    snippet: z.string(),
  }),
);

export const PartnerParams = z.object({ id: z.string().describe('A partner id, two letters (US, CN...)') });
export const DialogueQuery = z.object({
  partner: query.text('A partner id'),
  level: query.text('A dialogue level'),
  topic: query.text('A topic'),
  status: query.text('A status'),
  year: query.text('Dialogues established in this year (YYYY): from the year of the first dialogue to the year read, else 400 invalid_filter'),
  asOf,
});
export const ActorQuery = z.object({ kind: query.text('An actor kind'), asOf });
export const SearchQuery = z.object({
  q: query.text('The words to search for (required; at most 300 characters, else 400 invalid_input)'),
  asOf,
  partner: query.text('Only facts about this partner'),
  kind: query.text('Only facts of this kind'),
  limit: query.text('How many hits at most'),
});
