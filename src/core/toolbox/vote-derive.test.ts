// The rule derived from the act and its proposer (Art. 31 TEU, Art. 238(2) TFEU, Art. 215 TFEU), the emergency brake
// (Art. 31(2) TEU, second subparagraph), the acts' agreement with the toolbox's measures, and refusals that name the
// field as the user typed it.
import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { council, voteRefusal } from './council.fixture';
import { toolbox } from './toolbox.fixture';
import { simulateVote, type VoteResult } from './vote';
import { cliOptionNames, flatApiFieldNames } from './vote-fields';
import { PROPOSER_IDS } from './vote-kinds';

const vote = (input: unknown): VoteResult => simulateVote(input, council);
/** Eight of the largest against: 19 of 27 for, enough for a qualified majority's members, not a reinforced one's. */
const EIGHT_AGAINST = ['MT', 'LU', 'CY', 'EE', 'LV', 'SI', 'LT', 'HR'];

describe('the rule follows from the act and who proposes it', () => {
  it('a CFSP implementing decision: qualified majority on the High Representative\'s proposal, reinforced on a member state\'s (Art. 238(2) TFEU)', () => {
    const hr = vote({ act: 'cfsp-implementing', proposer: 'high-representative', votes: { against: EIGHT_AGAINST } });
    const ms = vote({ act: 'cfsp-implementing', proposer: 'member-state', votes: { against: EIGHT_AGAINST } });
    expect(hr).toMatchObject({ rule: 'qmv', adopted: true, derivation: { rule: 'qmv', act: 'cfsp-implementing', proposer: 'high-representative', cfspQualified: true } });
    expect(ms).toMatchObject({ rule: 'rqmv', adopted: false, derivation: { rule: 'rqmv', proposer: 'member-state' } });
    expect(ms.explanation.join(' ')).toMatch(/Art\. 31\(2\) TEU, third indent.*neither the Commission nor the High Representative: the reinforced qualified majority/);
  });

  it('the four cases of Art. 31(2) TEU, any other CFSP decision by unanimity, procedural questions by simple majority', () => {
    const rule = (act: string, proposer?: string) => vote({ act, ...(proposer ? { proposer } : {}) }).rule;
    expect(rule('cfsp-strategic-interests', 'high-representative')).toBe('qmv');
    expect(rule('cfsp-strategic-interests', 'member-state')).toBe('rqmv');
    expect(rule('cfsp-hr-on-request', 'high-representative')).toBe('qmv');
    expect(rule('cfsp-special-representative', 'high-representative')).toBe('qmv');
    expect(rule('cfsp-other', 'high-representative')).toBe('unanimity');
    expect(rule('cfsp-other', 'member-state')).toBe('unanimity');
    expect(rule('cfsp-procedural')).toBe('simple');
    expect(rule('qualified-majority-act', 'commission')).toBe('qmv');
    expect(rule('qualified-majority-act', 'member-state')).toBe('rqmv');
  });

  it('military or defence implications take the four cases back to unanimity (Art. 31(4) TEU); procedural questions stay by simple majority', () => {
    const without = vote({ act: 'cfsp-implementing', proposer: 'high-representative', votes: { against: ['MT'] } });
    const withDefence = vote({ act: 'cfsp-implementing', proposer: 'high-representative', defenceImplications: true, votes: { against: ['MT'] } });
    expect(without).toMatchObject({ rule: 'qmv', adopted: true });
    expect(withDefence).toMatchObject({ rule: 'unanimity', adopted: false, derivation: { basis: 'Art. 31(1) and (4) TEU', cfspQualified: false } });
    expect(vote({ act: 'cfsp-procedural', defenceImplications: true }).rule).toBe('simple');
  });

  it('a proposer the act does not allow is refused, naming the field and the allowed proposers', () => {
    const e = voteRefusal({ act: 'cfsp-special-representative', proposer: 'member-state' });
    expect(e.issues).toEqual([{ path: 'proposer', message: expect.stringContaining('allowed: high-representative') as unknown }]);
    expect(voteRefusal({ act: 'sanctions-regulation', proposer: 'commission' }).message).toMatch(/^Invalid vote: proposer: .*allowed: hr-commission-joint/);
    expect(voteRefusal({ act: 'cfsp-implementing' }).message).toMatch(/^Invalid vote: proposer: a qualified majority depends on who proposes/);
    expect(voteRefusal({ votes: {} }).message).toMatch(/^Invalid vote: rule: give the rule .* or the kind of act \(act: .*\) with who proposes it \(proposer: commission, /);
  });

  it('counted in weighted votes (before 1 November 2014) a High Representative\'s proposal needs two thirds of the members, the Commission\'s a majority (Protocol No 36, Art. 3(3))', () => {
    const hr = vote({ act: 'qualified-majority-act', proposer: 'high-representative', date: '2012-05-02' });
    const commission = vote({ act: 'qualified-majority-act', proposer: 'commission', date: '2012-05-02' });
    expect(hr).toMatchObject({ rule: 'rqmv', counting: { method: 'weighted-votes' }, derivation: { unverified: true } });
    expect(commission).toMatchObject({ rule: 'qmv', counting: { method: 'weighted-votes' } });
    expect(vote({ act: 'qualified-majority-act', proposer: 'high-representative', date: '2015-05-02' }).rule).toBe('qmv');
  });

  it('a rule chosen by hand is still counted, and the answer says where it contradicts the derived one', () => {
    const chosen = vote({ rule: 'qmv', act: 'sanctions-listing', proposer: 'member-state', votes: { against: ['MT'] } });
    expect(chosen).toMatchObject({ rule: 'qmv', adopted: true, derivation: { rule: 'unanimity', chosen: 'qmv' } });
    expect(chosen.derivation?.contradiction).toMatch(/^The rule chosen, a qualified majority \(rule qmv\), is not the one the Treaties give for this act: unanimity/);
    expect(chosen.explanation.join(' ')).toContain('The vote is counted with the rule chosen.');
    const agreeing = vote({ rule: 'unanimity', act: 'sanctions-listing', proposer: 'member-state', votes: { against: ['MT'] } });
    expect(agreeing).toMatchObject({ rule: 'unanimity', adopted: false, derivation: { rule: 'unanimity', chosen: 'unanimity' } });
    expect(agreeing.derivation?.contradiction).toBeUndefined();
    // A proposer beside a qualified majority chosen by hand: the reinforced one on a member state's proposal.
    expect(vote({ rule: 'qmv', proposer: 'member-state' }).derivation).toMatchObject({ rule: 'rqmv', chosen: 'qmv', contradiction: expect.stringContaining('reinforced') as unknown });
    // The rule alone, as before: nothing derived.
    expect(vote({ rule: 'qmv' }).derivation).toBeUndefined();
  });
});

describe('the emergency brake (Art. 31(2) TEU, second subparagraph, unverified)', () => {
  it('a member state declaring vital reasons of national policy stops the vote: no vote is taken', () => {
    const plain = vote({ act: 'cfsp-implementing', proposer: 'high-representative' });
    const braked = vote({ act: 'cfsp-implementing', proposer: 'high-representative', emergencyBrake: 'hu' });
    expect(plain.adopted).toBe(true);
    expect(braked).toMatchObject({ adopted: false, unverified: true, thresholds: [], emergencyBrake: { state: 'HU', voteTaken: false, unverified: true, basis: 'Art. 31(2) TEU, second subparagraph' } });
    expect(braked.explanation.join(' ')).toMatch(/Hungary \(HU\) declares that, for vital and stated reasons of national policy.*High Representative.*refer the matter to the European Council.*Result: no vote is taken\./);
  });

  it('is refused where it cannot apply: a unanimous act, defence implications, a rule without an act, the declaring state voting for', () => {
    expect(voteRefusal({ act: 'sanctions-listing', proposer: 'member-state', emergencyBrake: 'HU' }).message).toMatch(/^Invalid vote: emergencyBrake: .*this vote is by unanimity/);
    expect(voteRefusal({ act: 'cfsp-implementing', proposer: 'high-representative', defenceImplications: true, emergencyBrake: 'HU' }).issues[0]?.path).toBe('emergencyBrake');
    expect(voteRefusal({ rule: 'qmv', emergencyBrake: 'HU' }).message).toMatch(/give the kind of act \(act: /);
    expect(voteRefusal({ act: 'cfsp-implementing', proposer: 'high-representative', emergencyBrake: 'HU', votes: { for: ['HU'] } }).message).toMatch(/intends to oppose/);
    expect(voteRefusal({ act: 'cfsp-implementing', proposer: 'high-representative', emergencyBrake: 'XX' }).message).toMatch(/"XX" is not a member state in 2025; the Council of 2025 has 27 members: AT, BE/);
  });
});

describe('the vote simulator and the toolbox agree on the rule of each measure', () => {
  it('every act linked to a toolbox measure counts the measure\'s rule on each proposal the measure names', () => {
    const linked = council.votingRules.acts.filter((a) => a.measure !== undefined);
    expect(linked.map((a) => a.id).sort()).toEqual(['cfsp-implementing', 'cfsp-other', 'sanctions-decision', 'sanctions-listing']);
    for (const act of linked) {
      const measure = toolbox.measures.measures.find((m) => m.id === act.measure);
      expect(measure, act.measure).toBeDefined();
      const proposers = (measure?.proposedBy ?? []).filter((p) => (act.proposers as readonly string[] | undefined)?.includes(p) ?? true);
      expect(proposers.length, act.id).toBeGreaterThan(0);
      for (const proposer of proposers) expect(vote({ act: act.id, proposer }).rule, `${act.id} on a proposal of ${proposer}`).toBe(measure?.rule);
    }
  });

  it('a listing is unanimous though it implements Decision (CFSP) 2019/797; the Art. 215 regulation goes by qualified majority on the joint proposal', () => {
    const listing = vote({ act: 'sanctions-listing', proposer: 'high-representative', votes: { against: ['MT'] } });
    const implementing = vote({ act: 'cfsp-implementing', proposer: 'high-representative', votes: { against: ['MT'] } });
    expect(listing).toMatchObject({ rule: 'unanimity', adopted: false, unverified: true });
    expect(implementing).toMatchObject({ rule: 'qmv', adopted: true });
    expect(vote({ act: 'sanctions-regulation', proposer: 'hr-commission-joint', votes: { against: ['MT'] } })).toMatchObject({ rule: 'qmv', adopted: true, unverified: true });
  });
});

describe('refusals name the field as the user typed it, with the allowed values', () => {
  const refusedWith = (input: unknown, names?: typeof cliOptionNames) => {
    try {
      simulateVote(input, council, names);
    } catch (e) {
      if (isAppError(e)) return e;
      throw e;
    }
    throw new Error('expected a refusal');
  };

  it('a bad code in the second place of a list: the list\'s field, not its internal path', () => {
    const input = { rule: 'qmv', votes: { against: ['DE', 'XX'] } };
    const api = refusedWith(input);
    const flat = refusedWith(input, flatApiFieldNames);
    const cli = refusedWith(input, cliOptionNames);
    expect(api.message).toMatch(/^Invalid vote: votes\.against: "XX" is not a member state in 2025; the Council of 2025 has 27 members: AT, BE, /);
    expect(flat.message).toMatch(/^Invalid vote: against: "XX"/);
    expect(cli.message).toMatch(/^Invalid vote: --against: "XX"/);
    for (const e of [api, flat, cli]) expect(e.message).not.toContain('votes.against.1');
    // The issue keeps which code it was, for the web page that offers to take it out.
    expect(cli.issues[0]?.path).toBe('votes.against.1');
  });

  it('fields named inside a message too: a state named twice, a year that needs its day', () => {
    expect(refusedWith({ rule: 'qmv', votes: { against: ['DE'], abstain: ['DE'] } }, cliOptionNames).message).toBe('Invalid vote: --abstain: DE (Germany) is named both in --against and in --abstain; name each member state once');
    expect(refusedWith({ rule: 'qmv', year: 2014 }, cliOptionNames).message).toMatch(/^Invalid vote: --date: .*give the vote's date \(--date\)/);
    expect(refusedWith({ rule: 'plurality' }, cliOptionNames).message).toBe('Invalid vote: --rule: must be one of: unanimity, qmv, rqmv, simple');
    expect(refusedWith({ act: 'cfsp-implementing', proposer: 'member-state', emergencyBrake: 'HU', votes: { notParticipating: ['HU'] } }, cliOptionNames).message).toMatch(/^Invalid vote: --emergency-brake: .*take it out of --not-participating/);
  });
});

describe("who may propose each act, as the voting rules' file lists it (the vote page offers these, GET /api/vote/acts)", () => {
  it('takes every pair the file lists and refuses every other on the proposer', () => {
    for (const act of council.votingRules.acts) {
      for (const proposer of PROPOSER_IDS) {
        const taken = act.proposers === undefined || act.proposers.includes(proposer);
        const answer = (() => {
          try {
            vote({ act: act.id, proposer });
            return 'taken';
          } catch (e) {
            return isAppError(e) && e.issues[0]?.path === 'proposer' ? 'refused' : 'other';
          }
        })();
        expect(answer, `${act.id} on a proposal of ${proposer}`).toBe(taken ? 'taken' : 'refused');
      }
    }
  });
});
