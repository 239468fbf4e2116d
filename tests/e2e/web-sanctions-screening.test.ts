// The sanctions page's newer parts in a real browser: the count over time as a chart that follows the date, each
// target's reasons as a cited quotation with its own incidents, the screening box, and a batch upload whose
// results download as CSV; with axe-core and no console errors.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible } from './browser';

const suite = browserSuite();
const session = suite.session;
const open = (url: string): Promise<Page> => session.open(url);
const rows = (p: Page) => p.locator('.sanctions-targets tbody tr');

describe('sanctions page: chart, reasons, screening', () => {
  it('draws the count over time and says the count on the chosen date', async () => {
    const p = await open('/sanctions?asOf=2026-03-16');
    await expect.poll(() => rows(p).count(), { timeout: 15000 }).toBe(26);
    await p.getByTestId('sanctions-chart').waitFor();
    expect(await p.locator('.sanctions-chart figcaption').textContent()).toMatch(/on 16 Mar 2026, 19 persons and 7 entities/);
    await p.getByLabel('As of').fill('2026-07-13');
    // The field commits a typed date on Enter (or after a pause, or on leaving it).
    await p.getByLabel('As of').press('Enter');
    await expect.poll(() => p.locator('.sanctions-chart figcaption').textContent()).toMatch(/27 persons and 11 entities/);
    expect(await p.getByTestId('sanctions-courts').textContent()).toMatch(/No judgment annulling a listing under this regime is known/);
    await expectAccessible(p);
    session.expectNoConsoleErrors();
  });

  it("shows a target's published reasons as a cited quotation, our summary and only the incidents its reasons name", async () => {
    const p = await open('/sanctions?asOf=2026-08-01');
    await expect.poll(() => rows(p).count(), { timeout: 15000 }).toBe(38);
    const gao = rows(p).filter({ has: p.getByRole('rowheader', { name: /^GAO Qiang/ }) });
    expect(await gao.locator('td').nth(4).textContent()).toBe('Operation Cloud Hopper');
    await gao.getByText('Annex I.A 1').click();
    const reasons = gao.locator('.sanctions-reasons');
    expect(await reasons.locator('blockquote p').textContent()).toMatch(/^Gao Qiang is linked to the ‘APT10’/);
    expect(await reasons.locator('cite').textContent()).toMatch(/Regulation \(EU\) 2019\/796, Annex I, part A .*entry 1/);
    expect(await reasons.textContent()).toMatch(/In short: .*Cloud Hopper/);
    expect(await reasons.textContent()).not.toMatch(/WannaCry|NotPetya/);
    await expectAccessible(p);
    session.expectNoConsoleErrors();
  });

  it('screens a name typed in: a Cyrillic spelling is a strong match, a common name none', async () => {
    const p = await open('/sanctions');
    const box = p.getByLabel('Name to screen');
    await box.waitFor({ timeout: 15000 });
    await box.fill('Алексей Минин');
    await p.getByRole('button', { name: 'Screen', exact: true }).click();
    await expect.poll(() => p.getByTestId('screen-verdict').textContent()).toBe('Strong match: review before proceeding.');
    const first = p.locator('.screening-matches tbody tr').first();
    expect(await first.textContent()).toMatch(/Alexey Valeryevich MININ1\.00yes/);
    await box.fill('John Smith');
    await p.getByRole('button', { name: 'Screen', exact: true }).click();
    await expect.poll(() => p.getByTestId('screen-verdict').textContent()).toBe('No listed person or entity matches: no name they are known by scores 0.70 or more.');
    // A surname alone is not a clean result: the page says why it finds nothing and what to screen instead.
    await box.fill('Minin');
    await p.getByRole('button', { name: 'Screen', exact: true }).click();
    await expect.poll(() => p.getByRole('status').filter({ hasText: 'No listed person' }).textContent()).toMatch(/A single word scores 0\.50 at most .* a surname alone finds no listed person: screen the full name\.$/);
    await expectAccessible(p);
    session.expectNoConsoleErrors();
  });

  it('screens an uploaded file of names and offers the results as a CSV download', async () => {
    const p = await open('/sanctions?asOf=2026-08-01');
    const upload = p.getByLabel(/Screen a file of names/);
    await upload.waitFor({ timeout: 15000 });
    await upload.setInputFiles({ name: 'names.csv', mimeType: 'text/csv', buffer: Buffer.from('name\nDmitriy Badin\nMaria Garcia\n陈诚\n') });
    const result = p.getByTestId('batch-result');
    await expect.poll(() => result.getByRole('status').textContent(), { timeout: 15000 }).toMatch(/3 names screened on 1 Aug 2026: 2 with a strong match/);
    expect(await result.locator('tbody tr').allTextContents()).toEqual(['Dmitriy BadinDmitry Sergeyevich BADIN1.00yes', 'Maria Garcia——no', '陈诚CHEN Cheng1.00yes']);
    const [download] = await Promise.all([p.waitForEvent('download'), result.getByRole('link', { name: 'Download the results (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('screening-2026-08-01.csv');
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text.split('\r\n').slice(0, 2)).toEqual(['query,matches,strong,targetId,name,kind,score,matchedOn,listedSince,inForce', 'Dmitriy Badin,1,true,dmitry-sergeyevich-badin,Dmitry Sergeyevich BADIN,person,1,Dmitry Sergeyevich BADIN,2020-10-22,true']);
    await expectAccessible(p);
    session.expectNoConsoleErrors();
  });
});
