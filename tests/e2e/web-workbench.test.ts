// The web workbench in a real browser (Debian's chromium through playwright-core) against a real server on a
// temporary database: each page's main flow, an accessibility check (axe-core) and no console errors.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible } from './browser';

/** The partners are data: one file per partner in data/partnerships, each on the map. */
const PARTNER_FILES = readdirSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'partnerships')).filter(
  (f) => f.endsWith('.yaml') && f !== 'shared-dialogues.yaml',
);

const suite = browserSuite();
const session = suite.session;

function open(url: string, width = 1280): Promise<Page> {
  return session.open(url, width);
}

function expectNoConsoleErrors(allowed: RegExp[] = []) {
  session.expectNoConsoleErrors(allowed);
}

async function expectNoHorizontalOverflow(p: Page) {
  const { scroll, width } = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width + 1);
}

describe('overview', () => {
  it('shows every partner on the map, the headline figures and the timeline; the colouring switches', async () => {
    const p = await open('/');
    await expect.poll(() => p.locator('.world-map svg a').count(), { timeout: 15000 }).toBe(PARTNER_FILES.length);
    await expect.poll(() => p.locator('.figure', { hasText: 'Strategic partners' }).locator('.figure-value').textContent()).toBe('10');
    await expect.poll(() => p.locator('.figure', { hasText: 'Other cyber-dialogue partners' }).locator('.figure-value').textContent()).toBe(String(PARTNER_FILES.length - 10));
    await p.locator('.heat-grid tbody tr').first().waitFor();
    expect(await p.locator('.heat-grid tbody tr').count()).toBeGreaterThanOrEqual(10);
    // Orientation first (the partners are assessed), then maturity.
    await expect.poll(() => p.locator('.legend-partners li', { hasText: 'not assessed' }).count()).toBe(0);
    await p.getByRole('radio', { name: 'Maturity' }).check();
    await expect.poll(() => p.url()).toContain('colour=maturity');
    await expect.poll(() => p.locator('.legend-partners').textContent()).toMatch(/maturity \d+\/100/);
    // Sign-in is off: the header says so and offers no sign-in.
    expect(await p.locator('.session-status').textContent()).toBe('Single-analyst mode');
    expect(await p.getByRole('link', { name: /Sign in/ }).count()).toBe(0);
    await expectAccessible(p);
    expectNoConsoleErrors();
  });

  it('is keyboard-usable from the first Tab: a skip link, then the navigation', async () => {
    const p = await open('/');
    await p.locator('.world-map svg a').first().waitFor();
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toMatch(/Skip to content/);
    await p.keyboard.press('Enter');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('main');
    expectNoConsoleErrors();
  });
});

describe('partner', () => {
  it('opens a partner, shows sources at a click, and replays it at an earlier date', async () => {
    const p = await open('/partners');
    await p.getByRole('link', { name: /Brazil/ }).click();
    await p.getByRole('heading', { level: 1, name: 'EU – Brazil' }).waitFor();
    const dialogues = p.locator('#dialogues-heading .count');
    await expect.poll(() => dialogues.textContent()).toMatch(/^\d+$/);
    const today = Number(await dialogues.textContent());

    const toggle = p.locator('.fact .sources-toggle').first();
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await p.locator('.sources-panel .source-list li').count()).toBeGreaterThan(0);

    await p.getByLabel('As of').fill('2013-06-30');
    // The field commits a typed date on Enter (or after a pause, or on leaving it).
    await p.getByLabel('As of').press('Enter');
    await expect.poll(() => p.url()).toContain('asOf=2013-06-30');
    await expect.poll(() => p.locator('.lede').first().textContent()).toMatch(/30 Jun 2013/);
    await expect.poll(async () => Number(await dialogues.textContent())).toBeLessThan(today);

    await p.locator('.assessment .badge').waitFor();
    // The assessment over time runs from 2010 to the as-of year, one point per year.
    await p.locator('.history-chart').waitFor();
    await expect.poll(() => p.locator('.history-chart circle').count()).toBe(4);
    expect(await p.locator('.history-chart').getAttribute('aria-label')).toMatch(/2013: \d+/);
    await expect.poll(() => p.locator('section[aria-labelledby="gaps-heading"]').textContent()).toMatch(/Serves:|No gap/);
    await expectAccessible(p);
    expectNoConsoleErrors();
  });
});

