// The API's own schemas (src/contract, the source of docs/openapi.json) for the answers the web app checks beyond the
// overview: loaded by api.ts only when such an answer is read, in parallel with it, so that the first page does not
// carry zod and the contract.
import { Assessment } from '../../src/contract/assessment';
import { SanctionsView } from '../../src/contract/sanctions';
import { IncidentPlan } from '../../src/contract/toolbox';

export const contract = {
  assessment: Assessment,
  sanctions: SanctionsView,
  plan: IncidentPlan,
};
