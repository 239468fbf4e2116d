// The closed vocabularies of the product, in one place. Data files and inputs are checked against these.
import { z } from 'zod';

export const SEED_KEYS = ['renard2014', 'renard2016', 'bendiek2018'] as const;

/**
 * The ten strategic partners of the papers (renard2014, renard2016): the group their framework and the calibration
 * against them are about. Which partners the knowledge base holds is data (one file per partner in
 * data/partnerships), not this list: the EU's cyber dialogues reach beyond the ten.
 */
export const STRATEGIC_PARTNER_IDS = ['BR', 'CA', 'CN', 'IN', 'JP', 'MX', 'RU', 'ZA', 'KR', 'US'] as const;
export type StrategicPartnerId = (typeof STRATEGIC_PARTNER_IDS)[number];
export const StrategicPartnerId = z.enum(STRATEGIC_PARTNER_IDS);

/** A partner's id: two capital letters (the country code the EU uses: UK for the United Kingdom). */
export const PartnerId = z.string().regex(/^[A-Z]{2}$/, 'must be two capital letters (the country code the EU uses)');
export type PartnerId = string;

/** Whether a partner is one of the ten strategic partners of the papers or another partner of EU cyber dialogues. */
export const PartnerGroup = z.enum(['strategic-partner', 'cyber-dialogue-partner']);
export type PartnerGroup = z.infer<typeof PartnerGroup>;

export const ActorKind = z.enum([
  'eu', // the Union itself
  'eu-institution',
  'eu-body', // agencies, services, networks, Council bodies
  'strategic-partner',
  'international-organisation',
  'forum',
  'member-state',
]);

export const DocumentType = z.enum([
  'joint-statement',
  'joint-declaration',
  'action-plan',
  'joint-action-plan',
  'joint-executive-plan',
  'framework-agreement',
  'strategic-partnership-agreement',
  'partnership-agenda',
  'strategic-agenda',
  'road-map',
  'transatlantic-agenda',
  'summit-declaration',
  'other',
]);

export const CyberMention = z.enum(['none', 'brief', 'substantial']);

export const DialogueLevel = z.enum(['summit', 'ministerial', 'senior-officials', 'working', 'parliamentary']);
export type DialogueLevel = z.infer<typeof DialogueLevel>;

export const Frequency = z.enum(['several-per-year', 'twice-a-year', 'annual', 'irregular', 'unknown']);

export const Topic = z.enum([
  'cyber-security',
  'cyber-crime',
  'cyber-defence',
  'internet-governance',
  'information-society-ict',
  'telecommunications',
  'justice-home-affairs',
  'law-enforcement',
  'critical-infrastructure',
  'counter-terrorism',
  'foreign-policy',
  'capacity-building',
  'research-innovation',
]);
export type Topic = z.infer<typeof Topic>;

/** Topics that make a dialogue "cyber-related" in renard2016's sense (section 5). */
export const CYBER_RELATED_TOPICS: readonly Topic[] = [
  'cyber-security',
  'cyber-crime',
  'cyber-defence',
  'internet-governance',
  'information-society-ict',
  'telecommunications',
  'critical-infrastructure',
];

export const DialogueStatus = z.enum(['active', 'dormant', 'on-hold', 'planned', 'suspended', 'ended', 'unknown']);

export const AgreementType = z.enum([
  'mla',
  'extradition',
  'europol-operational',
  'europol-strategic',
  'eurojust',
  'liaison-magistrate',
  'framework',
  'data-transfer',
]);

export const AgreementStatus = z.enum([
  'in-force',
  'signed',
  'awaiting-ratification',
  'negotiating',
  'on-hold',
  'considered',
  'mandated',
  /** Applied no longer by one party's decision, without being terminated (Europol's agreement with Russia, 2022). */
  'suspended',
]);

