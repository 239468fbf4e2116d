// The vote simulator against the Council's rules as the sources state them (research notes on voting, section 3;
// Art. 16(4) TEU, Art. 238 TFEU, Art. 31 TEU). Each case changes one input (a member's vote, who takes part, the
// rule, the day or the year's figures) and watches the answer move across the threshold the source names.
import { describe, expect, it } from 'vitest';
import { council } from './council.fixture';
import { MEMBER_STATE_CODES } from './member-states';
import { simulateVote, type VoteResult } from './vote';

const vote = (input: unknown): VoteResult => simulateVote(input, council);
const threshold = (r: VoteResult, id: string) => r.thresholds.find((t) => t.id === id);
/** Member states from the smallest population up (2025 shares). */
const SMALLEST = ['MT', 'LU', 'CY', 'EE', 'LV', 'SI', 'LT', 'HR', 'IE', 'SK', 'FI', 'DK', 'BG', 'AT', 'HU', 'GR', 'SE', 'PT', 'CZ', 'BE', 'NL', 'RO', 'PL', 'ES', 'IT', 'FR', 'DE'];
const smallestBut = (k: number, out: readonly string[]) => SMALLEST.filter((c) => !out.includes(c)).slice(0, k);
const others = (codes: readonly string[]) => MEMBER_STATE_CODES.filter((c) => !codes.includes(c));

describe('qualified majority: 55 % of the members with 65 % of the population (section 3.1)', () => {
  it('1. four states with more than 35 % block; the same four with Belgium for the Netherlands do not', () => {
    // DE, PL, RO, NL hold 35.06 %: the states voting for hold under 65 %.
    const block = vote({ rule: 'qmv', votes: { against: ['DE', 'PL', 'RO', 'NL'] } });
    expect(threshold(block, 'population')?.met).toBe(false);
    expect(block.adopted).toBe(false);
    const pass = vote({ rule: 'qmv', votes: { against: ['DE', 'PL', 'RO', 'BE'] } });
    expect(threshold(pass, 'population')?.met).toBe(true);
    expect(pass.adopted).toBe(true);
  });

  it('2. an abstention weighs like a vote against: three large states and Malta abstaining block, Malta voting for does not', () => {
    expect(vote({ rule: 'qmv', votes: { abstain: ['DE', 'FR', 'IT', 'MT'] } }).adopted).toBe(false);
    const r = vote({ rule: 'qmv', votes: { abstain: ['DE', 'FR', 'IT'] } });
    expect(r.adopted).toBe(true);
    expect(r.deemedReached).toBe(true);
  });

  it('3. abstaining is not staying out: four large states abstaining block, the same four not taking part do not', () => {
    const four = ['DE', 'FR', 'IT', 'ES'];
    expect(vote({ rule: 'qmv', votes: { abstain: four } }).adopted).toBe(false);
    const out = vote({ rule: 'qmv', votes: { notParticipating: four } });
    expect(out.counts.participating).toBe(23);
    expect(out.adopted).toBe(true);
  });

  it('4. with France and Italy out, Germany, Spain and Poland block: the blocking minority falls to three', () => {
    const against = ['DE', 'ES', 'PL'];
    const all = vote({ rule: 'qmv', votes: { against } });
    expect(all.adopted).toBe(true);
    expect(threshold(all, 'blocking-minority')?.required.members).toBe(4);
    const without = vote({ rule: 'qmv', votes: { against, notParticipating: ['FR', 'IT'] } });
    // DE alone is 25.8 % of the participants' population, DE and ES 40.9 %: two members, plus one.
    expect(threshold(without, 'blocking-minority')).toMatchObject({ required: { members: 3 }, actual: { members: 3 }, met: false });
    expect(without.adopted).toBe(false);
  });

  it('5. the 13 of 26 participating states of the 2008 calculator\'s bug: not a qualified majority (15 of 26) nor a simple one (14 of 27)', () => {
    const against = smallestBut(13, ['DK']);
    const qmv = vote({ rule: 'qmv', votes: { against, notParticipating: ['DK'] } });
    expect(threshold(qmv, 'members')).toMatchObject({ required: { members: 15 }, actual: { members: 13 }, met: false });
    expect(qmv.adopted).toBe(false);
    expect(vote({ rule: 'simple', votes: { against, notParticipating: ['DK'] } }).adopted).toBe(false);
  });

  it('6. fourteen of 26 carry a simple majority (14 of 27) but still not a qualified one', () => {
    const against = smallestBut(12, ['DK']);
    expect(vote({ rule: 'simple', votes: { against, notParticipating: ['DK'] } }).adopted).toBe(true);
    const qmv = vote({ rule: 'qmv', votes: { against, notParticipating: ['DK'] } });
    expect(threshold(qmv, 'members')?.actual.members).toBe(14);
    expect(qmv.adopted).toBe(false);
  });

  it('7. with 26 taking part, 15 for is enough: one more state voting for carries it', () => {
    const against = smallestBut(11, ['DK']);
    expect(vote({ rule: 'qmv', votes: { against, notParticipating: ['DK'] } }).adopted).toBe(true);
    expect(vote({ rule: 'qmv', votes: { against: smallestBut(12, ['DK']), notParticipating: ['DK'] } }).adopted).toBe(false);
  });

  it('8. the members condition rounds up: 55 % of 20 participants is 11, of 21 is 12 (11.55)', () => {
    const twenty = others(SMALLEST.slice(0, 7));
    const r20 = vote({ rule: 'qmv', votes: { notParticipating: SMALLEST.slice(0, 7) } });
    expect(r20.counts.participating).toBe(twenty.length);
    expect(threshold(r20, 'members')?.required.members).toBe(11);
    const r21 = vote({ rule: 'qmv', votes: { notParticipating: SMALLEST.slice(0, 6) } });
    expect(threshold(r21, 'members')?.required.members).toBe(12);
  });
});

