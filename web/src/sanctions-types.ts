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

export interface ListedTarget {
  id: string;
  kind: 'person' | 'entity';
  name: string;
  aliases: string[];
  /** The state the sources tie the target's activity to, when they do (ISO 3166 code). */
  state?: string;
  group?: string;
  /** The id of the listing that put the target on the list. */
  listing: string;
  since: string;
  acts: string[];
  incidents: string[];
  /** The listing's sources; `unverified` when part of it (e.g. an act number) still needs checking. */
  sources: Source[];
  unverified: boolean;
  note?: string;
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
  /** The date the data was last checked against its sources. */
  knownUntil: string;
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
