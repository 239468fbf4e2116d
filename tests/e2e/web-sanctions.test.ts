// The cyber-sanctions page and the sanctions section of a response plan in a real browser, against a real server on
// a temporary database: the regime's state on a date, the listed persons and entities, and who an incident names
// that is listed already; with axe-core and no console errors.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible } from './browser';

const suite = browserSuite();
const session = suite.session;

const open = (url: string, width = 1280): Promise<Page> => session.open(url, width);

/** Records an incident whose initiator names these persons and entities; answers its id. */
async function recordIncident(title: string, identifiedPersons: string[], identifiedEntities: string[] = []): Promise<string> {
  const res = await suite.h.app.inject({
    method: 'POST',
    url: '/api/incidents',
    payload: {
      title,
      start: '2026-03-01',
      ongoing: true,
      category: 'cyber-espionage',
      victims: [{ country: 'DE', sector: 'government' }],
      effects: { severity: 'high', disruptsEssentialServices: false, physicalDamage: false, lossOfLife: false, threatensStateSurvival: false, armedAttack: false },
      initiator: { type: 'state-sponsored', country: 'RU', identifiedPersons, identifiedEntities },
      attribution: [],
      context: {},
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

const summary = (p: Page) => p.getByTestId('sanctions-summary');
const rows = (p: Page, kind?: 'person' | 'entity') => p.locator(kind ? `.sanctions-targets tbody tr[data-kind="${kind}"]` : '.sanctions-targets tbody tr');

describe('sanctions page', () => {
  it('shows the regime in force on 22 October 2020 with 8 persons and 4 entities listed, its acts, renewals and sources', async () => {
    const p = await open('/sanctions?asOf=2020-10-22');
    await p.getByRole('heading', { level: 1, name: 'Cyber sanctions' }).waitFor();
    await expect.poll(() => summary(p).textContent(), { timeout: 15000 }).toBe('On 22 Oct 2020 the regime was in force, until 18 May 2021.');
    const regime = p.locator('.details-pair', { hasText: /^Regime/ });
    expect(await regime.locator('.tag').first().textContent()).toBe('In force');
    expect(await regime.textContent()).toMatch(/until 18 May 2021/);
    expect(await p.getByTestId('sanctions-counts').textContent()).toBe('8 persons and 4 entities');
    expect(await rows(p, 'person').count()).toBe(8);
    expect(await rows(p, 'entity').count()).toBe(4);
    expect(await p.locator('#targets-heading .count').textContent()).toBe('12');
    const badin = rows(p).filter({ has: p.getByRole('rowheader', { name: /^Dmitry Sergeyevich BADIN/ }) });
    expect(await badin.textContent()).toMatch(/Person.*22 Oct 2020.*GTsSS.*Russia.*Bundestag.*2020\/1536/);
    // Each listing's sources open from its row.
    const badinSources = badin.getByRole('button', { name: /Sources for the listing of Dmitry Sergeyevich BADIN/ });
    await badinSources.click();
    expect(await badin.locator('.sources-panel a[href*="eur-lex.europa.eu"]').count()).toBeGreaterThan(0);

    // The acts and their legal bases, each with its sources at a click.
    const framework = p.locator('section[aria-labelledby="framework-heading"]');
    expect(await framework.textContent()).toMatch(/Decision \(CFSP\) 2019\/797.*Art\. 29 TEU.*Regulation \(EU\) 2019\/796.*Art\. 215 TFEU/);
    expect(await framework.textContent()).toMatch(/Travel ban and asset freeze/);
    const toggle = p.getByRole('button', { name: /sources? for Decision \(CFSP\) 2019\/797/ });
    await toggle.focus();
    await p.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await framework.locator('.sources-panel a[href*="eur-lex.europa.eu"]').count()).toBeGreaterThan(0);

    // The renewals: the one in force on the date is marked, unverified ones are flagged, their notes are visible.
    const renewals = p.locator('.sanctions-renewals tbody tr');
    expect(await renewals.count()).toBeGreaterThan(3);
    const current = p.locator('.sanctions-renewals tr.row-current');
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toMatch(/applies to the regime on 22 Oct 2020.*18 May 2021/);
    expect(await p.locator('.sanctions-renewals .tag-warn', { hasText: 'to be verified' }).count()).toBeGreaterThan(0);
    expect(await p.locator('.sanctions-renewals tbody td', { hasText: /exact day is not in the sources/ }).count()).toBeGreaterThan(0);
    // The data was checked after this date: no warning.
    expect(await p.locator('.sanctions-caution').count()).toBe(0);
    await expectAccessible(p);
    session.expectNoConsoleErrors();
  });

  it('says there was no regime yet on 1 January 2019, and the address follows the date', async () => {
    const p = await open('/sanctions?asOf=2020-10-22');
    await expect.poll(() => rows(p).count(), { timeout: 15000 }).toBe(12);
    await p.getByLabel('As of').fill('2019-01-01');
    // The field commits a typed date on Enter (or after a pause, or on leaving it).
    await p.getByLabel('As of').press('Enter');
    await expect.poll(() => p.url()).toContain('asOf=2019-01-01');
    await expect.poll(() => summary(p).textContent()).toBe('On 1 Jan 2019 the EU had no cyber-sanctions regime yet: the Council adopted it on 17 May 2019.');
    expect(await p.locator('.details-pair', { hasText: /^Regime/ }).locator('.tag').first().textContent()).toBe('Not yet adopted');
    expect(await p.getByTestId('sanctions-counts').textContent()).toBe('0 persons and 0 entities');
    expect(await rows(p).count()).toBe(0);
    await p.getByText('No one is on the list on 1 Jan 2019.').waitFor();
    await expectAccessible(p);
    session.expectNoConsoleErrors();
  });

  it('narrows the table with the filter, keeps the filter in the address, and says when nothing matches', async () => {
    const p = await open('/sanctions?asOf=2020-10-22');
    await expect.poll(() => rows(p).count(), { timeout: 15000 }).toBe(12);
    const filter = p.getByRole('searchbox', { name: 'Filter' });
    await filter.fill('bundestag');
    await expect.poll(() => rows(p).count()).toBe(3);
    expect(await p.getByTestId('targets-shown').textContent()).toBe('3 of 12 shown');
    expect((await p.locator('.sanctions-targets tbody th').allTextContents()).map((t) => t.replace(/also .*/, ''))).toEqual([
      'Dmitry Sergeyevich BADIN',
      'Igor Olegovich KOSTYUKOV',
      '85th Main Centre for Special Services (GTsSS) of the Main Directorate of the General Staff of the Armed Forces of the Russian Federation (GU/GRU)',
    ]);
    await expect.poll(() => p.url()).toContain('q=bundestag');
    // Every word must match: an entity of China's APT10.
    await filter.fill('APT10 entity');
    await expect.poll(() => rows(p).count()).toBe(1);
    expect(await rows(p).first().textContent()).toMatch(/Tianjin Huaying Haitai/);
    await filter.fill('nobody by this name');
    await p.getByText('No listed person or entity matches “nobody by this name”.').waitFor();
    await filter.fill('');
    await expect.poll(() => rows(p).count()).toBe(12);
    await expect.poll(() => p.url()).not.toContain('q=');
    session.expectNoConsoleErrors();
  });

  it('shows today by default, from the main navigation, with a warning exactly when the data may be out of date', async () => {
    const p = await open('/');
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sanctions' }).click();
    await expect.poll(() => p.url()).toMatch(/\/sanctions$/);
    await expect.poll(() => summary(p).textContent(), { timeout: 15000 }).toMatch(/^Today /);
    const api = (await suite.h.app.inject({ method: 'GET', url: '/api/sanctions' })).json() as { stale: boolean; notes: string[]; regime: { state: string }; listings: { state: string } };
    const doubtful = api.stale || [api.regime.state, api.listings.state].some((s) => s === 'lapsed' || s === 'unconfirmed');
    expect(await p.locator('.sanctions-caution').count()).toBe(doubtful ? 1 : 0);
    if (doubtful) expect(await p.locator('.sanctions-caution li').allTextContents()).toEqual(api.notes);
    expect(await p.locator('.data-table caption').first().textContent()).toMatch(/listed today/);
    await expectAccessible(p);
    session.expectNoConsoleErrors();
  });

  it('explains an impossible date instead of showing a blank page', async () => {
    const p = await open('/sanctions?asOf=2019-02-30');
    // The address's date is read as the API reads it (05b1906): the page says what is wrong and shows today.
    const alert = p.getByRole('alert').filter({ hasText: 'not the date in its address' });
    await alert.waitFor({ timeout: 15000 });
    expect(await alert.textContent()).toMatch(/"2019-02-30", is not a calendar date: give it as YYYY-MM-DD/);
    await expect.poll(() => p.getByTestId('sanctions-summary').textContent(), { timeout: 15000 }).toMatch(/\S/);
    session.expectNoConsoleErrors();
  });

  it('fits a tablet width without sideways scrolling', async () => {
    const p = await open('/sanctions?asOf=2024-07-01', 820);
    await expect.poll(() => rows(p).count(), { timeout: 15000 }).toBe(18);
    const { scroll, width } = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    expect(scroll).toBeLessThanOrEqual(width + 1);
    session.expectNoConsoleErrors();
  });
});

describe('response plan', () => {
  it('shows that a person the incident names is listed already, since when, by which act and for what', async () => {
    const id = await recordIncident('Intrusion into a parliament network', ['Dmitry Badin', 'Someone Unlisted']);
    const p = await open(`/incidents/${id}`);
    const section = p.locator('section[aria-labelledby="sanctions-heading"]');
    await section.getByRole('heading', { name: 'Cyber-sanctions regime' }).waitFor({ timeout: 15000 });
    expect(await p.getByTestId('plan-sanctions-state').textContent()).toMatch(/^Today .*regime/);
    expect(await section.textContent()).toMatch(/Decision \(CFSP\) 2019\/797 and Regulation \(EU\) 2019\/796/);
    const listed = section.locator('tbody tr');
    expect(await listed.count()).toBe(1);
    expect(await listed.locator('th').textContent()).toBe('Dmitry Badin');
    expect(await listed.textContent()).toMatch(/Dmitry Sergeyevich BADIN.*Person.*22 Oct 2020.*Implementing Regulation \(EU\) 2020\/1536.*Bundestag.*strong match \(1\.00\) on ‘Dmitry Sergeyevich BADIN’/);
    await expectAccessible(p);

    await section.getByRole('link', { name: /The regime, its renewals/ }).click();
    await p.getByRole('heading', { level: 1, name: 'Cyber sanctions' }).waitFor();
    expect(new URL(p.url()).pathname).toBe('/sanctions');

    // The printed plan says the same.
    await p.goto(`${suite.base}/incidents/${id}/print`);
    await p.getByRole('heading', { name: 'Cyber-sanctions regime' }).waitFor({ timeout: 15000 });
    await p.getByText(/Dmitry Badin is listed as Dmitry Sergeyevich BADIN \(person\) since 22 Oct 2020, by .*Council Implementing Regulation \(EU\) 2020\/1536/).waitFor();
    session.expectNoConsoleErrors();
  });

  it('says so when no one the incident names is listed', async () => {
    const id = await recordIncident('Phishing against a ministry', ['Someone Unlisted'], ['An Unlisted Company']);
    const p = await open(`/incidents/${id}`);
    const section = p.locator('section[aria-labelledby="sanctions-heading"]');
    await section.getByText('None of the 2 persons or entities identified in this incident is on the list.').waitFor({ timeout: 15000 });
    expect(await section.locator('table').count()).toBe(0);
    session.expectNoConsoleErrors();
  });

  it('says that no one was screened when the incident names no one, rather than that no one is listed', async () => {
    const id = await recordIncident('Ransomware against hospitals', [], []);
    for (const path of [`/incidents/${id}`, `/incidents/${id}/print`]) {
      const p = await open(path);
      await p.getByText('No person or entity is identified in this incident, so no one was screened against the list', { exact: false }).waitFor({ timeout: 15000 });
      expect(await p.locator('body').textContent()).not.toMatch(/None of the .*identified in this incident is on the list/);
    }
    session.expectNoConsoleErrors();
  });
});
