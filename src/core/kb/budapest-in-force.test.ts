// The Budapest Convention binds a state from its entry into force for it: a source's date where the partner file states
// one, otherwise the first day of the month following three months after the deposit (Art. 36(4) for a signatory,
// Art. 37(2) for a state that accedes). Each case moves one input and watches the day or the binding move.
import { describe, expect, it } from 'vitest';
import { realDataset } from '../assess/real-data.test-support';
import type { IsoDate } from '../dates';
import { Positions, type BudapestEntry } from '../records/positions';
import { buildProfile } from './profile';
import { relationsWith } from './relations';
import { positionInForceText, positionValueText } from './budapest-in-force-text';
import { budapestBindingAt, derivedEntryIntoForce, entryIntoForceOf } from './budapest-in-force';

const src = [{ ref: 'renard2016', locator: 's.4' }];
const signed: BudapestEntry = { value: 'signed', from: '2001-11-23', until: '2015-07-08', sources: src };
const ratified = (from: string, extra: Partial<BudapestEntry> = {}): BudapestEntry => ({ value: 'ratified', from, sources: src, ...extra });

describe("the Budapest Convention's entry into force for a state", () => {
  it('is derived from the deposit: the first day of the month following three months after it', () => {
    expect(derivedEntryIntoForce('2015-07-08' as IsoDate)).toBe('2015-11-01');
    expect(derivedEntryIntoForce('2015-07-01' as IsoDate)).toBe('2015-11-01');
    expect(derivedEntryIntoForce('2015-08-31' as IsoDate)).toBe('2015-12-01');
    expect(derivedEntryIntoForce('2022-11-30' as IsoDate)).toBe('2023-03-01');
    expect(derivedEntryIntoForce('2006-09-29' as IsoDate)).toBe('2007-01-01');
  });

  it("says whether it is stated or derived, and which article's rule applies", () => {
    const derived = entryIntoForceOf([signed, ratified('2015-07-08')], ratified('2015-07-08'));
    expect(derived).toMatchObject({ date: '2015-11-01', deposit: '2015-07-08', derived: true, article: 'Art. 36(4)' });
    // A state that never signed accedes.
    expect(entryIntoForceOf([ratified('2022-11-30')], ratified('2022-11-30'))?.article).toBe('Art. 37(2)');
    // A source's date is taken as it states it, with its sources.
    const stated = ratified('2012-07-03', { inForce: { date: '2012-11-01', sources: [{ ref: 'https://example.org/mofa', locator: 'page' }] } });
    expect(entryIntoForceOf([signed, stated], stated)).toMatchObject({ date: '2012-11-01', derived: false, sources: [{ ref: 'https://example.org/mofa' }] });
    // Only the entry into force known: no deposit is given.
    const us = ratified('2007-01-01', { inForce: { date: '2007-01-01', depositNotRecorded: true, sources: src } });
    expect(entryIntoForceOf([us], us)).toMatchObject({ date: '2007-01-01', deposit: null });
    expect(entryIntoForceOf([signed], signed)).toBeNull();
  });

  it('binds from that day, not from the deposit', () => {
    const history = [signed, ratified('2015-07-08')];
    expect(budapestBindingAt(history, '2015-07-08' as IsoDate)).toMatchObject({ status: 'ratified', bound: false });
    expect(budapestBindingAt(history, '2015-10-31' as IsoDate)?.bound).toBe(false);
    expect(budapestBindingAt(history, '2015-11-01' as IsoDate)?.bound).toBe(true);
    // A later deposit moves the day.
    expect(budapestBindingAt([signed, ratified('2015-08-08')], '2015-11-01' as IsoDate)?.bound).toBe(false);
  });

  it('is refused in a file on an entry that is no ratification, or before the deposit', () => {
    const parse = (entry: unknown) => Positions.safeParse({ budapestConvention: [entry] });
    expect(parse(ratified('2015-07-08', { inForce: { date: '2015-11-01', sources: src } })).success).toBe(true);
    expect(parse({ ...signed, inForce: { date: '2015-11-01', sources: src } }).error?.issues[0]?.message).toBe('only a ratified entry has an entry into force');
    expect(parse(ratified('2015-07-08', { inForce: { date: '2015-06-01', sources: src } })).error?.issues[0]?.path).toEqual(['budapestConvention', 0, 'inForce', 'date']);
    expect(parse(ratified('2006', { inForce: { date: '2007-01-01', depositNotRecorded: true, sources: src } })).success).toBe(false);
  });
});

