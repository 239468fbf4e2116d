// A partner's positions on instruments over time: Budapest Convention, internet-governance model, WCIT-12.
import { z } from 'zod';
import { timed } from '../provenance';
import { BudapestStance, BudapestStatus, InternetGovernanceModel, Wcit2012 } from '../vocabularies';

export const BudapestEntry = timed(BudapestStatus).extend({ stance: BudapestStance.optional() });

export const Positions = z.object({
  budapestConvention: z.array(BudapestEntry).default([]),
  internetGovernance: z.array(timed(InternetGovernanceModel)).default([]),
  wcit2012: z.array(timed(Wcit2012)).default([]),
});
export type Positions = z.infer<typeof Positions>;
