import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { council, voteRefusal } from './council.fixture';
import { MEMBER_STATE_CODES } from './member-states';
import { simulateVote, type VoteResult } from './vote';
import type { Position } from './vote-tally';
import type { VoteRuleId } from './voting-rules';

const vote = (input: unknown): VoteResult => simulateVote(input, council);
const threshold = (r: VoteResult, id: string) => r.thresholds.find((t) => t.id === id);

/** Member states from the smallest population up (2025 shares). */
const SMALLEST_FIRST = ['MT', 'LU', 'CY', 'EE', 'LV', 'SI', 'LT', 'HR', 'IE', 'SK', 'FI', 'DK', 'BG', 'AT', 'HU', 'GR', 'SE', 'PT', 'CZ', 'BE', 'NL', 'RO', 'PL', 'ES', 'IT', 'FR', 'DE'];

const refusal = voteRefusal;

describe('qualified majority (Art. 16(4) TEU): worked examples with the 2025 figures', () => {
  it('adopts when every member votes for', () => {
    const r = vote({ rule: 'qmv' });
    expect(r.adopted).toBe(true);
    expect(r.counts).toMatchObject({ members: 27, participating: 27, for: 27, against: 0 });
    expect(r.shares.population.for).toBe(100);
    expect(r.year).toBe(2025);
  });

  it('three large states (DE, FR, IT) cannot block alone: the majority is deemed reached', () => {
    const r = vote({ rule: 'qmv', votes: { against: ['DE', 'FR', 'IT'] } });
    expect(r.adopted).toBe(true);
    expect(r.deemedReached).toBe(true);
    expect(threshold(r, 'members')).toMatchObject({ required: { members: 15 }, actual: { members: 24 }, met: true });
    expect(threshold(r, 'population')?.met).toBe(false);
    expect(r.shares.population.against).toBeCloseTo(46.88, 1);
    expect(threshold(r, 'blocking-minority')).toMatchObject({ required: { members: 4 }, actual: { members: 3 }, met: true });
    expect(r.explanation.join(' ')).toContain('too few members opposed to form a blocking minority');
  });

  it('four large states (DE, FR, IT, ES) can block', () => {
    const r = vote({ rule: 'qmv', votes: { against: ['DE', 'FR', 'IT', 'ES'] } });
    expect(r.adopted).toBe(false);
    expect(threshold(r, 'blocking-minority')?.met).toBe(false);
    expect(r.explanation).toContain('Result: not adopted.');
  });

  it('the fourth blocking member can be the smallest: DE, FR, IT and MT block', () => {
    expect(vote({ rule: 'qmv', votes: { against: 'DE,FR,IT,MT' } }).adopted).toBe(false);
  });

  it('four small states do not block: the population condition holds', () => {
    const r = vote({ rule: 'qmv', votes: { against: ['MT', 'LU', 'CY', 'EE'] } });
    expect(r.adopted).toBe(true);
    expect(r.deemedReached).toBe(false);
  });

  it('needs 15 members for: 13 small states against block, 12 do not', () => {
    expect(vote({ rule: 'qmv', votes: { against: SMALLEST_FIRST.slice(0, 13) } }).adopted).toBe(false);
    const r = vote({ rule: 'qmv', votes: { against: SMALLEST_FIRST.slice(0, 12) } });
    expect(r.adopted).toBe(true);
    expect(threshold(r, 'members')?.actual.members).toBe(15);
  });

  it('counts an abstention like a vote against', () => {
    const r = vote({ rule: 'qmv', votes: { abstain: ['DE', 'FR', 'IT', 'ES'] } });
    expect(r.adopted).toBe(false);
    expect(r.explanation.join(' ')).toContain('Abstentions weigh like votes against');
  });

  it('with members not taking part, counts among participants and recomputes the blocking minority (Art. 238(3)(a) TFEU)', () => {
    // Eight participants; Germany alone holds more than 35 % of their population, so two members block.
    const participants = ['DE', 'PL', 'RO', 'NL', 'BE', 'CZ', 'PT', 'SE'];
    const notParticipating = MEMBER_STATE_CODES.filter((c) => !participants.includes(c));
    const alone = vote({ rule: 'qmv', votes: { against: ['DE'], notParticipating } });
    expect(alone.counts.participating).toBe(8);
    expect(threshold(alone, 'members')).toMatchObject({ required: { members: 5 }, actual: { members: 7 } });
    expect(threshold(alone, 'population')?.met).toBe(false);
    expect(threshold(alone, 'blocking-minority')).toMatchObject({ required: { members: 2 }, met: true });
    expect(alone.adopted).toBe(true);
    expect(vote({ rule: 'qmv', votes: { against: ['DE', 'SE'], notParticipating } }).adopted).toBe(false);
  });
});

