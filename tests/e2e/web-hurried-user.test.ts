// What a hurried official meets in the browser: a vote address with a code the Council does not have, an incident
// address that names none, an end date entered on a new incident, a plan date before the incident began, and the
// words for who decides a measure. Each answer says what is wrong and how to go on, never a retry that fails again.
import { describe, expect, it } from 'vitest';
import { browserSuite } from './browser';

const suite = browserSuite();
const session = suite.session;
const thisYear = new Date().getUTCFullYear();

async function record(incident: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${suite.base}/api/incidents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(incident) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const ransomware = {
  title: 'Ransomware at a hospital',
  start: `${thisYear}-01-01`,
  ongoing: true,
  category: 'cyber-crime',
  victims: [{ country: 'FR', sector: 'health' }],
  effects: { severity: 'medium' },
  initiator: { type: 'unknown', country: 'RU' },
};

describe('a hurried user', () => {
  it('is told which code of a vote address the Council does not have, and can take it out', async () => {
    const p = await session.open('/vote?against=DE,XX');
    const refused = p.getByTestId('vote-refused-codes');
    await refused.waitFor({ timeout: 15000 });
    expect(await refused.textContent()).toMatch(/"XX" is not a member state in \d{4}; the Council of \d{4} has 27 members: AT, BE/);
    expect(await p.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await p.getByRole('button', { name: 'Take XX out of the address' }).click();
    await expect.poll(() => new URL(p.url()).searchParams.get('against')).toBe('DE');
    await expect.poll(() => p.locator('.vote-side').textContent(), { timeout: 15000 }).toMatch(/26 for/);
    session.expectNoConsoleErrors([/status of 400/]);
  });

  it('gets no "Try again" for an address that names no incident, since asking again changes nothing', async () => {
    const p = await session.open('/incidents/no-such-incident');
    await p.getByText('No incident with id "no-such-incident"').waitFor({ timeout: 15000 });
    expect(await p.getByRole('button', { name: 'Try again' }).count()).toBe(0);
  });

  it('unticks "Still ongoing" when an end date is entered, so that the incident saves', async () => {
    const p = await session.open('/incidents/new');
    await p.getByLabel('Title').fill('Ended intrusion');
    await p.getByLabel('Category').selectOption('cyber-espionage');
    await p.getByLabel('Started').fill(`${thisYear - 1}-03-01`);
    expect(await p.getByLabel('Still ongoing').isChecked()).toBe(true);
    await p.getByLabel('Ended').fill(`${thisYear - 1}-04-01`);
    expect(await p.getByLabel('Still ongoing').isChecked()).toBe(false);
    await p.getByLabel('Victim 1: country').fill('Germany');
    await p.getByLabel('Sector').selectOption('government');
    await p.getByRole('button', { name: 'Record the incident' }).click();
    await expect.poll(() => p.url(), { timeout: 15000 }).toMatch(/\/incidents\/inc-[^/]+$/);
  });

  it('names who decides in words, is told a plan date before the incident began, and has no one-position year slider', async () => {
    const id = await record(ransomware);
    const p = await session.open(`/incidents/${id}?asOf=${thisYear - 5}-06-30`);
    const problem = p.locator('.as-of-problem');
    await problem.waitFor({ timeout: 15000 });
    expect(await problem.textContent()).toContain(`The date in the address, 30 Jun ${thisYear - 5}, is before the incident began on 1 Jan ${thisYear}`);
    const declaration = p.locator('#measure-hr-declaration-on-behalf-of-eu');
    await declaration.waitFor({ timeout: 15000 });
    const text = (await p.locator('.plan-section').textContent()) ?? '';
    expect(text).toContain('Decision: High Representative, no vote · proposed by High Representative');
    expect(text).not.toMatch(/High representative|European council|asOf/);
    expect(await p.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    // The incident began this year: a year slider would have one position and move nothing.
    expect(await p.locator('.plan-section input[type=range]').count()).toBe(0);
  });

  it('names the papers by author and year in the measures and in the print view, never by their keys', async () => {
    const id = await record({ ...ransomware, title: 'Ransomware, printed' });
    const p = await session.open(`/incidents/${id}`);
    const capacity = p.locator('#measure-capacity-building');
    await capacity.waitFor({ timeout: 15000 });
    expect(await capacity.textContent()).toContain("in Bendiek (2018)'s time");
    expect(await p.locator('.plan-section').textContent()).not.toMatch(/\b(bendiek|renard)20\d\d/);
    const print = await session.open(`/incidents/${id}/print`);
    await print.getByRole('heading', { name: 'Throughout' }).waitFor({ timeout: 15000 });
    expect(await print.locator('main').textContent()).toContain('Bendiek (2018) dates the toolbox');
    expect(await print.locator('main').textContent()).not.toMatch(/\b(bendiek|renard)20\d\d/);
  });

  it('can clear a filter of the incident list address that the list does not know', async () => {
    const p = await session.open('/incidents?category=foo');
    const refused = p.getByTestId('incident-filter-refused');
    await refused.waitFor({ timeout: 15000 });
    expect(await refused.textContent()).toMatch(/Unknown category "foo": allowed values are cyber-crime, .* or hybrid/);
    await p.getByRole('button', { name: 'Clear the filters' }).click();
    await expect.poll(() => new URL(p.url()).search).toBe('');
    await p.getByRole('region', { name: 'Incidents found' }).waitFor({ timeout: 15000 });
    session.expectNoConsoleErrors([/status of 400/]);
  });
});
