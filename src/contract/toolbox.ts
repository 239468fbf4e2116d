// The response toolbox's answers: incidents as stored and shown, their history, response plans, measures, the
// member states of a year's Council and vote simulations. Severity levels and measure ids are reviewed data, so
// they are strings here; the use case checks them against the data (invalid_incident names the allowed values).
import { z } from 'zod';
import { MarkingInput } from '../core/marking/marking';
import { Measure as MeasureRecord } from '../core/toolbox/measure';
import { VoteInput } from '../core/toolbox/vote';
import { ActKind, ProposerId, VoteRuleId } from '../core/toolbox/voting-rules';
import { AttributionKind, AttributorType, Confidence, InitiatorType } from '../core/toolbox/incident';
import { TlpLevel } from './accounts';
import { asOf, named, query } from './common';
import { BudapestEntryIntoForce, Source } from './knowledge-base';
import { RegimeState } from './sanctions';

const date = z.string().describe('YYYY-MM-DD');
const flag = z.boolean().default(false);

export const Victim = named('Victim', z.object({ country: z.string(), sector: z.string(), name: z.string().optional(), region: z.string().optional() }));

export const DatasetCoding = named(
  'DatasetCoding',
  z.object({ source: z.string(), cells: z.record(z.string(), z.string()) }),
  "A dataset's own codings of an incident (EuRepoC's indicators and scores): the dataset, release and row they come from, and each cell by column as written. No rule of the toolbox reads them",
);

export const AttributionStatement = named(
  'AttributionStatement',
  z.object({
    source: z.string(),
    id: z.string().optional(),
    date: z.string().optional(),
    type: z.string().optional(),
    basis: z.string().optional(),
    by: z.string().optional(),
    company: z.string().optional(),
    country: z.string().optional(),
    initiatorCountry: z.string().optional(),
    initiatorCategory: z.string().optional(),
  }),
  "A dataset's row an attribution stands for, each cell as written (EuRepoC's attribution dataset: attribution_ID, date, type, basis, attributing actor, IT company and country, the initiator's country and category). No rule of the toolbox reads it",
);

export const Incident = named(
  'Incident',
  z.object({
    title: z.string(),
    summary: z.string().optional(),
    start: date,
    detected: date.optional(),
    disclosed: date.optional(),
    end: date.optional(),
    ongoing: flag,
    category: z.string(),
    victims: z.array(Victim),
    effects: z.object({
      severity: z.string().describe('A level of the reviewed severity scale'),
      disruptsEssentialServices: flag,
      physicalDamage: flag,
      lossOfLife: flag,
      threatensStateSurvival: flag,
      armedAttack: flag,
      attempted: flag,
      personsAffected: z.number().int().optional(),
      economicLoss: z.number().optional(),
      economicBenefit: flag,
      dataStolen: flag,
      commerciallySensitiveData: flag,
    }),
    initiator: z
      .object({
        type: InitiatorType.default('unknown'),
        country: z.string().nullable().default(null),
        name: z.string().optional(),
        identifiedPersons: z.array(z.string()).default([]),
        identifiedEntities: z.array(z.string()).default([]),
      })
      .prefault({}),
    transit: z
      .array(z.string())
      .optional()
      .describe("States whose infrastructure the attack was carried out through (ISO 3166-1 alpha-2 codes, not EU or ZZ, at most 20); one outside the Union makes the attack an external threat (Decision (CFSP) 2019/797, Art. 1(2)(b)) and can be asked for due diligence"),
    attribution: z
      .array(z.object({ kind: AttributionKind, by: z.string(), byType: AttributorType.optional(), date: date.optional(), confidence: Confidence, public: flag, statement: AttributionStatement.optional() }))
      .default([]),
    responses: z.array(z.object({ measure: z.string(), date, by: z.string(), note: z.string().optional() })).default([]),
    context: z
      .object({
        euDelegationInInitiatorCountry: flag,
        delegationHeadRecalled: flag,
        victimCapacitiesOverwhelmed: flag,
        assistanceRequested: flag,
        otherMeansExhausted: flag,
        urgent: flag,
        agreementOfAllCannotBeSought: flag,
        victimIsNatoMember: z.boolean().optional(),
        euPositionAdopted: flag,
        defenceImplications: flag,
        cfspObjectiveIdentified: flag,
        mutualAssistanceInvoked: flag,
        euDelegationInTransitCountry: z.boolean().optional().describe('An EU delegation is in a transit state outside the Union and can deliver a démarche there; omitted: no'),
      })
      .prefault({}),
    sources: z.array(Source).optional(),
    codings: z.array(DatasetCoding).optional(),
  }),
  'An incident: what happened, to whom, its effects, who did it and who said so, and what was done',
);

