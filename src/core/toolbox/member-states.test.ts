import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { MEMBER_STATES, MEMBER_STATE_CODES, isMemberState, isMemberStateAt, memberState, memberStatesAt } from './member-states';

const on = (date: string) => memberStatesAt(date as IsoDate).map((m) => m.code);

describe('dated membership of the Union', () => {
  it('counts the United Kingdom up to 31 January 2020 and not from 1 February 2020', () => {
    expect(on('2020-01-31')).toHaveLength(28);
    expect(on('2020-01-31')).toContain('GB');
    expect(on('2020-02-01')).toHaveLength(27);
    expect(on('2020-02-01')).not.toContain('GB');
    expect(isMemberStateAt('GB', '2018-03-15' as IsoDate)).toBe(true);
    expect(isMemberStateAt('GB', '2021-01-01' as IsoDate)).toBe(false);
  });

  it('counts Croatia from 1 July 2013', () => {
    expect(isMemberStateAt('HR', '2013-06-30' as IsoDate)).toBe(false);
    expect(isMemberStateAt('HR', '2013-07-01' as IsoDate)).toBe(true);
    expect(on('2013-06-30')).toHaveLength(27);
    expect(on('2013-07-01')).toHaveLength(28);
  });

  it('reads the Council codes: UK for the United Kingdom, EL for Greece', () => {
    expect(isMemberStateAt('uk', '2019-05-01' as IsoDate)).toBe(true);
    expect(isMemberStateAt('EL', '2019-05-01' as IsoDate)).toBe(true);
    expect(memberState('UK')).toMatchObject({ code: 'GB', councilCode: 'UK', memberUntil: '2020-01-31' });
    expect(isMemberStateAt('XX', '2019-05-01' as IsoDate)).toBe(false);
    expect(isMemberStateAt(null, '2019-05-01' as IsoDate)).toBe(false);
  });

  it('keeps today\'s 27 in MEMBER_STATES, MEMBER_STATE_CODES and isMemberState', () => {
    expect(MEMBER_STATES).toHaveLength(27);
    expect(MEMBER_STATE_CODES).not.toContain('GB');
    expect(isMemberState('GB')).toBe(false);
    expect(isMemberState('UK')).toBe(false);
    expect(isMemberState('HR')).toBe(true);
    expect(on('2025-06-01')).toEqual([...MEMBER_STATE_CODES]);
  });
});
