// The incident form's fields for plans that follow their sources (attempts, the factors of significant effect,
// Art. 42(7) invoked, who attributed, the sectors of Decision (CFSP) 2019/797 and NIS2), and the plan's answer in
// the browser: the attribution each measure rests on, the observatory on the initiator state, the precedents.
import { describe, expect, it } from 'vitest';
import { SECTORS } from '../../src/core/toolbox/sectors';
import { SECTOR_GROUPS } from '../../web/src/lib/sectors';
import { OPCW_INCIDENT } from '../integration/opcw-incident';
import { browserSuite, expectAccessible } from './browser';

const suite = browserSuite();
const session = suite.session;

describe('incident form and plan (issue 11)', () => {
  it('offers every sector of the toolbox, grouped, with the labels the server gives them', () => {
    const web = SECTOR_GROUPS.flatMap((g) => g.sectors.map(([id, label]) => [id, label]));
    expect(web).toEqual(Object.entries(SECTORS).map(([id, info]) => [id, info.label]));
  });

  it('records an attempted attack with its factors, shows what each measure needs of attribution, the observatory and a precedent, and prints it', async () => {
    const p = await session.open('/incidents/new');
    await p.getByLabel('Title').fill('Attempted intrusion into an embassy network');
    await p.getByLabel('Category').selectOption('cyber-espionage');
    await p.getByLabel('Started').fill('2026-03-01');
    await p.getByLabel('Victim 1: country').fill('DE');
    const sector = p.getByLabel('Sector');
    expect(await sector.locator('optgroup').count()).toBe(4);
    // Every sector, after the prompt to choose one: none is preselected.
    expect(await sector.locator('option').count()).toBe(Object.keys(SECTORS).length + 1);
    expect(await sector.inputValue()).toBe('');
    await sector.selectOption('external-relations');
    await expect.poll(() => p.locator('#f-victims-0-sector-hint').textContent()).toMatch(/Decision \(CFSP\) 2019\/797, Art\. 1\(4\)/);
    await p.getByLabel('Severity').selectOption('high');
    await p.getByLabel('An attempted attack').check();
    expect(await p.locator('#f-effects-attempted-hint').textContent()).toMatch(/Art\. 1\(1\): attempted cyber-attacks/);
    await p.getByLabel('Persons affected').fill('1200');
    await p.getByLabel('Economic loss in euro').fill('50000');
    await p.getByLabel('Data were stolen, or a large data breach occurred').check();
    await p.getByLabel('Type', { exact: true }).selectOption('state');
    await p.getByLabel('Country', { exact: true }).fill('RU');
    await p.getByRole('button', { name: 'Add an attribution' }).click();
    await p.locator('#f-attribution-0-by').fill('BSI');
    // Left to work out, the type is read from "By" as the server will read it, and the form says so under it.
    const typeHint = p.locator('#f-attribution-0-byType-hint');
    expect(await typeHint.textContent()).toMatch(/Read from “By” as: neither a member state nor the EU, so sanctions and naming a state cannot rest on it/);
    await p.locator('#f-attribution-0-by').fill('Government of Germany');
    expect(await typeHint.textContent()).toMatch(/Read from “By” as: a member state\.$/);
    await p.locator('#f-attribution-0-by').fill('BSI');
    await p.getByLabel('Attributed by (type)').selectOption('member-state');
    expect(await typeHint.textContent()).not.toMatch(/Read from/);
    await p.getByLabel('Confidence').selectOption('high');
    await p.getByLabel('A member state has invoked Art. 42(7) TEU').check();
    expect(await p.locator('#f-context-mutualAssistanceInvoked-hint').textContent()).toMatch(/Bendiek \(2018\): .*can be invoked after severe cyber attacks/);
    await p.getByLabel('Agreement of all member states cannot be sought in time').check();
    await expectAccessible(p);
    await p.getByRole('button', { name: 'Record the incident' }).click();

    await expect.poll(() => p.url(), { timeout: 15000 }).toMatch(/\/incidents\/[^/]+$/);
    await p.getByRole('heading', { level: 1, name: 'Attempted intrusion into an embassy network' }).waitFor();
    const summary = p.locator('.incident-summary');
    await expect.poll(() => summary.textContent()).toMatch(/An attempted attack/);
    expect(await summary.textContent()).toMatch(/1,200 persons affected; economic loss of €50,000; data were stolen/);
    expect(await summary.textContent()).toMatch(/Technical by BSI \(a member state\)/);
    expect(await summary.textContent()).toMatch(/External relations, diplomatic missions included/);

    // Sanctions rest on a public political or legal attribution: a confidential technical one is not enough, and the plan says so.
    const sanctions = p.locator('#measure-restrictive-measures [data-testid="measure-attribution"]');
    await sanctions.waitFor({ timeout: 15000 });
    expect(await sanctions.textContent()).toMatch(/Attribution: needs a political or legal attribution by a member state.*only technical by BSI .* is recorded\./);
    expect(await p.locator('#measure-demarche [data-testid="measure-attribution"]').textContent()).toMatch(/rests on technical by BSI/);

    const observatory = p.getByTestId('plan-observatory');
    expect(await observatory.textContent()).toMatch(/The EU and Russia as of/);
    expect(await observatory.textContent()).toMatch(/Budapest Convention.*Not signed/);

    const opcw = p.getByTestId('precedent').filter({ hasText: 'OPCW' });
    expect(await opcw.textContent()).toMatch(/\d+% similar/);
    expect(await opcw.textContent()).toMatch(/both were attempts \(\+1\)/);
    expect(await opcw.textContent()).toMatch(/30 Jul 2020: Council of the EU — Listing of four GRU officers/);
    await expectAccessible(p);
    const url = p.url();

    await p.getByRole('link', { name: 'Print view' }).click();
    await p.getByRole('heading', { name: 'Open measures, in escalation order' }).waitFor();
    const printed = p.locator('.print-measure').filter({ has: p.getByText('Restrictive measures (cyber sanctions)', { exact: true }) }).getByTestId('measure-attribution');
    expect(await printed.textContent()).toMatch(/Attribution: needs a political or legal attribution by a member state.*only technical by BSI/);
    await p.getByRole('heading', { name: 'Precedents' }).waitFor();
    expect(await p.getByTestId('precedent').filter({ hasText: 'OPCW' }).count()).toBe(1);
    await expectAccessible(p);

    // The edit form reads back every new field.
    await p.goto(url + '/edit');
    await expect.poll(() => p.getByLabel('Persons affected').inputValue()).toBe('1200');
    expect(await p.getByLabel('Economic loss in euro').inputValue()).toBe('50000');
    expect(await p.getByLabel('An attempted attack').isChecked()).toBe(true);
    expect(await p.getByLabel('A member state has invoked Art. 42(7) TEU').isChecked()).toBe(true);
    expect(await p.getByLabel('Sector').inputValue()).toBe('external-relations');
    expect(await p.getByLabel('Attributed by (type)').inputValue()).toBe('member-state');
    // A new attributor: the type loaded with the record goes back to being read from the name.
    await p.locator('#f-attribution-0-by').fill('ANSSI');
    expect(await p.getByLabel('Attributed by (type)').inputValue()).toBe('');
    session.expectNoConsoleErrors();
  });

  it('says plainly when the observatory does not cover the initiator state', async () => {
    const res = await fetch(`${suite.base}/api/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Ransomware against a hospital',
        start: '2026-02-01',
        category: 'cyber-crime',
        victims: [{ country: 'FR', sector: 'health' }],
        effects: { severity: 'high', disruptsEssentialServices: true },
        initiator: { type: 'non-state', country: 'IR' },
      }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const p = await session.open(`/incidents/${id}`);
    const note = p.getByTestId('observatory-not-covered');
    await note.waitFor({ timeout: 15000 });
    expect(await note.textContent()).toMatch(/IR is not covered by the observatory/);
    // Each reason's sources button is named, for a screen reader, by the reason's words, never by its rule's id.
    const plan = (await (await fetch(`${suite.base}/api/incidents/${id}/plan`)).json()) as { measures: { reasons: { rule: string; text: string; sources: unknown[] }[] }[] };
    const reasons = plan.measures.flatMap((m) => m.reasons);
    const labels = await p.locator('.plan-section button[aria-label^="Show "]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(labels.filter((l) => reasons.some((r) => l.endsWith(` for ${r.rule}`)))).toEqual([]);
    const first = reasons.find((r) => r.sources.length > 0 && r.text.split(' ').length > 8);
    expect(labels).toContain(`Show ${first?.sources.length ?? 0} source${first?.sources.length === 1 ? '' : 's'} for “${first?.text.split(' ').slice(0, 8).join(' ')} …”`);
    await p.goto(`${suite.base}/incidents/${id}/print`);
    await p.getByTestId('observatory-not-covered').waitFor();
    session.expectNoConsoleErrors();
  });
});

describe('a response plan on an earlier date', () => {
  it('replays a recorded case on the date chosen: the listings and attributions of that day, the date kept in the address, the print view and the Markdown', async () => {
    const res = await suite.h.app.inject({
      method: 'POST',
      url: '/api/incidents',
      payload: OPCW_INCIDENT,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as { id: string }).id;

    const p = await session.open(`/incidents/${id}`);
    const sanctions = p.getByTestId('plan-sanctions-state');
    await sanctions.waitFor({ timeout: 15000 });
    expect(await p.locator('.plan-sanctions').textContent()).toMatch(/Alexey Valeryevich MININ/);
    expect(await p.locator('.plan-section').textContent()).toMatch(/Made today/);

    // Before the regime existed (Decision (CFSP) 2019/797 of 17 May 2019), nobody was listed.
    await p.getByLabel('Plan made on').fill('2018-10-05');
    await p.getByLabel('Plan made on').press('Enter');
    await expect.poll(() => p.url()).toMatch(/asOf=2018-10-05/);
    await expect.poll(() => p.locator('.plan-section').textContent(), { timeout: 15000 }).toMatch(/Made on 5 Oct 2018/);
    await expect.poll(() => p.locator('.plan-sanctions').textContent()).toMatch(/The person or entity identified in this incident is not on the list/);
    expect(await p.getByRole('link', { name: 'Plan as Markdown' }).getAttribute('href')).toMatch(/asOf=2018-10-05/);
    // The printable plan offered beside the CSV is the plan of the same date, as the Print view button is.
    expect(await p.getByRole('link', { name: 'printable plan' }).getAttribute('href')).toBe(`/incidents/${id}/print?asOf=2018-10-05`);
    await expectAccessible(p);

    // The day before the Council's attribution, the plan says it left that attribution out.
    await p.getByLabel('Plan made on').fill('2020-07-29');
    await p.getByLabel('Plan made on').press('Enter');
    await expect.poll(() => p.getByTestId('plan-not-counted').textContent(), { timeout: 15000 }).toMatch(/recorded after its date \(29 Jul 2020\).*attribution: political by Council of the EU on 2020-07-30/);
    await expectAccessible(p);

    await p.getByRole('link', { name: 'Print view' }).click();
    await expect.poll(() => p.url()).toMatch(/\/print\?asOf=2020-07-29/);
    await expect.poll(() => p.locator('.print-kicker').textContent(), { timeout: 15000 }).toMatch(/made on 29 Jul 2020/);
    await expect.poll(() => p.getByTestId('plan-not-counted').textContent(), { timeout: 15000 }).toMatch(/Council of the EU on 2020-07-30/);

    // A date before the incident began: the page says why in words and shows today's plan.
    const early = await session.open(`/incidents/${id}?asOf=2018-01-01`);
    await expect.poll(() => early.getByRole('alert').first().textContent(), { timeout: 15000 }).toMatch(/1 Jan 2018, is before the incident began on 13 Apr 2018/);
    // Not a date at all: the page says so and shows today's plan.
    const bad = await session.open(`/incidents/${id}?asOf=yesterday`);
    await expect.poll(() => bad.getByRole('alert').first().textContent(), { timeout: 15000 }).toMatch(/not a calendar date/);
  });

  it('saves the plan of the date chosen as JSON: the object the API answers, under the incident\'s marking, named by date and marking', async () => {
    const res = await suite.h.app.inject({ method: 'POST', url: '/api/incidents', payload: OPCW_INCIDENT });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as { id: string }).id;
    const p = await session.open(`/incidents/${id}?asOf=2018-10-05`);
    await expect.poll(() => p.locator('.plan-section').textContent(), { timeout: 30000 }).toMatch(/Made on 5 Oct 2018/);
    await expect.poll(() => p.getByRole('button', { name: 'Plan as JSON' }).isEnabled(), { timeout: 30000 }).toBe(true);
    const marking = `TLP:${((await suite.h.app.inject({ method: 'GET', url: `/api/incidents/${id}` })).json() as { marking: { tlp: string } }).marking.tlp.toUpperCase()}`;
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Plan as JSON' }).click()]);
    expect(download.suggestedFilename()).toBe(`cyberdiplo-plan-Attempted-intrusion-into-a-chemical-weapons-organisation-net-2018-10-05-${marking.replace(':', '-')}.json`);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const saved = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    const answer = await suite.h.app.inject({ method: 'GET', url: `/api/incidents/${id}/plan?format=json&asOf=2018-10-05` });
    expect(saved).toEqual({ marking, ...(answer.json() as Record<string, unknown>) });
    expect(Object.keys(saved)[0]).toBe('marking');
  }, 180_000);
});