describe('reinforced qualified majority (Art. 238(2) TFEU)', () => {
  it('needs 72 % of the members: 20 of 27', () => {
    const seven = vote({ rule: 'rqmv', votes: { against: SMALLEST_FIRST.slice(0, 7) } });
    expect(seven.adopted).toBe(true);
    expect(threshold(seven, 'members')).toMatchObject({ required: { members: 20 }, actual: { members: 20 } });
    expect(vote({ rule: 'rqmv', votes: { against: SMALLEST_FIRST.slice(0, 8) } }).adopted).toBe(false);
  });

  it('has no blocking-minority rule: three large states against block it', () => {
    const r = vote({ rule: 'rqmv', votes: { against: ['DE', 'FR', 'IT'] } });
    expect(r.adopted).toBe(false);
    expect(threshold(r, 'blocking-minority')).toBeUndefined();
  });
});

describe('unanimity (Art. 31(1) TEU, Art. 238(4) TFEU)', () => {
  it('one vote against rejects', () => {
    const r = vote({ rule: 'unanimity', votes: { against: ['HU'] } });
    expect(r.adopted).toBe(false);
    expect(threshold(r, 'no-vote-against')).toMatchObject({ actual: { members: 1 }, met: false });
    expect(r.whatWouldFlip).toEqual([expect.objectContaining({ states: ['HU'], to: 'for', outcome: 'adopted' })]);
  });

  it('ordinary abstentions do not prevent unanimity', () => {
    const r = vote({ rule: 'unanimity', votes: { abstain: ['DE', 'FR', 'IT', 'ES', 'PL'] } });
    expect(r.adopted).toBe(true);
    expect(r.explanation.join(' ')).toContain('Abstentions do not prevent a unanimous decision');
  });

  it('qualified abstentions stop it only from a third of the members with a third of the population', () => {
    // Nine members, but only 4.36 % of the population: adopted.
    expect(vote({ rule: 'unanimity', votes: { constructive: SMALLEST_FIRST.slice(0, 9) } }).adopted).toBe(true);
    // Three members with 46.89 %: too few members, adopted.
    expect(vote({ rule: 'unanimity', votes: { constructive: ['DE', 'FR', 'IT'] } }).adopted).toBe(true);
    // Nine members including DE and FR: at least a third of both, not adopted.
    const nine = ['DE', 'FR', ...SMALLEST_FIRST.slice(0, 7)];
    const r = vote({ rule: 'unanimity', votes: { constructive: nine } });
    expect(r.adopted).toBe(false);
    expect(threshold(r, 'constructive-abstention')).toMatchObject({ required: { members: 9 }, actual: { members: 9 }, met: false });
    expect(r.whatWouldFlip[0]?.states).toEqual(['DE']);
  });

  it('counts constructive abstention as an ordinary one under other rules, and says so', () => {
    const r = vote({ rule: 'qmv', votes: { constructive: ['MT'] } });
    expect(r.votes.abstain).toEqual(['MT']);
    expect(r.explanation.join(' ')).toContain('Constructive abstention exists only for unanimous CFSP decisions');
  });

  it('leaves out members not taking part', () => {
    const r = vote({ rule: 'unanimity', votes: { notParticipating: ['DK'] } });
    expect(r.adopted).toBe(true);
    expect(r.counts).toMatchObject({ participating: 26, notParticipating: 1 });
  });
});

describe('simple majority (Art. 238(1) TFEU)', () => {
  it('needs 14 of 27', () => {
    expect(vote({ rule: 'simple', votes: { against: SMALLEST_FIRST.slice(0, 13) } }).adopted).toBe(true);
    expect(vote({ rule: 'simple', votes: { against: SMALLEST_FIRST.slice(0, 14) } }).adopted).toBe(false);
    expect(vote({ rule: 'simple' }).unverified).toBe(true);
  });
});