describe('reinforced qualified majority: 72 % of the members with 65 % of the population (section 3.2)', () => {
  it('9. who proposes decides the rule: eight small states against carry a Commission proposal (qmv) but not a member state\'s (rqmv)', () => {
    const against = SMALLEST.slice(0, 8);
    expect(vote({ rule: 'qmv', votes: { against } }).adopted).toBe(true);
    const r = vote({ rule: 'rqmv', votes: { against } });
    expect(threshold(r, 'members')).toMatchObject({ required: { members: 20 }, actual: { members: 19 }, met: false });
    expect(r.adopted).toBe(false);
  });

  it('10. with Denmark out, 72 % of 26 is 19: seven small states against pass when Denmark stays out, not when it abstains', () => {
    const against = smallestBut(7, ['DK']);
    const out = vote({ rule: 'rqmv', votes: { against, notParticipating: ['DK'] } });
    expect(threshold(out, 'members')).toMatchObject({ required: { members: 19 }, actual: { members: 19 }, met: true });
    expect(out.adopted).toBe(true);
    expect(vote({ rule: 'rqmv', votes: { against, abstain: ['DK'] } }).adopted).toBe(false);
  });

  it('11. no blocking-minority rule: Germany, France and Romania against (37.9 %) reject it; Malta for Romania (33.8 %) does not', () => {
    expect(vote({ rule: 'rqmv', votes: { against: ['DE', 'FR', 'RO'] } }).adopted).toBe(false);
    expect(vote({ rule: 'qmv', votes: { against: ['DE', 'FR', 'RO'] } }).adopted).toBe(true);
    expect(vote({ rule: 'rqmv', votes: { against: ['DE', 'FR', 'MT'] } }).adopted).toBe(true);
  });
});