describe('the observatory gives it beside the ratification', () => {
  const dataset = realDataset();

  it("in the plan's relations and the partner's profile, moving with the date (Canada, derived; Japan, stated)", () => {
    const canada = (asOf: string) => relationsWith(dataset, 'CA', asOf as IsoDate).budapestConvention;
    expect(canada('2015-09-01')).toMatchObject({ status: 'ratified', bound: false, inForce: { date: '2015-11-01', derived: true } });
    expect(canada('2015-11-01')?.bound).toBe(true);
    // Before the entry into force the profile names the day, as the plan does, and says the Convention is not yet in force.
    const before = buildProfile(dataset, 'JP', '2012-09-01' as IsoDate).positions.budapestConvention;
    expect(before).toMatchObject({ value: 'ratified', entryIntoForce: { date: '2012-11-01', deposit: '2012-07-03', derived: false }, inForceOnDate: false });
    expect(positionInForceText(before!)).toBe('ratified on 2012-07-03, not yet in force on this date: in force from 2012-11-01 (as its source states it)');
    const canadaBefore = buildProfile(dataset, 'CA', '2015-10-31' as IsoDate).positions.budapestConvention!;
    expect(canadaBefore).toMatchObject({ entryIntoForce: { date: '2015-11-01', derived: true }, inForceOnDate: false });
    expect(positionInForceText(canadaBefore)).toMatch(/^ratified on 2015-07-08, not yet in force on this date: in force from 2015-11-01 \(derived from the deposit/);
    expect(positionInForceText(buildProfile(dataset, 'CA', '2015-11-01' as IsoDate).positions.budapestConvention!)).toMatch(/^ratified on 2015-07-08, in force from 2015-11-01 \(derived/);
    expect(buildProfile(dataset, 'JP', '2013-01-01' as IsoDate).positions.budapestConvention).toMatchObject({ entryIntoForce: { date: '2012-11-01', derived: false }, inForceOnDate: true });
    expect(buildProfile(dataset, 'CA', '2016-01-01' as IsoDate).positions.budapestConvention).toMatchObject({ entryIntoForce: { date: '2015-11-01', derived: true }, inForceOnDate: true });
  });

  it('heads an accession as "acceded", as the line under it and the matrix say it (Brazil), a ratification after signing as "ratified"', () => {
    const word = (code: string) => code;
    const brazil = buildProfile(dataset, 'BR', '2024-01-01' as IsoDate).positions.budapestConvention!;
    expect(positionValueText(brazil, word)).toBe('acceded');
    expect(positionInForceText(brazil)).toMatch(/^acceded on 2022-11-30/);
    // The same entry after a signature on record is a ratification under Art. 36(4).
    const afterSigning = entryIntoForceOf([signed, ratified('2022-11-30')], ratified('2022-11-30'));
    expect(positionValueText({ value: 'ratified', entryIntoForce: afterSigning }, word)).toBe('ratified');
    expect(positionValueText(buildProfile(dataset, 'CA', '2016-01-01' as IsoDate).positions.budapestConvention!, word)).toBe('ratified');
    // Before its deposit Brazil's position is its own value, not an accession.
    expect(positionValueText(buildProfile(dataset, 'BR', '2020-01-01' as IsoDate).positions.budapestConvention!, word)).not.toBe('acceded');
  });

  it('keeps an unverified record apart, said but not relied on (the United Kingdom)', () => {
    const uk = relationsWith(dataset, 'UK', '2021-06-01' as IsoDate);
    expect(uk.budapestConvention).toBeNull();
    expect(uk.budapestUnverified).toMatchObject({ status: 'ratified', inForce: { date: '2011-09-01', deposit: '2011-05-25', unverified: true } });
  });
});
