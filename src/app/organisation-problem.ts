// What is wrong with an organisation id an account or a marking names, with the upper-case code when a member state
// was written in lower case ("de" for DE), the one slip the rule's message cannot guess.
import { checkOrganisation } from '../core/auth/account';

export function organisationProblem(org: string, memberStates: readonly string[], euBodies: readonly string[]): string | undefined {
  const problem = checkOrganisation(org, memberStates, euBodies);
  if (!problem) return undefined;
  const upper = org.toUpperCase();
  return upper !== org && memberStates.includes(upper) ? `${problem} (member state codes are upper case: ${upper})` : problem;
}
