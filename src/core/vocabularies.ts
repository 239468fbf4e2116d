// The closed vocabularies of the product, in one place. Data files and inputs are checked against these.
import { z } from 'zod';

export const SEED_KEYS = ['renard2014', 'renard2016', 'bendiek2018'] as const;

export const PARTNER_IDS = ['BR', 'CA', 'CN', 'IN', 'JP', 'MX', 'RU', 'ZA', 'KR', 'US'] as const;
export const PartnerId = z.enum(PARTNER_IDS);
export type PartnerId = z.infer<typeof PartnerId>;

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
]);

export const BudapestStatus = z.enum(['ratified', 'signed', 'not-signed']);
export const BudapestStance = z.enum(['opposed', 'uses-as-model', 'invited-to-accede', 'supportive']);
export const InternetGovernanceModel = z.enum(['multi-stakeholder', 'intergovernmental', 'swing']);
export const Wcit2012 = z.enum(['signed', 'refused']);

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
