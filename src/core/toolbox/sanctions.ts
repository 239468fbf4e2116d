// The EU cyber-sanctions regime (Decision (CFSP) 2019/797, Regulation (EU) 2019/796) as data: whether the regime
// and its listings are in force at a date, who is listed, and whether an incident's identified persons or entities
// are listed already. The renewals and listings come from data/toolbox/sanctions.yaml with their sources.
import { z } from 'zod';
import { isValidIsoDate, toDate, type IsoDate } from '../dates';
import { DateOrYear, Source, Sources } from '../provenance';

const IsoDateString = z.string().refine(isValidIsoDate, { message: 'expected YYYY-MM-DD' });

const Act = z.object({ act: z.string().min(1), adopted: IsoDateString, legalBasis: z.string().min(1), sources: Sources }).strict();

const Renewal = z
  .object({
    /** When the Council decided; a year where the sources give no day. */
    decided: DateOrYear,
    regimeUntil: IsoDateString.optional(),
    listingsUntil: IsoDateString.optional(),
    listingsReviewedEvery: z.string().optional(),
    sources: Sources,
    unverified: z.boolean().default(false),
    note: z.string().optional(),
  })
  .strict()
  .refine((r) => r.regimeUntil !== undefined || r.listingsUntil !== undefined, { message: 'a renewal extends the regime, the listings or both' });

export const SanctionTarget = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    kind: z.enum(['person', 'entity']),
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    /** The state the sources tie the target's activity to, when they do. */
    state: z.string().length(2).optional(),
    group: z.string().optional(),
  })
  .strict();
export type SanctionTarget = z.infer<typeof SanctionTarget>;

const Listing = z
  .object({
    id: z.string().regex(/^listing-\d{4}-\d{2}-\d{2}$/),
    date: IsoDateString,
    acts: z.array(z.string().min(1)),
    incidents: z.array(z.string().min(1)).min(1),
    targets: z.array(SanctionTarget).min(1),
    sources: Sources,
    unverified: z.boolean().default(false),
    note: z.string().optional(),
  })
  .strict();
export type Listing = z.infer<typeof Listing>;

export const SanctionsFile = z
  .object({
    knownUntil: IsoDateString,
    regime: z
      .object({
        title: z.string().min(1),
        decision: Act,
        regulation: Act,
        measures: z.object({ persons: z.array(z.string()), entities: z.array(z.string()), also: z.string(), sources: Sources }).strict(),
      })
      .strict(),
    renewals: z.array(Renewal).min(1),
    listings: z.array(Listing),
    statedTotals: z.array(z.object({ date: IsoDateString, persons: z.number().int(), entities: z.number().int(), source: Source }).strict()).default([]),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.listings.forEach((l, i) =>
      l.targets.forEach((t, j) => {
        if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['listings', i, 'targets', j, 'id'], message: `"${t.id}" is listed twice` });
        seen.add(t.id);
      }),
    );
  });
export type SanctionsFile = z.infer<typeof SanctionsFile>;

export interface ListedTarget extends SanctionTarget {
  listing: string;
  since: IsoDate;
  acts: string[];
  incidents: string[];
  /** The listing's sources, and whether part of it (e.g. an act number) still needs checking. */
  sources: Source[];
  unverified: boolean;
  note?: string;
}

/**
 * in-force: before the last known expiry; lapsed: the expiry passed within the period the data was checked for;
 * unconfirmed: the expiry passed after the data's last check, so a renewal may exist that the data does not hold.
 */
export type RegimeState = 'not-adopted' | 'in-force' | 'lapsed' | 'unconfirmed';

export interface SanctionsStatus {
  asOf: IsoDate;
  regime: {
    state: RegimeState;
    /** The latest expiry decided on or before the date; null before the regime existed. */
    until: IsoDate | null;
    decidedBy: Renewal | null;
  };
  listings: { state: RegimeState; until: IsoDate | null; decidedBy: Renewal | null };
  /** Listed on the date (or, when unconfirmed, at the last known state). */
  targets: ListedTarget[];
  counts: { persons: number; entities: number };
  /** Past the date the data was last checked: later renewals, listings or delistings may be missing. */
  stale: boolean;
  notes: string[];
}
type Renewal = z.infer<typeof Renewal>;

// A renewal dated only by its year is taken as decided from that year's first day. The sources show every such
// renewal taken in May, before the previous expiry, so this never makes the regime look lapsed when it was not.
const decidedOn = (r: Renewal): IsoDate => toDate(r.decided);

function latest(renewals: readonly Renewal[], asOf: IsoDate, field: 'regimeUntil' | 'listingsUntil'): Renewal | null {
  let best: Renewal | null = null;
  for (const r of renewals) {
    const until = r[field];
    if (until === undefined || decidedOn(r) > asOf) continue;
    if (!best || until > (best[field] ?? '')) best = r;
  }
  return best;
}

