// An incident stored with the NATO flag of an earlier default (Finland hit in 2022 by an attack still going on when it
// joined NATO on 4 April 2023; the default of its day read the start date alone and stored false): the plan of the
// stored incident reads Article 5 from the accession, on every dialect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startHarness, type Harness } from './harness';

describe.each(dialects)('a stored NATO flag equal to an earlier default, on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, dialect);
  });
  afterAll(async () => h?.close());

  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await h.app.inject({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.json() as never };
  };
  type Plan = { measures: { id: string; available: boolean; reasons: { rule: string; holds: boolean }[] }[] };

  it('opens Article 5 for Finland from its accession although the stored context says false', async () => {
    const created = await call('POST', '/api/incidents', {
      title: 'Attack on a Finnish ministry',
      start: '2022-06-01',
      ongoing: true,
      category: 'cyber-warfare',
      victims: [{ country: 'FI', sector: 'government' }],
      effects: { severity: 'critical', armedAttack: true },
      initiator: { type: 'state', country: 'RU', identifiedPersons: ['Officer A'] },
      attribution: [{ kind: 'political', by: 'FI government', confidence: 'high', public: true }],
      context: { victimIsNatoMember: false },
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    const stored = (await call('GET', `/api/incidents/${id}`)).body as { incident: { context: { victimIsNatoMember?: boolean } } };
    expect(stored.incident.context.victimIsNatoMember).toBe(false);
    const article5 = async (asOf: string) => {
      const r = await call('GET', `/api/incidents/${id}/plan?asOf=${asOf}`);
      expect(r.status).toBe(200);
      const m = (r.body as Plan).measures.find((x) => x.id === 'nato-collective-defence');
      return { open: m?.available, member: m?.reasons.find((x) => x.rule === 'nato-member')?.holds };
    };
    expect(await article5('2023-04-03')).toEqual({ open: false, member: false });
    expect(await article5('2023-04-04')).toEqual({ open: true, member: true });
  });
});