describe('unanimity: abstentions do not prevent it (section 3.3)', () => {
  it('12. twenty-six abstaining and one for adopt; the last one abstaining too does not (this project\'s reading)', () => {
    const r = vote({ rule: 'unanimity', votes: { abstain: others(['MT']) } });
    expect(r.adopted).toBe(true);
    const none = vote({ rule: 'unanimity', votes: { abstain: [...MEMBER_STATE_CODES] } });
    expect(threshold(none, 'at-least-one-for')?.met).toBe(false);
    expect(none.adopted).toBe(false);
  });

  it('13. a member not taking part cannot stop it; the same member voting against does', () => {
    expect(vote({ rule: 'unanimity', votes: { notParticipating: ['HU'] } }).adopted).toBe(true);
    expect(vote({ rule: 'unanimity', votes: { against: ['HU'] } }).adopted).toBe(false);
  });

  it('14. Denmark on a defence decision in 2021 is left out and cannot block; in 2023 it can', () => {
    expect(vote({ rule: 'unanimity', date: '2021-03-01', defenceImplications: true, votes: { abstain: ['HU'] } }).counts.participating).toBe(26);
    expect(vote({ rule: 'unanimity', date: '2023-03-01', defenceImplications: true, votes: { against: ['DK'] } }).adopted).toBe(false);
  });
});

describe('constructive abstention: a third of the member states with a third of the population (section 3.4)', () => {
  const eightWithDeFr = ['DE', 'FR', ...SMALLEST.slice(0, 6)];

  it('15. eight qualified abstainers with 34.9 % do not stop it; a ninth (Lithuania) does', () => {
    const eight = vote({ rule: 'unanimity', votes: { constructive: eightWithDeFr } });
    expect(threshold(eight, 'constructive-abstention')?.actual.members).toBe(8);
    expect(eight.adopted).toBe(true);
    expect(vote({ rule: 'unanimity', votes: { constructive: [...eightWithDeFr, 'LT'] } }).adopted).toBe(false);
  });

  it('16. the ninth abstaining without a declaration does not count toward the third', () => {
    const r = vote({ rule: 'unanimity', votes: { constructive: eightWithDeFr, abstain: ['LT'] } });
    expect(threshold(r, 'constructive-abstention')?.actual.members).toBe(8);
    expect(r.adopted).toBe(true);
  });

  it('17. nine abstainers with Germany and Spain (31.6 %) do not stop it; with Germany and Italy (34.0 %) they do', () => {
    const seven = SMALLEST.slice(0, 7);
    expect(vote({ rule: 'unanimity', votes: { constructive: ['DE', 'ES', ...seven] } }).adopted).toBe(true);
    expect(vote({ rule: 'unanimity', votes: { constructive: ['DE', 'IT', ...seven] } }).adopted).toBe(false);
  });

  it('18. one vote against still rejects whatever the qualified abstentions', () => {
    expect(vote({ rule: 'unanimity', votes: { constructive: ['DE', 'FR'] } }).adopted).toBe(true);
    expect(vote({ rule: 'unanimity', votes: { constructive: ['DE', 'FR'], against: ['MT'] } }).adopted).toBe(false);
  });

  it('19. the United Kingdom\'s departure moves the third from 10 of 28 to 9 of 27: the same nine stop it on 1 February 2020, not on 31 January', () => {
    const nine = [...eightWithDeFr, 'LT'];
    const before = vote({ rule: 'unanimity', date: '2020-01-31', votes: { constructive: nine } });
    expect(threshold(before, 'constructive-abstention')?.required.members).toBe(10);
    expect(before.adopted).toBe(true);
    const after = vote({ rule: 'unanimity', date: '2020-02-01', votes: { constructive: nine } });
    expect(threshold(after, 'constructive-abstention')?.required.members).toBe(9);
    expect(after.adopted).toBe(false);
  });

  it('20. a qualified abstention under qualified majority is an ordinary abstention, which weighs against', () => {
    const r = vote({ rule: 'qmv', votes: { constructive: ['DE', 'FR', 'IT', 'MT'] } });
    expect(r.votes.abstain).toEqual(['DE', 'FR', 'IT', 'MT']);
    expect(r.adopted).toBe(false);
  });
});

