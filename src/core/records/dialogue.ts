// A dialogue in which the EU meets one or more strategic partners, at a level, on closed-vocabulary topics; its dated
// meetings (rounds) carry what each took up, so that a view as of a date shows only the rounds held by then.
import { z } from 'zod';
import { DateOrYear, Sources, timed } from '../provenance';
import { DialogueLevel, DialogueStatus, Frequency, PartnerId, Topic } from '../vocabularies';

/**
 * The multilateral processes and fora a meeting of a dialogue can take up (a shared forum on norms of responsible
 * behaviour, confidence-building or cyber-crime): the UN processes by name, the others by their membership id.
 */
export const Forum = z.enum([
  'un-gge',
  'un-oewg',
  'un-programme-of-action',
  'un-cybercrime-convention',
  'budapest-convention',
  'g7',
  'g20',
  'osce',
  'asean-regional-forum',
  'london-process',
  'freedom-online-coalition',
  'paris-call',
  'igf',
]);
export type Forum = z.infer<typeof Forum>;

/** One dated meeting (a round) of a dialogue, with what the sources say it took up. */
export const DialogueMeeting = z.object({
  date: DateOrYear,
  /** Which meeting, as the sources name it: "6th round, Tokyo". */
  title: z.string().min(1),
  topics: z.array(Topic).default([]),
  fora: z.array(Forum).default([]),
  summary: z.string().optional(),
  /** Set when only a low-quality or unchecked source reports the meeting: shown apart, never counted. */
  unverified: z.boolean().optional(),
  sources: Sources,
});
export type DialogueMeeting = z.infer<typeof DialogueMeeting>;

export const Dialogue = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** The strategic partners taking part besides the EU (two for a trilateral such as EU-US-Canada). */
  partners: z.array(PartnerId).min(1),
  /** Other participants that are not strategic partners (ids of actors or plain names). */
  thirdParties: z.array(z.string()).default([]),
  level: DialogueLevel,
  frequency: Frequency,
  topics: z.array(Topic).min(1),
  /** Whether the dialogue is dedicated to cyber issues rather than touching on them among others. */
  cyberSpecific: z.boolean(),
  /**
   * Year or date the dialogue was set up (its first meeting when known). Left out when the sources do not say: the
   * dialogue is then "first reported" at its first status entry, never "started" then.
   */
  established: DateOrYear.optional(),
  /**
   * Status over time; the dialogue exists in the product from its first entry. `suspended` and `ended` as the sources
   * say; `unknown` from when the review stops assuming a dialogue continues that no later source reports.
   */
  status: z.array(timed(DialogueStatus)).min(1),
  /** Dated meetings (rounds); the summary says only what holds from the dialogue's first entry. */
  meetings: z.array(DialogueMeeting).default([]),
  /** Whether renard2014's appendix lists it as a key dialogue. */
  keyDialogue: z.boolean().default(false),
  summary: z.string().optional(),
  sources: Sources,
});
export type Dialogue = z.infer<typeof Dialogue>;
