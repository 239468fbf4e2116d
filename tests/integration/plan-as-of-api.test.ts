// A response plan made on a date of the user's choosing (`asOf`, from the incident's start up to today): trainers replay
// a past case as it stood then. The rules, the sanctions listings, the attributions counted and the precedents move
// with the date; a date before the incident began, after today or not a date is refused with the range named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
import { OPCW_INCIDENT } from './opcw-incident';
import { addUser, anonymous, call } from './team';

interface Plan {
  asOf: string;
  measures: { id: string; available: boolean; reasons: { rule: string; holds: boolean; text: string }[] }[];
  sanctions: { asOf: string; regime: { state: string }; alreadyListed: { listedName: string; since: string }[] };
  precedents: { id: string; start: string; responses: { date: string }[]; attribution: { date?: string }[] }[];
}

describe.each(dialects)('a response plan on a date of its own, on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
  });
  afterAll(async () => h?.close());

  const plan = async (asOf?: string, body: unknown = OPCW_INCIDENT) => {
    const r = await call(h.app, anonymous, 'POST', `/api/respond${asOf === undefined ? '' : `?asOf=${encodeURIComponent(asOf)}`}`, body);
    return r;
  };
  const ok = async (asOf?: string) => {
    const r = await plan(asOf);
    expect(r.status, r.text).toBe(200);
    return r.body as Plan;
  };
  const listing = (p: Plan) => p.measures.find((m) => m.id === 'restrictive-measures');

  it('reads the sanctions regime and its listings on the plan\'s date', async () => {
    const before = await ok('2018-10-05');
    expect(before.asOf).toBe('2018-10-05');
    expect(before.sanctions.asOf).toBe('2018-10-05');
    // Decision (CFSP) 2019/797 of 17 May 2019: no regime in 2018, so nobody is listed yet.
    expect(before.sanctions.regime.state).not.toBe('in-force');
    expect(before.sanctions.alreadyListed).toEqual([]);
    const after = await ok('2020-07-31');
    expect(after.sanctions.regime.state).toBe('in-force');
    expect(after.sanctions.alreadyListed.map((l) => [l.listedName, l.since])).toEqual([['Alexey Valeryevich MININ', '2020-07-30']]);
  });

  it('counts only the attributions made by the plan\'s date, and says which it left out', async () => {
    const dayBefore = await ok('2020-07-29');
    const day = await ok('2020-07-30');
    const text = (p: Plan) => listing(p)?.reasons.map((r) => r.text).join(' ') ?? '';
    expect(text(dayBefore)).toMatch(/Not counted, made after the plan's date \(2020-07-29\)/);
    expect(text(dayBefore)).toMatch(/Council of the EU/);
    expect(text(day)).not.toMatch(/Not counted/);
  });

  it('cites only precedents known on the plan\'s date, without what was done after it', async () => {
    const asOf = '2018-10-05';
    const then = await ok(asOf);
    for (const p of then.precedents) {
      expect(p.start <= asOf, `${p.id} began ${p.start}`).toBe(true);
      for (const r of p.responses) expect(r.date <= asOf, `${p.id}: response of ${r.date}`).toBe(true);
      for (const a of p.attribution) if (a.date !== undefined) expect(a.date <= asOf, `${p.id}: attribution of ${a.date}`).toBe(true);
    }
    // Today the same case has precedents or responses from after 2018-10-05 to cite: the date is what moved them.
    const today = await ok();
    const later = today.precedents.some((p) => p.start > asOf || p.responses.some((r) => r.date > asOf));
    expect(later).toBe(true);
  });

  it('is made today when no date is given', async () => {
    const p = await ok();
    expect(p.asOf).toBe(new Date().toISOString().slice(0, 10));
  });

  it('refuses a date before the incident began, after today or not a date, naming the range', async () => {
    const early = await plan('2018-04-12');
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({ error: { code: 'invalid_date' } });
    expect(JSON.stringify(early.body)).toMatch(/before the incident began \(2018-04-13\)/);
    const late = await plan('2999-01-01');
    expect(late.status).toBe(400);
    expect(JSON.stringify(late.body)).toMatch(/after today/);
    const bad = await plan('30.7.2020');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/YYYY-MM-DD/);
  });

  it('takes the date on a recorded incident\'s plan too', async () => {
    const editor = await addUser(h, 'editor-asof', 'editor', 'NL');
    const created = await call(h.app, editor, 'POST', '/api/incidents', { ...OPCW_INCIDENT, tlp: 'clear' });
    expect(created.status, created.text).toBe(201);
    const id = (created.body as { id: string }).id;
    const dated = await call(h.app, editor, 'GET', `/api/incidents/${id}/plan?asOf=2018-10-05`);
    expect(dated.status, dated.text).toBe(200);
    expect((dated.body as Plan).asOf).toBe('2018-10-05');
    expect((dated.body as Plan).sanctions.alreadyListed).toEqual([]);
    const markdown = await call(h.app, editor, 'GET', `/api/incidents/${id}/plan?asOf=2020-07-31&format=markdown`);
    expect(markdown.status).toBe(200);
    expect(markdown.text).toMatch(/2020-07-31/);
    expect(markdown.text).toMatch(/MININ/);
    const early = await call(h.app, editor, 'GET', `/api/incidents/${id}/plan?asOf=2018-01-01`);
    expect(early.status).toBe(400);
  });
});
