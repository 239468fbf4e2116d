// A refused vote names each field as the user typed it: the API's field (votes.against, or against beside the rule in
// a flat body), the CLI's option (--against). The simulator's refusals carry the field's path (votes.against.1 for
// the second code voting against) and write other fields in their text as {{path}}; this names both.
import { AppError, isAppError } from '../errors';

/** The word a user typed for a field, given its path in the vote's input. */
export type VoteFieldNames = (path: string) => string;

/** The field without a list index: votes.against.1 is the field votes.against (the message quotes the code). */
const fieldOf = (path: string): string => path.replace(/\.\d+$/, '');

/** The API's fields, the votes listed under `votes`. */
export const apiFieldNames: VoteFieldNames = (path) => fieldOf(path);

/** The API's fields, the votes listed beside the rule (a flat body). */
export const flatApiFieldNames: VoteFieldNames = (path) => fieldOf(path).replace(/^votes\./, '');

const CLI_OPTIONS: Record<string, string> = {
  rule: '--rule',
  act: '--act',
  proposer: '--proposer',
  emergencyBrake: '--emergency-brake',
  year: '--year',
  date: '--date',
  defenceImplications: '--defence-implications',
  weightedVotesRequested: '--weighted-votes-requested',
  populationCheck: '--population-check',
  'votes.for': '--for',
  'votes.against': '--against',
  'votes.abstain': '--abstain',
  'votes.constructive': '--constructive',
  'votes.notParticipating': '--not-participating',
};

/** The CLI's options (`cyberdiplo vote`). */
export const cliOptionNames: VoteFieldNames = (path) => CLI_OPTIONS[fieldOf(path)] ?? fieldOf(path);

/** Every {{path}} in a message, named. */
function nameTokens(text: string, names: VoteFieldNames): string {
  return text.replace(/\{\{([A-Za-z.0-9]+)\}\}/g, (_, path: string) => names(path));
}

/**
 * A refused vote's message and issues with each field named by `names` (the API's nested fields by default); the
 * issues keep their path, which says which code of a list was refused. Anything else is returned as it is.
 */
export function renameVoteFields(e: unknown, names: VoteFieldNames = apiFieldNames): unknown {
  if (!isAppError(e) || e.code !== 'invalid_vote' || e.issues.length === 0) return e;
  const issues = e.issues.map((d) => ({ path: d.path, message: nameTokens(d.message, names) }));
  const message = `Invalid vote: ${issues.map((d) => `${d.path === '(root)' ? 'the vote' : names(d.path)}: ${d.message}`).join('; ')}`;
  return new AppError('invalid_vote', message, issues);
}
