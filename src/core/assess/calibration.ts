// Calibration against the papers (data/assessment/calibration.yaml): the rankings the papers' wording gives, partner by partner,
// compared with the engine's scores pair by pair (a partner of a higher tier scored at or below one of a lower tier is a
// departure, unless the file tolerates it with its reason) and as a rank correlation (Spearman, ties at their average rank).
import { z } from 'zod';
import { SEED_KEYS, StrategicPartnerId } from '../vocabularies';
import { parseOrThrow } from '../zod-issues';
import type { Assessment } from './engine';

const Placed = z
  .object({
    partner: StrategicPartnerId,
    /** 1 = the most; partners the wording does not tell apart share a tier. */
    tier: z.number().int().min(1),
    /** The paper's words that place the partner, quoted short. */
    words: z.string().min(1).max(300),
    locator: z.string().min(1),
  })
  .strict();

/** A departure the review keeps, with why: `tie` allows the two scores to be equal, `below` allows the higher tier under. */
const Tolerated = z
  .object({
    higher: StrategicPartnerId,
    lower: StrategicPartnerId,
    allow: z.enum(['tie', 'below']),
    reason: z.string().min(1),
    locator: z.string().min(1),
  })
  .strict();

export const CalibrationMeasure = z.enum(['cooperation', 'maturity']);
export type CalibrationMeasure = z.infer<typeof CalibrationMeasure>;

const Ranking = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    ref: z.enum(SEED_KEYS),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    measure: CalibrationMeasure,
    rationale: z.string().min(1),
    placed: z.array(Placed).min(2),
    tolerated: z.array(Tolerated).default([]),
  })
  .strict()
  .refine((r) => new Set(r.placed.map((p) => p.partner)).size === r.placed.length, { message: 'a partner is placed twice', path: ['placed'] })
  .refine(
    (r) =>
      r.tolerated.every((t) => {
        const tier = (id: string) => r.placed.find((p) => p.partner === id)?.tier;
        const [hi, lo] = [tier(t.higher), tier(t.lower)];
        return hi !== undefined && lo !== undefined && hi < lo;
      }),
    { message: 'a tolerated pair must name two placed partners, the higher-tier one first', path: ['tolerated'] },
  );
export type CalibrationRanking = z.infer<typeof Ranking>;

export const CalibrationFile = z.object({ rankings: z.array(Ranking).min(1) }).strict();
export type CalibrationFile = z.infer<typeof CalibrationFile>;

export function parseCalibrationFile(raw: unknown, name: string): CalibrationFile {
  return parseOrThrow(CalibrationFile, raw, 'corrupt_data', `data file ${name}`);
}

/** Ranks 1..n, highest value first; tied values share their average rank. */
export function averageRanks(values: number[], higherFirst = true): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => (higherFirst ? b.v - a.v : a.v - b.v));
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    for (let k = start; k <= end; k++) ranks[order[k]!.i] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return ranks;
}

/** Spearman's rank correlation with ties: Pearson's correlation of the average ranks (0 when either side has no spread). */
export function spearman(a: number[], b: number[]): number {
  const n = a.length;
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / n;
  const ma = mean(a);
  const mb = mean(b);
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    cov += (a[i]! - ma) * (b[i]! - mb);
    va += (a[i]! - ma) ** 2;
    vb += (b[i]! - mb) ** 2;
  }
  return va === 0 || vb === 0 ? 0 : cov / Math.sqrt(va * vb);
}

export interface CalibrationRow {
  partner: string;
  tier: number;
  words: string;
  locator: string;
  /** The paper's rank (tiers at their average rank) and the engine's, among the partners placed. */
  paperRank: number;
  engineRank: number;
  score: number;
}

export interface CalibrationResult {
  id: string;
  asOf: string;
  measure: CalibrationMeasure;
  rows: CalibrationRow[];
  spearman: number;
  /** Every pair the engine orders against the paper's tiers, each with the review's tolerance if it has one. */
  departures: Departure[];
}

export interface Departure {
  higher: CalibrationRow;
  lower: CalibrationRow;
  /** `tie`: scored the same; `below`: the higher tier scored lower. */
  kind: 'tie' | 'below';
  /** The review's reason for keeping it, when calibration.yaml gives one that allows this kind. */
  tolerated?: { reason: string; locator: string };
}

/** Each pair of partners placed in different tiers that the engine does not score in the paper's order. */
export function departures(rows: CalibrationRow[], tolerated: CalibrationRanking['tolerated']): Departure[] {
  const found: Departure[] = [];
  for (const higher of rows) {
    for (const lower of rows) {
      if (higher.tier >= lower.tier || higher.score > lower.score) continue;
      const kind = higher.score === lower.score ? 'tie' : 'below';
      const t = tolerated.find((x) => x.higher === higher.partner && x.lower === lower.partner && (x.allow === 'below' || kind === 'tie'));
      found.push({ higher, lower, kind, ...(t ? { tolerated: { reason: t.reason, locator: t.locator } } : {}) });
    }
  }
  return found;
}

const scoreOf = (a: Assessment, measure: CalibrationMeasure) => (measure === 'maturity' ? a.maturity : a.dimensions.cooperation.score);

/** Compares the engine's assessments (as of the ranking's date) with the ranking the paper's wording gives. */
export function calibrate(ranking: CalibrationRanking, assessments: Assessment[]): CalibrationResult {
  const placed = ranking.placed.filter((p) => assessments.some((a) => a.id === p.partner));
  const scores = placed.map((p) => scoreOf(assessments.find((a) => a.id === p.partner)!, ranking.measure));
  const paper = averageRanks(placed.map((p) => p.tier), false);
  const engine = averageRanks(scores);
  const rows = placed.map((p, i) => ({ partner: p.partner, tier: p.tier, words: p.words, locator: p.locator, paperRank: paper[i]!, engineRank: engine[i]!, score: scores[i]! }));
  return { id: ranking.id, asOf: ranking.asOf, measure: ranking.measure, rows, spearman: spearman(paper, engine), departures: departures(rows, ranking.tolerated) };
}