describe('simple majority counts all the Council\'s members, whoever takes part (Art. 238(1) TFEU)', () => {
  const others = (codes: readonly string[]) => MEMBER_STATE_CODES.filter((c) => !codes.includes(c));

  it('13 for of 27 with the others absent is not adopted; 14 is', () => {
    const thirteen = SMALLEST_FIRST.slice(0, 13);
    const rejected = vote({ rule: 'simple', votes: { notParticipating: others(thirteen) } });
    expect(rejected.adopted).toBe(false);
    expect(threshold(rejected, 'members')).toMatchObject({ required: { members: 14 }, actual: { members: 13 }, met: false });
    expect(threshold(rejected, 'members')?.text).toContain("the Council's 27 members");
    const fourteen = SMALLEST_FIRST.slice(0, 14);
    expect(vote({ rule: 'simple', votes: { notParticipating: others(fourteen) } }).adopted).toBe(true);
  });

  it('needs 15 of the 28 members of 2019', () => {
    const codes = vote({ rule: 'simple', year: 2019 }).members;
    expect(codes).toHaveLength(28);
    const absent = (k: number) => codes.slice(k);
    expect(vote({ rule: 'simple', year: 2019, votes: { notParticipating: absent(14) } }).adopted).toBe(false);
    const r = vote({ rule: 'simple', year: 2019, votes: { notParticipating: absent(15) } });
    expect(r.adopted).toBe(true);
    expect(threshold(r, 'members')?.required.members).toBe(15);
  });
});

describe('constructive abstention is counted over all member states and the whole population (Art. 31(1) TEU)', () => {
  const nineWithDeFr = ['DE', 'FR', ...SMALLEST_FIRST.slice(0, 7)];

  it('the same nine abstainers block with a third of the whole population and do not without it, whoever else takes part', () => {
    const absent = ['PL', 'RO', 'NL', 'BE'];
    const blocked = vote({ rule: 'unanimity', votes: { constructive: nineWithDeFr, notParticipating: absent } });
    expect(blocked.adopted).toBe(false);
    expect(threshold(blocked, 'constructive-abstention')).toMatchObject({ required: { members: 9 }, actual: { members: 9 }, met: false });
    // Swap France (15.17 %) for Ireland (1.19 %): the same number of abstainers, under a third of the population.
    const lighter = nineWithDeFr.map((c) => (c === 'FR' ? 'IE' : c));
    const adopted = vote({ rule: 'unanimity', votes: { constructive: lighter, notParticipating: absent } });
    expect(adopted.adopted).toBe(true);
    expect(threshold(adopted, 'constructive-abstention')?.actual.populationPercent).toBeLessThan(33.34);
  });

  it('members not taking part do not lower the bar: five large abstainers among fifteen participants do not block', () => {
    const five = ['DE', 'FR', 'IT', 'ES', 'PL'];
    const absent = SMALLEST_FIRST.slice(0, 12);
    const r = vote({ rule: 'unanimity', votes: { constructive: five, notParticipating: absent } });
    expect(r.counts.participating).toBe(15);
    // A third of the 15 participants, but not of the 27 members: the decision is adopted.
    expect(r.adopted).toBe(true);
    expect(threshold(r, 'constructive-abstention')).toMatchObject({ required: { members: 9 }, actual: { members: 5 }, met: true });
    expect(threshold(r, 'constructive-abstention')?.text).toContain('of all 27 member states');
  });

  it('needs ten of the 28 members of 2019', () => {
    const r = vote({ rule: 'unanimity', year: 2019, votes: { constructive: ['DE', 'FR', 'GB', 'IT', 'ES', 'PL', 'RO', 'NL', 'BE'] } });
    expect(threshold(r, 'constructive-abstention')).toMatchObject({ required: { members: 10 }, actual: { members: 9 }, met: true });
    expect(r.adopted).toBe(true);
    expect(vote({ rule: 'unanimity', year: 2019, votes: { constructive: ['DE', 'FR', 'GB', 'IT', 'ES', 'PL', 'RO', 'NL', 'BE', 'MT'] } }).adopted).toBe(false);
  });
});

