// Who takes part in a Council vote on a subject: member states that by a protocol take no part in some decisions
// (Denmark in those with defence implications until 1 July 2022), read from data/council/voting-rules.yaml on the
// vote's day. The simulator leaves them out of the vote and says why.
import { z } from 'zod';
import { isValidIsoDate } from '../dates';
import { AppError } from '../errors';
import { Sources, type Source } from '../provenance';
import { memberState } from './member-states';

/** The subjects on which some member states take no part. */
export const VoteSubject = z.enum(['defence-implications']);
export type VoteSubject = z.infer<typeof VoteSubject>;

const Day = z.string().refine(isValidIsoDate, 'expected a calendar date YYYY-MM-DD');

/**
 * Under unanimity, whom a third of qualified abstentions (Art. 31(1) TEU) is counted over while the state stays out:
 * all the member states and the Union's whole population, or only those taking part and their population.
 */
const ConstructiveAbstentionBase = z
  .object({
    among: z.enum(['participants', 'all-members']),
    text: z.string().min(1),
    unverified: z.boolean().default(false),
    note: z.string().optional(),
  })
  .strict();
export type ConstructiveAbstentionBase = z.infer<typeof ConstructiveAbstentionBase>;

export const NonParticipation = z
  .object({
    state: z.string().regex(/^[A-Z]{2}$/),
    subject: VoteSubject,
    /** The last day the state stays out; absent while it still does. */
    until: Day.optional(),
    basis: z.string().min(1),
    text: z.string().min(1),
    sources: Sources,
    unverified: z.boolean().default(false),
    note: z.string().optional(),
    constructiveAbstention: ConstructiveAbstentionBase.optional(),
  })
  .strict();
export type NonParticipation = z.infer<typeof NonParticipation>;

export interface ParticipationException {
  state: string;
  subject: VoteSubject;
  basis: string;
  text: string;
  sources: Source[];
  unverified: boolean;
  note?: string;
  constructiveAbstention?: ConstructiveAbstentionBase;
}

/**
 * The exceptions that hold for a vote on `subjects`: on `date` when given; otherwise in `year`, which must then lie
 * wholly before or after an exception's last day (a vote in the year an opt-out ended needs its day).
 */
export function exceptionsFor(all: readonly NonParticipation[], subjects: readonly VoteSubject[], when: { date?: string | undefined; year: number }): ParticipationException[] {
  return all
    .filter((x) => subjects.includes(x.subject))
    .filter((x) => {
      if (x.until === undefined) return true;
      if (when.date !== undefined) return when.date <= x.until;
      const endYear = Number(x.until.slice(0, 4));
      if (when.year === endYear && !x.until.endsWith('-12-31')) {
        const name = memberState(x.state)?.name ?? x.state;
        const message = `${name} takes part in decisions with ${x.subject.replace('-', ' ')} only from the day after ${x.until}; give the vote's date ({{date}}) for a vote in ${when.year}`;
        throw new AppError('invalid_vote', `Invalid vote: date: ${message}`, [{ path: 'date', message }]);
      }
      return when.year <= endYear;
    })
    .map((x) => ({ state: x.state, subject: x.subject, basis: x.basis, text: x.text, sources: x.sources, unverified: x.unverified, ...(x.note ? { note: x.note } : {}), ...(x.constructiveAbstention ? { constructiveAbstention: x.constructiveAbstention } : {}) }));
}