export const Marking = named(
  'Marking',
  MarkingInput,
  'Marking fields that may sit beside an incident\'s fields: tlp, owner (organisation), sharedWith (organisations), recipients (usernames, RED)',
);
export const IncidentWrite = named('IncidentWrite', z.intersection(Incident, Marking));

export const RecordMarking = named(
  'RecordMarking',
  z.object({ tlp: TlpLevel, owner: z.string().nullable(), sharedWith: z.array(z.string()), recipients: z.array(z.string()) }),
);

export const StoredIncident = named(
  'StoredIncident',
  z.object({ id: z.string(), version: z.number().int(), createdAt: z.string(), updatedAt: z.string(), marking: RecordMarking, incident: Incident }),
);

export const Sighting = named(
  'Sighting',
  z.object({
    id: z.string(),
    of: z.object({ kind: z.enum(['incident', 'actor']), id: z.string() }),
    firstSeen: z.string().nullable(),
    lastSeen: z.string().nullable(),
    count: z.number().int().nullable(),
    where: z.array(z.string()),
    description: z.string().nullable(),
    summary: z.boolean(),
    tlp: TlpLevel,
    source: z.string().nullable(),
  }),
);

export const Report = named(
  'Report',
  z.object({
    id: z.string(),
    name: z.string(),
    published: z.string(),
    description: z.string().nullable(),
    types: z.array(z.string()),
    externalReferences: z.array(z.object({ source: z.string(), url: z.string().optional(), externalId: z.string().optional(), description: z.string().optional() })),
    tlp: TlpLevel,
    source: z.string().nullable(),
  }),
);

export const ShownIncident = named('ShownIncident', StoredIncident.extend({ sightings: z.array(Sighting).optional(), reports: z.array(Report).optional() }));
export const IncidentPage = named('IncidentPage', z.object({ total: z.number().int(), items: z.array(StoredIncident) }));

export const HistoryEntry = named(
  'HistoryEntry',
  z.object({
    version: z.number().int(),
    action: z.string(),
    at: z.string(),
    tlp: z.string(),
    before: Incident.nullable().describe('null for a creation, or where the reader may not see the version'),
    after: Incident.nullable(),
    redacted: z.boolean(),
  }),
);

export const Measure = named('Measure', MeasureRecord);

const Reason = named('PlanReason', z.object({ rule: z.string(), kind: z.string(), holds: z.boolean(), text: z.string(), sources: z.array(Source) }));

export const PlanMeasure = named(
  'PlanMeasure',
  z.object({
    id: z.string(),
    title: z.string(),
    category: z.string(),
    available: z.boolean(),
    coercion: z.number().int(),
    reasons: z.array(Reason),
    decision: z.object({
      by: z.string(),
      rule: z.string(),
      proposedBy: z.array(z.string()),
      ruleChange: z.object({ from: z.string(), to: z.string(), rule: z.string(), text: z.string(), sources: z.array(Source).optional() }).optional(),
    }),
    procedure: z.string(),
    effect: z.string(),
    legalBasis: z.array(z.string()),
    sources: z.array(Source),
    unverified: z.boolean(),
    taken: z.array(z.object({ date: z.string(), by: z.string(), note: z.string().optional() })),
    attribution: z.object({
      need: z.string(),
      label: z.string(),
      effect: z.string(),
      met: z.boolean(),
      restsOn: z.array(z.string()),
      missing: z.string().nullable(),
    }),
  }),
);

const RelationDialogue = z.object({ id: z.string(), name: z.string(), level: z.string(), cyberSpecific: z.boolean(), status: z.string(), topics: z.array(z.string()), sources: z.array(Source) });
export const Relations = named(
  'Relations',
  z.object({
    state: z.string(),
    covered: z.boolean(),
    name: z.string().nullable(),
    asOf: z.string(),
    cyberDialogues: z.array(RelationDialogue),
    inactiveCyberDialogues: z.array(RelationDialogue),
    criminalJusticeAgreements: z.array(z.object({ id: z.string(), type: z.string(), title: z.string(), status: z.string(), usable: z.boolean(), sources: z.array(Source) })),
    budapestConvention: z.object({ status: z.string(), stance: z.string().nullable(), inForce: BudapestEntryIntoForce.nullable(), bound: z.boolean().describe('Whether the Convention is in force for the state on the date'), sources: z.array(Source) }).nullable(),
    budapestUnverified: z
      .object({ status: z.string(), inForce: BudapestEntryIntoForce.nullable(), sources: z.array(Source) })
      .nullable()
      .describe('What only unverified entries give on the date, where no verified entry gives a status: relied on by nothing'),
  }),
  "The observatory's relations with the initiator's state that a plan reads",
);

