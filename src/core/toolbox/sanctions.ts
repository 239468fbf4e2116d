// The EU cyber-sanctions regime (Decision (CFSP) 2019/797, Regulation (EU) 2019/796) as data: whether the regime
// and its listings are in force at a date, who is listed, and whether an incident's identified persons or entities
// are listed already. The framework, renewals and listing acts come from data/toolbox/sanctions.yaml with their
// sources; who is listed comes from the imported annex (src/core/sanctions).
import { z } from 'zod';
import { isValidIsoDate, toDate, type IsoDate } from '../dates';
import { DateOrYear, Source, Sources } from '../provenance';
import { screenNames } from '../sanctions/screen';
import { screenedTarget, targetOf, type SanctionsData, type SanctionsTarget } from '../sanctions/targets';

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

const ListingActs = z
  .object({
    date: IsoDateString,
    acts: z.array(z.object({ title: z.string().min(1), celex: z.string().regex(/^[0-9]{5}[A-Z]{1,2}[0-9]{4}$/) }).strict()),
    sources: Sources,
    unverified: z.boolean().default(false),
    note: z.string().optional(),
  })
  .strict();
export type ListingActs = z.infer<typeof ListingActs>;

export const SanctionsFile = z
  .object({
    regime: z
      .object({
        title: z.string().min(1),
        decision: Act,
        regulation: Act,
        measures: z.object({ persons: z.array(z.string()), entities: z.array(z.string()), also: z.string(), sources: Sources }).strict(),
      })
      .strict(),
    renewals: z.array(Renewal).min(1),
    listingActs: z.array(ListingActs),
    courts: z.object({ annulments: z.array(z.object({ case: z.string(), date: IsoDateString, target: z.string(), sources: Sources }).strict()), note: z.string().min(1) }).strict(),
    statedTotals: z.array(z.object({ date: IsoDateString, persons: z.number().int(), entities: z.number().int(), source: Source }).strict()).default([]),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.listingActs.forEach((l, i) => {
      if (seen.has(l.date)) ctx.addIssue({ code: 'custom', path: ['listingActs', i, 'date'], message: `${l.date} is given twice` });
      seen.add(l.date);
    });
  });
export type SanctionsFile = z.infer<typeof SanctionsFile>;

/**
 * in-force: before the last known expiry; lapsed: the expiry passed within the period the data was checked for;
 * unconfirmed: the expiry passed after the data's last check, so a renewal may exist that the data does not hold.
 */
export type RegimeState = 'not-adopted' | 'in-force' | 'lapsed' | 'unconfirmed';

export type ListedTarget = SanctionsTarget;

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
  /** Listed before the date and delisted since: kept for screening and history. */
  delisted: ListedTarget[];
  counts: { persons: number; entities: number };
  /** The date of the last annex import. */
  knownUntil: IsoDate;
  /** Past the date the data was last checked: later renewals, listings or delistings may be missing. */
  stale: boolean;
  notes: string[];
}
type Renewal = z.infer<typeof Renewal>;

// The regime and its listings apply "until" their expiry day, that day included: the Council's decisions prolong them
// "until 18 May 2028" and renew them before that day (research notes 2.7), so they lapse only on the day after.
function dayAfter(date: string): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const next = d < last ? [y, m, d + 1] : m < 12 ? [y, m + 1, 1] : [y + 1, 1, 1];
  return next.map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-');
}

// A renewal dated only by its month (May 2020) or its year is taken as decided from that month's or year's first day.
// The sources show every such renewal taken in May, before the previous expiry, so this never makes the regime look
// lapsed when it was not; a renewal whose month is known is dated by it, so that a plan made earlier in the year reads
// the expiry then in force.
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

/**
 * The framework alone on a date, from the reviewed file without the annex (what a response plan needs): not yet
 * adopted, in force until the latest expiry decided by then, or past that expiry with no later renewal recorded.
 */
