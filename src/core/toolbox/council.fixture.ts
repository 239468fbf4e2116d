// Test support: the Council's data files (population figures per year, voting rules), parsed and validated
// as the edge loads them, without the rest of the toolbox.
import { parse } from 'yaml';
import populationYaml from '../../../data/council/population.yaml?raw';
import votingRulesYaml from '../../../data/council/voting-rules.yaml?raw';
import { PopulationFile } from './population';
import type { CouncilData } from './vote';
import { VotingRulesFile } from './voting-rules';

export const council: CouncilData = {
  population: PopulationFile.parse(parse(populationYaml)),
  votingRules: VotingRulesFile.parse(parse(votingRulesYaml)),
};