const RegimeOn = z.object({ state: RegimeState, until: z.string().nullable() });
export const PlanSanctions = named(
  'PlanSanctions',
  z.object({
    asOf: z.string(),
    regime: RegimeOn,
    listings: RegimeOn,
    acts: z.array(z.string()),
    alreadyListed: z.array(
      z.object({
        name: z.string(),
        id: z.string(),
        kind: z.string(),
        listedName: z.string(),
        since: z.string(),
        acts: z.array(z.string()),
        incidents: z.array(z.string()),
        sources: z.array(Source),
        score: z.number(),
        strong: z.boolean(),
        matchedOn: z.string(),
        summary: z.string(),
      }),
    ),
    stale: z.boolean(),
    notes: z.array(z.string()),
  }),
);

export const Precedent = named(
  'Precedent',
  z.object({
    id: z.string(),
    origin: z.enum(['reviewed', 'registry']),
    title: z.string(),
    start: z.string(),
    score: z.number(),
    points: z.number(),
    why: z.array(z.string()),
    attribution: z.array(z.object({ kind: z.string(), by: z.string(), byType: z.string(), date: z.string().optional() })),
    responses: z.array(z.object({ date: z.string(), by: z.string(), byType: z.string(), measure: z.string().optional(), what: z.string(), act: z.string().optional() })),
    daysToAttribution: z.number().int().nullable(),
    daysToResponse: z.number().int().nullable(),
    sources: z.array(Source),
    unverified: z.boolean(),
  }),
);

export const ResponsePlan = named(
  'ResponsePlan',
  z.object({
    measures: z.array(PlanMeasure),
    ladder: z.array(z.string()),
    bodies: z.array(z.object({ area: z.string(), domain: z.string(), euLevel: z.array(z.string()), nationalLevel: z.array(z.string()), why: z.string(), sources: z.array(Source) })),
    asOf: z.string(),
    observatory: Relations.nullable(),
    notCounted: z.array(z.string()).describe("The incident's attributions and responses dated after the plan's date, which the plan does not count"),
    sanctions: PlanSanctions,
    precedents: z.array(Precedent),
  }),
);
export const IncidentPlan = named('IncidentPlan', ResponsePlan.extend({ incidentId: z.string() }));

export const VoteActs = named(
  'VoteActs',
  z
    .array(
      z.object({
        id: ActKind,
        proposers: z.array(ProposerId).nullable().describe('Who may propose the act (data/council/voting-rules.yaml); null where any proposer may'),
      }),
    )
    .describe('The kinds of act a vote may name, each with who may propose it: the pairs POST /api/vote takes'),
);

export const MemberStates = named(
  'MemberStates',
  z.object({
    year: z.number().int(),
    figuresYear: z.number().int().optional().describe("Set when the data holds no population figures for the year yet: the shares are the latest year's"),
    sources: z.array(Source),
    unverified: z.boolean(),
    states: z.array(
      z.object({
        code: z.string(),
        councilCode: z.string(),
        name: z.string(),
        memberSince: z.string(),
        memberUntil: z.string().optional(),
        natoSince: z.string().nullable(),
        natoDateUnverified: z.boolean().optional(),
        share: z.number().nullable(),
        population: z.number().int().nullable(),
        unverified: z.boolean().optional(),
      }),
    ),
  }),
);

