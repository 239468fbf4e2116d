// EuRepoC's political and legal responses, mapped by who acted: the EU, a member state, a third state or an
// international organisation. Only what the EU or its member states did becomes a toolbox measure; the rest is
// kept as a response by its actor. The reviewed table is data/exchange/eurepoc-responses.yaml.
import { isMemberStateAt } from '../toolbox/member-states';
import type { IsoDate } from '../dates';
import { countryCodeOf } from './country-names';
import { isNone, isoDay, splitList } from './dataset-cells';
import type { EurepocResponseTable } from './mapping-tables';

export type ResponseActorKind = 'eu' | 'member-state' | 'third-state' | 'international-organisation';

export interface ResponseObservation {
  kind: 'political' | 'legal';
  date: string | null;
  actor: string | null;
  country: string | null;
  /** Who acted, from the cells; null when they do not say, or disagree (then `review` says how). */
  actorKind: ResponseActorKind | null;
  type: string;
  subtype: string | null;
  /** The toolbox category, or null when the response is outside the toolbox (e.g. a resignation). */
  category: string | null;
  /** The toolbox measure when the response is one, and the EU or a member state took it. */
  measure: string | null;
  /** Why the actor could not be told: the cells disagree. */
  review?: string;
}

type Evidence = ResponseActorKind | 'state';

const clean = (v: string | undefined) => (isNone(v) ? null : (v as string).trim());

/** The table's rows by their value in lower case, the first the table lists; the EU actors' words in lower case. */
interface Lookups {
  prefixes: Map<string, EurepocResponseTable['prefixes'][number]>;
  countries: Map<string, EurepocResponseTable['countries'][number]>;
  euActors: string[];
  measures: Map<string, EurepocResponseTable['measures'][number]>;
  political: Map<string, EurepocResponseTable['politicalCategories'][number]>;
  legal: Map<string, EurepocResponseTable['legalCategories'][number]>;
}
const lookups = new WeakMap<EurepocResponseTable, Lookups>();

function byLowerCase<T>(rows: readonly T[], value: (row: T) => string): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of rows) if (!m.has(value(r).toLowerCase())) m.set(value(r).toLowerCase(), r);
  return m;
}

function lookupsOf(t: EurepocResponseTable): Lookups {
  let l = lookups.get(t);
  if (l) return l;
  l = {
    prefixes: byLowerCase(t.prefixes, (x) => x.prefix),
    countries: byLowerCase(t.countries, (x) => x.value),
    euActors: t.euActors.map((e) => e.match.toLowerCase()),
    measures: byLowerCase(t.measures, (m) => m.subtype),
    political: byLowerCase(t.politicalCategories, (c) => c.value),
    legal: byLowerCase(t.legalCategories, (c) => c.value),
  };
  lookups.set(t, l);
  return l;
}

/** Each cell's word on who acted: the type's prefix, the country, the actor's name. */
function evidence(t: EurepocResponseTable, prefix: string | null, country: string | null, actor: string | null, at: string): { from: string; kind: Evidence }[] {
  const out: { from: string; kind: Evidence }[] = [];
  const l = lookupsOf(t);
  const p = prefix ? l.prefixes.get(prefix.toLowerCase()) : undefined;
  if (p) out.push({ from: `type "${prefix}"`, kind: p.actor });
  if (country) {
    const c = l.countries.get(country.toLowerCase());
    const code = c ? undefined : countryCodeOf(country);
    const kind: Evidence | undefined = c ? c.actor : code ? (isMemberStateAt(code, at as IsoDate) ? 'member-state' : 'third-state') : undefined;
    if (kind) out.push({ from: `country "${country}"`, kind });
  }
  const lowerActor = actor?.toLowerCase();
  if (lowerActor && l.euActors.some((e) => lowerActor.includes(e))) out.push({ from: `actor "${actor}"`, kind: 'eu' });
  return out;
}

const agree = (a: Evidence, b: Evidence) => a === b || (a === 'state' && (b === 'member-state' || b === 'third-state')) || (b === 'state' && (a === 'member-state' || a === 'third-state'));

/** Who acted, or null with the disagreement when the cells contradict each other. */
export function responseActor(t: EurepocResponseTable, prefix: string | null, country: string | null, actor: string | null, at: string): { kind: ResponseActorKind | null; review?: string } {
  const ev = evidence(t, prefix, country, actor, at);
  for (let i = 0; i < ev.length; i++) {
    for (let j = i + 1; j < ev.length; j++) {
      const a = ev[i] as { from: string; kind: Evidence };
      const b = ev[j] as { from: string; kind: Evidence };
      if (!agree(a.kind, b.kind)) return { kind: null, review: `${a.from} says ${a.kind}, ${b.from} says ${b.kind}` };
    }
  }
  const specific = ev.find((e) => e.kind !== 'state');
  return { kind: specific ? (specific.kind as ResponseActorKind) : null };
}

function observe(t: EurepocResponseTable, o: Omit<ResponseObservation, 'actorKind' | 'measure' | 'category'> & { prefix: string | null; category: string | null }, start: string): ResponseObservation {
  const who = responseActor(t, o.prefix, o.country, o.actor, o.date ?? start);
  const row = o.subtype ? lookupsOf(t).measures.get(o.subtype.toLowerCase()) : undefined;
  const byEu = who.kind === 'eu' || (who.kind === 'member-state' && !row?.eu);
  const { prefix: _prefix, ...rest } = o;
  return { ...rest, actorKind: who.kind, category: row?.category ?? o.category, measure: row && byEu ? row.measure : null, ...(who.review ? { review: who.review } : {}) };
}

/** The political responses of a row of the global database, in the order of its parallel lists. */
export function politicalResponses(t: EurepocResponseTable, row: Record<string, string>, start: string): ResponseObservation[] {
  const types = splitList(row.political_response_type ?? '');
  const subs = splitList(row.political_response_type_subcode ?? '');
  const dates = splitList(row.political_response_date ?? '');
  const countries = splitList(row.political_response_country ?? '');
  const actors = splitList(row.political_response_actor ?? '');
  return types.flatMap((type, i) => {
    if (isNone(type)) return [];
    const [prefix = '', what = ''] = type.split(':').map((s) => s.trim());
    const category = lookupsOf(t).political.get(what.toLowerCase())?.category ?? null;
    return [observe(t, { kind: 'political', date: isoDay(dates[i]) ?? null, actor: clean(actors[i]), country: clean(countries[i]), type, subtype: clean(subs[i]), prefix: prefix || null, category }, start)];
  });
}

/** The legal responses of a row; "No justification under IL" is the codebook's none. */
export function legalResponses(t: EurepocResponseTable, row: Record<string, string>, start: string): ResponseObservation[] {
  const types = splitList(row.legal_response_type ?? '');
  const subs = splitList(row.legal_response_type_subcode ?? '');
  const dates = splitList(row.legal_response_date ?? '');
  const countries = splitList(row.legal_response_country ?? '');
  const actors = splitList(row.legal_response_actor ?? '');
  return types.flatMap((type, i) => {
    if (isNone(type) || type === 'No justification under IL') return [];
    const category = lookupsOf(t).legal.get(type.toLowerCase())?.category ?? null;
    return [observe(t, { kind: 'legal', date: isoDay(dates[i]) ?? null, actor: clean(actors[i]), country: clean(countries[i]), type, subtype: clean(subs[i]), prefix: null, category }, start)];
  });
}