export const BudapestStatus = z.enum(['ratified', 'signed', 'not-signed']);
/** `not-intending-to-ratify`: a signatory whose government states it does not intend to ratify (South Africa, 2020). */
export const BudapestStance = z.enum(['opposed', 'uses-as-model', 'invited-to-accede', 'supportive', 'not-intending-to-ratify']);
export const InternetGovernanceModel = z.enum(['multi-stakeholder', 'intergovernmental', 'swing']);
export const Wcit2012 = z.enum(['signed', 'refused']);

/** Status towards the UN Convention against Cybercrime (adopted by GA res 79/243 on 24 December 2024, Hanoi signing 2025). */
export const UnCybercrimeConventionStatus = z.enum(['signed', 'ratified', 'not-signed']);
export type UnCybercrimeConventionStatus = z.infer<typeof UnCybercrimeConventionStatus>;

/** A recorded vote in the UN General Assembly plenary. */
export const UnVote = z.enum(['yes', 'no', 'abstain', 'absent']);
export type UnVote = z.infer<typeof UnVote>;

/**
 * The UN General Assembly resolutions on cyber whose recorded votes the data give (research notes, s.2.3 and s.2.4),
 * with what each set up. Dates are those of the plenary votes.
 */
export const UN_CYBER_RESOLUTIONS = {
  '71/28': { date: '2016-12-05', sponsor: 'RU', title: 'Developments in the field of information and telecommunications in the context of international security', establishes: null },
  '73/27': { date: '2018-12-05', sponsor: 'RU', title: 'Developments in the field of information and telecommunications in the context of international security', establishes: 'the first Open-ended Working Group (OEWG, 2019-2021)' },
  '73/187': { date: '2018-12-17', sponsor: 'RU', title: 'Countering the use of information and communications technologies for criminal purposes', establishes: null },
  '73/266': { date: '2018-12-22', sponsor: 'US', title: 'Advancing responsible State behaviour in cyberspace in the context of international security', establishes: 'the sixth Group of Governmental Experts (GGE, 2019-2021)' },
  '74/28': { date: '2019-12-12', sponsor: 'US', title: 'Advancing responsible State behaviour in cyberspace in the context of international security', establishes: null },
  '74/29': { date: '2019-12-12', sponsor: 'RU', title: 'Developments in the field of information and telecommunications in the context of international security', establishes: null },
  '74/247': { date: '2019-12-27', sponsor: 'RU', title: 'Countering the use of information and communications technologies for criminal purposes', establishes: 'the Ad Hoc Committee that drafted the UN Convention against Cybercrime' },
} as const;
export type UnCyberResolutionId = keyof typeof UN_CYBER_RESOLUTIONS;
export const UnCyberResolution = z.enum(Object.keys(UN_CYBER_RESOLUTIONS) as [UnCyberResolutionId, ...UnCyberResolutionId[]]);

/** Instruments and networks a partner can belong to (the columns of the partner x instrument matrix). */
export const MembershipId = z.enum([
  'global-alliance-csao',
  'g8-24-7-network',
  'council-of-europe',
  'nato',
  'g7',
  'g8',
  'g20',
  'osce',
  'asean-regional-forum',
  'oecd',
  'london-process',
  'freedom-online-coalition',
  'un-gge',
  'paris-call', // Paris Call for Trust and Security in Cyberspace (2018), state supporters
  'un-cybercrime-convention', // UN Convention against Cybercrime (2024), signatories
]);

export const CooperationKind = z.enum([
  'joint-exercise',
  'joint-research-funding',
  'operational-cooperation',
  'confidence-building',
  'capacity-building',
  'information-exchange',
  'awareness-raising',
  'multilateral-coordination',
]);

export const Perception = z.enum(['partner', 'challenge', 'threat']);

export const ThreatCategory = z.enum(['cyber-crime', 'cyber-espionage', 'cyber-terrorism', 'cyber-warfare', 'hybrid']);
export type ThreatCategory = z.infer<typeof ThreatCategory>;

export const Purpose = z.enum(['reflexive', 'relational', 'structural']);
