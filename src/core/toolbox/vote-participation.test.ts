// A vote on a decision with defence implications leaves out the member states that take no part in such decisions:
// Denmark until its opt-out ended on 1 July 2022 (Protocol (No 22) on the position of Denmark, Art. 5; UNVERIFIED in
// the sources consulted, as data/council/voting-rules.yaml says). Each case moves the subject, the day or the data and
// watches who takes part, and the outcome, move.
import { describe, expect, it } from 'vitest';
import { council, voteRefusal } from './council.fixture';
import { toolbox } from './toolbox.fixture';
import { simulateVote, type CouncilData } from './vote';

const vote = (input: unknown, data: CouncilData = council) => simulateVote(input, data);
const refusal = voteRefusal;

describe('Denmark and decisions with defence implications (Protocol No 22, Art. 5)', () => {
  it('takes no part up to 30 June 2022 and takes part from 1 July 2022', () => {
    const before = vote({ rule: 'unanimity', date: '2022-06-30', defenceImplications: true });
    expect(before.votes.notParticipating).toEqual(['DK']);
    expect(before.counts).toMatchObject({ members: 27, participating: 26, for: 26 });
    expect(before.participationExceptions).toMatchObject([{ state: 'DK', subject: 'defence-implications', unverified: true }]);
    expect(before.explanation.join(' ')).toContain('Denmark takes no part (Protocol (No 22) on the position of Denmark, Art. 5, unverified)');
    expect(before.unverified).toBe(true);
    const after = vote({ rule: 'unanimity', date: '2022-07-01', defenceImplications: true });
    expect(after.counts).toMatchObject({ participating: 27, for: 27 });
    expect(after.participationExceptions).toBeUndefined();
  });

  it('takes part in a vote without defence implications on the same day', () => {
    const r = vote({ rule: 'unanimity', date: '2021-06-01' });
    expect(r.counts.participating).toBe(27);
    expect(r.participationExceptions).toBeUndefined();
  });

  it('cannot block before the end of its opt-out: a vote against is refused then, and decides the outcome after', () => {
    const e = refusal({ rule: 'unanimity', date: '2021-06-01', defenceImplications: true, votes: { against: ['DK'] } });
    expect(e.code).toBe('invalid_vote');
    expect(e.message).toContain('DK (Denmark) takes no part in this vote');
    expect(vote({ rule: 'unanimity', date: '2023-06-01', defenceImplications: true, votes: { against: ['DK'] } }).adopted).toBe(false);
    // Named as not taking part, it is simply left out.
    expect(vote({ rule: 'unanimity', date: '2021-06-01', defenceImplications: true, votes: { notParticipating: ['DK'] } }).adopted).toBe(true);
  });

  it('reads the year when no day is given, and asks for the day in 2022, the year the opt-out ended', () => {
    expect(vote({ rule: 'unanimity', year: 2021, defenceImplications: true }).votes.notParticipating).toEqual(['DK']);
    expect(vote({ rule: 'unanimity', year: 2023, defenceImplications: true }).votes.notParticipating).toEqual([]);
    expect(vote({ rule: 'unanimity', defenceImplications: true }).votes.notParticipating).toEqual([]);
    const e = refusal({ rule: 'unanimity', year: 2022, defenceImplications: true });
    expect(e.issues?.[0]?.path).toBe('date');
    // The day fixes the year of the figures, and the two must agree.
    expect(vote({ rule: 'qmv', date: '2019-03-01', defenceImplications: true }).counts).toMatchObject({ members: 28, participating: 27 });
    expect(refusal({ rule: 'qmv', year: 2021, date: '2022-03-01' }).issues?.[0]?.path).toBe('date');
  });

  it('follows the data: with the opt-out ending a year earlier, a vote of March 2022 includes Denmark', () => {
    const earlier: CouncilData = {
      ...council,
      votingRules: { ...council.votingRules, nonParticipation: council.votingRules.nonParticipation.map((x) => ({ ...x, until: '2021-12-31' })) },
    };
    expect(vote({ rule: 'unanimity', date: '2022-03-01', defenceImplications: true }).votes.notParticipating).toEqual(['DK']);
    expect(vote({ rule: 'unanimity', date: '2022-03-01', defenceImplications: true }, earlier).votes.notParticipating).toEqual([]);
  });

  it('counts the Council of the vote\'s day: the United Kingdom votes on 31 January 2020 and not on 1 February 2020', () => {
    expect(vote({ rule: 'qmv', date: '2020-01-31', votes: { against: ['GB'] } }).counts).toMatchObject({ members: 28, against: 1 });
    const e = refusal({ rule: 'qmv', date: '2020-02-01', votes: { against: ['GB'] } });
    expect(e.message).toContain('"GB" is not a member state on 2020-02-01 (United Kingdom was a member until 2020-01-31)');
    const after = vote({ rule: 'qmv', date: '2020-02-01' });
    expect(after.counts).toMatchObject({ members: 27, participating: 27 });
    expect(after.members).not.toContain('GB');
    expect(after.explanation.join(' ')).toContain('The Council on 2020-02-01 has 27 members');
    // By year alone, the Council of 1 January.
    expect(vote({ rule: 'qmv', year: 2020 }).counts.members).toBe(28);
  });
});