/** The regime, its listings and the listed persons and entities as they stood on `asOf`. */
export function sanctionsAt(file: SanctionsFile, asOf: IsoDate): SanctionsStatus {
  const adopted = asOf >= file.regime.decision.adopted;
  const regimeRenewal = adopted ? latest(file.renewals, asOf, 'regimeUntil') : null;
  const regimeUntil = (regimeRenewal?.regimeUntil ?? null) as IsoDate | null;
  // Listings without their own expiry follow the regime's (the case until the 12-month review began in 2022);
  // they cannot outlive the regime that carries them.
  const listingRenewal = adopted ? latest(file.renewals, asOf, 'listingsUntil') : null;
  const ownExpiry = (listingRenewal?.listingsUntil ?? null) as IsoDate | null;
  const listingsUntil = ownExpiry !== null && regimeUntil !== null && ownExpiry < regimeUntil ? ownExpiry : regimeUntil;
  const stateOf = (until: IsoDate | null): RegimeState => {
    if (!adopted) return 'not-adopted';
    if (until !== null && asOf < until) return 'in-force';
    return until !== null && until > file.knownUntil ? 'unconfirmed' : 'lapsed';
  };
  const regimeState = stateOf(regimeUntil);
  const listingsState = regimeState === 'in-force' || regimeState === 'unconfirmed' ? stateOf(listingsUntil) : regimeState;
  const targets: ListedTarget[] =
    listingsState === 'in-force' || listingsState === 'unconfirmed'
      ? file.listings
          .filter((l) => l.date <= asOf)
          .flatMap((l) => l.targets.map((t) => ({ ...t, listing: l.id, since: l.date as IsoDate, acts: l.acts, incidents: l.incidents, sources: l.sources, unverified: l.unverified, ...(l.note ? { note: l.note } : {}) })))
      : [];
  const stale = asOf > file.knownUntil;
  const notes: string[] = [];
  if (!adopted) notes.push(`The regime was adopted on ${file.regime.decision.adopted} (${file.regime.decision.act}); before that the Union had no cyber-sanctions regime.`);
  const expiryNote = (whose: string, state: RegimeState, until: IsoDate | null) => {
    if (state === 'lapsed') notes.push(`${whose} last known expiry, ${until ?? 'unknown'}, has passed and no later renewal is recorded.`);
    if (state === 'unconfirmed') notes.push(`${whose} last known expiry, ${until ?? 'unknown'}, falls after the data's last check: a renewal is not recorded, so the last known state is shown.`);
  };
  expiryNote("The regime's", regimeState, regimeUntil);
  if (regimeState === 'in-force') expiryNote("The listings'", listingsState, listingsUntil);
  if (stale) notes.push(`The sanctions data was last checked on ${file.knownUntil}: renewals, listings or delistings after that date are not in it.`);
  return {
    asOf,
    regime: { state: regimeState, until: regimeUntil, decidedBy: regimeRenewal },
    listings: { state: listingsState, until: listingsUntil, decidedBy: listingRenewal },
    targets,
    counts: { persons: targets.filter((t) => t.kind === 'person').length, entities: targets.filter((t) => t.kind === 'entity').length },
    stale,
    notes,
  };
}

/** Lower case, no accents or punctuation, words in order: "GAO Qiang" and "Qiang Gao" compare equal. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .sort()
    .join(' ');
}

export interface ListedMatch {
  /** The name as the incident gives it. */
  name: string;
  target: ListedTarget;
}

/** The incident's identified persons and entities that are listed on `asOf`, matched by name or alias. */
export function alreadyListed(status: SanctionsStatus, names: readonly string[]): ListedMatch[] {
  const byKey = new Map<string, ListedTarget>();
  for (const t of status.targets) for (const n of [t.name, ...t.aliases]) byKey.set(nameKey(n), t);
  return names.flatMap((name) => {
    const target = byKey.get(nameKey(name));
    return target ? [{ name, target }] : [];
  });
}

/** The totals the sources state, next to what the listings give for the same date (a check on the data). */
export function statedTotalsCheck(file: SanctionsFile) {
  return file.statedTotals.map((s) => {
    const at = sanctionsAt(file, s.date as IsoDate);
    return { date: s.date, stated: { persons: s.persons, entities: s.entities }, computed: at.counts, source: s.source };
  });
}

/** What a response plan says about the sanctions regime for an incident: whether listing is possible today, and who is listed already. */
export interface PlanSanctions {
  asOf: IsoDate;
  regime: { state: RegimeState; until: IsoDate | null };
  listings: { state: RegimeState; until: IsoDate | null };
  acts: string[];
  alreadyListed: { name: string; id: string; kind: SanctionTarget['kind']; listedName: string; since: IsoDate; acts: string[]; incidents: string[]; sources: Source[] }[];
  stale: boolean;
  notes: string[];
}

export function planSanctions(file: SanctionsFile, incident: { initiator: { identifiedPersons: readonly string[]; identifiedEntities: readonly string[] } }, asOf: IsoDate): PlanSanctions {
  const status = sanctionsAt(file, asOf);
  const names = [...incident.initiator.identifiedPersons, ...incident.initiator.identifiedEntities];
  return {
    asOf,
    regime: { state: status.regime.state, until: status.regime.until },
    listings: { state: status.listings.state, until: status.listings.until },
    acts: [file.regime.decision.act, file.regime.regulation.act],
    alreadyListed: alreadyListed(status, names).map((m) => ({
      name: m.name,
      id: m.target.id,
      kind: m.target.kind,
      listedName: m.target.name,
      since: m.target.since,
      acts: m.target.acts,
      incidents: m.target.incidents,
      sources: m.target.sources,
    })),
    stale: status.stale,
    notes: status.notes,
  };
}
