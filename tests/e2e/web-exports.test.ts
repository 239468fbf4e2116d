// Briefing outputs in a real browser: CSV files named with view, date and marking; the print layout; the as-of
// field that asks the server once per date, not per key; wide tables that show they scroll, at 1440 and 820 px.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/exchange/csv';
import { browserSuite } from './browser';

const suite = browserSuite();
const session = suite.session;

/** Clicks "Download CSV" in a region and gives the file's suggested name and its records. */
async function downloadCsv(p: Page, region: ReturnType<Page['locator']>): Promise<{ name: string; rows: string[][] }> {
  const [download] = await Promise.all([p.waitForEvent('download'), region.getByRole('button', { name: 'Download CSV' }).click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: download.suggestedFilename(), rows: parseCsv(Buffer.concat(chunks).toString('utf8')) };
}

describe('CSV exports', () => {
  it('names the matrix file with its date and marking, and writes words, sources and the marking on every row', async () => {
    const p = await session.open('/compare?ids=JP,CN&asOf=2016-12-31', 1440);
    const matrix = p.locator('section', { has: p.locator('#matrix-heading') });
    await matrix.locator('table.matrix').waitFor();
    const { name, rows } = await downloadCsv(p, matrix);
    expect(name).toBe('cyberdiplo-matrix-2016-12-31-TLP-CLEAR.csv');
    expect(rows[0]).toEqual(['Marking', 'As of', 'Instrument', 'Partner', 'Position, membership or agreement', 'Sources']);
    expect(rows.slice(1).every((r) => r[0] === 'TLP:CLEAR' && r[1] === '2016-12-31')).toBe(true);
    const text = rows.flat().join('\n');
    expect(text).not.toMatch(/\bnot-signed\b|\buses-as-model\b|\bin-force\b/);
    expect(text).toMatch(/Renard 201[46]/);

    const side = p.locator('section', { has: p.locator('#side-heading') });
    await side.locator('table.compare-table').waitFor();
    const compared = await downloadCsv(p, side);
    expect(compared.name).toBe('cyberdiplo-compare-JP-CN-2016-12-31-TLP-CLEAR.csv');
    expect(compared.rows[0]).toEqual(expect.arrayContaining(['Japan', 'China', 'Sources (Japan)']));
    session.expectNoConsoleErrors();
  });

  it("says on the matrix page, the compare table and their CSV files whether a Budapest ratification is in force on the date (Canada across 1 November 2015)", async () => {
    const at = async (asOf: string) => {
      const p = await session.open(`/compare?ids=CA,JP&asOf=${asOf}`, 1440);
      const matrix = p.locator('section', { has: p.locator('#matrix-heading') });
      const row = matrix.locator('table.matrix tbody tr', { has: p.locator('th', { hasText: 'Budapest Convention' }) });
      await row.waitFor();
      const cells = await row.locator('td').allTextContents();
      // A ratification not yet in force is not drawn as a binding one.
      const canadaClass = await row.locator('td', { hasText: /^Ratified 2015-07-08/ }).getAttribute('class');
      const { rows } = await downloadCsv(p, matrix);
      const csv = rows.find((r) => r[2] === 'Budapest Convention' && r[3] === 'Canada')?.[4];
      // The compare table beside it and its CSV say the same words, with Canada's stance.
      const side = p.locator('section', { has: p.locator('#side-heading') });
      const compared = side.locator('table.compare-table tbody tr', { has: p.locator('th', { hasText: 'Budapest Convention' }) }).locator('td', { hasText: /^Ratified 2015-07-08/ });
      await compared.waitFor();
      const compareCell = (await compared.textContent()) ?? '';
      const compareCsv = (await downloadCsv(p, side)).rows.find((r) => r.includes('Budapest Convention'))?.join('\n') ?? '';
      return { cells: cells.join('\n'), csv, canadaClass, compareCell, compareCsv };
    };
    const before = await at('2015-10-31');
    expect(before.cells).toContain('Ratified 2015-07-08, not yet in force (from 2015-11-01)');
    expect(before.csv).toBe('Ratified 2015-07-08, not yet in force (from 2015-11-01)');
    expect(before.canadaClass).toMatch(/\bcell-mid\b/);
    expect(before.compareCell).toContain('Ratified 2015-07-08, not yet in force (from 2015-11-01), supportive');
    expect(before.compareCsv).toContain('Ratified 2015-07-08, not yet in force (from 2015-11-01), supportive');
    const after = await at('2015-11-01');
    expect(after.cells).toContain('Ratified 2015-07-08, in force since 2015-11-01');
    expect(after.cells).not.toContain('not yet in force');
    expect(after.csv).toBe('Ratified 2015-07-08, in force since 2015-11-01');
    expect(after.canadaClass).toMatch(/\bcell-strong\b/);
    expect(after.compareCell).toContain('Ratified 2015-07-08, in force since 2015-11-01, supportive');
    expect(after.compareCsv).toContain('Ratified 2015-07-08, in force since 2015-11-01, supportive');
    session.expectNoConsoleErrors();
  });

  it('names the network and sanctions files, today’s date where no date is chosen', async () => {
    const p = await session.open('/network', 1440);
    await p.locator('.network-layout').waitFor();
    const today = new Date().toISOString().slice(0, 10);
    const net = await downloadCsv(p, p.locator('header'));
    expect(net.name).toBe(`cyberdiplo-network-${today}-TLP-CLEAR.csv`);
    expect(net.rows.some((r) => r[2] === 'Node')).toBe(true);
    expect(await p.getByRole('link', { name: 'GraphML' }).getAttribute('download')).toBe(`cyberdiplo-network-${today}-TLP-CLEAR.graphml`);

    await p.goto(`${suite.base}/sanctions?asOf=2024-07-01`);
    await p.getByTestId('sanctions-summary').waitFor();
    await p.getByRole('button', { name: 'Download CSV' }).waitFor();
    await expect.poll(() => p.getByRole('button', { name: 'Download CSV' }).isEnabled()).toBe(true);
    const sanctions = await downloadCsv(p, p.locator('header'));
    expect(sanctions.name).toBe('cyberdiplo-sanctions-2024-07-01-TLP-CLEAR.csv');
    expect(sanctions.rows.length).toBeGreaterThan(5);
    session.expectNoConsoleErrors();
  });

  it('writes the overview’s dialogues per partner per year with the counts the page draws', async () => {
    const p = await session.open('/', 1440);
    const card = p.locator('section', { has: p.locator('#timeline-heading') });
    await card.locator('table.heat-grid').waitFor();
    await expect.poll(() => card.getByRole('button', { name: 'Download CSV' }).isEnabled()).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    const { name, rows } = await downloadCsv(p, card);
    expect(name).toBe(`cyberdiplo-dialogues-per-year-${today}-TLP-CLEAR.csv`);
    expect(rows[0]?.slice(0, 5)).toEqual(['Marking', 'As of', 'Year', 'Partner', 'Active cyber-related dialogues']);
    // the last year's total for all partners is the figure the page's year table shows in its total row
    const totals = rows.filter((r) => r[3] === 'All partners');
    const lastShown = (await card.locator('tr.total-row td').last().textContent())?.trim();
    expect(totals.at(-1)?.[4]).toBe(lastShown);
    const counted = rows.filter((r) => r[3] !== 'All partners' && r[4] !== '0');
    expect(counted.length).toBeGreaterThan(10);
    // the dialogues counted and their sources (after the column of those active only on an unverified report)
    expect(counted.every((r) => r[8] !== '' && r[9] !== '')).toBe(true);
    session.expectNoConsoleErrors();
  });
});

describe('the partner page', () => {
  it("names the Budapest Convention's day in force on a date before it, on the page and in its CSV (Canada across 1 November 2015)", async () => {
    const at = async (asOf: string) => {
      const p = await session.open(`/partners/CA?asOf=${asOf}`, 1440);
      const fact = p.locator('li.fact', { hasText: 'Budapest Convention:' });
      await fact.locator('.fact-history').first().waitFor({ timeout: 15000 });
      const page = (await fact.locator('.fact-history').allTextContents()).join('\n');
      await expect.poll(() => p.getByRole('button', { name: 'Download CSV' }).isEnabled()).toBe(true);
      const { rows } = await downloadCsv(p, p.locator('header'));
      return { page, csv: rows.find((r) => r[3] === 'Budapest Convention')?.[4] ?? '' };
    };
    const before = await at('2015-10-31');
    expect(before.page).toContain('Ratified on 8 Jul 2015, not yet in force on this date: in force from 1 Nov 2015 (derived from the deposit');
    expect(before.csv).toContain('ratified on 2015-07-08, not yet in force on this date: in force from 2015-11-01 (derived from the deposit');
    const after = await at('2015-11-01');
    expect(after.page).toContain('Ratified on 8 Jul 2015, in force from 1 Nov 2015 (derived from the deposit');
    expect(after.page).not.toContain('not yet in force');
    expect(after.csv).not.toContain('not yet in force');
    session.expectNoConsoleErrors();
  });

  it('exports its facts and assessment, and copies a fact with its citations as formatted and plain text', async () => {
    const p = await session.open('/partners/JP?asOf=2014-06-30', 1440);
    await p.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.base });
    await p.locator('#dialogues-heading .count').waitFor();
    await expect.poll(() => p.getByRole('button', { name: 'Download CSV' }).isEnabled()).toBe(true);
    // the replay shows nothing from after its date: "changes since" (read against today) says so instead of listing 2024's rounds
    const changes = p.locator('section[aria-labelledby="changes-heading"]');
    expect(await changes.textContent()).toMatch(/replays the partnership as it stood on 30 Jun 2014/);
    expect(await changes.textContent()).not.toMatch(/20(1[5-9]|2\d)/);
    const { name, rows } = await downloadCsv(p, p.locator('header'));
    expect(name).toBe('cyberdiplo-partner-JP-2014-06-30-TLP-CLEAR.csv');
    expect(rows[0]).toEqual(['Marking', 'As of', 'Section', 'Fact', 'What', 'From', 'Until', 'Sources']);
    expect(rows.some((r) => r[2] === 'Dialogues')).toBe(true);
    expect(rows.slice(1).every((r) => r[7] !== '' || r[2] === 'Assessment')).toBe(true);

    const fact = p.locator('.fact').first();
    const title = (await fact.locator('.fact-title').textContent())?.trim() ?? '';
    await fact.getByRole('button', { name: /^Copy with citations/ }).click();
    await expect.poll(() => fact.locator('.copy-citation').textContent()).toMatch(/^Copied: /);
    const copied = await p.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const text = async (type: string) => (item && item.types.includes(type) ? (await item.getType(type)).text() : '');
      return { html: await text('text/html'), plain: await text('text/plain') };
    });
    expect(copied.plain.split('\n')[0]).toContain(title);
    expect(copied.plain).toMatch(/\[1\] /);
    expect(copied.html).toMatch(/<ol><li>/);
    session.expectNoConsoleErrors();
  });

  it('at 820 px, reaches the assessment from the section links', async () => {
    const p = await session.open('/partners/JP', 820);
    await p.locator('#dialogues-heading .count').waitFor();
    await p.locator('.assessment').waitFor();
    await p.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Assessment' }).click();
    // Scrolled to the top of the viewport: a fraction of a pixel above it (-0.0625 with the current layout) is at the top.
    await expect.poll(() => p.locator('#assessment-heading').evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= -1 && r.top < window.innerHeight; })).toBe(true);
    session.expectNoConsoleErrors();
  });
});

