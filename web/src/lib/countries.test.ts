import { describe, expect, it } from 'vitest';
import { COUNTRY_OPTIONS, countryCodeFromText, countryHint, countryInput, countryText } from './countries';
import { emptyForm, fromInput, futureDateIssues, toInput } from './incident-form-model';

describe('the country picker', () => {
  it('offers countries by name from the project table, each with its code', () => {
    expect(COUNTRY_OPTIONS).toContainEqual({ code: 'DE', name: 'Germany' });
    expect(COUNTRY_OPTIONS).toContainEqual({ code: 'XK', name: 'Kosovo' });
    expect(COUNTRY_OPTIONS.map((c) => c.name)).toEqual([...COUNTRY_OPTIONS.map((c) => c.name)].sort((a, b) => a.localeCompare(b)));
  });

  it('reads a name, a code in any case, EL for Greece and the EU, and leaves the unknown to the server', () => {
    expect(countryCodeFromText('Germany')).toBe('DE');
    expect(countryCodeFromText('the Netherlands')).toBe('NL');
    expect(countryCodeFromText('de')).toBe('DE');
    expect(countryCodeFromText('EL')).toBe('GR');
    expect(countryCodeFromText('EU institution')).toBe('EU');
    expect(countryCodeFromText('Atlantis')).toBeUndefined();
    expect(countryInput('Atlantis')).toBe('ATLANTIS');
    expect(countryHint('Germany')).toBe('Germany → DE');
    expect(countryHint('DE')).toBeUndefined();
    expect(countryText('RU')).toBe('Russia');
    expect(countryText('EU')).toBe('EU institution');
  });

  it('the form shows names and sends codes, both ways', () => {
    const form = { ...emptyForm(), title: 'x', start: '2026-01-01', victims: [{ country: 'France', sector: 'government', name: '' }], initiatorCountry: 'Russia' };
    const input = toInput(form);
    expect(input.victims[0]?.country).toBe('FR');
    expect(input.initiator.country).toBe('RU');
    expect(fromInput(input).victims[0]?.country).toBe('France');
  });
});

describe('dates in the future', () => {
  it('are refused before sending, in the server words; the same dates pass a day later', () => {
    const form = { ...emptyForm(), start: '2026-03-01', end: '2026-03-05' };
    expect(futureDateIssues(form, '2026-03-04')).toEqual([{ path: 'end', message: '2026-03-05 is in the future; enter a date up to today (2026-03-04)' }]);
    expect(futureDateIssues(form, '2026-03-05')).toEqual([]);
  });
});
