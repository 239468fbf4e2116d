import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../toolbox-types';
import { emptyForm, emptyVictim, endPatch, fromInput, missingChoiceIssues, toInput } from './incident-form-model';

describe('the incident form’s required choices', () => {
  it('leaves a new victim’s sector to choose, and says so in words for each choice left open', () => {
    expect(emptyVictim().sector).toBe('');
    const open = missingChoiceIssues({ ...emptyForm(), victims: [{ country: 'Germany', sector: 'health', name: '' }, emptyVictim()] });
    expect(open).toEqual([
      { path: 'category', message: 'Choose the kind of activity (cyber-crime, espionage, …)' },
      { path: 'victims.1.country', message: expect.stringMatching(/^Enter a country: a name \(Germany\)/) },
      { path: 'victims.1.sector', message: 'Choose a sector' },
    ]);
  });

  it('has nothing to say once each is chosen', () => {
    expect(missingChoiceIssues({ ...emptyForm(), category: 'hybrid', victims: [{ country: 'EU', sector: 'eu-institution', name: '' }] })).toEqual([]);
  });

  it('says in words that EU as a victim takes the sector of an EU institution', () => {
    const form = { ...emptyForm(), category: 'hybrid', victims: [{ country: 'EU institution', sector: 'health', name: '' }] };
    expect(missingChoiceIssues(form)).toEqual([{ path: 'victims.0.country', message: expect.stringMatching(/^EU stands for an EU institution, body or agency: choose that sector/) }]);
    expect(missingChoiceIssues({ ...form, victims: [{ country: 'EU', sector: 'eu-institution', name: '' }] })).toEqual([]);
  });
});

describe('the end date', () => {
  it('unticks "Still ongoing" when an end is entered, so the incident saved is not both ended and ongoing', () => {
    const form = { ...emptyForm(), ...endPatch('2026-11-01') };
    expect(toInput(form)).toMatchObject({ end: '2026-11-01', ongoing: false });
    expect(endPatch('')).toEqual({ end: '' });
  });
});

describe('an edit keeps what the form does not show', () => {
  // The edit page saves the whole incident (PUT): the sources, a dataset's codings and a victim's region must go back as loaded.
  const imported = {
    title: 'Intrusion into a ministry',
    start: '2020-03-01',
    ongoing: false,
    category: 'cyber-espionage',
    victims: [{ country: 'ZZ', sector: 'government', region: 'eastern-europe' }],
    effects: { severity: 'medium' },
    initiator: { type: 'unknown', country: null, identifiedPersons: [], identifiedEntities: [] },
    attribution: [],
    responses: [],
    context: {},
    sources: [{ ref: 'https://eurepoc.eu/', locator: 'EuRepoC Global Database, ID 17' }],
    codings: [{ source: 'EuRepoC Global Database, release 1.1, ID 17', cells: { zero_days: 'No' } }],
  } as unknown as IncidentInput;

  it('sends the sources, the codings and the region back unchanged', () => {
    const sent = toInput(fromInput(imported));
    expect(sent.sources).toEqual(imported.sources);
    expect(sent.codings).toEqual(imported.codings);
    expect(sent.victims[0]).toMatchObject({ region: 'eastern-europe' });
  });

  it('sends none of them for a new incident', () => {
    const sent = toInput({ ...emptyForm(), victims: [{ ...emptyVictim(), country: 'DE', sector: 'government' }] });
    expect(sent).not.toHaveProperty('sources');
    expect(sent).not.toHaveProperty('codings');
    expect(sent.victims[0]).not.toHaveProperty('region');
  });
});
