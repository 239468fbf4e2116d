import { describe, expect, it } from 'vitest';
import { mapCfrResponses, parseCfrResponseTable } from './cfr-responses';

const src = { ref: 'bendiek2018', locator: 'x' };
const raw = {
  source: { ref: 'https://www.cfr.org/cyber-operations/', locator: 'Response' },
  responses: [
    { phrase: 'Sanctions', measure: 'restrictive-measures', why: 'w', source: src },
    { phrase: 'Démarche', measure: 'demarche', why: 'w', source: src },
  ],
  unmapped: [{ phrase: 'Denial', why: 'w' }],
  responders: [{ host: 'justice.gov', by: 'United States' }],
};
const MEASURES = ['restrictive-measures', 'demarche'];

describe('CFR response table', () => {
  it('refuses a measure the toolbox lacks and a phrase listed twice', () => {
    expect(() => parseCfrResponseTable({ ...raw, responses: [{ ...raw.responses[0], measure: 'sanctionz' }] }, MEASURES)).toThrow(/sanctionz/);
    expect(() => parseCfrResponseTable({ ...raw, unmapped: [{ phrase: 'sanctions', why: 'w' }] }, MEASURES)).toThrow(/twice/);
  });

  it('maps phrases without case or accents, takes the responder from the URL host, else the victims with a note', () => {
    const table = parseCfrResponseTable(raw, MEASURES);
    const ctx = { date: '2020-01-02', victims: ['DE'], named: [], urls: ['https://www.justice.gov/opa/pr/1'] };
    const a = mapCfrResponses(table, 'DEMARCHE; sanctions and Denial', 'cell', ctx);
    // The United States is no member state: its acts stay its own, not toolbox measures.
    expect(a.responses).toEqual([]);
    expect(a.byOthers).toEqual([
      { phrase: 'DEMARCHE', measure: 'demarche', by: 'United States', actor: 'third-state' },
      { phrase: 'sanctions', measure: 'restrictive-measures', by: 'United States', actor: 'third-state' },
    ]);
    expect(a.unmapped).toEqual(['Denial']);
    const b = mapCfrResponses(table, 'Sanctions', 'cell', { ...ctx, urls: ['https://notjustice.gov.example.org/x'] });
    expect(b.responses[0]).toMatchObject({ by: 'Germany', note: expect.stringMatching(/victim state/) });
    const c = mapCfrResponses(table, 'Sanctions by France', 'cell', { ...ctx, named: ['FR'] });
    expect(c.unmapped).toEqual(['Sanctions by France']);
    // Membership counts at the date: the United Kingdom's demarche of 2019 is a member state's, of 2021 a third state's.
    const uk = (date: string) => mapCfrResponses(table, 'Demarche', 'cell', { date, victims: [], named: ['GB'], urls: [] });
    expect(uk('2019-06-01').responses.map((r) => r.measure)).toEqual(['demarche']);
    expect(uk('2021-06-01').byOthers.map((r) => r.actor)).toEqual(['third-state']);
    // No responder named and no victim state known: nobody is assumed.
    expect(mapCfrResponses(table, 'Demarche', 'cell', { date: '2020-01-02', victims: [], named: [], urls: [] }).byOthers).toEqual([{ phrase: 'Demarche', measure: 'demarche', by: 'not stated', actor: 'not stated' }]);
  });
});
