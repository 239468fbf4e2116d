// The closed lists a Council vote is asked with: the voting rules, the kinds of act and who proposes them. Plain lists,
// so that the web page offers exactly the values of the API's schemas (voting-rules.ts builds its enums from these)
// without loading zod. Who may propose each act is data/council/voting-rules.yaml's, which GET /api/vote/acts serves.

export const VOTE_RULE_IDS = ['unanimity', 'qmv', 'rqmv', 'simple'] as const;

export const PROPOSER_IDS = ['commission', 'high-representative', 'hr-commission-joint', 'member-state'] as const;

/** The kinds of act of data/council/voting-rules.yaml (acts), each listed there once. */
export const ACT_KINDS = [
  'cfsp-strategic-interests',
  'cfsp-hr-on-request',
  'cfsp-implementing',
  'cfsp-special-representative',
  'cfsp-other',
  'cfsp-procedural',
  'sanctions-decision',
  'sanctions-listing',
  'sanctions-regulation',
  'qualified-majority-act',
] as const;