describe('the Council of the vote\'s year: the United Kingdom a member until 31 January 2020', () => {
  it('accepts GB in 2019 and refuses it in 2021, naming the code, the year and the allowed codes', () => {
    const r = vote({ rule: 'qmv', year: 2019, votes: { against: ['GB', 'DE'] } });
    expect(r.year).toBe(2019);
    expect(r.members).toHaveLength(28);
    expect(r.votes.against).toEqual(['DE', 'GB']);
    expect(r.explanation).toContain(`The Council of 2019 has 28 members: ${r.members.join(', ')}.`);
    const e = refusal({ rule: 'qmv', year: 2021, votes: { against: ['GB', 'DE'] } });
    expect(e.code).toBe('invalid_vote');
    expect(e.issues).toEqual([{ path: 'votes.against.0', message: expect.stringContaining('"GB" is not a member state in 2021') as unknown }]);
    expect(e.message).toContain('United Kingdom was a member until 2020-01-31');
    expect(e.message).toContain('the Council of 2021 has 27 members: AT, BE, BG');
    expect(e.message).not.toMatch(/\bGB\b.*\bGB\b.*\bGB\b/);
  });

  it('reads the Council code UK as GB, and 2020 as a Council of 28', () => {
    expect(vote({ rule: 'qmv', year: 2020, votes: { abstain: 'uk' } }).votes.abstain).toEqual(['GB']);
    expect(vote({ rule: 'qmv', year: 2020 }).counts.members).toBe(28);
    expect(vote({ rule: 'qmv', year: 2021 }).counts.members).toBe(27);
  });

  it('accepts Croatia in 2014, and defaults to the latest year with 27 members', () => {
    expect(vote({ rule: 'qmv', date: '2014-11-03', votes: { against: ['HR'] } }).votes.against).toEqual(['HR']);
    const latest = vote({ rule: 'qmv' });
    expect(latest.year).toBe(2025);
    expect(latest.members).toEqual([...MEMBER_STATE_CODES]);
  });

  it('the same qualified-majority vote moves with the year: 15 of 27 members, 16 of 28', () => {
    const against = SMALLEST_FIRST.slice(0, 12);
    expect(vote({ rule: 'qmv', year: 2021, votes: { against } }).adopted).toBe(true);
    const r2019 = vote({ rule: 'qmv', year: 2019, votes: { against } });
    expect(threshold(r2019, 'members')).toMatchObject({ required: { members: 16 }, actual: { members: 16 }, met: true });
    expect(vote({ rule: 'qmv', year: 2019, votes: { against: [...against, 'AT'] } }).adopted).toBe(false);
  });

  it('says when the year\'s figures are estimates, and uses absolute figures where every state has one', () => {
    const r = vote({ rule: 'qmv', year: 2018 });
    expect(r.unverified).toBe(true);
    expect(r.populationFigures).toBe('population');
    expect(r.explanation.join(' ')).toContain('Some 2018 population figures are estimates');
    const latest = vote({ rule: 'qmv' });
    expect(latest.explanation.join(' ')).not.toContain('are estimates');
  });
});

describe('what would flip the outcome', () => {
  it('finds the smallest set that blocks a unanimous qualified majority: the four largest states', () => {
    const r = vote({ rule: 'qmv' });
    expect(r.whatWouldFlip).toEqual([
      {
        states: ['DE', 'FR', 'IT', 'ES'],
        to: 'against',
        outcome: 'rejected',
        text: 'If DE, FR, IT and ES voted against instead of for, the act would not be adopted.',
      },
    ]);
  });

  it('finds the one state whose switch adopts a blocked act', () => {
    const r = vote({ rule: 'qmv', votes: { against: ['DE', 'FR', 'IT', 'ES'] } });
    expect(r.whatWouldFlip[0]).toMatchObject({ states: ['DE'], to: 'for', outcome: 'adopted' });
  });
});

describe('invalid votes', () => {
  it('refuses an unknown code, naming it and listing the allowed codes', () => {
    const e = refusal({ rule: 'qmv', votes: { against: ['DE', 'UK'] } });
    expect(e.code).toBe('invalid_vote');
    expect(e.issues[0]?.path).toBe('votes.against.1');
    expect(e.message).toContain('"UK" is not a member state');
    expect(e.message).toContain('AT, BE, BG, CY, CZ, DE');
    expect(e.message).toContain('(Greece as GR or EL)');
  });

  it('refuses a state named in two lists', () => {
    const e = refusal({ rule: 'qmv', votes: { against: ['DE'], abstain: ['FR', 'DE'] } });
    expect(e.code).toBe('invalid_vote');
    expect(e.message).toContain('DE (Germany) is named both in votes.against and in votes.abstain');
    expect(refusal({ rule: 'qmv', votes: { against: ['EL'], abstain: ['GR'] } }).message).toContain('GR (Greece)');
  });

  it('accepts Greece as GR or EL', () => {
    expect(vote({ rule: 'qmv', votes: { against: ['EL'] } }).votes.against).toEqual(['GR']);
    expect(vote({ rule: 'qmv', votes: { against: 'gr' } }).votes.against).toEqual(['GR']);
  });

  it('refuses an unknown rule, a year before the first it counts and a vote in which nobody takes part; a year after the last figures is counted with them', () => {
    expect(refusal({ rule: 'consensus' }).issues[0]?.path).toBe('rule');
    expect(refusal({ rule: 'qmv', year: 1999 }).message).toContain('the simulator counts votes from 2009-12-01');
    expect(vote({ rule: 'qmv', year: 2030 })).toMatchObject({ year: 2030, figuresYear: vote({ rule: 'qmv' }).year, unverified: true });
    expect(refusal({ rule: 'qmv', votes: { notParticipating: MEMBER_STATE_CODES } }).issues[0]?.path).toBe('votes.notParticipating');
  });
});

