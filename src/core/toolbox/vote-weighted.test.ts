// Qualified majorities before the double majority: weighted votes up to 31 October 2014, and on a member's request up
// to 31 March 2017 (Protocol (No 36) on transitional provisions, Art. 3; UNVERIFIED in the sources consulted, as
// data/council/voting-rules.yaml says). Each case moves the day, the votes or the request and watches the rule the
// simulator counts with, and the outcome, move.
import { describe, expect, it } from 'vitest';
import { council, voteRefusal } from './council.fixture';
import { simulateVote, type CouncilData, type VoteResult } from './vote';

const vote = (input: unknown, data: CouncilData = council): VoteResult => simulateVote(input, data);
const threshold = (r: VoteResult, id: string) => r.thresholds.find((t) => t.id === id);

describe('a qualified majority dated before 1 November 2014 is counted in weighted votes', () => {
  it('the day before the double majority counts weighted votes, the day itself the double majority', () => {
    const before = vote({ rule: 'qmv', date: '2014-10-31' });
    expect(before.counting).toMatchObject({ method: 'weighted-votes', reason: 'before-double-majority', basis: 'Protocol (No 36) on transitional provisions, Art. 3', unverified: true });
    expect(before.counting?.period).toMatchObject({ threshold: 260, total: 352 });
    expect(before.title).toBe('Qualified majority in weighted votes');
    expect(before.explanation[0]).toContain('Counted in weighted votes');
    expect(before.unverified).toBe(true);
    const from = vote({ rule: 'qmv', date: '2014-11-01' });
    expect(from.counting).toMatchObject({ method: 'double-majority' });
    expect(from.counting?.period).toBeUndefined();
    expect(threshold(from, 'weighted-votes')).toBeUndefined();
    expect(threshold(from, 'population')).toBeDefined();
  });

  it('the same votes move with the rule: DE, FR, IT and MT block a double majority but not 260 of 352 weighted votes', () => {
    const against = ['DE', 'FR', 'IT', 'MT'];
    const weighted = vote({ rule: 'qmv', date: '2014-10-31', votes: { against } });
    expect(weighted.adopted).toBe(true);
    expect(threshold(weighted, 'weighted-votes')).toMatchObject({ required: { votes: 260, votesOf: 352 }, actual: { votes: 262 }, met: true });
    expect(vote({ rule: 'qmv', date: '2014-11-03', votes: { against } }).adopted).toBe(false);
    // The United Kingdom instead of Malta: 116 votes against, more than the 93 of a blocking minority.
    expect(vote({ rule: 'qmv', date: '2014-10-31', votes: { against: ['DE', 'FR', 'IT', 'GB'] } }).adopted).toBe(false);
  });

  it('the weights change with Croatia: 255 of 345 on 30 June 2013, 260 of 352 on 1 July 2013', () => {
    // 90 votes against: under the 91 that block among 27, under the 93 that block among 28.
    const against = ['DE', 'FR', 'IT', 'MT'];
    const june = vote({ rule: 'qmv', date: '2013-06-30', votes: { against } });
    expect(june.members).toHaveLength(27);
    expect(threshold(june, 'weighted-votes')).toMatchObject({ required: { votes: 255, votesOf: 345 }, actual: { votes: 255 }, met: true });
    // Add Cyprus (4): 94 against blocks in both.
    expect(vote({ rule: 'qmv', date: '2013-06-30', votes: { against: [...against, 'CY'] } }).adopted).toBe(false);
    const july = vote({ rule: 'qmv', date: '2013-07-01', votes: { against } });
    expect(july.members).toHaveLength(28);
    expect(threshold(july, 'weighted-votes')).toMatchObject({ required: { votes: 260 }, actual: { votes: 262 } });
    // Ireland (7) instead of Malta (3): 94 against blocks in July, where 93 is the blocking minority.
    expect(vote({ rule: 'qmv', date: '2013-07-01', votes: { against: ['DE', 'FR', 'IT', 'IE'] } }).adopted).toBe(false);
  });

  it('needs a majority of the members on a Commission proposal (qmv) and two thirds otherwise (rqmv)', () => {
    // The 13 smallest of 27 by weight hold 79 votes: the 14 largest hold 266 of 345, but only 14 members.
    const smallest = ['MT', 'CY', 'EE', 'LV', 'LU', 'SI', 'DK', 'IE', 'LT', 'SK', 'FI', 'AT', 'BG'];
    const qmv = vote({ rule: 'qmv', year: 2012, votes: { against: smallest } });
    expect(threshold(qmv, 'members')).toMatchObject({ required: { members: 14 }, actual: { members: 14 }, met: true });
    expect(qmv.adopted).toBe(true);
    const rqmv = vote({ rule: 'rqmv', year: 2012, votes: { against: smallest } });
    expect(threshold(rqmv, 'members')).toMatchObject({ required: { members: 18 }, met: false });
    expect(rqmv.adopted).toBe(false);
    expect(rqmv.counting?.text).toContain('two thirds of the members');
    // Sweden (10) against too: 14 members against, 13 for, under a majority.
    expect(vote({ rule: 'qmv', year: 2012, votes: { against: [...smallest, 'SE'] } }).adopted).toBe(false);
  });

  it('counts abstentions as not voting for, and members not taking part out of both proportions (Art. 3(4))', () => {
    expect(vote({ rule: 'qmv', date: '2014-06-02', votes: { abstain: ['DE', 'FR', 'IT', 'GB'] } }).adopted).toBe(false);
    // Denmark out of a defence decision: 345 of the 28's votes cast, 260/352 of them needed (255).
    const out = vote({ rule: 'qmv', date: '2014-06-02', defenceImplications: true, votes: { against: ['DE', 'FR', 'IT', 'LU'] } });
    expect(out.counts.participating).toBe(27);
    expect(threshold(out, 'weighted-votes')).toMatchObject({ required: { votes: 255, votesOf: 345 }, actual: { votes: 254 }, met: false });
    expect(out.adopted).toBe(false);
    // Malta (3) instead of Luxembourg (4): 255 for, the proportion reached.
    expect(vote({ rule: 'qmv', date: '2014-06-02', defenceImplications: true, votes: { against: ['DE', 'FR', 'IT', 'MT'] } }).adopted).toBe(true);
  });

  it('reads the year alone before 2014 as its 1 January, and asks for the day of a qualified-majority vote in 2014', () => {
    expect(vote({ rule: 'qmv', year: 2013 }).counting?.period).toMatchObject({ total: 345 });
    const e = voteRefusal({ rule: 'qmv', year: 2014 });
    expect(e.issues[0]?.path).toBe('date');
    expect(e.message).toContain('the double majority applies from 2014-11-01');
    // Unanimity does not change in 2014.
    expect(vote({ rule: 'unanimity', year: 2014 }).counting).toBeUndefined();
  });

  it('follows the data: with the double majority a year later, a vote of March 2015 is counted in weighted votes', () => {
    const wv = council.votingRules.weightedVotes;
    const later: CouncilData = { ...council, votingRules: { ...council.votingRules, weightedVotes: { ...wv, doubleMajorityFrom: '2015-11-01' } } };
    expect(vote({ rule: 'qmv', date: '2015-03-02' }).counting?.method).toBe('double-majority');
    expect(vote({ rule: 'qmv', date: '2015-03-02' }, later).counting?.method).toBe('weighted-votes');
  });
});

