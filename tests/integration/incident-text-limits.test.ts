// Every text field of an incident has a longest length (INCIDENT_TEXT_MAX, set above the longest real values of the
// datasets): a longer one is a 400 naming the field and the limit, on every dialect, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_TEXT_MAX } from '../../src/core/toolbox/incident';
import { dialects, startHarness, type Harness } from './harness';

const base = { title: 'Intrusion', start: '2021-03-01', category: 'cyber-espionage', victims: [{ country: 'DE', sector: 'government' }], effects: { severity: 'medium' } };
const limit = (n: number) => `at most ${n.toLocaleString('en-GB')} characters`;

describe.each(dialects)('incident text limits on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, dialect);
  });
  afterAll(async () => h?.close());

  const post = (payload: object) => h.app.inject({ method: 'POST', url: '/api/incidents', payload });
  const count = async () => (await h.app.inject({ method: 'GET', url: '/api/incidents' })).json<{ total: number }>().total;

  it.each([
    ['title', { title: 'x'.repeat(900_000) }, INCIDENT_TEXT_MAX.title],
    ['summary', { summary: 'x'.repeat(INCIDENT_TEXT_MAX.summary + 1) }, INCIDENT_TEXT_MAX.summary],
    ['victims.0.name', { victims: [{ country: 'DE', sector: 'government', name: 'x'.repeat(INCIDENT_TEXT_MAX.name + 1) }] }, INCIDENT_TEXT_MAX.name],
    ['initiator.name', { initiator: { name: 'x'.repeat(INCIDENT_TEXT_MAX.name + 1) } }, INCIDENT_TEXT_MAX.name],
    ['attribution.0.by', { attribution: [{ kind: 'political', by: 'x'.repeat(INCIDENT_TEXT_MAX.name + 1), confidence: 'high' }] }, INCIDENT_TEXT_MAX.name],
  ])('refuses a %s over its limit', async (field, over, max) => {
    const before = await count();
    expect(before).toBeGreaterThanOrEqual(0);
    const r = await post({ ...base, ...over });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: { code: 'invalid_incident', message: `Invalid incident: ${field}: ${limit(max)}`, issues: [{ path: field, message: limit(max) }] } });
    expect(await count()).toBe(before);
  });

  it('takes each text at its limit', async () => {
    const r = await post({
      ...base,
      title: 'x'.repeat(INCIDENT_TEXT_MAX.title),
      summary: 'x'.repeat(INCIDENT_TEXT_MAX.summary),
      victims: [{ country: 'DE', sector: 'government', name: 'x'.repeat(INCIDENT_TEXT_MAX.name) }],
      initiator: { name: 'x'.repeat(INCIDENT_TEXT_MAX.name) },
    });
    expect(r.statusCode).toBe(201);
  });
});
