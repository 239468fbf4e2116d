import { describe, expect, it } from 'vitest';
import type { InstrumentMatrix, PartnerProfile } from '../api-types';
import type { PlanMeasure } from '../toolbox-types';
import { matrixTable, partnerTable } from './export-tables';
import { planTable } from './export-toolbox-tables';

const src = [{ ref: 'renard2014', locator: 'Appendix, EU-Brazil' }];
const profile = {
  id: 'BR',
  name: 'Brazil',
  asOf: '2014-06-30',
  partnershipSince: 2007,
  documents: [],
  dialogues: [],
  agreements: [{ id: 'a', type: 'mla', title: 'MLA treaty', euParty: 'EU', status: 'in-force', year: 2010, signedYear: 2009, inForceYear: 2010, statusHistory: [], summary: null, sources: src }],
  positions: {
    budapestConvention: { value: 'not-signed', stance: 'uses-as-model', from: 2001, history: [], sources: src },
    internetGovernance: null,
    wcit2012: null,
  },
  memberships: ['paris-call'],
  membershipDetails: [{ id: 'paris-call', from: 2018, sources: src }],
  cooperation: [],
  perception: null,
  tensions: [],
  attention: [],
} as unknown as PartnerProfile;

const codes = /\b(in-force|not-signed|uses-as-model|paris-call)\b/;

describe('the views as tables', () => {
  it('write a partner’s facts in words, with dates and full sources', () => {
    const t = partnerTable(profile, '2014-06-30');
    expect(t).toMatchObject({ view: 'partner', subject: 'BR', asOf: '2014-06-30', tlp: 'clear' });
    const text = t.rows.flat().join('\n');
    expect(text).not.toMatch(codes);
    expect(t.rows).toContainEqual(['Positions', 'Budapest Convention', 'Not signed (uses it as a model)', '2001', '', 'Renard 2014, The rise of cyber-diplomacy (ESPO Working Paper 7) — Appendix, EU-Brazil']);
    expect(t.rows.find((r) => r[0] === 'Memberships')?.[1]).toBe('Paris Call for Trust and Security in Cyberspace');
    expect(t.rows.find((r) => r[0] === 'Agreements')?.[2]).toBe('Mutual legal assistance: in force');
  });

  it('write the Budapest Convention’s entry into force beside the ratification, or that it is not yet in force on the date', () => {
    const ratified = (budapestConvention: Record<string, unknown>) =>
      partnerTable({ ...profile, positions: { ...profile.positions, budapestConvention: { value: 'ratified', from: '2015-07-08', history: [], sources: src, ...budapestConvention } } } as unknown as PartnerProfile, '2016-01-01');
    const detail = (t: ReturnType<typeof partnerTable>) => t.rows.find((r) => r[1] === 'Budapest Convention')?.[2];
    const entryIntoForce = { date: '2015-11-01', deposit: '2015-07-08', derived: true, article: 'Art. 36(4)', unverified: false, sources: src };
    expect(detail(ratified({ entryIntoForce, inForceOnDate: true }))).toBe(
      'Ratified; ratified on 2015-07-08, in force from 2015-11-01 (derived from the deposit: the first day of the month following three months after it, Art. 36(4) of the Convention, article unverified)',
    );
    expect(detail(ratified({ entryIntoForce: { ...entryIntoForce, date: '2012-11-01', deposit: '2012-07-03', derived: false }, inForceOnDate: true }))).toContain('in force from 2012-11-01 (as its source states it)');
    // Before the entry into force, the day is named with how it is known.
    expect(detail(ratified({ entryIntoForce, inForceOnDate: false }))).toBe(
      'Ratified; ratified on 2015-07-08, not yet in force on this date: in force from 2015-11-01 (derived from the deposit: the first day of the month following three months after it, Art. 36(4) of the Convention, article unverified)',
    );
    expect(detail(ratified({ entryIntoForce: { ...entryIntoForce, date: '2012-11-01', deposit: '2012-07-03', derived: false }, inForceOnDate: false }))).toContain(
      'ratified on 2012-07-03, not yet in force on this date: in force from 2012-11-01 (as its source states it)',
    );
    // An answer without the day still says the Convention's rule.
    expect(detail(ratified({ entryIntoForce: null, inForceOnDate: false }))).toContain('not yet in force on this date');
  });

  it('tell “no data” and “not yet” apart from a sourced value in the matrix', () => {
    const m: InstrumentMatrix = { asOf: null, columns: ['budapest-convention'], rows: [
      { id: 'BR', name: 'Brazil', cells: { 'budapest-convention': { value: 'not-signed (uses-as-model)', sources: src } } },
      { id: 'IN', name: 'India', cells: {} },
      { id: 'JP', name: 'Japan', cells: { 'budapest-convention': { value: null, sources: src, notYet: '2001-11-23' } } },
    ] };
    expect(matrixTable(m, undefined).rows.map((r) => r[2])).toEqual(['Not signed (uses it as a model)', 'no data', 'not yet (from 2001-11-23)']);
  });

  it('carry the incident’s marking on a plan, with decisions in words', () => {
    const measure = {
      id: 'demarche', category: 'cooperative', title: 'Démarche', available: true, reasons: [{ rule: 'r', kind: 'precondition', holds: true, text: 'An EU delegation is in the country', sources: src }],
      decision: { by: 'council', rule: 'qmv' }, legalBasis: ['Art. 27 TEU'],
    } as PlanMeasure;
    const t = planTable([measure], { id: 'x1', title: 'Intrusion' }, 'amber', '2026-06-01');
    expect(t.tlp).toBe('amber');
    expect(t.rows[0]).toEqual([1, 'Démarche', 'Cooperative', 'Open', 'Council, qualified majority', 'Art. 27 TEU', 'Met: An EU delegation is in the country', 'Renard 2014, The rise of cyber-diplomacy (ESPO Working Paper 7) — Appendix, EU-Brazil']);
  });
});
