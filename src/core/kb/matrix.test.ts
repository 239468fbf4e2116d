import { describe, expect, it } from 'vitest';
import { realDataset, realRawDataset } from '../assess/real-data.test-support';
import { buildDataset } from './dataset';
import { INSTRUMENT_START, instrumentMatrix, membershipCell, NOT_MEMBER } from './matrix';
import type { Membership } from '../records/membership';
import { MembershipId, STRATEGIC_PARTNER_IDS } from '../vocabularies';

const dataset = realDataset();
const cell = (asOf: string | undefined, partner: string, column: string) =>
  instrumentMatrix(dataset, asOf as never).rows.find((r) => r.id === partner)?.cells[column];

describe('instrument matrix', () => {
  it('shows a sourced non-signature of the UN cybercrime convention, and marks what rests on an unverified entry', () => {
    expect(cell('2026-06-30', 'US', 'un-cybercrime-convention')?.value).toBe('not-signed');
    expect(cell('2026-06-30', 'IN', 'un-cybercrime-convention')?.value).toBe('not-signed');
    expect(cell('2026-06-30', 'JP', 'un-cybercrime-convention')?.value).toBe('not-signed (unverified)');
    expect(cell('2026-06-30', 'CN', 'un-cybercrime-convention')?.value).toBe('signatory');
    expect(cell('2026-06-30', 'US', 'un-cybercrime-convention')?.sources.length).toBeGreaterThan(0);
    // The identification of the 2016 'Umbrella Agreement' with the one renard2014 names is unverified.
    expect(cell('2017-06-30', 'US', 'agreement:data-transfer')?.value).toContain('signed (unverified)');
    // Without the position, the cell has no data again.
    const raw = realRawDataset();
    const us = raw.partnerships.find((f) => (f.content as { partner: { id: string } }).partner.id === 'US')!.content as { positions: Record<string, unknown> };
    us.positions.unCybercrimeConvention = [];
    expect(instrumentMatrix(buildDataset(raw), '2026-06-30' as never).rows.find((r) => r.id === 'US')?.cells['un-cybercrime-convention']?.value).toBeNull();
  });

  it.each([undefined, '2014-06-30', '2015-06-30', '2020-06-30', '2026-06-30'])(
    'has no membership column without data as of %s, except those of instruments that did not yet exist',
    (asOf) => {
      const m = instrumentMatrix(dataset, asOf as never);
      const empty = MembershipId.options.filter((col) => m.rows.every((r) => r.cells[col]?.value === null));
      const notYet = MembershipId.options.filter((col) => m.rows.every((r) => r.cells[col]?.notYet !== undefined));
      expect(empty).toEqual(notYet);
    },
  );

  it('reads "not yet" for the Paris Call and the UN convention as of 2014-06-30, with their start dates and sources', () => {
    const m = instrumentMatrix(dataset, '2014-06-30' as never);
    expect(m.rows.length).toBeGreaterThan(0);
    for (const r of m.rows) {
      expect(r.cells['paris-call']).toMatchObject({ value: null, notYet: '2018-11-12' });
      expect(r.cells['un-cybercrime-convention']).toMatchObject({ value: null, notYet: '2024-12-24' });
      expect(r.cells['paris-call']?.sources.length).toBeGreaterThan(0);
      expect(r.cells['un-cybercrime-convention']?.sources.length).toBeGreaterThan(0);
      expect(r.cells['g20']?.notYet).toBeUndefined();
    }
  });

  it('does not read "not yet" once the instruments exist (as of 2026-06-30, and without a date)', () => {
    for (const asOf of ['2026-06-30', undefined]) {
      const m = instrumentMatrix(dataset, asOf as never);
      for (const r of m.rows) {
        expect(r.cells['paris-call']?.notYet).toBeUndefined();
        expect(r.cells['un-cybercrime-convention']?.notYet).toBeUndefined();
      }
    }
    expect(cell('2026-06-30', 'JP', 'paris-call')?.value).not.toBeNull();
    expect(cell('2026-06-30', 'CN', 'un-cybercrime-convention')?.value).toBe('signatory');
  });

  it('turns "not yet" on the start date: the day before it, not on it', () => {
    const from = INSTRUMENT_START['paris-call']!.from;
    expect(cell('2018-11-11', 'JP', 'paris-call')?.notYet).toBe(from);
    expect(cell(from, 'JP', 'paris-call')?.notYet).toBeUndefined();
  });

  it('shows every strategic partner in the G20, with its sources', () => {
    const m = instrumentMatrix(dataset, undefined);
    for (const r of m.rows.filter((row) => (STRATEGIC_PARTNER_IDS as readonly string[]).includes(row.id))) {
      expect(r.cells['g20']?.value).toBe('member');
      expect(r.cells['g20']?.sources.length).toBeGreaterThan(0);
    }
  });

  it('covers the partners outside the ten: the United Kingdom in the G20, Ukraine outside it', () => {
    expect(cell(undefined, 'UK', 'g20')?.value).toBe('member');
    expect(cell(undefined, 'UK', 'london-process')?.value).toBe('host (London conference, 2011)');
    expect(cell(undefined, 'UA', 'g20')?.value).toBe(NOT_MEMBER);
  });

  it('dates the G8: Russia a member until the suspension of 24 March 2014, China never', () => {
    expect(cell('2013-12-31', 'RU', 'g8')?.value).toBe('member');
    expect(cell('2014-06-30', 'RU', 'g8')?.value).toBe('suspended');
    expect(cell('2013-12-31', 'CN', 'g8')?.value).toBe(NOT_MEMBER);
    expect(cell('1990-01-01', 'RU', 'g8')?.value).toBeNull();
  });

  it('reads UN GGE membership per session, and "no" only where a source lists the members', () => {
    expect(cell('2020-06-30', 'ZA', 'un-gge')?.value).toBe('member 2019-2021');
    expect(cell('2020-06-30', 'KR', 'un-gge')?.value).toBe('no 2019-2021');
    expect(cell('2015-01-01', 'IN', 'un-gge')?.value).toBe('no 2014-2015 (unverified)');
    expect(cell('2017-01-01', 'IN', 'un-gge')?.value).toBeNull();
    expect(cell(undefined, 'US', 'un-gge')?.value).toBe('no group sitting');
  });

  it('prefers a membership over a sourced absence that overlaps it, and the latest entry among several', () => {
    const src = [{ ref: 'renard2014', locator: 'x' }];
    const entries: Membership[] = [
      { id: 'oecd', status: 'not-member', from: 1961, sources: src },
      { id: 'oecd', from: 1994, role: 'member', sources: src },
    ];
    expect(membershipCell(entries, 'oecd', '2000-01-01' as never).value).toBe('member');
    expect(membershipCell(entries, 'oecd', '1990-01-01' as never).value).toBe(NOT_MEMBER);
    expect(membershipCell(entries, 'g20', '2000-01-01' as never).value).toBeNull();
  });

  it('turns a column back to "no data" when its facts are removed (the test can fail)', () => {
    const raw = realRawDataset();
    for (const f of raw.partnerships) {
      const c = f.content as { memberships?: { id: string }[] };
      c.memberships = (c.memberships ?? []).filter((m) => m.id !== 'g20');
    }
    const m = instrumentMatrix(buildDataset(raw), undefined);
    expect(m.rows.every((r) => r.cells['g20']?.value === null)).toBe(true);
  });

  it('says a Budapest ratification not yet in force on the date, then its day in force (Canada, derived; Japan, stated; Brazil, acceded)', () => {
    const budapest = (asOf: string | undefined, partner: string) => cell(asOf, partner, 'budapest-convention');
    expect(budapest('2015-10-31', 'CA')?.value).toBe('ratified 2015-07-08, not yet in force (from 2015-11-01)');
    expect(budapest('2015-11-01', 'CA')?.value).toBe('ratified 2015-07-08, in force since 2015-11-01');
    expect(budapest('2012-09-01', 'JP')?.value).toBe('ratified 2012-07-03, not yet in force (from 2012-11-01)');
    expect(budapest('2013-01-01', 'JP')?.value).toBe('ratified 2012-07-03, in force since 2012-11-01');
    expect(budapest('2023-01-01', 'BR')?.value).toBe('acceded 2022-11-30, not yet in force (from 2023-03-01)');
    expect(budapest('2023-03-01', 'BR')?.value).toBe('acceded 2022-11-30, in force since 2023-03-01');
    // No deposit day recorded (the United States): the day in force alone; without a date, the day without "since".
    expect(budapest('2020-01-01', 'US')?.value).toBe('ratified, in force since 2007-01-01');
    expect(budapest(undefined, 'CA')?.value).toBe('ratified 2015-07-08, in force from 2015-11-01');
    // A signature stays as it was; a stated day cites its source beside the position's.
    expect(budapest('2015-07-07', 'CA')?.value).toBe('signed (supportive)');
    const japan = budapest('2013-01-01', 'JP')!.sources;
    const stated = dataset.partners.get('JP' as never)!.file.positions.budapestConvention.find((e) => e.value === 'ratified')!.inForce!.sources;
    expect(japan).toEqual(expect.arrayContaining(stated));
    // The day moves with the deposit: a ratification a month later enters into force a month later.
    const raw = realRawDataset();
    const ca = raw.partnerships.find((f) => (f.content as { partner: { id: string } }).partner.id === 'CA')!.content as { positions: { budapestConvention: { value: string; from: string; until?: string }[] } };
    for (const e of ca.positions.budapestConvention) {
      if (e.value === 'ratified') e.from = '2015-08-10';
      if (e.until === '2015-07-08') e.until = '2015-08-10';
    }
    const moved = instrumentMatrix(buildDataset(raw), '2015-11-15' as never).rows.find((r) => r.id === 'CA')?.cells['budapest-convention'];
    expect(moved?.value).toBe('ratified 2015-08-10, not yet in force (from 2015-12-01)');
  });
});
