// Actors: the EU and its bodies, the strategic partners, international organisations and fora.
import { z } from 'zod';
import { DateOrYear, Sources } from '../provenance';
import { RecordCoverage } from './coverage';
import { ActorKind } from '../vocabularies';

export const Actor = z.object({
  id: z.string().regex(/^[a-z0-9-]+$|^[A-Z]{2}$/),
  name: z.string().min(1),
  kind: ActorKind,
  /** The body this one belongs to (EC3 within Europol, the HWP within the Council...). */
  parent: z.string().optional(),
  established: DateOrYear.optional(),
  role: z.string().optional(),
  /** Threat domains or areas the actor works on (bendiek2018's areas-of-responsibility table). */
  domains: z.array(z.string()).default([]),
  /** What the record of the facts this actor is the source of covers (the UN General Assembly: its votes to the end of 2019). */
  coverage: z.array(RecordCoverage).optional(),
  sources: Sources,
});
export type Actor = z.infer<typeof Actor>;

export const ActorsFile = z.object({ actors: z.array(Actor) }).strict();
