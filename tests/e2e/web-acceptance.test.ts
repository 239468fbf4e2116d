// What a new user tripped on in the web app, each checked in a real browser against a real server.
import { describe, expect, it } from 'vitest';
import { browserSuite } from './browser';

const suite = browserSuite();
const session = suite.session;

describe('a partner page at a date where a dimension is held at the top of its scale', () => {
  it('shows the assessment: an explanation item without a note is a valid answer', async () => {
    // The premise, read from the API: as of mid-2015 the EU-US institutional density is held at 100, and the item
    // that says so (the points beyond the top of the scale) carries no note.
    const res = await fetch(`${suite.base}/api/assess/US?asOf=2015-06-01`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { dimensions: Record<string, { score: number; explanation: { fact: { id: string }; note?: string }[] }> };
    const held = Object.entries(body.dimensions).filter(([, d]) => d.explanation.some((e) => e.fact.id.startsWith('limit:') && e.note === undefined));
    expect(held.map(([id]) => id)).toContain('institutionalDensity');

    const p = await session.open('/partners/US?asOf=2015-06-01');
    await p.getByRole('heading', { level: 1, name: 'EU – United States' }).waitFor();
    const failed = p.locator('.notice-error', { hasText: 'Could not load the assessment' });
    await p.locator('.assessment .badge').or(failed).first().waitFor();
    expect(await failed.count(), (await failed.allTextContents()).join('\n')).toBe(0);
    expect(await p.getByRole('img', { name: 'Institutional density: 100 / 100' }).count()).toBe(1);
    session.expectNoConsoleErrors();
  });
});

describe('an incident page', () => {
  it('wraps a title typed as one long word instead of widening the page, and keeps the EU capitalised in an attribution', async () => {
    const title = 'x'.repeat(2000);
    const created = await fetch(`${suite.base}/api/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title,
        start: '2024-05-01',
        category: 'cyber-espionage',
        victims: [{ country: 'DE', sector: 'government' }],
        effects: { severity: 'medium' },
        initiator: { type: 'unknown' },
        attribution: [{ kind: 'political', by: 'High Representative', byType: 'eu', confidence: 'high', public: true }],
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const p = await session.open(`/incidents/${id}`, 1024);
    await p.getByRole('heading', { level: 1, name: title }).waitFor();
    const { scroll, width } = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    expect(scroll).toBeLessThanOrEqual(width + 1);
    await expect.poll(() => p.locator('main').textContent()).toContain('Political by High Representative (the EU (Council, High Representative)), high confidence, public');
    session.expectNoConsoleErrors();
  });
});

describe('a page whose address holds a date it cannot show', () => {
  it('says the date is not valid, naming the form and the range, instead of quietly showing today', async () => {
    const today = new Date().toISOString().slice(0, 10);
    // The API refuses both dates; the page says so rather than answering for another date.
    for (const bad of ['bad', '2099-01-01']) expect((await fetch(`${suite.base}/api/partners/US?asOf=${bad}`)).status).toBe(400);

    const p = await session.open('/partners/US?asOf=bad');
    await p.getByRole('heading', { level: 1, name: 'EU – United States' }).waitFor();
    const alert = p.locator('.as-of-problem');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('"bad", is not a calendar date: give it as YYYY-MM-DD');
    expect(await alert.textContent()).toContain(`up to today, ${today}`);

    const later = await session.open('/partners/JP?asOf=2099-01-01');
    await later.getByRole('heading', { level: 1, name: 'EU – Japan' }).waitFor();
    await later.locator('.as-of-problem').waitFor();
    expect(await later.locator('.as-of-problem').textContent()).toContain(`2099-01-01, is after today, ${today}`);
    // The way out takes the date out of the address, and the message goes with it.
    await later.getByRole('button', { name: 'Take the date out of the address' }).click();
    await expect.poll(() => new URL(later.url()).search).toBe('');
    expect(await later.locator('.as-of-problem').count()).toBe(0);

    // A date the page can show gives no message.
    const good = await session.open('/network?asOf=2014-06-30');
    await good.getByRole('heading', { level: 1 }).waitFor();
    expect(await good.locator('.as-of-problem').count()).toBe(0);
  });
});

describe('the incident registry a page past the last', () => {
  it('says the page is past the last and offers the last page, instead of counting "101–100 of 7"', async () => {
    const made = await fetch(`${suite.base}/api/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Paging probe', start: '2024-05-01', category: 'cyber-crime', victims: [{ country: 'DE', sector: 'government' }], effects: { severity: 'low' } }),
    });
    expect(made.status, await made.clone().text()).toBe(201);
    const { total } = (await (await fetch(`${suite.base}/api/incidents?limit=0`)).json()) as { total: number };
    const p = await session.open('/incidents?page=5');
    const notice = p.getByText(/^Page 6 is past the last/);
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`the ${total} incident${total === 1 ? '' : 's'} found fill`);
    expect(await p.getByText('No incident matches').count()).toBe(0);
    await p.getByRole('button', { name: 'Go to the last page' }).click();
    await p.getByText(new RegExp(`^1–${Math.min(total, 20)} of ${total} incidents`)).waitFor();
    session.expectNoConsoleErrors();
  });
});

describe('a comparison whose address names a partner twice', () => {
  it('compares the partner once, not with itself, and asks for a second one', async () => {
    const p = await session.open('/compare?ids=US,us');
    await p.getByRole('heading', { level: 1, name: 'Compare partnerships' }).waitFor();
    await p.getByRole('heading', { name: 'Side by side' }).waitFor();
    await expect.poll(async () => (await p.locator('main').innerText()).includes('Loading')).toBe(false);
    const text = await p.locator('main').innerText();
    expect(text).not.toContain('Could not load the assessment comparison');
    expect(text).not.toMatch(/United States\tUnited States/);
    session.expectNoConsoleErrors();
  });

  it('says once that a partner code is unknown and lists the partners, instead of an error in every panel', async () => {
    const p = await session.open('/partners/XX');
    await p.getByRole('heading', { level: 1, name: 'No partner “XX”' }).waitFor();
    const alert = p.getByRole('alert');
    expect(await alert.textContent()).toMatch(/holds no partner with the code “XX”/);
    expect(await alert.getByRole('link', { name: 'Japan' }).getAttribute('href')).toBe('/partners/JP');
    expect(await p.locator('.notice-error', { hasText: 'Could not load' }).count()).toBe(0);
    await alert.getByRole('link', { name: 'Japan' }).click();
    await p.getByRole('heading', { level: 1, name: 'EU – Japan' }).waitFor();
  });
});
