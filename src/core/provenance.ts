// Provenance and time: every fact names its sources and the period it holds for.
import { z } from 'zod';
import { isValidIsoDate, isValidIsoMonth, toDate, type IsoDate } from './dates';
import { SEED_KEYS } from './vocabularies';

const isUrl = (v: string) => /^https?:\/\/\S+$/.test(v);

/** A citation: a key of the seed papers or a URL, plus where in it (section, appendix entry, article). */
export const Source = z.object({
  ref: z.string().refine((v) => (SEED_KEYS as readonly string[]).includes(v) || isUrl(v), {
    message: `must be one of ${SEED_KEYS.join(', ')} or an http(s) URL`,
  }),
  locator: z.string().min(1),
  /** A short marked quotation, when the wording matters. */
  quote: z.string().max(300).optional(),
  /**
   * Set by the API from the reviewed grades (data/sources/publishers.yaml), never written in data files: how far the
   * source can be relied on, and for a paper key the address of its published version.
   */
  grade: z.enum(['primary', 'secondary', 'low']).optional(),
  href: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

export const Sources = z.array(Source).min(1, 'every fact needs at least one source');

/**
 * A year (2014), a month ("2014-05", where the sources name no day) or a calendar date ("2014-03-26"). A year or a
 * month counts from its first day; it is shown as a year or a month, never as a day.
 */
export const DateOrYear = z.union([
  z.number().int().min(1900).max(2100),
  z.string().refine((v) => isValidIsoDate(v) || isValidIsoMonth(v), { message: 'expected YYYY-MM-DD or YYYY-MM' }),
]);
export type DateOrYear = z.infer<typeof DateOrYear>;

/**
 * A statement about an entry made at a later date than the entry itself ("still not ratified in 2016"), with its own
 * date and sources: a view as of a date shows only the notes dated by then, so that an early view says nothing learned
 * later while the entry keeps everything the sources say.
 */
export const DatedNote = z
  .object({
    date: DateOrYear,
    text: z.string().min(1),
    /** Set when the source named was not read for this statement and it still needs checking. */
    unverified: z.boolean().optional(),
    sources: Sources,
  })
  .strict();
export type DatedNote = z.infer<typeof DatedNote>;

/** The optional list of dated notes an entry may carry (see DatedNote). */
export const DatedNotes = z.array(DatedNote).optional();

/**
 * A value that holds from a date (and optionally until one), as a source reports it.
 * Where two sources disagree for different dates, both entries are kept.
 */
export function timed<T extends z.ZodType>(value: T) {
  return z.object({
    value,
    from: DateOrYear,
    until: DateOrYear.optional(),
    sources: Sources,
    note: z.string().optional(),
    /** Set when the fact comes from a hypothesis that still needs checking (see the research notes). */
    unverified: z.boolean().optional(),
    /** Set when `from` is the date a source first reported the fact in place, not its start (which the sources do not give). */
    reported: z.boolean().optional(),
    /** Later statements about the entry, each dated (the `note` says only what holds at `from`). */
    datedNotes: DatedNotes,
  });
}

export interface TimedEntry<V> {
  value: V;
  from: DateOrYear;
  until?: DateOrYear | undefined;
  sources: Source[];
  note?: string | undefined;
  unverified?: boolean | undefined;
  reported?: boolean | undefined;
  datedNotes?: DatedNote[] | undefined;
}

/** Whether a period covers a date. Without an as-of date, everything that has started is in. */
export function holdsAt(from: DateOrYear, until: DateOrYear | undefined, asOf: IsoDate | undefined): boolean {
  if (asOf === undefined) return until === undefined;
  if (toDate(from) > asOf) return false;
  return until === undefined || toDate(until) > asOf;
}

/**
 * The entry of a history that holds at a date: the latest-starting one that covers it.
 * Without an as-of date, the latest-starting entry overall.
 */
export function valueAt<V, E extends TimedEntry<V>>(history: readonly E[], asOf: IsoDate | undefined): E | undefined {
  const candidates = history.filter((e) =>
    asOf === undefined ? true : toDate(e.from) <= asOf && (e.until === undefined || toDate(e.until) > asOf),
  );
  return [...candidates].sort((a, b) => (toDate(a.from) < toDate(b.from) ? -1 : 1)).at(-1);
}

/** Whether something that began at `start` exists at the as-of date. */
export function startedBy(start: DateOrYear, asOf: IsoDate | undefined): boolean {
  return asOf === undefined || toDate(start) <= asOf;
}
