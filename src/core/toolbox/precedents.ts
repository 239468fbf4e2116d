// Precedents: the past incidents most like the one at hand, with what the EU and its member states did and how long
// attribution and response took ("what did we do last time?"). Candidates come from reviewed data
// (data/toolbox/precedents.yaml: the incidents the sanctions listings and the papers name) and from the registry
// (recorded and imported incidents). The similarity is a sum of named points, each shown as a reason.
import { z } from 'zod';
import { isValidIsoDate } from '../dates';
import { Sources, type Source } from '../provenance';
import { ThreatCategory } from '../vocabularies';
import { AttributionKind, AttributorType, InitiatorType, type IncidentInput } from './incident';
import { sectorInfo, VictimSector } from './sectors';
import { countryNameOf } from '../exchange/country-names';
import { labelOf } from '../labels';

/** A year, a month or a day: the precision the sources give, never more. */
const Partial = z.string().refine((v) => /^\d{4}(-\d{2})?$/.test(v) || isValidIsoDate(v), { message: 'expected YYYY, YYYY-MM or YYYY-MM-DD' });

/** Who acted in a response: only what the EU or its member states did maps to a measure of the toolbox. */
export const ResponderType = z.enum(['eu', 'member-state', 'third-state', 'international-organisation', 'other']);