const Position = z.enum(['for', 'against', 'abstain', 'constructive', 'notParticipating']);
const Shares = z.object({ for: z.number(), against: z.number(), abstain: z.number(), constructive: z.number() });
const ballot = z.union([z.string(), z.array(z.string())]).optional();
export const VoteRequest = named(
  'VoteRequest',
  z.union([
    VoteInput,
    z.object({ rule: VoteRuleId.optional(), act: ActKind.optional(), proposer: ProposerId.optional(), emergencyBrake: z.string().optional(), year: z.number().int().optional(), date: z.string().optional(), defenceImplications: z.boolean().optional(), weightedVotesRequested: z.boolean().optional(), populationCheck: z.boolean().optional(), for: ballot, against: ballot, abstain: ballot, constructive: ballot, notParticipating: ballot }),
  ]),
  'The rule (or the kind of act and who proposes it, from which the rule is derived) and each member state\'s vote, as lists under votes or beside the rule (states not named vote for)',
);
export const VoteResult = named(
  'VoteResult',
  z.object({
    adopted: z.boolean(),
    rule: VoteRuleId,
    title: z.string(),
    basis: z.string(),
    year: z.number().int(),
    figuresYear: z.number().int().optional().describe("Set when the data holds no population figures for the vote's year yet: the latest year's figures were counted instead"),
    members: z.array(z.string()),
    populationFigures: z.enum(['population', 'share', 'none']),
    counting: z
      .object({
        method: z.enum(['double-majority', 'weighted-votes']),
        reason: z.enum(['before-double-majority', 'requested']).optional(),
        basis: z.string(),
        text: z.string(),
        period: z.object({ from: z.string(), until: z.string(), threshold: z.number().int(), total: z.number().int(), weights: z.record(z.string(), z.number().int()) }).optional(),
        populationCheck: z.boolean(),
        sources: z.array(Source),
        unverified: z.boolean(),
        note: z.string().optional(),
      })
      .optional()
      .describe('Under a qualified majority: counted with the double majority (from 1 November 2014) or in weighted votes (before it, or on request up to 31 March 2017, Protocol No 36 Art. 3), and why'),
    derivation: z
      .object({
        act: ActKind.optional(),
        proposer: ProposerId.optional(),
        rule: VoteRuleId,
        basis: z.string(),
        reasons: z.array(z.string()),
        cfspQualified: z.boolean(),
        chosen: VoteRuleId.optional(),
        contradiction: z.string().optional(),
        sources: z.array(Source),
        unverified: z.boolean(),
        note: z.string().optional(),
      })
      .optional()
      .describe('The rule the Treaties give for the act on its proposer\'s proposal, with why; where a rule was chosen too, contradiction says how it differs (the rule chosen is counted)'),
    emergencyBrake: z
      .object({ state: z.string(), voteTaken: z.literal(false), basis: z.string(), text: z.string(), sources: z.array(Source), unverified: z.boolean(), note: z.string().optional() })
      .optional()
      .describe('A member state declared vital and stated reasons of national policy to oppose the decision (Art. 31(2) TEU, second subparagraph): no vote is taken'),
    votes: z.record(Position, z.array(z.string())),
    counts: z.object({ members: z.number().int(), participating: z.number().int(), for: z.number().int(), against: z.number().int(), abstain: z.number().int(), constructive: z.number().int(), notParticipating: z.number().int() }),
    shares: z.object({ members: Shares, population: Shares }),
    thresholds: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        required: z.object({ members: z.number().optional(), populationPercent: z.number().optional(), votes: z.number().optional(), votesOf: z.number().optional() }),
        actual: z.object({ members: z.number().optional(), populationPercent: z.number().optional(), votes: z.number().optional() }),
        met: z.boolean(),
      }),
    ),
    deemedReached: z.boolean(),
    explanation: z.array(z.string()),
    whatWouldFlip: z.array(z.object({ states: z.array(z.string()), to: Position, outcome: z.enum(['adopted', 'rejected']), text: z.string() })),
    pivotal: z.array(z.object({ state: z.string(), from: Position, to: Position, outcome: z.enum(['adopted', 'rejected']) })),
    participationExceptions: z
      .array(
        z.object({
          state: z.string(),
          subject: z.enum(['defence-implications']),
          basis: z.string(),
          text: z.string(),
          sources: z.array(Source),
          unverified: z.boolean(),
          note: z.string().optional(),
          constructiveAbstention: z.object({ among: z.enum(['participants', 'all-members']), text: z.string(), unverified: z.boolean(), note: z.string().optional() }).optional(),
        }),
      )
      .optional()
      .describe('Member states left out of the vote by its subject (Denmark on decisions with defence implications until 1 July 2022), with why'),
    constructiveAbstention: z
      .object({ text: z.string(), sources: z.array(Source), unverified: z.boolean(), note: z.string().optional(), counted: z.enum(['participants', 'all-members']).optional() })
      .optional(),
    sources: z.array(Source),
    unverified: z.boolean(),
  }),
);

export const IncidentParams = z.object({ id: z.string().describe('An incident id (inc-...)') });
export const PlanQuery = z.object({
  format: query.text('json (default) or markdown'),
  asOf: query.text("The plan's date (YYYY-MM-DD), from the incident's start up to today (UTC); today by default. The rules, the Council, the sanctions listings, the observatory and the precedents are read as they stood that day; attributions and responses dated later are not counted (400 invalid_date outside that range)"),
});
export const MemberStatesQuery = z.object({ year: query.text('The Council of this year (the latest with population figures by default)') });
export const IncidentsQuery = z.object({
  category: query.text('A threat category'),
  ongoing: query.text('true or false'),
  q: query.text('Text found as typed in the title or any field of the incident (ASCII letters in any case; % and _ are plain characters)'),
  limit: query.text('1 to 1000 (100 by default)'),
  offset: query.text('How many to skip'),
});
export const AsOfOnly = z.object({ asOf });
