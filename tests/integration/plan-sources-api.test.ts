// Response plans over HTTP read the other half of the product: the observatory's dialogues and agreements of the
// initiator state, precedents from the reviewed list and the registry (as far as the caller may see), and the
// attribution each measure rests on. Invalid incidents are refused with the field named and nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
import { addUser, anonymous, call, type Client } from './team';

const incident = (over: Record<string, unknown> = {}) => ({
  title: 'Intrusion into a federal ministry',
  start: '2026-03-01',
  category: 'cyber-espionage',
  victims: [{ country: 'DE', sector: 'government' }],
  effects: { severity: 'high', dataStolen: true },
  initiator: { type: 'state-sponsored', country: 'RU', identifiedPersons: ['Officer A'] },
  attribution: [{ kind: 'technical', by: 'BSI', confidence: 'high' }],
  context: { euDelegationInInitiatorCountry: true },
  ...over,
});

interface PlanMeasure {
  id: string;
  available: boolean;
  reasons: { rule: string; holds: boolean; text: string }[];
  attribution: { need: string; met: boolean; missing: string | null; restsOn: string[] };
}
interface Plan {
  measures: PlanMeasure[];
  ladder: string[];
  observatory: { state: string; covered: boolean; cyberDialogues: { name: string; cyberSpecific: boolean }[] } | null;
  precedents: { id: string; origin: string; title: string; why: string[] }[];
}
const measure = (p: Plan, id: string) => p.measures.find((m) => m.id === id) as PlanMeasure;

describe.each(dialects)('plans that read their sources on %s', (dialect) => {
  let h: Harness;
  let editor: Client;
  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    editor = await addUser(h, 'editor-p', 'editor', 'DE');
  });
  afterAll(async () => h?.close());

  const respond = async (body: unknown, who: Client = anonymous) => {
    const r = await call(h.app, who, 'POST', '/api/respond', body);
    expect(r.status, r.text).toBe(200);
    return r.body as Plan;
  };

  it('keeps the contract and adds attribution needs, the observatory and precedents', async () => {
    const p = await respond(incident());
    expect(Object.keys(p)).toEqual(expect.arrayContaining(['measures', 'ladder', 'bodies', 'sanctions', 'precedents', 'observatory', 'asOf']));
    const sanctions = measure(p, 'restrictive-measures');
    expect(sanctions.available).toBe(false);
    expect(sanctions.attribution.missing).toContain('only technical by BSI');
    const publicPolitical = await respond(incident({ attribution: [{ kind: 'political', by: 'DE government', confidence: 'high', public: true }] }));
    expect(measure(publicPolitical, 'restrictive-measures').available).toBe(true);
  });

  it('opens a cyber dialogue only with a state the observatory records one with today: Japan, not Russia or China (status unknown)', async () => {
    const ru = await respond(incident());
    expect(ru.observatory).toMatchObject({ state: 'RU', covered: true });
    expect(ru.observatory?.cyberDialogues.some((d) => d.cyberSpecific)).toBe(false);
    expect(measure(ru, 'cyber-dialogue').available).toBe(false);
    // A plan reads the observatory on its own date (today). The EU-Japan cyber dialogue meets in rounds up to 2026.
    const jp = await respond(incident({ initiator: { type: 'state-sponsored', country: 'JP' } }));
    expect(measure(jp, 'cyber-dialogue').available).toBe(true);
    expect(measure(jp, 'cyber-dialogue').reasons.find((r) => r.rule === 'dialogue-exists')?.text).toMatch(/EU-Japan/);
    // No source reports the EU-China cyber taskforce after 2018: its status is unknown today, and the plan says so.
    const cn = await respond(incident({ initiator: { type: 'state-sponsored', country: 'CN' } }));
    expect(measure(cn, 'cyber-dialogue').available).toBe(false);
    expect(measure(cn, 'cyber-dialogue').reasons.find((r) => r.rule === 'dialogue-exists')?.text).toMatch(/EU-China Cyber Taskforce.*status unknown/);
    const ir = await respond(incident({ initiator: { type: 'state', country: 'IR' } }));
    expect(ir.observatory).toMatchObject({ state: 'IR', covered: false });
    expect(measure(ir, 'cyber-dialogue').available).toBe(false);
  });

  it('reads the cyber-sanctions regime on the plan\'s date, and who attributed on the attribution\'s date', async () => {
    const croatia = (start: string) => incident({ start, attribution: [{ kind: 'political', by: 'Government of Croatia', confidence: 'high', public: true }] });
    const p = await respond(croatia('2014-06-01'));
    const sanctions = measure(p, 'restrictive-measures');
    expect(sanctions.available).toBe(true);
    // The server hands the plan the reviewed framework: its dates are read, never "not consulted".
    const regime = sanctions.reasons.find((r) => r.rule === 'sanctions-regime-adopted');
    expect(regime?.text).toMatch(/cyber-sanctions regime \(Decision \(CFSP\) 2019\/797 and Regulation \(EU\) 2019\/796\) is (in force until|past its last recorded expiry)/);
    // Croatia joined on 1 July 2013: its government's attribution of 2012 is a third state's.
    expect(measure(await respond(croatia('2012-06-01')), 'restrictive-measures').available).toBe(false);
  });

  it('ranks reviewed precedents, and registry incidents only for callers who may see them', async () => {
    const p = await respond(incident());
    expect(p.precedents[0]).toMatchObject({ id: 'bundestag-2015', origin: 'reviewed' });
    const red = await call(h.app, editor, 'POST', '/api/incidents', { ...incident({ title: 'Red twin of the ministry intrusion', start: '2026-02-01' }), tlp: 'red', recipients: ['editor-p'] });
    expect(red.status, red.text).toBe(201);
    const id = (red.body as { id: string }).id;
    const anon = await respond(incident());
    expect(anon.precedents.map((x) => x.id)).not.toContain(id);
    expect(JSON.stringify(anon)).not.toContain('Red twin');
    const own = await respond(incident(), editor);
    expect(own.precedents.map((x) => x.id)).toContain(id);
    // The incident's own plan does not list the incident itself among its precedents.
    const self = await call(h.app, editor, 'GET', `/api/incidents/${id}/plan`);
    expect((self.body as Plan).precedents.map((x) => x.id)).not.toContain(id);
  });

  it('refuses invalid incidents with the field named, and writes nothing', async () => {
    const before = ((await call(h.app, editor, 'GET', '/api/incidents')).body as { total: number }).total;
    const cases: [Record<string, unknown>, RegExp][] = [
      [incident({ victims: [{ country: 'DE', sector: 'hospitals' }] }), /victims\.0\.sector/],
      [incident({ effects: { severity: 'high', attempted: 'yes' } }), /effects\.attempted/],
      [incident({ context: { mutualAssistanceInvoked: 'true' } }), /context\.mutualAssistanceInvoked/],
    ];
    for (const [body, field] of cases) {
      const r = await call(h.app, editor, 'POST', '/api/incidents', body);
      expect(r.status, r.text).toBe(400);
      expect(r.text).toMatch(field);
      const plan = await call(h.app, anonymous, 'POST', '/api/respond', body);
      expect(plan.status).toBe(400);
      expect(plan.text).toMatch(field);
    }
    expect(((await call(h.app, editor, 'GET', '/api/incidents')).body as { total: number }).total).toBe(before);
  });
});