export function regimeOn(file: SanctionsFile, asOf: IsoDate): { state: 'not-adopted' | 'in-force' | 'expired'; adopted: IsoDate; until: IsoDate | null; decided: string | null } {
  const adopted = file.regime.decision.adopted as IsoDate;
  if (asOf < adopted) return { state: 'not-adopted', adopted, until: null, decided: null };
  const renewal = latest(file.renewals, asOf, 'regimeUntil');
  const until = (renewal?.regimeUntil ?? null) as IsoDate | null;
  return { state: until !== null && asOf <= until ? 'in-force' : 'expired', adopted, until, decided: renewal ? String(renewal.decided) : null };
}

/** The regime, its listings and the listed persons and entities as they stood on `asOf`. */
export function sanctionsAt(data: SanctionsData, asOf: IsoDate): SanctionsStatus {
  const { file, register } = data;
  const knownUntil = register.knownUntil;
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
    if (until !== null && asOf <= until) return 'in-force';
    return until !== null && until > knownUntil ? 'unconfirmed' : 'lapsed';
  };
  const regimeState = stateOf(regimeUntil);
  const listingsState = regimeState === 'in-force' || regimeState === 'unconfirmed' ? stateOf(listingsUntil) : regimeState;
  const live = listingsState === 'in-force' || listingsState === 'unconfirmed';
  const ever = register.entries.filter((e) => e.listedOn <= asOf).sort((a, b) => a.listedOn.localeCompare(b.listedOn) || a.annex.localeCompare(b.annex) || a.entry - b.entry);
  const standing = (e: (typeof ever)[number]) => e.delistedOn === null || e.delistedOn > asOf;
  const targets = live ? ever.filter(standing).map((e) => targetOf(e, data)) : [];
  const delisted = ever.filter((e) => !standing(e)).map((e) => targetOf(e, data));
  const stale = asOf > knownUntil;
  const notes: string[] = [];
  if (!adopted) notes.push(`The regime was adopted on ${file.regime.decision.adopted} (${file.regime.decision.act}); before that the Union had no cyber-sanctions regime.`);
  const expiryNote = (whose: string, state: RegimeState, until: IsoDate | null) => {
    if (state === 'lapsed') notes.push(`${whose} last known expiry, ${until ?? 'unknown'}, has passed and no later renewal is recorded.`);
    if (state === 'unconfirmed') notes.push(`${whose} last known expiry, ${until ?? 'unknown'}, falls after the data's last check: a renewal is not recorded, so the last known state is shown.`);
  };
  expiryNote("The regime's", regimeState, regimeUntil);
  if (regimeState === 'in-force') expiryNote("The listings'", listingsState, listingsUntil);
  if (stale) notes.push(`The sanctions data was last checked on ${knownUntil}: renewals, listings or delistings after that date are not in it, so the data may be stale.`);
  return {
    asOf,
    regime: { state: regimeState, until: regimeUntil, decidedBy: regimeRenewal },
    listings: { state: listingsState, until: listingsUntil, decidedBy: listingRenewal },
    targets,
    delisted,
    counts: { persons: targets.filter((t) => t.kind === 'person').length, entities: targets.filter((t) => t.kind === 'entity').length },
    knownUntil,
    stale,
    notes,
  };
}

/** The counts on each date the list changed (listings, delistings, expiries), from the regime's adoption to `until`. */
export function countsOverTime(data: SanctionsData, until: IsoDate): { date: IsoDate; persons: number; entities: number }[] {
  const dates = new Set<string>([data.file.regime.decision.adopted]);
  for (const e of data.register.entries) {
    dates.add(e.listedOn);
    if (e.delistedOn) dates.add(e.delistedOn);
  }
  // An expiry day is the last day in force: the list changes the day after.
  for (const r of data.file.renewals) for (const d of [r.regimeUntil, r.listingsUntil]) if (d) dates.add(dayAfter(d));
  return [...dates]
    .filter((d) => d <= until)
    .sort()
    .map((d) => ({ date: d as IsoDate, ...sanctionsAt(data, d as IsoDate).counts }));
}

