// The cyber-sanctions regime's shapes as the web app reads them (GET /api/sanctions and a response plan's `sanctions`).
import type { DateOrYear, Source } from './api-types';

/**
 * not-adopted: before the regime existed; in-force: before its last known expiry; lapsed: that expiry passed while
 * the data was being checked; unconfirmed: the expiry passed after the data's last check, so a renewal may be missing.
 */
export type RegimeState = 'not-adopted' | 'in-force' | 'lapsed' | 'unconfirmed';

export interface Renewal {
  /** When the Council decided; a year where the sources give no day. */
  decided: DateOrYear;
  regimeUntil?: string;
  listingsUntil?: string;
  listingsReviewedEvery?: string;
  sources: Source[];
  unverified: boolean;
  note?: string;
}

export interface RegimeStatus {
  state: RegimeState;
  until: string | null;
  decidedBy: Renewal | null;
}

export interface TargetGroup {
  name: string;
  aliases: string[];
  /** is: the reasons give these names to the target itself; part-of / linked: the target belongs or is tied to it. */
  relation: 'is' | 'part-of' | 'linked';
}

export interface ListedTarget {
  id: string;
  kind: 'person' | 'entity';
  name: string;
  /** Annex aliases: other scripts, transliterations, other names. */
  aliases: string[];
  monikers: string[];
  groups: TargetGroup[];
  otherNames: string[];
  /** The state the reasons tie the target's activity to, when they do (ISO 3166 code). */
  state?: string;
  group?: string;
  nationality: string[];
  /** Annex I part and entry, e.g. "I.A 7". */
  annexEntry: string;
  since: string;
  delistedOn: string | null;
  amendedOn: string[];
  acts: string[];
  celex: string[];
  /** The statement of reasons as published: a quotation, with its citation. */
  reasons: { text: string; quotation: true; citation: string; url: string };
  /** The product's one-line summary, in its own words. */
  summary: string | null;
  /** The operations and incidents this target's own reasons name. */
  incidents: string[];
  /** Incidents of the registry that name one of its operations or identify it; imported actors that bear its names. */
  links: { incidents: { id: string; title: string; via: string }[]; actors: { id: string; name: string; via: string }[] };
  /** The listing's sources; `unverified` when part of it (e.g. an act number) still needs checking. */
  sources: Source[];
  unverified: boolean;
  note?: string;
}

/** One listed target a screened name may designate. */
export interface ScreeningMatch {
  targetId: string;
  name: string;
  kind: 'person' | 'entity';
  score: number;
  /** A match an officer must review before proceeding. */
  strong: boolean;
  matchedOn: string;
  matchedAs: 'name' | 'alias' | 'moniker' | 'group' | 'member-of-group';
  listedSince: string;
  inForce: boolean;
}

export interface ScreenResult {
  query: string;
  asOf: string;
  stale: boolean;
  knownUntil: string;
  matches: ScreeningMatch[];
}

export interface BatchScreenResult {
  asOf: string;
  stale: boolean;
  knownUntil: string;
  strong: number;
  results: { query: string; matches: ScreeningMatch[] }[];
}

export interface SanctionsAct {
  act: string;
  adopted: string;
  legalBasis: string;
  sources: Source[];
}

export interface SanctionsView {
  asOf: string;
  regime: RegimeStatus;
  listings: RegimeStatus;
  targets: ListedTarget[];
  counts: { persons: number; entities: number };
  /** The date lies past the data's last check: later renewals, listings or delistings may be missing. */
  stale: boolean;
  notes: string[];
  framework: {
    title: string;
    decision: SanctionsAct;
    regulation: SanctionsAct;
    measures: { persons: string[]; entities: string[]; also: string; sources: Source[] };
  };
  renewals: Renewal[];
  /** The date of the last annex import: the data holds up to it. */
  knownUntil: string;
  /** Listed before the date and delisted since. */
  delisted: ListedTarget[];
  /** The counts on each date the list changed. */
  timeline: { date: string; persons: number; entities: number }[];
  courts: { annulments: { case: string; date: string; target: string }[]; note: string };
  screening: { strong: number; report: number };
}

export interface AlreadyListed {
  /** The name as the incident gives it. */
  name: string;
  id: string;
  kind: 'person' | 'entity';
  listedName: string;
  since: string;
  acts: string[];
  incidents: string[];
  score: number;
  strong: boolean;
  matchedOn: string;
  summary: string;
}

/** What a response plan says about the regime: whether listing is possible on the plan's date, and who is listed already. */
export interface PlanSanctions {
  asOf: string;
  regime: { state: RegimeState; until: string | null };
  listings: { state: RegimeState; until: string | null };
  acts: string[];
  alreadyListed: AlreadyListed[];
  stale: boolean;
  notes: string[];
}