describe('from 1 November 2014 to 31 March 2017 a member could ask for the weighted votes (Art. 3(2))', () => {
  it('counts the weighted votes on request inside the window, and refuses the request after it', () => {
    const against = ['DE', 'FR', 'IT', 'MT'];
    const asked = vote({ rule: 'qmv', date: '2017-03-31', weightedVotesRequested: true, votes: { against } });
    expect(asked.counting).toMatchObject({ method: 'weighted-votes', reason: 'requested' });
    expect(asked.adopted).toBe(true);
    expect(vote({ rule: 'qmv', date: '2017-03-31', votes: { against } }).adopted).toBe(false);
    const e = voteRefusal({ rule: 'qmv', date: '2017-04-01', weightedVotesRequested: true });
    expect(e.issues[0]?.path).toBe('weightedVotesRequested');
    expect(e.message).toContain('only from 2014-11-01 to 2017-03-31');
  });

  it('says a double-majority vote inside the window could have been asked for in weighted votes, and not after it', () => {
    expect(vote({ rule: 'qmv', year: 2016 }).counting?.text).toContain('up to 2017-03-31 any member could ask for the weighted votes');
    expect(vote({ rule: 'qmv', year: 2018 }).counting?.text).not.toContain('could ask');
  });

  it('refuses a request under unanimity or simple majority, and asks for the day of a request in 2017', () => {
    expect(voteRefusal({ rule: 'unanimity', year: 2015, weightedVotesRequested: true }).issues[0]?.path).toBe('weightedVotesRequested');
    expect(voteRefusal({ rule: 'simple', year: 2015, populationCheck: true }).issues[0]?.path).toBe('populationCheck');
    expect(voteRefusal({ rule: 'qmv', year: 2017, weightedVotesRequested: true }).issues[0]?.path).toBe('date');
    expect(vote({ rule: 'qmv', year: 2016, weightedVotesRequested: true }).counting?.method).toBe('weighted-votes');
  });
});

