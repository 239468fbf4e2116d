// The response toolbox over HTTP on a temporary database: incident CRUD with history, plans, votes, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActKind, ProposerId } from '../../src/core/toolbox/voting-rules';
import { dialects, startHarness, type Harness } from './harness';

describe.each(dialects)('on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, dialect);
  });
  afterAll(async () => h.close());

  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
    const res = await h.app.inject({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });
    const type = String(res.headers['content-type'] ?? '');
    return { status: res.statusCode, type, body: (type.includes('json') ? res.json() : res.body) as never };
  };

  const incident = (over: Record<string, unknown> = {}) => ({
    title: 'Espionage against a ministry',
    start: '2026-03-01',
    ongoing: true,
    category: 'cyber-espionage',
    victims: [{ country: 'DE', sector: 'government' }],
    effects: { severity: 'high' },
    initiator: { type: 'state-sponsored', country: 'RU', identifiedPersons: [], identifiedEntities: ['Unit 26165'] },
    attribution: [{ kind: 'technical', by: 'national CERT', confidence: 'high', public: true }],
    context: { euDelegationInInitiatorCountry: true, delegationHeadRecalled: false },
    ...over,
  });

  type Plan = { measures: { id: string; available: boolean; reasons: { text: string; holds: boolean }[]; decision: { by: string; rule: string }; legalBasis: string[] }[]; ladder: string[] };

  describe('incident registry', () => {
    it('creates, reads, patches and deletes an incident, keeping a history of every change', async () => {
      const created = await call('POST', '/api/incidents', incident());
      expect(created.status).toBe(201);
      const id = (created.body as { id: string }).id;
      expect((await call('GET', `/api/incidents/${id}`)).status).toBe(200);

      const patched = await call('PATCH', `/api/incidents/${id}`, { ongoing: false, effects: { severity: 'critical' } });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ version: 2, incident: { ongoing: false, effects: { severity: 'critical' }, title: 'Espionage against a ministry' } });

      const list = (await call('GET', '/api/incidents?category=cyber-espionage')).body as { total: number; items: { id: string }[] };
      expect(list.items.map((i) => i.id)).toContain(id);

      expect((await call('DELETE', `/api/incidents/${id}`)).status).toBe(204);
      const gone = await call('GET', `/api/incidents/${id}`);
      expect(gone.status).toBe(404);
      expect(gone.body).toMatchObject({ error: { code: 'unknown_incident' } });

      const history = (await call('GET', `/api/incidents/${id}/history`)).body as { action: string; before: unknown; after: unknown }[];
      expect(history.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
      expect(history[1]?.before).toMatchObject({ ongoing: true });
      expect(history[1]?.after).toMatchObject({ ongoing: false });
    });

    it.each([
      ['an unknown category', { category: 'cyber-vandalism' }, 'category', /cyber-crime/],
      ['a victim that is not a country code', { victims: [{ country: 'Germany', sector: 'government' }] }, 'victims.0.country', /country code/],
      ['dates out of order', { start: '2026-03-10', detected: '2026-03-01' }, 'detected', /on or after/],
      ['a severity outside the scale', { effects: { severity: 'apocalyptic' } }, 'effects.severity', /low.*critical|critical/],
      ['a malformed date', { start: '2026-02-30' }, 'start', /YYYY-MM-DD/],
    ])('refuses %s, naming the field, and writes nothing', async (_what, over, path, message) => {
      const before = ((await call('GET', '/api/incidents')).body as { total: number }).total;
      const r = await call('POST', '/api/incidents', incident(over));
      expect(r.status).toBe(400);
      const err = (r.body as { error: { code: string; message: string; issues: { path: string; message: string }[] } }).error;
      expect(err.code).toBe('invalid_incident');
      const issue = err.issues.find((i) => i.path === path);
      expect(issue, JSON.stringify(err.issues)).toBeDefined();
      expect(issue?.message).toMatch(message);
      expect(((await call('GET', '/api/incidents')).body as { total: number }).total).toBe(before);
    });

    it('refuses a patch that would make the incident invalid and keeps the stored version', async () => {
      const id = ((await call('POST', '/api/incidents', incident())).body as { id: string }).id;
      const r = await call('PATCH', `/api/incidents/${id}`, { category: 'nonsense' });
      expect(r.status).toBe(400);
      expect(((await call('GET', `/api/incidents/${id}`)).body as { version: number }).version).toBe(1);
    });

    it('refuses unknown list filters', async () => {
      const r = await call('GET', '/api/incidents?category=spying');
      expect(r.status).toBe(400);
      expect((r.body as { error: { message: string } }).error.message).toMatch(/cyber-espionage/);
    });
  });

  describe('response plans', () => {
    it('gives the plan of a recorded incident in JSON and Markdown', async () => {
      const id = ((await call('POST', '/api/incidents', incident())).body as { id: string }).id;
      const json = (await call('GET', `/api/incidents/${id}/plan`)).body as Plan;
      expect(json.ladder.length).toBeGreaterThan(0);
      for (const m of json.measures) {
        expect(m.reasons.length + m.legalBasis.length).toBeGreaterThan(0);
        expect(['unanimity', 'qmv', 'rqmv', 'none', 'national']).toContain(m.decision.rule);
      }
      const md = await call('GET', `/api/incidents/${id}/plan?format=markdown`);
      expect(md.type).toMatch(/text\/markdown/);
      // The document carries the incident's marking at its top and foot, like the print view.
      const tlp = ((await call('GET', `/api/incidents/${id}`)).body as { marking: { tlp: string } }).marking.tlp;
      const label = `**TLP:${tlp.toUpperCase()}**`;
      expect(String(md.body).startsWith(`${label}: `)).toBe(true);
      expect(String(md.body)).toMatch(/\n\n# Response plan/);
      expect(String(md.body).trimEnd().endsWith(label)).toBe(true);
      // Its sources name papers by author and title with their published version, and note a grade below primary.
      const sources = String(md.body).slice(String(md.body).indexOf('## Sources'));
      expect(sources).toMatch(/^\d+\. Annegret Bendiek, 'The EU as a Force for Peace in International Cyber Diplomacy'.*https:\/\/www\.swp-berlin\.org\/.*\[secondary source\]$/m);
      expect(sources).not.toMatch(/^\d+\. (bendiek2018|renard2014|renard2016):/m);
      expect((await call('GET', `/api/incidents/${id}/plan?format=pdf`)).status).toBe(400);
    });

    it('closes the démarche when the head of delegation has been recalled (bendiek2018)', async () => {
      const open = (await call('POST', '/api/respond', incident())).body as Plan;
      const closed = (await call('POST', '/api/respond', incident({ context: { euDelegationInInitiatorCountry: true, delegationHeadRecalled: true } }))).body as Plan;
      const demarche = (p: Plan) => p.measures.find((m) => m.id === 'demarche');
      expect(demarche(open)?.available).toBe(true);
      expect(demarche(closed)?.available).toBe(false);
      expect(demarche(closed)?.reasons.some((r) => !r.holds && /recall/i.test(r.text))).toBe(true);
      expect(closed.ladder).not.toContain('demarche');
    });

    it('sends a non-state criminal to the criminal-justice track', async () => {
      const p = (await call('POST', '/api/respond', incident({ category: 'cyber-crime', initiator: { type: 'non-state', country: null } }))).body as Plan;
      expect(p.measures.find((m) => m.id === 'criminal-justice-cooperation')?.available).toBe(true);
      const s = (await call('POST', '/api/respond', incident())).body as Plan;
      expect(s.measures.find((m) => m.id === 'criminal-justice-cooperation')?.available).toBe(false);
    });

    it('names the persons and entities already listed under the cyber-sanctions regime, in JSON and Markdown', async () => {
      type WithSanctions = Plan & { sanctions: { regime: { state: string }; alreadyListed: { name: string; id: string; since: string }[] } };
      const listed = incident({ initiator: { type: 'state', country: 'RU', identifiedPersons: ['Dmitry Badin', 'Jane Doe'], identifiedEntities: ['GTsSS'] } });
      const p = (await call('POST', '/api/respond', listed)).body as WithSanctions;
      expect(p.sanctions.alreadyListed.map((m) => [m.name, m.id, m.since])).toEqual([
        ['Dmitry Badin', 'dmitry-sergeyevich-badin', '2020-10-22'],
        ['GTsSS', '85th-main-centre-for-special-services', '2020-10-22'],
      ]);
      const none = (await call('POST', '/api/respond', incident())).body as WithSanctions;
      expect(none.sanctions.alreadyListed).toEqual([]);
      const md = String((await call('POST', '/api/respond?format=markdown', listed)).body);
      expect(md).toMatch(/## Cyber-sanctions regime/);
      expect(md).toContain("- Dmitry Badin: already listed since 2020-10-22 under Regulation 2020/1536 — strong match on 'Dmitry Sergeyevich BADIN'");
      expect(md).toMatch(/an officer must review it before proceeding/);
      expect(String((await call('POST', '/api/respond?format=markdown', incident())).body)).not.toMatch(/Already listed/);
    });

    it('refuses an invalid incident for a plan', async () => {
      const r = await call('POST', '/api/respond', { title: 'x' });
      expect(r.status).toBe(400);
      expect((r.body as { error: { code: string } }).error.code).toBe('invalid_incident');
    });
  });

  describe('cyber-sanctions regime', () => {
    type Status = { asOf: string; regime: { state: string; until: string | null }; listings: { state: string }; counts: { persons: number; entities: number }; targets: { id: string }[]; notes: string[] };
    it('gives the regime and its listings on a date', async () => {
      const oct2020 = (await call('GET', '/api/sanctions?asOf=2020-10-22')).body as Status;
      expect(oct2020).toMatchObject({ asOf: '2020-10-22', regime: { state: 'in-force', until: '2021-05-18' }, counts: { persons: 8, entities: 4 } });
      const before = (await call('GET', '/api/sanctions?asOf=2019-01-01')).body as Status;
      expect(before.regime.state).toBe('not-adopted');
      expect(before.targets).toEqual([]);
    });
    it('refuses a bad date or an unknown parameter', async () => {
      const bad = await call('GET', '/api/sanctions?asOf=2020-02-30');
      expect(bad.status).toBe(400);
      expect((bad.body as { error: { code: string } }).error.code).toBe('invalid_date');
      expect((await call('GET', '/api/sanctions?date=2020-01-01')).status).toBe(400);
    });
  });

  describe('Council vote', () => {
    type Vote = { adopted: boolean; thresholds: unknown[]; explanation: string[] };
    it('three large states cannot block a qualified majority; four can', async () => {
      const three = (await call('POST', '/api/vote', { rule: 'qmv', against: ['DE', 'FR', 'IT'] })).body as Vote;
      const four = (await call('POST', '/api/vote', { rule: 'qmv', against: ['DE', 'FR', 'IT', 'ES'] })).body as Vote;
      expect(three.adopted).toBe(true);
      expect(four.adopted).toBe(false);
      expect(four.explanation.length).toBeGreaterThan(0);
    });

    it('one vote against fails unanimity; an abstention does not', async () => {
      expect(((await call('POST', '/api/vote', { rule: 'unanimity', against: 'MT' })).body as Vote).adopted).toBe(false);
      expect(((await call('POST', '/api/vote', { rule: 'unanimity', abstain: 'MT' })).body as Vote).adopted).toBe(true);
    });

    it('leaves Denmark out of a decision with defence implications before 1 July 2022, flat or under votes (Protocol No 22, Art. 5, unverified)', async () => {
      type Out = Vote & { votes: { notParticipating: string[] }; participationExceptions?: { state: string }[] };
      const flat = (await call('POST', '/api/vote', { rule: 'unanimity', date: '2021-06-01', defenceImplications: true, against: [] })).body as Out;
      expect(flat.votes.notParticipating).toEqual(['DK']);
      expect(flat.participationExceptions?.map((x) => x.state)).toEqual(['DK']);
      const nested = (await call('POST', '/api/vote', { rule: 'unanimity', date: '2022-07-01', defenceImplications: true, votes: { against: ['DK'] } })).body as Out;
      expect(nested.adopted).toBe(false);
      expect((await call('POST', '/api/vote', { rule: 'unanimity', date: '2021-06-01', defenceImplications: true, against: ['DK'] })).status).toBe(400);
    });

    it('accepts Greece as EL and refuses unknown codes and fields', async () => {
      expect((await call('POST', '/api/vote', { rule: 'qmv', against: ['EL'] })).status).toBe(200);
      const bad = await call('POST', '/api/vote', { rule: 'qmv', against: ['XX'] });
      expect(bad.status).toBe(400);
      expect((bad.body as { error: { code: string; message: string } }).error.message).toMatch(/XX/);
      expect((await call('POST', '/api/vote', { rule: 'plurality' })).status).toBe(400);
      expect((await call('POST', '/api/vote', { rule: 'qmv', maybe: ['DE'] })).status).toBe(400);
    });

    it('derives the rule from the act and its proposer, says where a chosen rule contradicts it, and stops a vote on the emergency brake', async () => {
      type Derived = Vote & { rule: string; derivation?: { rule: string; contradiction?: string }; emergencyBrake?: { state: string; voteTaken: boolean; unverified: boolean } };
      const against = ['MT', 'LU', 'CY', 'EE', 'LV', 'SI', 'LT', 'HR'];
      const hr = (await call('POST', '/api/vote', { act: 'cfsp-implementing', proposer: 'high-representative', against })).body as Derived;
      const ms = (await call('POST', '/api/vote', { act: 'cfsp-implementing', proposer: 'member-state', votes: { against } })).body as Derived;
      expect(hr).toMatchObject({ rule: 'qmv', adopted: true });
      expect(ms).toMatchObject({ rule: 'rqmv', adopted: false, derivation: { rule: 'rqmv' } });
      const chosen = (await call('POST', '/api/vote', { rule: 'qmv', act: 'sanctions-listing', proposer: 'member-state', against: ['MT'] })).body as Derived;
      expect(chosen).toMatchObject({ rule: 'qmv', adopted: true, derivation: { rule: 'unanimity' } });
      expect(chosen.derivation?.contradiction).toMatch(/is not the one the Treaties give for this act: unanimity/);
      const braked = await call('POST', '/api/vote', { act: 'cfsp-implementing', proposer: 'high-representative', emergencyBrake: 'HU' });
      expect(braked.status).toBe(200);
      expect(braked.body as Derived).toMatchObject({ adopted: false, emergencyBrake: { state: 'HU', voteTaken: false, unverified: true } });
      expect((braked.body as Derived).explanation.at(-1)).toBe('Result: no vote is taken.');
      const refused = await call('POST', '/api/vote', { act: 'sanctions-listing', proposer: 'member-state', emergencyBrake: 'HU' });
      expect(refused.status).toBe(400);
      expect((refused.body as { error: { message: string } }).error.message).toMatch(/^Invalid vote: emergencyBrake: /);
    });

    it('names the field the body used in a refusal, with the allowed codes, not an internal path', async () => {
      type Refusal = { error: { message: string; issues: { path: string }[] } };
      const flat = (await call('POST', '/api/vote', { rule: 'qmv', against: ['DE', 'XX'] })).body as Refusal;
      const nested = (await call('POST', '/api/vote', { rule: 'qmv', votes: { against: ['DE', 'XX'] } })).body as Refusal;
      expect(flat.error.message).toMatch(/^Invalid vote: against: "XX" is not a member state in 2025; the Council of 2025 has 27 members: AT, BE, /);
      expect(nested.error.message).toMatch(/^Invalid vote: votes\.against: "XX"/);
      expect(flat.error.message).not.toContain('votes.against.1');
      expect(flat.error.issues[0]?.path).toBe('votes.against.1');
      const noRule = (await call('POST', '/api/vote', { against: ['DE'] })).body as Refusal;
      expect(noRule.error.message).toMatch(/^Invalid vote: rule: give the rule \(unanimity, qmv, rqmv, simple\) or the kind of act \(act: cfsp-strategic-interests, /);
    });

    it('votes with the Council of the year asked for, and refuses GB after 2020 with a 400 naming the code, the year and the allowed codes', async () => {
      type YearVote = Vote & { year: number; members: string[]; counts: { members: number } };
      const in2019 = await call('POST', '/api/vote', { rule: 'qmv', year: 2019, against: ['GB', 'DE', 'FR'] });
      expect(in2019.status).toBe(200);
      expect(in2019.body as YearVote).toMatchObject({ year: 2019, counts: { members: 28 } });
      expect((in2019.body as YearVote).members).toContain('GB');
      const latest = (await call('POST', '/api/vote', { rule: 'qmv' })).body as YearVote;
      expect(latest.year).toBe(2025);
      expect(latest.members).toHaveLength(27);
      const bad = await call('POST', '/api/vote', { rule: 'qmv', year: 2021, against: ['GB'] });
      expect(bad.status).toBe(400);
      const error = (bad.body as { error: { code: string; message: string; issues: { path: string }[] } }).error;
      expect(error.code).toBe('invalid_vote');
      expect(error.message).toContain('"GB" is not a member state in 2021');
      expect(error.message).toContain('the Council of 2021 has 27 members: AT, BE');
      expect(error.issues[0]?.path).toBe('votes.against.0');
      expect((await call('POST', '/api/vote', { rule: 'qmv', year: 1990 })).status).toBe(400);
    });

    it('lists who may propose each kind of act, from the voting rules, and the vote takes exactly those pairs', async () => {
      const r = await call('GET', '/api/vote/acts');
      expect(r.status).toBe(200);
      const acts = r.body as { id: string; proposers: string[] | null }[];
      expect(acts.map((a) => a.id)).toEqual(ActKind.options);
      expect(acts.find((a) => a.id === 'sanctions-regulation')?.proposers).toEqual(['hr-commission-joint']);
      expect(acts.find((a) => a.id === 'sanctions-listing')?.proposers).toEqual(['high-representative', 'member-state']);
      expect(acts.find((a) => a.id === 'cfsp-procedural')?.proposers).toBeNull();
      for (const act of acts) {
        for (const proposer of ProposerId.options) {
          const answer = await call('POST', '/api/vote', { act: act.id, proposer });
          const listed = act.proposers === null || act.proposers.includes(proposer);
          expect(answer.status, `${act.id} on a proposal of ${proposer}`).toBe(listed ? 200 : 400);
        }
      }
    });

    it('lists the member states of a year: 28 with the United Kingdom in 2019', async () => {
      const r = (await call('GET', '/api/member-states?year=2019')).body as { unverified: boolean; states: { code: string; share: number }[] };
      expect(r.states).toHaveLength(28);
      expect(r.states.map((s) => s.code)).toContain('GB');
      expect(r.unverified).toBe(true);
      expect(r.states.reduce((sum, x) => sum + x.share, 0)).toBeCloseTo(100, 0);
    });

    it('lists the 27 member states with population shares', async () => {
      const r = (await call('GET', '/api/member-states')).body as { states: { code: string; share: number }[] };
      expect(r.states).toHaveLength(27);
      const total = r.states.reduce((s, x) => s + x.share, 0);
      expect(total).toBeGreaterThan(99.9);
      expect((await call('GET', '/api/member-states?year=1999')).status).toBe(400);
    });

    it("counts a vote dated after the data's last population figures with them, and says so (the web page asks for that year's Council first)", async () => {
      const latest = ((await call('GET', '/api/member-states')).body as { year: number }).year;
      const states = (await call('GET', `/api/member-states?year=${latest + 1}`)).body as { year: number; figuresYear?: number; unverified: boolean; states: { share: number | null }[] };
      expect(states).toMatchObject({ year: latest + 1, figuresYear: latest, unverified: true });
      expect(states.states.every((s) => typeof s.share === 'number')).toBe(true);
      expect(((await call('GET', `/api/member-states?year=${latest}`)).body as { figuresYear?: number }).figuresYear).toBeUndefined();
      const r = await call('POST', '/api/vote', { rule: 'qmv', date: `${latest + 1}-06-01`, against: ['DE', 'FR', 'IT', 'ES'] });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ year: latest + 1, figuresYear: latest, unverified: true });
      expect((r.body as { explanation: string[] }).explanation.join(' ')).toContain(`so the ${latest} figures were counted`);
    });

    it('lists the Council of 2012 without shares, and counts its qualified majority in weighted votes', async () => {
      const states = (await call('GET', '/api/member-states?year=2012')).body as { unverified: boolean; states: { code: string; share: number | null }[] };
      expect(states.states).toHaveLength(27);
      expect(states.states.every((s) => s.share === null)).toBe(true);
      expect(states.unverified).toBe(true);
      expect((await call('GET', '/api/member-states?year=2008')).status).toBe(400);
      const r = await call('POST', '/api/vote', { rule: 'qmv', date: '2012-05-14', against: ['DE', 'FR', 'IT', 'GB'] });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ adopted: false, populationFigures: 'none', counting: { method: 'weighted-votes', period: { threshold: 255, total: 345 } } });
      const asked = await call('POST', '/api/vote', { rule: 'qmv', date: '2016-05-23', weightedVotesRequested: true, populationCheck: true, against: ['DE', 'FR', 'IT'] });
      expect(asked.body).toMatchObject({ adopted: false, counting: { method: 'weighted-votes', reason: 'requested', populationCheck: true } });
      const late = await call('POST', '/api/vote', { rule: 'qmv', date: '2017-04-03', weightedVotesRequested: true });
      expect(late.status).toBe(400);
      expect(JSON.stringify(late.body)).toContain('only from 2014-11-01 to 2017-03-31');
    });
  });
});