describe('qualified majority in CFSP and defence (section 3.5)', () => {
  it('21. a qualified-majority vote on a decision with defence implications says the CFSP derogations do not apply', () => {
    const text = 'do not apply to decisions with military or defence implications (Art. 31(4) TEU, text unverified)';
    expect(vote({ rule: 'qmv', date: '2023-03-01', defenceImplications: true }).explanation.join(' ')).toContain(text);
    expect(vote({ rule: 'qmv', date: '2023-03-01' }).explanation.join(' ')).not.toContain(text);
  });

  it('22. Denmark out of a defence qualified-majority vote before July 2022: counted among 26, and its population out of the base', () => {
    const before = vote({ rule: 'qmv', date: '2022-06-30', defenceImplications: true, votes: { against: ['DE', 'FR', 'IT'] } });
    expect(before.counts.participating).toBe(26);
    expect(threshold(before, 'members')?.required.members).toBe(15);
    const after = vote({ rule: 'qmv', date: '2022-07-01', defenceImplications: true, votes: { against: ['DE', 'FR', 'IT'] } });
    expect(after.counts.participating).toBe(27);
    expect(threshold(before, 'population')?.actual.populationPercent).toBeLessThan(threshold(after, 'population')?.actual.populationPercent ?? 0);
  });
});

describe('simple majority for procedural questions (section 3.6)', () => {
  it('23. 14 of 27 for adopts; 13 for with one more abstaining does not', () => {
    expect(vote({ rule: 'simple', votes: { against: SMALLEST.slice(0, 13) } }).adopted).toBe(true);
    expect(vote({ rule: 'simple', votes: { against: SMALLEST.slice(0, 13), abstain: ['AT'] } }).adopted).toBe(false);
  });

  it('24. population plays no part: the 14 smallest states carry it against the 13 largest', () => {
    const r = vote({ rule: 'simple', votes: { against: SMALLEST.slice(14) } });
    expect(r.shares.population.for).toBeLessThan(15);
    expect(r.adopted).toBe(true);
  });
});

describe('the population figures of the vote\'s year (section 3.8)', () => {
  it('25. the year moves the figures: the 2025 shares are counted as published, the 2023 figures as absolute ones', () => {
    expect(vote({ rule: 'qmv', year: 2025 }).populationFigures).toBe('share');
    const r2023 = vote({ rule: 'qmv', year: 2023, votes: { against: ['DE'] } });
    expect(r2023.year).toBe(2023);
    expect(r2023.shares.population.against).not.toBe(vote({ rule: 'qmv', year: 2025, votes: { against: ['DE'] } }).shares.population.against);
  });

  it("26. the year's Council and figures move a bloc's share: four large states hold less of the 28 of 2019, with the United Kingdom, than of the 27 of 2025", () => {
    const against = ['DE', 'FR', 'IT', 'ES'];
    expect(vote({ rule: 'qmv', year: 2025, votes: { against } }).adopted).toBe(false);
    const r2019 = vote({ rule: 'qmv', year: 2019, votes: { against } });
    expect(r2019.members).toContain('GB');
    expect(r2019.shares.population.against).toBeLessThan(vote({ rule: 'qmv', year: 2025, votes: { against } }).shares.population.against);
    // Spain swapped for Malta: blocks with the four-member rule in both years.
    expect(vote({ rule: 'qmv', year: 2019, votes: { against: ['DE', 'FR', 'IT', 'MT'] } }).adopted).toBe(false);
  });

  it("27. a vote dated after the data's last population figures is counted with them and says so; a year the data holds is counted with its own", () => {
    const latest = vote({ rule: 'qmv' }).year;
    const later = `${latest + 1}-03-02`;
    const r = vote({ rule: 'qmv', date: later, votes: { against: ['DE', 'FR', 'IT', 'ES'] } });
    expect(r.year).toBe(latest + 1);
    expect(r.figuresYear).toBe(latest);
    expect(r.unverified).toBe(true);
    expect(r.explanation.join(' ')).toContain(`those for ${latest + 1} are not in the data yet, so the ${latest} figures were counted`);
    // The same ballot in the latest year the data holds: the same outcome, its own figures, nothing carried.
    const own = vote({ rule: 'qmv', date: `${latest}-03-02`, votes: { against: ['DE', 'FR', 'IT', 'ES'] } });
    expect(own.adopted).toBe(r.adopted);
    expect(own.figuresYear).toBeUndefined();
    expect(own.explanation.join(' ')).not.toContain('not in the data yet');
    // Unanimity needs no population: nothing carried is said to matter, and nothing is unverified by it.
    expect(vote({ rule: 'unanimity', date: later }).explanation.join(' ')).toContain('not in the data yet');
  });
});