describe('partner names', () => {
  it('names partners, not their codes: the breadcrumb and the dialogues shared with other partners', async () => {
    const p = await open('/partners/US');
    await p.getByRole('heading', { level: 1, name: 'EU – United States' }).waitFor();
    expect(await p.locator('.breadcrumb').textContent()).toBe('Partners / United States');
    const shared = p.locator('section[aria-labelledby="dialogues-heading"] .tag', { hasText: /with/ });
    await expect.poll(() => shared.allTextContents()).toContain('also with Russia');
    for (const tag of await shared.allTextContents()) expect(tag).not.toMatch(/\b(US|RU|CA)\b/);
    expectNoConsoleErrors();
  });
});

describe('compare', () => {
  it('compares two partners side by side and highlights them in the matrix', async () => {
    const p = await open('/compare');
    await p.getByLabel('First partner').selectOption('US');
    await p.getByLabel('Second partner').selectOption('CN');
    await expect.poll(() => p.url()).toContain('ids=US%2CCN');
    const table = p.locator('.compare-table');
    await expect.poll(() => table.locator('thead th').allTextContents()).toEqual(['Dimension', 'United States', 'China']);
    await expect.poll(() => table.locator('tbody th', { hasText: /^Maturity/ }).count()).toBeGreaterThan(0);
    expect(await table.locator('tbody th', { hasText: 'Budapest Convention' }).count()).toBe(1);
    await p.locator('.matrix').waitFor();
    expect(await p.locator('.matrix thead th.col-highlight').count()).toBe(2);
    await expectAccessible(p);
    expectNoConsoleErrors();
  });
});

describe('network', () => {
  it('draws the graph with the EU as hub, opens a node on click and by keyboard, and offers the exports', async () => {
    const p = await open('/network');
    await expect.poll(() => p.locator('[data-node]').count(), { timeout: 15000 }).toBeGreaterThan(11);
    await p.locator('[data-node="US"]').click();
    await expect.poll(() => p.url()).toContain('node=US');
    await p.locator('#node-details-heading', { hasText: 'United States' }).waitFor();
    expect(await p.locator('.node-details').textContent()).toMatch(/Betweenness centrality/);

    await p.locator('[data-node="EU"]').focus();
    await p.keyboard.press('Enter');
    await p.locator('#node-details-heading', { hasText: 'European Union' }).waitFor();
    expect(await p.locator('.connections li').count()).toBeGreaterThanOrEqual(10);

    const graphml = await p.getByRole('link', { name: 'GraphML' }).getAttribute('href');
    expect(graphml).toContain('format=graphml');
    const res = await fetch(suite.base + (graphml ?? ''));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<graphml');
    await expectAccessible(p);
    expectNoConsoleErrors();
  });
});

describe('incidents', () => {
  it('shows field-level messages, records an incident, reads its plan, finds it in the list and prints it', async () => {
    const p = await open('/incidents/new');
    await p.getByRole('button', { name: 'Record the incident' }).click();
    const summary = p.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/Title:/);
    // No kind of activity or sector is assumed: each untouched choice is asked for in words, not as the server's codes.
    expect(await summary.textContent()).toMatch(/Category: Choose the kind of activity/);
    expect(await summary.textContent()).toMatch(/Victim 1: sector: Choose a sector/);
    expect(await summary.textContent()).not.toMatch(/must be one of|cyber-espionage/);
    expect(await p.locator('#f-title').getAttribute('aria-invalid')).toBe('true');
    expect(await p.locator('#f-title-error').textContent()).not.toBe('');
    await expectAccessible(p);
    expectNoConsoleErrors([/status of 400/]);

    await p.getByLabel('Title').fill('Intrusion into a foreign ministry network');
    await p.getByLabel('Category').selectOption('cyber-espionage');
    await p.getByLabel('Started').fill('2026-03-01');
    await p.getByLabel('Victim 1: country').fill('DE');
    await p.getByLabel('Sector').selectOption('government');
    await p.getByLabel('Severity').selectOption('high');
    await p.getByLabel('Type', { exact: true }).selectOption('state-sponsored');
    await p.getByLabel('Country', { exact: true }).fill('RU');
    await p.getByLabel('Identified entities').fill('Unit 26165');
    await p.getByLabel("EU delegation in the initiator's country").check();
    await p.getByRole('button', { name: 'Record the incident' }).click();

    await expect.poll(() => p.url(), { timeout: 15000 }).toMatch(/\/incidents\/[^/]+$/);
    await p.getByRole('heading', { level: 1, name: 'Intrusion into a foreign ministry network' }).waitFor();
    await p.locator('.ladder .rung').first().waitFor();
    expect(await p.locator('.ladder .rung').count()).toBeGreaterThan(5);
    expect(await p.locator('.measure-open').count()).toBeGreaterThan(0);
    expect(await p.locator('.measure-closed').count()).toBeGreaterThan(0);
    expect(await p.locator('#measure-demarche').textContent()).toMatch(/Legal basis|Decision/);
    expect(await p.locator('.measure-closed .reason-fails').count()).toBeGreaterThan(0);
    expect(await p.locator('.bodies li').count()).toBeGreaterThan(0);
    // No level chosen: the server's default for a single analyst's records.
    expect(await p.getByTestId('incident-marking').locator('.tlp').textContent()).toBe('TLP:GREEN');
    await expectAccessible(p);
    const url = p.url();

    await p.getByRole('link', { name: 'Print view' }).click();
    await p.getByRole('heading', { name: 'Open measures, in escalation order' }).waitFor();
    expect(await p.locator('.print-measure').count()).toBeGreaterThan(5);
    await expectAccessible(p);

    await p.goto(`${suite.base}/incidents?category=cyber-espionage`);
    await p.getByRole('link', { name: 'Intrusion into a foreign ministry network' }).waitFor();
    await p.getByLabel('Search').fill('no such incident anywhere');
    await p.getByRole('button', { name: 'Search' }).click();
    await p.getByText('No incident matches').waitFor();
    await expectAccessible(p);

    await p.goto(url + '/edit');
    await expect.poll(() => p.getByLabel('Title').inputValue()).toBe('Intrusion into a foreign ministry network');
    await p.getByLabel('Title').fill('Intrusion into a foreign ministry network (revised)');
    await p.getByRole('button', { name: 'Save changes' }).click();
    await p.getByRole('heading', { level: 1, name: 'Intrusion into a foreign ministry network (revised)' }).waitFor();
    await p.getByText(/History \(version 2\)/).click();
    await p.getByText(/Version 2: updated/).waitFor();
    expectNoConsoleErrors([/status of 400/]);
  });
});

