import { describe, expect, it } from 'vitest';
import type { ActiveDialoguesYear } from '../api-types';
import { unverifiedDialogueYears } from './unverified-years';

const year = (y: number, activeUnverified: string[]): ActiveDialoguesYear => ({
  year: y,
  total: 0,
  byPartner: {},
  dialogues: {},
  startUnknown: 0,
  startUnknownByPartner: {},
  statusUnknown: 0,
  activeUnverified,
});

describe("the dialogues a partner's timeline lists apart (active only on an unverified entry)", () => {
  it('names each with the years it is listed apart, as ranges, in order of first year', () => {
    const names = new Map([['cn-digital', 'EU-China High-level Digital Dialogue']]);
    const years = [year(2021, ['cn-digital']), year(2018, ['cn-digital', 'x']), year(2019, ['cn-digital']), year(2020, []), year(2024, ['cn-digital'])];
    expect(unverifiedDialogueYears(years, names)).toEqual([
      { id: 'cn-digital', name: 'EU-China High-level Digital Dialogue', years: '2018-2019, 2021, 2024' },
      { id: 'x', name: 'x', years: '2018' },
    ]);
  });

  it('gives nothing when no year lists a dialogue apart', () => {
    expect(unverifiedDialogueYears([year(2020, []), year(2021, [])], new Map())).toEqual([]);
  });
});
