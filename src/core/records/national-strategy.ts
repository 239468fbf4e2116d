// A partner's national cybersecurity strategies (and the EU's own), each dated as precisely as its sources date it.
import { z } from 'zod';
import { DateOrYear, DatedNotes, Sources } from '../provenance';
import { PartnerId } from '../vocabularies';

const Slug = z.string().regex(/^[a-z0-9-]+$/);

/** The id the EU's own entries are filed under in data/national-strategies.yaml (no partner has it). */
export const EU_OWNER = 'EU';

export const NationalStrategy = z
  .object({
    id: Slug,
    title: z.string().min(1),
    /**
     * When it was adopted: a year (2013), a month ("2003-02") or a day ("2010-10-03"). Its form is its precision: a
     * year is shown as a year, never as 1 January.
     */
    adopted: DateOrYear,
    /**
     * The date exactly as the source writes it (YYYYMMDD), where `adopted` reads it with less precision than it shows:
     * a dataset that writes 20130101 for a strategy of 2013 gives no day. Such a reading is an inference, shown as one.
     */
    dateAsGiven: z.string().regex(/^\d{8}$/, 'must be YYYYMMDD as the source writes it').optional(),
    /** For the EU's entries: the strategy of data/eu-framework.yaml this is (its date must be the same). */
    frameworkStrategy: Slug.optional(),
    note: z.string().optional(),
    /** Set when the entry rests on a hypothesis of the research notes or on a low-grade source only. */
    unverified: z.boolean().optional(),
    sources: Sources,
  })
  .strict();
export type NationalStrategy = z.infer<typeof NationalStrategy>;

/** How many strategies a dataset counts for a partner over a period, which may be more than the entries dated here. */
export const StrategyCount = z
  .object({
    count: z.number().int().min(0),
    /** The period the count covers, e.g. "2000-2024"; the count is known from the end of its last year. */
    period: z.string().regex(/^\d{4}-\d{4}$/, 'must be YYYY-YYYY'),
    sources: Sources,
    /**
     * Required when the count is more than the entries dated within its period: what is known of the strategies no
     * source held here dates (their date is unknown), so that a view says so instead of leaving them out.
     */
    undated: z
      .object({
        note: z.string().min(1),
        /** Set when the note rests on an inference (e.g. which of the counted strategies an entry dated here is). */
        unverified: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type StrategyCount = z.infer<typeof StrategyCount>;

export const PartnerStrategies = z
  .object({
    /** A partner id of data/partnerships, or EU for the Union's own strategies. */
    partner: PartnerId,
    strategies: z.array(NationalStrategy).min(1),
    counted: StrategyCount.optional(),
    /** What a source says of the partner's strategies at a date (a paper of 2014: "just starting to develop"). */
    datedNotes: DatedNotes,
  })
  .strict();
export type PartnerStrategies = z.infer<typeof PartnerStrategies>;

export const NationalStrategiesFile = z.object({ partners: z.array(PartnerStrategies) }).strict();
export type NationalStrategiesFile = z.infer<typeof NationalStrategiesFile>;

/** A record's type guard, for values read back from the store or a curated change. */
export const isNationalStrategy = (v: unknown): v is NationalStrategy => NationalStrategy.safeParse(v).success;
