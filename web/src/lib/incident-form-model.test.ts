import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../toolbox-types';
import { attributorReading } from './attributor-reading';
import { emptyAttribution, emptyForm, emptyResponse, emptyVictim, endPatch, fromInput, missingChoiceIssues, toInput } from './incident-form-model';

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

  it('says in words that a response added needs its measure, instead of the server’s list of measure codes', () => {
    const form = { ...emptyForm(), category: 'hybrid', victims: [{ country: 'DE', sector: 'health', name: '' }] };
    const responses = [{ measure: 'demarche', date: '2026-03-02', by: 'DE', note: '' }, emptyResponse()];
    expect(missingChoiceIssues({ ...form, responses })).toEqual([{ path: 'responses.1.measure', message: 'Choose the measure that was taken' }]);
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

describe('who attributed, as the server will read it', () => {
  const reading = (by: string, date = '') => attributorReading({ ...emptyAttribution(), by, date }, '2026-12-07');
  it('says under the type how “By” is read while the type is left to work out, with the membership of the attribution’s date', () => {
    expect(reading('Government of Germany')).toBe('Read from “By” as: a member state.');
    expect(reading('DE government')).toBe('Read from “By” as: a member state.');
    expect(reading('Council of the EU')).toBe('Read from “By” as: the EU.');
    // A state's adjective with a public authority is read as the state; a firm with it is not, and the form says how to record it.
    expect(reading('German government')).toBe('Read from “By” as: a member state.');
    expect(reading('German security firm')).toMatch(/^Read from “By” as: neither a member state nor the EU, so sanctions and naming a state cannot rest on it\. If a member state or the EU attributed it, choose that type/);
    expect(reading('UK government', '2018-10-04')).toBe('Read from “By” as: a member state.');
    expect(reading('UK government')).toMatch(/neither a member state nor the EU/);
  });

  it('says nothing once a type is chosen or before anyone is named', () => {
    expect(attributorReading({ ...emptyAttribution(), by: 'German government', byType: 'member-state' }, '2026-12-07')).toBeUndefined();
    expect(reading('  ')).toBeUndefined();
  });
});

describe('the transit countries', () => {
  it('sends the names or codes typed as codes, and reads them back as names', () => {
    const form = { ...emptyForm(), transit: 'Moldova, tr', context: { ...emptyForm().context, euDelegationInTransitCountry: true } };
    const input = toInput(form);
    expect(input.transit).toEqual(['MD', 'TR']);
    expect(input.context.euDelegationInTransitCountry).toBe(true);
    expect(fromInput(input).transit).toBe('Moldova, Turkey');
  });

  it('sends neither the field nor the delegation flag when none is given, so an older record saved again is unchanged', () => {
    const input = toInput(emptyForm());
    expect('transit' in input).toBe(false);
    expect('euDelegationInTransitCountry' in input.context).toBe(false);
  });
});
