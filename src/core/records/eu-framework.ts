// The EU's own frame: strategy documents and their priorities, threat categories, areas of responsibility.
import { z } from 'zod';
import { DateOrYear, Sources } from '../provenance';
import { ThreatCategory } from '../vocabularies';

export const Objective = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  summary: z.string().optional(),
  sources: Sources,
});

export const Strategy = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  adopted: DateOrYear,
  /** When a later strategy replaced it (its objectives are no longer the EU's from then), with the one that did. */
  until: DateOrYear.optional(),
  replacedBy: z.string().regex(/^[a-z0-9-]+$/).optional(),
  by: z.string().min(1),
  summary: z.string().optional(),
  objectives: z.array(Objective).default([]),
  sources: Sources,
});
export type Strategy = z.infer<typeof Strategy>;

export const ThreatCategoryRecord = z.object({
  id: ThreatCategory,
  title: z.string().min(1),
  summary: z.string(),
  examples: z.array(z.string()).default([]),
  sources: Sources,
});

/** bendiek2018's table: for each domain, who is responsible at EU level and at national level. */
export const ResponsibilityArea = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  domain: z.string().min(1),
  threats: z.array(ThreatCategory).default([]),
  euLevel: z.array(z.string()).min(1),
  nationalLevel: z.array(z.string()).min(1),
  sources: Sources,
});
export type ResponsibilityArea = z.infer<typeof ResponsibilityArea>;

export const EuFrameworkFile = z
  .object({
    strategies: z.array(Strategy),
    threatCategories: z.array(ThreatCategoryRecord),
    areasOfResponsibility: z.array(ResponsibilityArea),
  })
  .strict();
export type EuFrameworkFile = z.infer<typeof EuFrameworkFile>;