export const Precedent = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id'),
    title: z.string().min(1),
    start: Partial,
    /** When it was found (by the victim, its authorities or a security firm), to the precision the sources give. */
    detected: Partial.optional(),
    /** When it was first made public; a plan made before that day does not know the precedent. */
    disclosed: Partial.optional(),
    category: ThreatCategory,
    victims: z.array(z.object({ country: z.string().regex(/^[A-Z]{2}$/), sector: VictimSector, name: z.string().optional() }).strict()).min(1),
    effects: z
      .object({
        severity: z.string().min(1),
        attempted: z.boolean().default(false),
        disruptsEssentialServices: z.boolean().default(false),
        physicalDamage: z.boolean().default(false),
        dataStolen: z.boolean().default(false),
      })
      .strict(),
    initiator: z.object({ type: InitiatorType, country: z.string().regex(/^[A-Z]{2}$/).nullable(), name: z.string().optional() }).strict(),
    attribution: z.array(z.object({ kind: AttributionKind, by: z.string().min(1), byType: AttributorType, date: Partial.optional() }).strict()).default([]),
    responses: z
      .array(
        z
          .object({
            date: Partial,
            by: z.string().min(1),
            byType: ResponderType,
            /** The toolbox measure it was, when the EU or a member state took it. */
            measure: z.string().optional(),
            what: z.string().min(1),
            act: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
    sources: Sources,
    unverified: z.boolean().default(false),
    note: z.string().optional(),
  })
  .strict();
export type Precedent = z.infer<typeof Precedent>;

export const PrecedentsFile = z.object({ precedents: z.array(Precedent) }).strict();
export type PrecedentsFile = z.infer<typeof PrecedentsFile>;

/** A candidate as the ranking sees it, from reviewed data or from the registry. */
export interface Candidate {
  id: string;
  origin: 'reviewed' | 'registry';
  title: string;
  start: string;
  /** When it was found and when it was made public, where recorded (a year, a month or a day). */
  detected?: string | undefined;
  disclosed?: string | undefined;
  category: string;
  victims: { country: string; sector: string }[];
  initiator: { type: string; country: string | null };
  effects: { severity: string; attempted: boolean; disruptsEssentialServices: boolean; physicalDamage: boolean; dataStolen: boolean };
  attribution: { kind: string; by: string; byType?: string | undefined; date?: string | undefined }[];
  responses: { date: string; by: string; byType?: string | undefined; measure?: string | undefined; what: string; act?: string | undefined }[];
  sources: Source[];
  unverified: boolean;
}

export interface RankedPrecedent {
  id: string;
  origin: 'reviewed' | 'registry';
  title: string;
  start: string;
  /** 0..1: the points scored over the points possible. */
  score: number;
  points: number;
  why: string[];
  attribution: Candidate['attribution'];
  responses: Candidate['responses'];
  /** Days from the start to the first political or legal attribution, when both are dated to the day. */
  daysToAttribution: number | null;
  /** Days from the start to the first response by the EU or a member state, when both are dated to the day. */
  daysToResponse: number | null;
  sources: Source[];
  unverified: boolean;
}

export function candidateFromPrecedent(p: Precedent): Candidate {
  return { ...p, origin: 'reviewed', attribution: p.attribution, responses: p.responses };
}

export function candidateFromIncident(id: string, i: IncidentInput): Candidate {
  return {
    id,
    origin: 'registry',
    title: i.title,
    start: i.start,
    detected: i.detected,
    disclosed: i.disclosed,
    category: i.category,
    victims: i.victims.map((v) => ({ country: v.country, sector: v.sector })),
    initiator: { type: i.initiator.type, country: i.initiator.country },
    effects: {
      severity: i.effects.severity,
      attempted: i.effects.attempted,
      disruptsEssentialServices: i.effects.disruptsEssentialServices,
      physicalDamage: i.effects.physicalDamage,
      dataStolen: i.effects.dataStolen,
    },
    attribution: i.attribution.map((a) => ({ kind: a.kind, by: a.by, byType: a.byType, date: a.date })),
    responses: i.responses.map((r) => ({ date: r.date, by: r.by, measure: r.measure, what: r.note ?? r.measure })),
    sources: i.sources ?? [],
    unverified: false,
  };
}

/** The points of the similarity, in the order they are shown. */
export const SIMILARITY_POINTS = {
  category: 3,
  initiatorState: 3,
  initiatorType: 1,
  sector: 2,
  victimCountry: 1,
  attempted: 1,
  effect: 1,
  severity: 1,
} as const;
const EFFECT_FLAGS = ['disruptsEssentialServices', 'physicalDamage', 'dataStolen'] as const;
const EFFECT_WORDS: Record<(typeof EFFECT_FLAGS)[number], string> = {
  disruptsEssentialServices: 'both disrupted essential services',
  physicalDamage: 'both caused physical damage',
  dataStolen: 'data were stolen in both',
};
const MAX_POINTS = Object.values(SIMILARITY_POINTS).reduce((a, b) => a + b, 0) + (EFFECT_FLAGS.length - 1) * SIMILARITY_POINTS.effect;

const days = (from: string, to: string | undefined): number | null => {
  if (to === undefined || !isValidIsoDate(from) || !isValidIsoDate(to)) return null;
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
};

/** A sector in words (a candidate's sector is a string: registry incidents are read back, not parsed again). */
function sectorWords(sector: string): string {
  const known = VictimSector.safeParse(sector);
  return known.success ? sectorInfo(known.data).label : labelOf(sector);
}

function similarity(x: IncidentInput, c: Candidate): { points: number; why: string[] } {
  const why: string[] = [];
  let points = 0;
  const add = (p: number, text: string) => {
    points += p;
    why.push(`${text} (+${p})`);
  };
  if (x.category === c.category) add(SIMILARITY_POINTS.category, `same category: ${labelOf(c.category)}`);
  if (x.initiator.country !== null && x.initiator.country === c.initiator.country) add(SIMILARITY_POINTS.initiatorState, `same initiator state: ${countryNameOf(c.initiator.country)}`);
  if (x.initiator.type !== 'unknown' && x.initiator.type === c.initiator.type) add(SIMILARITY_POINTS.initiatorType, `same kind of initiator: ${labelOf(c.initiator.type)}`);
  const sectors = new Set<string>(x.victims.map((v) => v.sector));
  const shared = [...new Set(c.victims.map((v) => v.sector).filter((s) => sectors.has(s)))];
  if (shared.length) add(SIMILARITY_POINTS.sector, `victims in the same sector: ${shared.map(sectorWords).join(', ')}`);
  const countries = new Set(x.victims.map((v) => v.country));
  const sharedCountries = [...new Set(c.victims.map((v) => v.country).filter((v) => countries.has(v)))];
  if (sharedCountries.length) add(SIMILARITY_POINTS.victimCountry, `same victim country: ${sharedCountries.map((v) => countryNameOf(v)).join(', ')}`);
  if (x.effects.attempted && c.effects.attempted) add(SIMILARITY_POINTS.attempted, 'both were attempts');
  for (const flag of EFFECT_FLAGS) if (x.effects[flag] && c.effects[flag]) add(SIMILARITY_POINTS.effect, EFFECT_WORDS[flag]);
  if (x.effects.severity === c.effects.severity) add(SIMILARITY_POINTS.severity, `same severity: ${labelOf(c.effects.severity)}`);
  return { points, why };
}

/** A precedent must share what the case is about, its category or the state behind it; sector, victim and severity alone do not make it comparable. */
const sharesCategoryOrState = (x: IncidentInput, c: Candidate): boolean =>
  x.category === c.category || (x.initiator.country !== null && x.initiator.country === c.initiator.country);

/**
 * The first day a candidate can have been known to a plan: its disclosure, else its detection, else its start (a
 * campaign found or made public years after it began, as Operation Cloud Hopper, is no precedent before then).
 */
export const candidateKnownFrom = (c: Pick<Candidate, 'start' | 'detected' | 'disclosed'>): string => c.disclosed ?? c.detected ?? c.start;

/**
 * A candidate as it was known on `asOf`: none if it was not yet known (`candidateKnownFrom`); otherwise without the
 * attributions and responses dated after that day (an undated attribution is kept: it cannot be earlier than the
 * candidate's detection or disclosure, which came by then). Dates of a year or a month compare by their ISO prefix, so
 * "2018" is after 2017-12-31 and "2017" is not after 2017-06-30.
 */
export function candidateKnownOn(c: Candidate, asOf: string): Candidate | null {
  if (candidateKnownFrom(c) > asOf) return null;
  const attribution = c.attribution.filter((a) => a.date === undefined || a.date <= asOf);
  const responses = c.responses.filter((r) => r.date <= asOf);
  return attribution.length === c.attribution.length && responses.length === c.responses.length ? c : { ...c, attribution, responses };
}

/**
 * The `limit` most comparable candidates, best first (ties: the more recent first). A candidate counts only if it
 * shares the category or the initiator state (points from sector, victim country or severity add to those but do
 * not replace them); the incident itself (same id) is left out. With `asOf` (a plan's date), only what was known on
 * that day is ranked (`candidateKnownOn`).
 */
export function rankPrecedents(x: IncidentInput, candidates: readonly Candidate[], opts: { limit?: number; selfId?: string; asOf?: string } = {}): RankedPrecedent[] {
  const known = opts.asOf === undefined ? candidates : candidates.flatMap((c) => candidateKnownOn(c, opts.asOf as string) ?? []);
  return known
    .filter((c) => c.id !== opts.selfId && !(c.title === x.title && c.start === x.start) && sharesCategoryOrState(x, c))
    .map((c) => ({ c, ...similarity(x, c) }))
    .sort((a, b) => b.points - a.points || b.c.start.localeCompare(a.c.start) || a.c.id.localeCompare(b.c.id))
    .slice(0, opts.limit ?? 5)
    .map(({ c, points, why }) => {
      const firstAttribution = c.attribution.filter((a) => a.kind !== 'technical' && a.date !== undefined).map((a) => a.date as string).sort()[0];
      const firstResponse = c.responses.filter((r) => r.byType === undefined || r.byType === 'eu' || r.byType === 'member-state').map((r) => r.date).sort()[0];
      return {
        id: c.id,
        origin: c.origin,
        title: c.title,
        start: c.start,
        score: Math.round((points / MAX_POINTS) * 100) / 100,
        points,
        why,
        attribution: c.attribution,
        responses: c.responses,
        daysToAttribution: days(c.start, firstAttribution),
        daysToResponse: days(c.start, firstResponse),
        sources: c.sources,
        unverified: c.unverified,
      };
    });
}