describe('council vote', () => {
  it('flips a qualified-majority vote from adopted to rejected with a fourth large state against', async () => {
    const p = await open('/vote?rule=qmv');
    const verdict = p.getByTestId('verdict');
    await expect.poll(() => verdict.textContent(), { timeout: 15000 }).toMatch(/Adopted/);
    await expect.poll(() => p.locator('.state-vote').count()).toBe(27);
    for (const code of ['DE', 'FR', 'IT']) await p.locator(`select[data-state="${code}"]`).selectOption('against');
    // Three large states hold more than 35 % of the population but are too few to block (Art. 16(4) TEU).
    await expect.poll(() => p.locator('.vote-counts').textContent()).toMatch(/3\s*against/);
    await expect.poll(() => verdict.textContent()).toMatch(/Adopted/);
    await p.getByLabel(/^Spain/).selectOption('against');
    await expect.poll(() => verdict.textContent()).toMatch(/Not adopted/);
    await expect.poll(() => p.url()).toContain('against=DE%2CES%2CFR%2CIT');
    expect(await p.locator('.vote-flip li').count()).toBeGreaterThan(0);
    expect(await p.locator('.threshold-bar').count()).toBeGreaterThan(0);
    await expectAccessible(p);
    expectNoConsoleErrors();
  });

  it('applies unanimity: one vote against rejects', async () => {
    const p = await open('/vote?rule=unanimity');
    await expect.poll(() => p.getByTestId('verdict').textContent(), { timeout: 15000 }).toMatch(/Adopted/);
    await p.locator('select[data-state="HU"]').selectOption('against');
    await expect.poll(() => p.getByTestId('verdict').textContent()).toMatch(/Not adopted/);
    expectNoConsoleErrors();
  });
});

describe('tablet width', () => {
  it.each(['/', '/partners/JP', '/compare?ids=US,BR', '/network', '/incidents', '/vote'])('%s fits 820 px without sideways scrolling', async (url) => {
    const p = await open(url, 820);
    await p.locator('h1').first().waitFor();
    await p.waitForLoadState('networkidle');
    await expectNoHorizontalOverflow(p);
    expectNoConsoleErrors();
  });

  it("keeps each member state's vote inside its card at 820 px (Netherlands, Luxembourg)", async () => {
    const p = await open('/vote?rule=unanimity', 820);
    await p.locator('select[data-state="NL"]').waitFor();
    const outside = await p.evaluate(() =>
      [...document.querySelectorAll('.state-vote')].filter((li) => (li.querySelector('select')?.getBoundingClientRect().right ?? 0) > li.getBoundingClientRect().right + 0.5).map((li) => li.querySelector('select')?.getAttribute('data-state')),
    );
    expect(outside).toEqual([]);
    expectNoConsoleErrors();
  });
});
