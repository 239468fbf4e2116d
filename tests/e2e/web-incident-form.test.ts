// The incident form and the plan in single-analyst mode (sign-in off): the owner organisation TLP:AMBER needs, a
// country picked by name, dates in the future refused, the title in the breadcrumb, deletion through the app's own
// confirmation dialog; and a measure whose rule changes (Art. 31(4) TEU) linking to the vote simulator, which explains
// constructive abstention and names the pivotal member states.
import { describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible } from './browser';

const suite = browserSuite();
const session = suite.session;

describe('the incident form in single-analyst mode (issue 17, part 5)', () => {
  it('records a TLP:AMBER incident with its owner, a victim named by country, and shows its title in the breadcrumb', async () => {
    const p = await session.open('/incidents/new');
    await p.getByLabel('Title').fill('Intrusion into a federal ministry');
    await p.getByLabel('Category').selectOption('cyber-espionage');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await p.getByLabel('Started').fill(tomorrow);
    await p.getByLabel('Victim 1: country').fill('Germany');
    await p.getByLabel('Sector').selectOption('government');
    // Each victim's fields are named with its number, as its country is, so that a screen reader tells them apart.
    await p.getByRole('button', { name: 'Add a victim' }).click();
    for (const field of ['country', 'sector', 'organisation']) expect(await p.getByLabel(new RegExp(`^Victim 2: ${field}`)).count()).toBe(1);
    await p.getByRole('button', { name: 'Remove victim 2' }).click();
    expect(await p.locator('#f-victims-0-country-hint').textContent()).toBe('Germany → DE');
    await p.locator('#f-tlp-amber').check();
    // With sign-in off no account names an organisation: the form asks for the owner AMBER needs.
    const owner = p.getByLabel('Owner organisation');
    await owner.waitFor();
    await p.getByRole('button', { name: 'Record the incident' }).click();
    // A date in the future is refused before anything is sent, beside its field.
    await expect.poll(() => p.locator('#f-start-error').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} is in the future; enter a date up to today/);
    await p.getByLabel('Started').fill('2026-03-01');
    // Without an owner the server refuses, and says so at the owner field.
    await p.getByRole('button', { name: 'Record the incident' }).click();
    await expect.poll(() => p.locator('#f-owner-error').textContent()).toMatch(/TLP:AMBER needs an owner organisation/);
    await owner.fill('de');
    await expectAccessible(p);
    await p.getByRole('button', { name: 'Record the incident' }).click();

    await expect.poll(() => p.url(), { timeout: 15000 }).toMatch(/\/incidents\/inc-[^/]+$/);
    const id = p.url().split('/').pop() ?? '';
    await p.getByRole('heading', { level: 1, name: 'Intrusion into a federal ministry' }).waitFor();
    const crumb = p.getByTestId('breadcrumb');
    await expect.poll(() => crumb.textContent()).toBe('Incidents / Intrusion into a federal ministry');
    expect(await crumb.textContent()).not.toContain(id);
    expect(await p.getByTestId('incident-marking').textContent()).toMatch(/Owned by DE/);
    await expect.poll(() => p.locator('.incident-summary').textContent()).toMatch(/Victims\s*Germany \(/);

    await p.getByRole('link', { name: 'Edit' }).click();
    await expect.poll(() => p.getByTestId('breadcrumb').textContent()).toBe('Incidents / Intrusion into a federal ministry / edit');
    expect(await p.getByLabel('Victim 1: country').inputValue()).toBe('Germany');
    session.expectNoConsoleErrors([/400 \(Bad Request\)/]);
  });

  it('deletes through the app’s own confirmation dialog, which Cancel leaves without deleting', async () => {
    const res = await fetch(`${suite.base}/api/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Phishing against a customs office', start: '2026-02-01', category: 'cyber-crime', victims: [{ country: 'FR', sector: 'government' }], effects: { severity: 'low' } }),
    });
    const { id } = (await res.json()) as { id: string };
    const p = await session.open(`/incidents/${id}`);
    p.on('dialog', () => {
      throw new Error('the browser’s own confirm() must not be used');
    });
    await p.getByRole('button', { name: 'Delete' }).click();
    const dialog = p.getByRole('dialog', { name: 'Delete this incident?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/“Phishing against a customs office” leaves the registry/);
    await expectAccessible(p);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await fetch(`${suite.base}/api/incidents/${id}`)).status).toBe(200);

    await p.getByRole('button', { name: 'Delete' }).click();
    await p.getByRole('dialog', { name: 'Delete this incident?' }).getByRole('button', { name: 'Delete the incident' }).click();
    await expect.poll(() => p.url()).toMatch(/\/incidents$/);
    expect(await p.getByRole('status').filter({ hasText: 'is deleted' }).textContent()).toMatch(/“Phishing against a customs office” is deleted/);
    expect((await fetch(`${suite.base}/api/incidents/${id}`)).status).toBe(404);
    session.expectNoConsoleErrors();
  });

  it('shows a change of rule, not a closed measure, and links the Council measure to the vote simulator with its rule', async () => {
    const res = await fetch(`${suite.base}/api/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Intrusion into a defence ministry',
        start: '2026-02-01',
        category: 'cyber-espionage',
        victims: [{ country: 'DE', sector: 'defence' }],
        effects: { severity: 'high' },
        initiator: { type: 'state', country: 'RU' },
        attribution: [{ kind: 'political', by: 'DE government', confidence: 'high', public: true }],
        context: { euPositionAdopted: true, defenceImplications: true },
      }),
    });
    const { id } = (await res.json()) as { id: string };
    const p = await session.open(`/incidents/${id}`);
    const measure = p.locator('#measure-implementing-decision');
    await measure.waitFor({ timeout: 15000 });
    expect(await measure.locator('.measure-head').textContent()).toMatch(/Open.*Rule changed: unanimity/);
    expect(await measure.getByTestId('rule-change').textContent()).toMatch(/Art\. 31\(4\) TEU/);
    expect(await measure.textContent()).toMatch(/Decision: Council, unanimity \(instead of qualified majority\)/);
    await measure.getByTestId('vote-link').click();
    await expect.poll(() => p.url()).toMatch(/\/vote\?rule=unanimity$/);
    await expect.poll(() => p.getByTestId('verdict').textContent()).toMatch(/Adopted/);
    const explained = p.getByTestId('constructive-abstention');
    expect(await explained.textContent()).toMatch(/does not have to apply the decision.*Art\. 215 TFEU.*binds every member state/s);
    expect(await p.getByTestId('pivotal').textContent()).toMatch(/Each of these could reverse the outcome alone by voting against: Germany \(now for\)/);
    await expectAccessible(p);
    session.expectNoConsoleErrors();
  });
});
