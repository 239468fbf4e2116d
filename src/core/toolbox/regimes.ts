// The states under EU restrictive measures (data/toolbox/restrictive-regimes.yaml), dated: export controls on
// dual-use items tighten for them (bendiek2018, "Export Controls"). Reviewed data; UNVERIFIED entries say so.
import { z } from 'zod';
import { isValidIsoDate, type IsoDate } from '../dates';
import { Sources } from '../provenance';

const Day = z.string().refine(isValidIsoDate, { message: 'expected a calendar date YYYY-MM-DD' });

export const RestrictiveRegime = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id'),
    /** ISO 3166-1 alpha-2 of the state the regime targets. */
    state: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in capitals'),
    title: z.string().min(1),
    /** The act that set the regime up. */
    act: z.string().min(1),
    from: Day,
    until: Day.optional(),
    /** An arms embargo or sectoral measures reach exports of dual-use items; listings of persons alone do not. */
    coversDualUse: z.boolean(),
    sources: Sources,
    unverified: z.boolean().default(false),
    note: z.string().optional(),
  })
  .strict();
export type RestrictiveRegime = z.infer<typeof RestrictiveRegime>;

export const RestrictiveRegimesFile = z.object({ regimes: z.array(RestrictiveRegime) }).strict();
export type RestrictiveRegimesFile = z.infer<typeof RestrictiveRegimesFile>;

/** The regimes in force against a state on a date. */
export function regimesAgainst(file: RestrictiveRegimesFile, state: string | null, date: IsoDate): RestrictiveRegime[] {
  if (state === null) return [];
  return file.regimes.filter((r) => r.state === state && r.from <= date && (r.until === undefined || date <= r.until));
}