describe('print', () => {
  it('hides the controls, opens the sources and prints the marking and the date', async () => {
    const p = await session.open('/compare?ids=JP,CN&asOf=2016-12-31', 1440);
    await p.locator('table.matrix').waitFor();
    expect(await p.locator('.sources-panel').count()).toBe(0);
    await p.emulateMedia({ media: 'print' });
    await expect.poll(() => p.locator('.sources-panel').count()).toBeGreaterThan(10);
    expect(await p.locator('.as-of').isVisible()).toBe(false);
    expect(await p.getByRole('button', { name: 'Download CSV' }).first().isVisible()).toBe(false);
    const meta = p.locator('.print-meta').first();
    expect(await meta.isVisible()).toBe(true);
    expect(await meta.textContent()).toMatch(/TLP:CLEAR.*as of 31 Dec 2016/);
    await p.emulateMedia({ media: 'screen' });
    await expect.poll(() => p.locator('.sources-panel').count()).toBe(0);
    session.expectNoConsoleErrors();
  });
});

describe('the as-of field', () => {
  it('asks the server once for a date typed digit by digit, and a half-typed date is no error', async () => {
    const p = await session.open('/compare?ids=JP,CN', 1440);
    await p.locator('table.matrix').waitFor();
    const asked: string[] = [];
    p.on('request', (r) => {
      const asOf = new URL(r.url()).searchParams.get('asOf');
      if (r.url().includes('/api/matrix') && asOf) asked.push(asOf);
    });
    const field = p.getByLabel('As of');
    await field.focus();
    // The date field's segments take digits in the locale's order; month, day, then the year digit by digit.
    await p.keyboard.type('0630', { delay: 30 });
    expect(await p.locator('.error-message, [role="alert"]').count()).toBe(0);
    await p.keyboard.type('2014', { delay: 30 });
    await p.keyboard.press('Enter');
    await expect.poll(() => p.url()).toContain('asOf=2014-06-30');
    await expect.poll(() => asked).toEqual(['2014-06-30']);
    expect(await p.locator('[role="alert"]').count()).toBe(0);
    session.expectNoConsoleErrors();
  });
});

describe('at 820 px', () => {
  it('shows that the wide matrix scrolls', async () => {
    const p = await session.open('/compare?ids=JP,CN', 820);
    await p.locator('table.matrix').waitFor();
    const box = p.locator('.scroll-x', { has: p.locator('table.matrix') });
    await expect.poll(() => box.getAttribute('data-more')).toBe('right');
    const cue = await box.evaluate((el) => getComputedStyle(el, '::before').content);
    expect(cue).toMatch(/scroll sideways/);
    await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect.poll(() => box.getAttribute('data-more')).toBe('left');
    session.expectNoConsoleErrors();
  });
});
