// The closed lists a Council vote is asked with: the voting rules, the kinds of act and who proposes them, and who may
// propose each act. Plain lists, so that the web page offers exactly the values of the API's schemas (voting-rules.ts
// builds its enums from these) without loading zod.

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

export type ActKindId = (typeof ACT_KINDS)[number];
export type ProposerKindId = (typeof PROPOSER_IDS)[number];

/**
 * Who may propose each kind of act, as data/council/voting-rules.yaml lists them (an act's `proposers`; `any` where the
 * file lists none: the proposer does not matter). The file is refused when it says otherwise (ActsSpec in
 * voting-rules.ts), so that the pairs the web page offers are those the API takes.
 */
export const ACT_PROPOSERS: Record<ActKindId, readonly ProposerKindId[] | 'any'> = {
  'cfsp-strategic-interests': ['high-representative', 'hr-commission-joint', 'member-state'],
  'cfsp-hr-on-request': ['high-representative'],
  'cfsp-implementing': ['high-representative', 'hr-commission-joint', 'member-state'],
  'cfsp-special-representative': ['high-representative'],
  'cfsp-other': ['high-representative', 'hr-commission-joint', 'member-state'],
  'cfsp-procedural': 'any',
  'sanctions-decision': ['high-representative', 'hr-commission-joint', 'member-state'],
  'sanctions-listing': ['high-representative', 'member-state'],
  'sanctions-regulation': ['hr-commission-joint'],
  'qualified-majority-act': ['commission', 'high-representative', 'hr-commission-joint', 'member-state'],
};