describe('the plan and the vote simulator agree on the end of the opt-out', () => {
  // The same day is written in two reviewed files: the plan's advisory rule (data/toolbox/rules.yaml, `before`) and the
  // vote simulator's exception (data/council/voting-rules.yaml, `until`, the last day out). A correction of one alone
  // would make the plan and the vote say different things.
  it("the rule's first day in is the day after the vote data's last day out", () => {
    const rule = toolbox.rules.rules.find((r) => r.id === 'denmark-defence-opt-out');
    const before = JSON.stringify(rule?.condition).match(/"fact":"plan\.asOf","before":"(\d{4}-\d{2}-\d{2})"/)?.[1];
    const until = council.votingRules.nonParticipation.find((n) => n.state === 'DK' && n.subject === 'defence-implications')?.until;
    expect(before).toBeDefined();
    expect(until).toBeDefined();
    const next = new Date(`${until}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    expect(next.toISOString().slice(0, 10)).toBe(before);
  });
});

describe('constructive abstention while Denmark is out of a defence decision (Art. 31(1) TEU; the count is unverified data)', () => {
  // Nine abstainers holding 33.04 % of the Union's population in 2022 but 33.47 % of the 26 participants' population.
  const nine = ['DE', 'ES', 'MT', 'LU', 'CY', 'EE', 'LV', 'IE', 'BG'];
  const input = { rule: 'unanimity', date: '2022-06-30', defenceImplications: true, votes: { constructive: nine } };

  it('counts the third over all 27 member states and the whole population, and says so as unverified', () => {
    const r = vote(input);
    expect(r.adopted).toBe(true);
    expect(r.thresholds.find((t) => t.id === 'constructive-abstention')).toMatchObject({ required: { members: 9 }, actual: { members: 9, populationPercent: 33.04 }, met: true });
    expect(r.constructiveAbstention).toMatchObject({ counted: 'all-members', unverified: true });
    expect(r.constructiveAbstention?.text).toContain("With Denmark out, qualified abstentions are still counted against all the member states");
    expect(r.explanation.join(' ')).toContain('With Denmark out, qualified abstentions are still counted against all the member states');
    expect(r.participationExceptions?.[0]?.constructiveAbstention).toMatchObject({ among: 'all-members', unverified: true });
  });

  it('follows the data: counted over the participants, the same nine stop the decision', () => {
    const participants: CouncilData = {
      ...council,
      votingRules: {
        ...council.votingRules,
        nonParticipation: council.votingRules.nonParticipation.map((x) => (x.constructiveAbstention ? { ...x, constructiveAbstention: { ...x.constructiveAbstention, among: 'participants' as const } } : x)),
      },
    };
    const r = vote(input, participants);
    expect(r.adopted).toBe(false);
    expect(r.thresholds.find((t) => t.id === 'constructive-abstention')?.actual.populationPercent).toBe(33.47);
    expect(r.constructiveAbstention?.counted).toBe('participants');
  });

  it('says nothing of Denmark when it takes part, or when the rule has no constructive abstention', () => {
    const after = vote({ ...input, date: '2022-07-01' });
    expect(after.constructiveAbstention?.counted).toBeUndefined();
    expect(after.explanation.join(' ')).not.toContain('With Denmark out');
    expect(vote({ rule: 'qmv', date: '2022-06-30', defenceImplications: true }).explanation.join(' ')).not.toContain('With Denmark out');
  });
});
