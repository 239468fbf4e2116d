// Test support: the Council's data files (population figures per year, voting rules), parsed and validated
// as the edge loads them, without the rest of the toolbox.
import { parse } from 'yaml';
import populationYaml from '../../../data/council/population.yaml?raw';
import votingRulesYaml from '../../../data/council/voting-rules.yaml?raw';
import { PopulationFile } from './population';
import { isAppError, type AppError } from '../errors';
import { simulateVote, type CouncilData } from './vote';
import { VotingRulesFile } from './voting-rules';

export const council: CouncilData = {
  population: PopulationFile.parse(parse(populationYaml)),
  votingRules: VotingRulesFile.parse(parse(votingRulesYaml)),
};

/** The refusal of a vote on the Council's data files (a test of a vote that must be refused fails here otherwise). */
export function voteRefusal(input: unknown): AppError {
  try {
    simulateVote(input, council);
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected the vote to be refused');
}
