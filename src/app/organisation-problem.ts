// What is wrong with an organisation id an account, a marking or an import names, with the upper-case code when a
// member state was written in lower case ("de" for DE), the one slip the rule's message cannot guess.
import { checkOrganisation } from '../core/auth/account';
import { AppError, type ErrorIssue } from '../core/errors';

/** Member state codes and EU body ids: the organisations accounts may belong to and markings may name. */
export interface Organisations {
  memberStates: readonly string[];
  euBodies(): Promise<readonly string[]>;
}

export function organisationProblem(org: string, memberStates: readonly string[], euBodies: readonly string[]): string | undefined {
  const problem = checkOrganisation(org, memberStates, euBodies);
  if (!problem) return undefined;
  const upper = org.toUpperCase();
  return upper !== org && memberStates.includes(upper) ? `${problem} (member state codes are upper case: ${upper})` : problem;
}

/**
 * Refuses a marking whose owner or sharing list names an organisation that does not exist, each by its field:
 * TLP:AMBER shared with "XX", or owned by "de" when accounts say "DE", would reach nobody while its writer believes
 * it shared. `what` opens the message ("Invalid marking", "Invalid import marking").
 */
export async function refuseUnknownOrganisations(orgs: Organisations, named: readonly (readonly [path: string, org: string])[], what: string): Promise<void> {
  if (!named.length) return;
  const bodies = await orgs.euBodies();
  const issues: ErrorIssue[] = named.flatMap(([path, org]) => {
    const problem = organisationProblem(org, orgs.memberStates, bodies);
    return problem ? [{ path, message: problem }] : [];
  });
  if (issues.length) throw new AppError('invalid_marking', `${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}
