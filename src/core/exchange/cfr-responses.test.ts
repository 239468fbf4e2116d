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
    expect(a.responses.map((r) => [r.measure, r.by, r.date])).toEqual([
      ['demarche', 'United States', '2020-01-02'],
      ['restrictive-measures', 'United States', '2020-01-02'],
    ]);
    expect(a.unmapped).toEqual(['Denial']);
    const b = mapCfrResponses(table, 'Sanctions', 'cell', { ...ctx, urls: ['https://notjustice.gov.example.org/x'] });
    expect(b.responses[0]).toMatchObject({ by: 'Germany', note: expect.stringMatching(/victim state/) });
    const c = mapCfrResponses(table, 'Sanctions by France', 'cell', { ...ctx, named: ['FR'] });
    expect(c.unmapped).toEqual(['Sanctions by France']);
  });
});