// --- Properties -------------------------------------------------------------------------------------

const RULES: VoteRuleId[] = ['unanimity', 'qmv', 'rqmv', 'simple'];
const POSITION_ARB = fc.constantFrom<Position>('for', 'for', 'for', 'against', 'abstain', 'constructive', 'notParticipating');

/** A ballot as position per member state, with at least one member taking part. */
const ballotArb = fc
  .array(POSITION_ARB, { minLength: MEMBER_STATE_CODES.length, maxLength: MEMBER_STATE_CODES.length })
  .filter((ps) => ps.some((p) => p !== 'notParticipating'));

function toInput(rule: VoteRuleId, positions: readonly Position[]) {
  const votes: Record<Position, string[]> = { for: [], against: [], abstain: [], constructive: [], notParticipating: [] };
  positions.forEach((p, i) => votes[p].push(MEMBER_STATE_CODES[i] ?? ''));
  return { rule, votes };
}

const with1 = (positions: readonly Position[], i: number, p: Position) => positions.map((q, j) => (j === i ? p : q));

describe('vote simulator properties', () => {
  it('moving a member from against to for never turns an adopted act into a rejected one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULES), ballotArb, fc.nat(MEMBER_STATE_CODES.length - 1), (rule, positions, i) => {
        const against = with1(positions, i, 'against');
        const forIt = with1(positions, i, 'for');
        if (vote(toInput(rule, against)).adopted) expect(vote(toInput(rule, forIt)).adopted).toBe(true);
      }),
    );
  });

  it('moving a member from for to against or abstention never turns a rejected act into an adopted one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULES), ballotArb, fc.nat(MEMBER_STATE_CODES.length - 1), fc.constantFrom<Position>('against', 'abstain'), (rule, positions, i, to) => {
        if (!vote(toInput(rule, with1(positions, i, 'for'))).adopted) expect(vote(toInput(rule, with1(positions, i, to))).adopted).toBe(false);
      }),
    );
  });

  it('under unanimity, one vote against always rejects', () => {
    fc.assert(
      fc.property(ballotArb, fc.nat(MEMBER_STATE_CODES.length - 1), (positions, i) => {
        expect(vote(toInput('unanimity', with1(positions, i, 'against'))).adopted).toBe(false);
      }),
    );
  });

  it('under qualified majority, fewer than four members not voting for never block when all take part', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(MEMBER_STATE_CODES.length - 1), { maxLength: 3 }), (indexes) => {
        const against = indexes.map((i) => MEMBER_STATE_CODES[i] ?? '');
        expect(vote({ rule: 'qmv', votes: { against } }).adopted).toBe(true);
      }),
    );
  });

  it('applying what would flip the outcome does flip it, and no smaller set of the same kind does', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULES), ballotArb, (rule, positions) => {
        const result = vote(toInput(rule, positions));
        for (const flip of result.whatWouldFlip) {
          const moved = positions.map((p, i) => (flip.states.includes(MEMBER_STATE_CODES[i] ?? '') ? flip.to : p));
          expect(vote(toInput(rule, moved)).adopted).toBe(!result.adopted);
          if (flip.states.length === 2) {
            // No single member of the same group switching alone would do.
            const group = result.adopted ? ['for'] : ['against', 'abstain', 'constructive'];
            positions.forEach((p, i) => {
              if (group.includes(p)) expect(vote(toInput(rule, with1(positions, i, flip.to))).adopted).toBe(result.adopted);
            });
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reports shares of the participants that add up, and thresholds that explain the outcome', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULES), ballotArb, (rule, positions) => {
        const r = vote(toInput(rule, positions));
        const m = r.shares.members;
        expect(m.for + m.against + m.abstain + m.constructive).toBeCloseTo(100, 0);
        expect(r.counts.participating + r.counts.notParticipating).toBe(27);
        expect(r.explanation.at(-1 - r.whatWouldFlip.length)).toMatch(/Result: (adopted|not adopted)\.|No change of votes/);
        if (r.adopted) expect(r.thresholds.filter((t) => t.id !== 'population' && t.id !== 'blocking-minority').every((t) => t.met)).toBe(true);
      }),
    );
  });
});
