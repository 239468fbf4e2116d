// The vote page asks what the API asks: the kinds of act and proposers it offers are the contract's, read back from
// the address as the page wrote them, and a refusal's message goes to the field it names.
import { describe, expect, it } from 'vitest';
import { VoteRequest } from '../../../src/contract/toolbox';
import { ActKind, ProposerId } from '../../../src/core/toolbox/voting-rules';
import { ACTS, chooseAct, chosenRule, fieldMessages, proposerChoices as choicesFrom, PROPOSERS, readDecision, type ActProposers } from './vote-decision';
import { council } from '../../../src/core/toolbox/council.fixture';
import { voteRequest } from './vote-model';

/** GET /api/vote/acts as the server answers it from the voting rules' file (ToolboxService.voteActs). */
const API_ACTS: ActProposers = council.votingRules.acts.map((a) => ({ id: a.id, proposers: a.proposers ?? null }));
const proposerChoices = (act: Parameters<typeof choicesFrom>[1], chosen: Parameters<typeof choicesFrom>[2]) => choicesFrom(API_ACTS, act, chosen);

describe('the decision the vote page asks for', () => {
  it("offers exactly the API's kinds of act and proposers, each with words of its own, and the API takes every one", () => {
    expect(ACTS.map(([a]) => a)).toEqual(ActKind.options);
    expect(PROPOSERS.map(([p]) => p)).toEqual(ProposerId.options);
    for (const [, words] of [...ACTS, ...PROPOSERS]) expect(words).toMatch(/^[A-Z].{5,}/);
    for (const [act] of ACTS) {
      for (const [proposer] of PROPOSERS) {
        const body = { act, proposer, emergencyBrake: 'HU', ...voteRequest(undefined, undefined, new Map()) };
        expect(VoteRequest.safeParse(body).success, `${act} ${proposer}`).toBe(true);
      }
    }
  });

  it('offers for each act only the proposers the voting rules list for it, and says who is left out', () => {
    const offered = (act: (typeof ACTS)[number][0] | undefined, chosen?: (typeof PROPOSERS)[number][0]) => proposerChoices(act, chosen).options.map(([p]) => p);
    for (const act of council.votingRules.acts) expect(offered(act.id), act.id).toEqual(act.proposers ? PROPOSERS.map(([p]) => p).filter((p) => act.proposers?.includes(p)) : ProposerId.options);
    expect(offered(undefined)).toEqual(ProposerId.options);
    expect(proposerChoices('sanctions-listing', undefined).why).toBe(
      'Only those who may propose this act are offered: the Commission and the High Representative with the Commission do not propose it.',
    );
    expect(proposerChoices('cfsp-implementing', undefined).why).toBe('Only those who may propose this act are offered: the Commission does not propose it.');
    expect(proposerChoices('qualified-majority-act', undefined).why).toBeUndefined();
    expect(proposerChoices(undefined, undefined).why).toBeUndefined();
    // A proposer the address names that the act does not take stays, marked, for the API's refusal to name it.
    expect(proposerChoices('sanctions-regulation', 'member-state').options).toEqual([
      ['hr-commission-joint', 'The High Representative with the Commission'],
      ['member-state', 'A member state (does not propose this act)'],
    ]);
  });

  it("offers what the API's list of acts says, not a copy of its own: a changed list moves the choices; before it loads, all", () => {
    const widened = API_ACTS.map((a) => (a.id === 'sanctions-regulation' ? { ...a, proposers: [...(a.proposers ?? []), 'member-state' as const] } : a));
    expect(choicesFrom(widened, 'sanctions-regulation', undefined).options.map(([p]) => p)).toEqual(['hr-commission-joint', 'member-state']);
    const anyone = API_ACTS.map((a) => (a.id === 'sanctions-listing' ? { ...a, proposers: null } : a));
    expect(choicesFrom(anyone, 'sanctions-listing', undefined).why).toBeUndefined();
    expect(choicesFrom(undefined, 'sanctions-regulation', undefined).options.map(([p]) => p)).toEqual(ProposerId.options);
    const p = new URLSearchParams('act=cfsp-implementing&proposer=member-state');
    chooseAct(p, 'sanctions-regulation', widened);
    expect(p.toString()).toBe('act=sanctions-regulation&proposer=member-state');
  });

  it('keeps the proposer when the act chosen takes it, and takes it out otherwise', () => {
    const after = (address: string, act: string) => {
      const p = new URLSearchParams(address);
      chooseAct(p, act, API_ACTS);
      return p.toString();
    };
    expect(after('act=cfsp-implementing&proposer=member-state', 'sanctions-listing')).toBe('act=sanctions-listing&proposer=member-state');
    expect(after('act=cfsp-implementing&proposer=member-state', 'sanctions-regulation')).toBe('act=sanctions-regulation');
    expect(after('proposer=commission&against=DE', 'cfsp-other')).toBe('against=DE&act=cfsp-other');
    expect(after('act=sanctions-regulation&proposer=hr-commission-joint', '')).toBe('proposer=hr-commission-joint');
  });

  it('reads the act, the proposer and the brake from the address, leaving out values the API does not know', () => {
    expect(readDecision(new URLSearchParams('act=cfsp-implementing&proposer=member-state&brake=hu'))).toEqual({ act: 'cfsp-implementing', proposer: 'member-state', emergencyBrake: 'HU' });
    expect(readDecision(new URLSearchParams('act=treaty-change&proposer=parliament&brake='))).toEqual({});
  });

  it('leaves the rule to the API when an act is given without one; a rule chosen by hand is sent beside the act', () => {
    const derived = readDecision(new URLSearchParams('act=cfsp-implementing&proposer=member-state'));
    expect(chosenRule(new URLSearchParams('act=cfsp-implementing'), derived)).toBeUndefined();
    expect(voteRequest(chosenRule(new URLSearchParams('act=cfsp-implementing'), derived), undefined, new Map())).toEqual({ votes: {} });
    expect(chosenRule(new URLSearchParams('act=cfsp-implementing&rule=unanimity'), derived)).toBe('unanimity');
    expect(chosenRule(new URLSearchParams(''), {})).toBe('qmv');
    expect(chosenRule(new URLSearchParams('rule=nonsense'), {})).toBe('qmv');
  });

  it("puts each refusal's message on the field it names, and leaves the member states' votes to their own notice", () => {
    const messages = fieldMessages([
      { path: 'proposer', message: 'the Commission does not propose this act' },
      { path: 'emergencyBrake', message: 'the emergency brake stops only a qualified-majority vote' },
      { path: 'votes.against.0', message: '"XX" is not a member state' },
      { path: 'actually', message: 'not a field of the page' },
    ]);
    expect([...messages]).toEqual([
      ['proposer', 'the Commission does not propose this act'],
      ['emergencyBrake', 'the emergency brake stops only a qualified-majority vote'],
    ]);
  });
});
