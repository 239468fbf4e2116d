// Member states' population figures per year for Council votes, as declared in data/council/population.yaml.
import { z } from 'zod';
import { Sources } from '../provenance';
import { MEMBER_STATE_CODES } from './member-states';

const StateFigure = z
  .object({
    /** Percent of the EU population as published (rounded). */
    share: z.number().positive().max(100).optional(),
    /** Absolute population, where the Council's Annex III figure is known. */
    population: z.number().int().positive().optional(),
  })
  .strict()
  .refine((f) => f.share !== undefined || f.population !== undefined, { message: 'give a share or a population' });

export const PopulationYear = z
  .object({
    year: z.number().int().min(2014).max(2100),
    basis: z.string().min(1),
    total: z.number().int().positive().optional(),
    sources: Sources,
    note: z.string().optional(),
    unverified: z.boolean().default(false),
    states: z.record(z.string(), StateFigure),
  })
  .strict()
  .superRefine((y, ctx) => {
    const keys = Object.keys(y.states);
    for (const key of keys) {
      if (!MEMBER_STATE_CODES.includes(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['states', key],
          message: `"${key}" is not a member state code; expected one of ${MEMBER_STATE_CODES.join(', ')} (Greece as GR)`,
        });
      }
    }
    const missing = MEMBER_STATE_CODES.filter((code) => !keys.includes(code));
    if (missing.length > 0) ctx.addIssue({ code: 'custom', path: ['states'], message: `missing member states: ${missing.join(', ')}` });
  });
export type PopulationYear = z.infer<typeof PopulationYear>;

export const PopulationFile = z
  .object({
    years: z
      .array(PopulationYear)
      .min(1)
      .superRefine((years, ctx) => {
        const seen = new Set<number>();
        years.forEach((y, i) => {
          if (seen.has(y.year)) ctx.addIssue({ code: 'custom', path: [i, 'year'], message: `year ${y.year} appears twice` });
          seen.add(y.year);
        });
      }),
  })
  .strict();
export type PopulationFile = z.infer<typeof PopulationFile>;

export interface PopulationWeights {
  /** Integer weight per member state: its population, or its share in hundredths of a percent. */
  weights: ReadonlyMap<string, number>;
  unit: 'population' | 'share';
}

/**
 * The weights a vote counts with. Absolute figures when every state has one; otherwise the published
 * shares, as integers (hundredths of a percent) so that threshold comparisons are exact.
 */
export function populationWeights(year: PopulationYear): PopulationWeights {
  const figures = MEMBER_STATE_CODES.map((code) => [code, figureOf(year, code)] as const);
  const absolute = figures.every(([, f]) => f.population !== undefined);
  const weights = new Map(
    figures.map(([code, f]) => [code, absolute ? (f.population ?? 0) : Math.round((f.share ?? 0) * 100)]),
  );
  return { weights, unit: absolute ? 'population' : 'share' };
}

function figureOf(year: PopulationYear, code: string) {
  const figure = year.states[code];
  if (!figure) throw new Error(`population figure missing for ${code}`);
  return figure;
}
