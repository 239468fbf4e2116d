// What the observatory keeps apart, as a browser shows it: a dialogue reported active only by a low-grade source is
// tagged and explained on the partner page, and counted apart in the overview's year table.
import { describe, expect, it } from 'vitest';
import { browserSuite } from './browser';

const suite = browserSuite();
const session = suite.session;

describe('statuses resting only on an unverified entry', () => {
  it("are said so on China's page and on the overview, and not counted", async () => {
    const p = await session.open('/partners/CN?asOf=2024-06-30');
    const item = p.locator('li.fact', { hasText: 'EU-China High-level Digital Dialogue' });
    await item.waitFor({ timeout: 15000 });
    expect(await item.textContent()).toContain('Active (unverified, not counted)');
    expect(await item.textContent()).toContain('Unverified: reported active only by epicnewsnation.com (low-grade source); not counted (no verified status).');
    // The Timeline panel lists it apart too, with the years it is active only on that entry.
    const apart = p.getByTestId('timeline-unverified');
    await apart.waitFor({ timeout: 15000 });
    expect(await apart.textContent()).toMatch(/^Active only on an unverified source, not counted: EU-China High-level Digital Dialogue \((\d{4})(-\d{4})?(, \d{4}(-\d{4})?)*\)\.$/);
    expect(await apart.textContent()).toContain('2024');
    const verified = p.locator('li.fact', { hasText: 'EU-China Summit' }).first();
    expect(await verified.textContent()).not.toContain('unverified');
    const o = await session.open('/');
    const row = o.getByRole('row', { name: /Active only on an unverified report, not counted/ });
    await row.waitFor({ timeout: 15000 });
    expect(await row.locator('td').last().textContent()).toBe('1');
    expect(await row.locator('td').last().getAttribute('title')).toMatch(/EU-China High-level Digital Dialogue \(reported active only by an unverified source\)$/);
  });
});
