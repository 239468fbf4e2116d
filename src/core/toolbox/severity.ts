// The severity scale of incidents, declared in data/toolbox/severity.yaml; its order drives "at least" rules.
import { z } from 'zod';
import { Sources } from '../provenance';

export const SeverityLevel = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a kebab-case id'),
  title: z.string().min(1),
  definition: z.string().min(1),
  sources: Sources,
});
export type SeverityLevel = z.infer<typeof SeverityLevel>;

export const SeverityFile = z
  .object({
    /** Least to most severe. */
    scale: z
      .array(SeverityLevel)
      .min(2, 'a scale needs at least two levels')
      .refine((levels) => new Set(levels.map((l) => l.id)).size === levels.length, {
        message: 'level ids must be unique',
      }),
  })
  .strict();
export type SeverityFile = z.infer<typeof SeverityFile>;

export function severityIds(file: SeverityFile): string[] {
  return file.scale.map((l) => l.id);
}

/** Position of a level on the scale (0 = least severe), or -1 when it is not on it. */
export function severityRank(file: SeverityFile, id: string): number {
  return file.scale.findIndex((l) => l.id === id);
}
