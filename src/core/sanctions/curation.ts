// What the product adds to the annex, as reviewed data (data/sanctions/targets.yaml): a one-line summary in our
// words, the groups, monikers and incidents each entry's own reasons name, and the state they tie it to.
import { z } from 'zod';
import { isValidIsoDate } from '../dates';
import { Source } from '../provenance';

const Relation = z.enum(['is', 'part-of', 'linked']);

const Group = z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)).default([]), relation: Relation }).strict();

const TargetNotes = z
  .object({
    summary: z.string().min(1).max(160),
    state: z.string().regex(/^[A-Z]{2}$/).optional(),
    groups: z.array(Group).default([]),
    /** Further names of the target itself that the annex name holds in brackets or the reasons print. */
    names: z.array(z.string().min(1)).default([]),
    monikers: z.array(z.string().min(1)).default([]),
    incidents: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type TargetNotes = z.infer<typeof TargetNotes>;

const Day = z.string().refine(isValidIsoDate, { message: 'expected YYYY-MM-DD' });

/**
 * When the operation took place, as the listing's reasons give it (`annex`: the entry that dates it), or, where they
 * do not, from elsewhere and then `unverified` with a note saying where. `to` absent: the reasons call it ongoing.
 */
const Period = z
  .object({ from: Day, to: Day.optional(), annex: z.string().regex(/^I\.[AB] [0-9]+$/).optional(), unverified: z.literal(true).optional(), note: z.string().min(1).optional() })
  .strict()
  .refine((p) => p.to === undefined || p.from <= p.to, { message: 'from must not be after to' })
  .refine((p) => p.annex !== undefined || (p.unverified === true && p.note !== undefined), { message: 'a period the annex does not give is unverified, with a note' });

const Operation = z
  .object({
    name: z.string().min(1),
    match: z.array(z.string().min(2)).min(1),
    /** A broad term links only with one of these (the place or victim the reasons name) also in the title. */
    with: z.array(z.string().min(2)).min(1).optional(),
    /** Terms that, in a title, name another operation of the same group (the title is not this operation's). */
    without: z.array(z.string().min(2)).min(1).optional(),
    period: Period.optional(),
  })
  .strict();
export type Operation = z.infer<typeof Operation> & { id: string };

export const CurationFile = z
  .object({ operations: z.record(z.string().regex(/^[a-z0-9-]+$/), Operation), targets: z.record(z.string().regex(/^[a-z0-9-]+$/), TargetNotes) })
  .strict()
  .superRefine((f, ctx) => {
    for (const [id, t] of Object.entries(f.targets)) {
      t.incidents.forEach((op, i) => {
        if (!(op in f.operations)) ctx.addIssue({ code: 'custom', path: ['targets', id, 'incidents', i], message: `unknown operation "${op}": add it under operations` });
      });
    }
  });
export type CurationFile = z.infer<typeof CurationFile>;

/** data/sanctions/seed.yaml: which annex file the product ships and the date it was checked. */
export const SeedManifest = z
  .object({ file: z.string().regex(/^[0-9A-Z]+\.csv$/), checked: z.string().refine(isValidIsoDate, { message: 'expected YYYY-MM-DD' }), source: Source })
  .strict();
export type SeedManifest = z.infer<typeof SeedManifest>;
