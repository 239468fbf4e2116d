// Member states' population figures per year for Council votes, as declared in data/council/population.yaml.
import { z } from 'zod';
import { yearStart } from '../dates';
import { Sources } from '../provenance';
import { memberStatesAt } from './member-states';

/** The Council's members in a year of figures: the member states on 1 January of that year (Annex III applies from then). */
export function councilMembersOf(year: number): string[] {
  return memberStatesAt(yearStart(year)).map((m) => m.code);
}

const StateFigure = z
  .object({
    /** Percent of the EU population as published (rounded). */
    share: z.number().positive().max(100).optional(),
    /** Absolute population, where the Council's Annex III figure is known. */
    population: z.number().int().positive().optional(),
    /** Set where the figure is an estimate still to be checked against the Council's decision for the year. */
    unverified: z.boolean().optional(),
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
    // The year's own Council: 28 members up to 2020 (the UK left on 31 January 2020), 27 from 2021.
    const members = councilMembersOf(y.year);
    const keys = Object.keys(y.states);
    for (const key of keys) {
      if (!members.includes(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['states', key],
          message: `"${key}" is not a member state on 1 January ${y.year}; expected one of ${members.join(', ')} (ISO codes, Greece as GR)`,
        });
      }
    }
    const missing = members.filter((code) => !keys.includes(code));
    if (missing.length > 0) ctx.addIssue({ code: 'custom', path: ['states'], message: `missing member states for ${y.year}: ${missing.join(', ')}` });
    const estimated = keys.filter((k) => y.states[k]?.unverified);
    if (estimated.length > 0 && !y.unverified) {
      ctx.addIssue({ code: 'custom', path: ['unverified'], message: `figures of ${estimated.join(', ')} are marked unverified, so the year must be too` });
    }
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
  const figures = councilMembersOf(year.year).map((code) => [code, figureOf(year, code)] as const);
  const absolute = figures.every(([, f]) => f.population !== undefined);
  const weights = new Map(
    figures.map(([code, f]) => [code, absolute ? (f.population ?? 0) : Math.round((f.share ?? 0) * 100)]),
  );
  return { weights, unit: absolute ? 'population' : 'share' };
}

/**
 * Each member's share of the Union's population in percent: the published share where the year has one,
 * otherwise computed from the absolute figures (two decimals), or null when neither is known.
 */
export function populationShares(year: PopulationYear): Map<string, number | null> {
  const codes = councilMembersOf(year.year);
  const total = codes.reduce((sum, code) => sum + (year.states[code]?.population ?? Number.NaN), 0);
  return new Map(
    codes.map((code) => {
      const f = year.states[code];
      const computed = f?.population !== undefined && Number.isFinite(total) ? Math.round((f.population / total) * 10000) / 100 : null;
      return [code, f?.share ?? computed];
    }),
  );
}

function figureOf(year: PopulationYear, code: string) {
  const figure = year.states[code];
  if (!figure) throw new Error(`population figure missing for ${code}`);
  return figure;
}
