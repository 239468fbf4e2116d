// Cooperation delivered, and the tensions named by the sources, dated.
import { z } from 'zod';
import { DateOrYear, DatedNotes, Sources } from '../provenance';
import { CooperationKind } from '../vocabularies';

export const Cooperation = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: CooperationKind,
  title: z.string().min(1),
  from: DateOrYear,
  /** Set when `from` is the date a source first reported the fact in place, not its start (which the sources do not give). */
  reported: z.boolean().optional(),
  until: DateOrYear.optional(),
  /** What holds from `from`; a later statement goes in `datedNotes` with its own date. */
  summary: z.string().optional(),
  datedNotes: DatedNotes,
  sources: Sources,
});
export type Cooperation = z.infer<typeof Cooperation>;

export const Tension = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  from: DateOrYear,
  /** Set when `from` is the date a source first reported the fact in place, not its start (which the sources do not give). */
  reported: z.boolean().optional(),
  until: DateOrYear.optional(),
  /** What holds from `from`; a later statement goes in `datedNotes` with its own date. */
  summary: z.string().optional(),
  datedNotes: DatedNotes,
  sources: Sources,
});
export type Tension = z.infer<typeof Tension>;
