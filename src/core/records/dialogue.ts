// A dialogue in which the EU meets one or more strategic partners, at a level, on closed-vocabulary topics.
import { z } from 'zod';
import { DateOrYear, Sources, timed } from '../provenance';
import { DialogueLevel, DialogueStatus, Frequency, PartnerId, Topic } from '../vocabularies';

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
  /** Year or date the dialogue was set up (its first meeting when known). */
  established: DateOrYear.optional(),
  /** Status over time; the dialogue exists in the product from its first entry. */
  status: z.array(timed(DialogueStatus)).min(1),
  /** Whether renard2014's appendix lists it as a key dialogue. */
  keyDialogue: z.boolean().default(false),
  summary: z.string().optional(),
  sources: Sources,
});
export type Dialogue = z.infer<typeof Dialogue>;