describe('the 62 % population check, on a member\'s request (Protocol No 36, Art. 3(3))', () => {
  it('stops an act the weighted votes carry when the states voting for hold less than 62 % of the population', () => {
    const against = ['DE', 'FR', 'IT'];
    const unchecked = vote({ rule: 'qmv', date: '2015-05-04', weightedVotesRequested: true, votes: { against } });
    expect(unchecked.adopted).toBe(true);
    expect(threshold(unchecked, 'population-check')).toBeUndefined();
    const checked = vote({ rule: 'qmv', date: '2015-05-04', weightedVotesRequested: true, populationCheck: true, votes: { against } });
    expect(threshold(checked, 'population-check')).toMatchObject({ required: { populationPercent: 62 }, met: false });
    expect(checked.adopted).toBe(false);
    // Spain instead of Germany: the states voting for hold more than 62 %.
    expect(vote({ rule: 'qmv', date: '2015-05-04', weightedVotesRequested: true, populationCheck: true, votes: { against: ['ES', 'FR', 'IT'] } }).adopted).toBe(true);
  });

  it('refuses the check where the data has no population figures, and under the double majority', () => {
    const e = voteRefusal({ rule: 'qmv', year: 2013, populationCheck: true });
    expect(e.issues[0]?.path).toBe('populationCheck');
    expect(e.message).toContain('needs the population figures of 2013');
    expect(voteRefusal({ rule: 'qmv', year: 2019, populationCheck: true }).message).toContain('the double majority counts the population itself');
  });
});

describe('votes before the Treaty of Lisbon\'s rules are refused, naming the first day counted', () => {
  it('refuses 30 November 2009 and counts 1 December 2009', () => {
    const e = voteRefusal({ rule: 'unanimity', date: '2009-11-30' });
    expect(e.issues[0]?.path).toBe('date');
    expect(e.message).toContain('the simulator counts votes from 2009-12-01');
    expect(vote({ rule: 'qmv', date: '2009-12-01' }).counting).toMatchObject({ method: 'weighted-votes', period: { total: 345 } });
    expect(voteRefusal({ rule: 'simple', year: 2009 }).message).toContain("give the vote's date, from 2009-12-01");
    expect(voteRefusal({ rule: 'simple', year: 2008 }).issues[0]?.path).toBe('year');
  });

  it('counts unanimity and simple majority in 2012 without population figures, but not qualified abstentions that need them', () => {
    const r = vote({ rule: 'simple', year: 2012, votes: { against: ['DE', 'FR', 'IT', 'ES', 'PL', 'RO', 'NL', 'BE', 'CZ', 'GR', 'HU', 'PT', 'SE'] } });
    expect(r.adopted).toBe(true);
    expect(r.populationFigures).toBe('none');
    expect(r.explanation.join(' ')).toContain('The data holds no population figures for 2012');
    expect(vote({ rule: 'unanimity', year: 2012, votes: { abstain: ['HU'] } }).adopted).toBe(true);
    expect(voteRefusal({ rule: 'unanimity', year: 2012, votes: { constructive: ['HU'] } }).issues[0]?.path).toBe('votes.constructive');
    expect(vote({ rule: 'unanimity', year: 2014, votes: { constructive: ['HU'] } }).adopted).toBe(true);
  });
});
