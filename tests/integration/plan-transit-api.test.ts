// The transit states of an incident through the API: stored and read back as written, and read by the plan of the
// stored incident (Decision (CFSP) 2019/797, Art. 1(2)(b): infrastructure outside the Union makes the attack external).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELAYED_INTRUSION } from '../../src/core/toolbox/toolbox.fixture';
import { dialects, startHarness, type Harness } from './harness';

describe.each(dialects)('transit states through the API, on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, dialect);
  });
  afterAll(async () => h?.close());

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const res = await h.app.inject({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.json() as never };
  };
  type Plan = { measures: { id: string; available: boolean; reasons: { rule: string; holds: boolean; text: string }[] }[] };
  const reason = (p: Plan, measure: string, rule: string) => p.measures.find((m) => m.id === measure)?.reasons.find((r) => r.rule === rule);

  it('stores the transit states and opens the sanctions regime and the démarche towards them', async () => {
    const body = RELAYED_INTRUSION;
    const created = await call('POST', '/api/incidents', body);
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    const plan = async () => (await call('GET', `/api/incidents/${id}/plan?asOf=2025-06-01`)).body as Plan;
    expect(reason(await plan(), 'restrictive-measures', 'sanctions-external-threat')?.holds).toBe(false);

    const patched = await call('PATCH', `/api/incidents/${id}`, { transit: ['md'], context: { euDelegationInTransitCountry: true } });
    expect(patched.status).toBe(200);
    const stored = (await call('GET', `/api/incidents/${id}`)).body as { incident: { transit?: string[]; context: { euDelegationInTransitCountry?: boolean } } };
    expect(stored.incident.transit).toEqual(['MD']);
    expect(stored.incident.context.euDelegationInTransitCountry).toBe(true);
    const after = await plan();
    expect(reason(after, 'restrictive-measures', 'sanctions-external-threat')).toMatchObject({ holds: true });
    expect(reason(after, 'restrictive-measures', 'sanctions-external-threat')?.text).toContain('Moldova (MD)');
    expect(after.measures.find((m) => m.id === 'demarche')?.available).toBe(true);
    expect(reason(after, 'demarche', 'transit-due-diligence')?.holds).toBe(true);

    const refused = await call('PATCH', `/api/incidents/${id}`, { transit: ['EU'] });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('transit.0');
  });

  it("reads each transit state in the observatory on the plan's date, and sends the démarche there without an attribution", async () => {
    // Canada ratified the Budapest Convention on 8 July 2015 (data/partnerships/ca.yaml); it is in force for Canada from
    // 1 November 2015, derived from the deposit, so a plan of September 2015 has no party yet.
    const created = await call('POST', '/api/incidents', { ...RELAYED_INTRUSION, start: '2015-03-01', transit: ['CA'], attribution: [], context: { euDelegationInTransitCountry: true } });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    const plan = async (asOf: string) => (await call('GET', `/api/incidents/${id}/plan?asOf=${asOf}`)).body as Plan;
    const before = await plan('2015-06-01');
    const after = await plan('2016-01-01');
    expect(reason(before, 'criminal-justice-cooperation', 'criminal-justice-transit-budapest')?.holds).toBe(false);
    expect(reason(after, 'criminal-justice-cooperation', 'criminal-justice-transit-budapest')).toMatchObject({ holds: true });
    expect(reason(after, 'criminal-justice-cooperation', 'criminal-justice-transit-budapest')?.text).toContain('Canada (CA), ratified on 2015-07-08, in force from 2015-11-01 (derived from the deposit');
    const pending = await plan('2015-09-01');
    expect(reason(pending, 'criminal-justice-cooperation', 'criminal-justice-transit-budapest')).toMatchObject({ holds: false });
    expect(reason(pending, 'criminal-justice-cooperation', 'criminal-justice-transit-budapest')?.text).toContain('in force from 2015-11-01 (derived from the deposit: the first day of the month following three months after it, Art. 36(4) of the Convention, article unverified): not yet bound (on 2015-09-01)');
    expect(reason(after, 'criminal-justice-cooperation', 'criminal-justice-transit-channels')?.text).toContain('Europol operational');
    // No attribution is recorded: the démarche to the transit state is open all the same.
    expect(after.measures.find((m) => m.id === 'demarche')?.available).toBe(true);
    expect(reason(after, 'demarche', 'demarche-transit-without-attribution')?.holds).toBe(true);
  });

  it('reads an initiator recorded as GB in the observatory, which files the United Kingdom as UK', async () => {
    const created = await call('POST', '/api/incidents', { ...RELAYED_INTRUSION, start: '2021-03-01', initiator: { type: 'non-state', country: 'GB', identifiedPersons: [] } });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    const after = (await call('GET', `/api/incidents/${id}/plan?asOf=2021-06-01`)).body as Plan & { observatory: { state: string; covered: boolean } | null };
    expect(after.observatory).toMatchObject({ state: 'UK', covered: true });
    expect(reason(after, 'criminal-justice-cooperation', 'criminal-justice-relations')?.text).not.toContain('holds no record');
  });
});
