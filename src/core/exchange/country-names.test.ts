import { describe, expect, it } from 'vitest';
import { isCountryCode } from '../toolbox/countries';
import { countriesInText, countryCodeOf } from './country-names';

describe('country names', () => {
  it('maps the EuRepoC and CFR spellings', () => {
    expect(countryCodeOf('Korea, Republic of')).toBe('KR');
    expect(countryCodeOf("Korea (Democratic People's Republic of)")).toBe('KP');
    expect(countryCodeOf('Iran, Islamic Republic of')).toBe('IR');
    expect(countryCodeOf('Russian Federation')).toBe('RU');
    expect(countryCodeOf('Czech Republic')).toBe('CZ');
    expect(countryCodeOf('EU (region)')).toBeUndefined();
    expect(countryCodeOf('Unknown')).toBeUndefined();
  });
  it('gives a name looked up again the answer of its first look-up', () => {
    const names = ['Korea, Republic of', 'the Russian Federation ', 'RUSSIA', 'Türkiye', 'Turkiye', 'EU (region)', 'Unknown', '', 'Côte d’Ivoire'];
    const first = names.map((n) => countryCodeOf(n));
    expect(first).toEqual(['KR', 'RU', 'RU', 'TR', 'TR', undefined, undefined, undefined, 'CI']);
    for (let k = 0; k < 3; k++) expect(names.map((n) => countryCodeOf(n))).toEqual(first);
  });
  it('finds countries in free text, whole words only', () => {
    expect(countriesInText('Russian Federation')).toEqual(['RU']);
    expect(countriesInText('Nigeria; Niger')).toEqual(['NG', 'NE']);
    expect(countriesInText('the Bundestag in Germany and the United States Senate')).toEqual(['DE', 'US']);
    expect(countriesInText('employees of an unnamed firm')).toEqual([]);
  });
  it('names only codes the toolbox knows', () => {
    for (const name of ['Kosovo', 'Taiwan', 'Palestine', 'Hong Kong', 'Macao', 'Guernsey']) expect(isCountryCode(countryCodeOf(name) ?? '')).toBe(true);
  });
});