/** The totals the sources state, next to what the annex gives for the same date (a check on the data). */
export function statedTotalsCheck(data: SanctionsData) {
  return data.file.statedTotals.map((s) => {
    const at = sanctionsAt(data, s.date as IsoDate);
    return { date: s.date, stated: { persons: s.persons, entities: s.entities }, computed: at.counts, source: s.source };
  });
}

/** Screens names against everyone listed up to `asOf`; a match on a delisted target is reported as not in force. */
export function screenAt(data: SanctionsData, names: readonly string[], asOf: IsoDate) {
  const status = sanctionsAt(data, asOf);
  const standing = new Set(status.targets.map((t) => t.id));
  const all = [...status.targets, ...status.delisted];
  // While the listings are lapsed the entries are not in force, but a match still says who was listed.
  const pool = status.targets.length || !data.register.entries.some((e) => e.listedOn <= asOf) ? all : data.register.entries.filter((e) => e.listedOn <= asOf).map((e) => targetOf(e, data));
  return { status, results: screenNames(pool.map((t) => screenedTarget(t, standing.has(t.id))), names) };
}

/** What a response plan says about the sanctions regime for an incident: whether listing is possible today, and who is listed already. */
export interface PlanSanctions {
  asOf: IsoDate;
  regime: { state: RegimeState; until: IsoDate | null };
  listings: { state: RegimeState; until: IsoDate | null };
  acts: string[];
  alreadyListed: {
    name: string;
    id: string;
    kind: SanctionsTarget['kind'];
    listedName: string;
    since: IsoDate;
    acts: string[];
    incidents: string[];
    sources: Source[];
    /** The screening's verdict: 0..1, whether an officer must review it, and the listed name or alias it matched. */
    score: number;
    strong: boolean;
    matchedOn: string;
    /** e.g. "already listed since 2020-10-22 under Regulation 2020/1536 — strong match on 'Dmitry BADIN'". */
    summary: string;
  }[];
  stale: boolean;
  notes: string[];
}

const shortAct = (title: string) => title.replace(/^Council (Implementing )?/, '').replace(/\(EU\) |\(CFSP\) /, '');

/** The regime for an incident on `asOf`, with its identified persons and entities screened against the listings in force. */
export function planSanctions(data: SanctionsData, incident: { initiator: { identifiedPersons: readonly string[]; identifiedEntities: readonly string[] } }, asOf: IsoDate): PlanSanctions {
  const names = [...incident.initiator.identifiedPersons, ...incident.initiator.identifiedEntities];
  const { status, results } = screenAt(data, names, asOf);
  const byId = new Map(status.targets.map((t) => [t.id, t]));
  return {
    asOf,
    regime: { state: status.regime.state, until: status.regime.until },
    listings: { state: status.listings.state, until: status.listings.until },
    acts: [data.file.regime.decision.act, data.file.regime.regulation.act],
    alreadyListed: results.flatMap((r) => {
      const m = r.matches.find((x) => x.inForce);
      const t = m ? byId.get(m.targetId) : undefined;
      if (!m || !t) return [];
      const act = t.acts[1] ?? t.acts[0] ?? '';
      return [{
        name: r.query,
        id: t.id,
        kind: t.kind,
        listedName: t.name,
        since: t.since,
        acts: t.acts,
        incidents: t.incidents,
        sources: t.sources,
        score: m.score,
        strong: m.strong,
        matchedOn: m.matchedOn,
        summary: `already listed since ${t.since} under ${shortAct(act)} — ${m.strong ? 'strong' : 'possible'} match on '${m.matchedOn}'`,
      }];
    }),
    stale: status.stale,
    notes: status.notes,
  };
}
