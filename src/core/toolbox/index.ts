// The response toolbox's public surface: incidents, the measures and rules engine, the response plan and the vote simulator.
export * from './condition';
export * from './countries';
export * from './incident';
export * from './load';
export * from './measure';
export * from './member-states';
export * from './plan-markdown';
export * from './population';
export * from './rules';
export * from './sanctions';
export * from './severity';
export * from './vote';
export * from './vote-tally';
export * from './voting-rules';
