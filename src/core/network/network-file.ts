// The schema of data/assessment/network.yaml: the EU's own ties to instruments and fora, and labels for instruments without an actor record.
import { z } from 'zod';
import { DateOrYear, Sources } from '../provenance';
import { MembershipId } from '../vocabularies';
import { parseOrThrow } from '../zod-issues';

/** The instruments a node can stand for: the memberships of the vocabulary and the Budapest Convention. */
export const Instrument = z.union([MembershipId, z.literal('budapest-convention')]);
export type Instrument = z.infer<typeof Instrument>;

export const NetworkFile = z
  .object({
    labels: z.partialRecord(Instrument, z.string().min(1)).default({}),
    euTies: z
      .array(z.object({ instrument: Instrument, role: z.string().min(1), from: DateOrYear, until: DateOrYear.optional(), sources: Sources }).strict())
      .default([]),
  })
  .strict();
export type NetworkFile = z.infer<typeof NetworkFile>;

export function parseNetworkFile(raw: unknown, name: string): NetworkFile {
  return parseOrThrow(NetworkFile, raw, 'corrupt_data', `data file ${name}`);
}
