// The imports and audit pages in a real browser, in team mode: an editor imports an OASIS STIX example through the
// page (a dry run first, then for real) and reads the report and the past reports; a bundle that is not JSON and one
// the server refuses show their words; an admin reads the trail, narrows it to the editor's imports and verifies the
// chain; a viewer sees neither the audit entry in the navigation nor the import form. axe-core checks each screen.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config';
import { browserSuite, expectAccessible, signInHere } from './browser';
import { teamConfig } from '../integration/harness';
import { addUser } from '../integration/team';

const FIXTURE = path.join(projectRoot, 'tests', 'fixtures', 'stix', 'cti-documentation-examples', 'defining-campaigns-threat-actors-intrusion-sets.json');

const suite = browserSuite(teamConfig({ cookieSecure: false }), async (h) => {
  await addUser(h, 'ada', 'admin', 'DE');
  await addUser(h, 'erin', 'editor', 'DE');
  await addUser(h, 'vera', 'viewer', 'DE');
});
const session = suite.session;

async function openSignedIn(username: string, next: string): Promise<Page> {
  const p = await session.open(`/signin?next=${encodeURIComponent(next)}`);
  await signInHere(p, username);
  await expect.poll(() => new URL(p.url()).pathname).toBe(next);
  return p;
}

/** Sends the chosen file and waits for the server's answer to the import. */
async function send(p: Page, button: RegExp) {
  const [answer] = await Promise.all([p.waitForResponse((r) => r.url().includes('/api/import/stix')), p.getByRole('button', { name: button }).click()]);
  return answer.status();
}

describe('imports', () => {
  it('lets an editor check a bundle, import it and read its report, then find it among past imports', async () => {
    const p = await openSignedIn('erin', '/imports');
    await p.getByRole('heading', { name: 'Import a STIX bundle' }).waitFor();
    await p.getByText('No imports yet').waitFor();
    await expectAccessible(p);

    await p.getByLabel(/STIX 2\.1 bundle/).setInputFiles(FIXTURE);
    await p.getByLabel(/Dry run/).check();
    expect(await send(p, /dry run/)).toBe(200);
    const status = p.getByRole('status').filter({ hasText: 'defining-campaigns' });
    await expect.poll(() => status.textContent()).toMatch(/dry run, nothing written; \d+ errors?, \d+ warnings?/);
    await p.getByText(/^Dry run: nothing was written\. Imported, it would give [1-9]\d* created/).waitFor();
    expect(await suite.h.wb.audit.list({ all: true, levels: [], org: null, username: null }, { targetType: 'import_report' })).toEqual([]);

    await p.getByLabel(/Dry run/).uncheck();
    await p.getByLabel('Marking of the imported records').selectOption('amber');
    expect(await send(p, /^Import$/)).toBe(200);
    await p.getByText(/^Imported: [1-9]\d* created, 0 updated/).waitFor();
    const outcomes = p.getByRole('table', { name: 'Records written, by kind' });
    expect(await outcomes.getByRole('row', { name: /^actor/ }).textContent()).toMatch(/actor[1-9]/);
    await expectAccessible(p);

    const past = p.getByRole('table', { name: /Reports of past imports/ });
    const row = past.getByRole('row').filter({ hasText: 'erin' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/erin.*STIX.*defining-campaigns-threat-actors-intrusion-sets\.json.*[1-9]\d* \/ 0 \/ 0.*TLP:AMBER/);
    await row.getByRole('button', { name: /Open/ }).click();
    expect(await row.getByRole('button', { name: /Close/ }).getAttribute('aria-expanded')).toBe('true');
    await past.getByRole('heading', { name: /^Report of / }).waitFor();
    await expectAccessible(p);
    session.expectNoConsoleErrors();
  });

  it('shows why a file is not sent and the words of a refusal', async () => {
    const p = await openSignedIn('erin', '/imports');
    await p.getByLabel(/STIX 2\.1 bundle/).setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"type": "bundle", ') });
    await p.getByRole('button', { name: /^Import$/ }).click();
    await p.getByText(/^broken\.json is not JSON: /).first().waitFor();

    const notStix = { type: 'bundle', id: 'bundle--6b1b2b5c-1f7a-4a55-9e55-8d7c6f7f0e11', objects: [{ type: 'incident', id: 'not-a-stix-id' }] };
    await p.getByLabel(/STIX 2\.1 bundle/).setInputFiles({ name: 'strict.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(notStix)) });
    await p.getByLabel(/Strict/).check();
    expect(await send(p, /^Import$/)).toBe(400);
    const refused = p.locator('.import-refused');
    await refused.getByRole('heading', { name: 'strict.json was refused' }).waitFor();
    expect(await refused.textContent()).toMatch(/refused and nothing was written/);
    expect(await refused.locator('li').first().textContent()).toMatch(/not-a-stix-id/);
    await expectAccessible(p);
    session.expectNoConsoleErrors([/status of 400/]);
  });

  it('offers a viewer the reports but not the form, and no audit trail', async () => {
    const p = await openSignedIn('vera', '/imports');
    await p.getByText(/does not allow you to import files into the registry/).waitFor();
    expect(await p.getByRole('button', { name: /^Import$/ }).count()).toBe(0);
    expect(await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).count()).toBe(1);
    expect(await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).count()).toBe(0);
  });
});

describe('audit trail', () => {
  it('lets an admin read the entries newest first, narrow them, and verify the chain', async () => {
    const p = await openSignedIn('ada', '/audit');
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).waitFor();
    const table = p.getByRole('table', { name: 'Audit entries, newest first' });
    await table.waitFor();
    const seqs = async () => (await table.locator('tbody th').allTextContents()).map((t) => Number.parseInt(t, 10));
    const all = await seqs();
    expect(all.length).toBeGreaterThan(3);
    expect([...all].sort((a, b) => b - a)).toEqual(all);
    await expectAccessible(p);

    await p.getByLabel('User').fill('erin');
    await p.getByLabel('Record type').selectOption('import_report');
    await p.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(async () => (await seqs()).length).toBeLessThan(all.length);
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toMatch(/erin \(DE\).*import\.stix.*import report imp-\d+/);

    await p.getByLabel('From (day, UTC)').fill('2026-02-02');
    await p.getByLabel('To (day, UTC)').fill('2026-02-01');
    await p.getByRole('button', { name: 'Apply' }).click();
    await p.getByRole('alert').filter({ hasText: 'The end day (2026-02-01) is before the start day (2026-02-02).' }).waitFor();

    await p.getByRole('button', { name: 'Verify the chain' }).click();
    const verdict = p.locator('.audit-verdict');
    await expect.poll(() => verdict.textContent()).toMatch(/^The chain is intact: \d+ entries checked, from the first to the head/);
    await expectAccessible(p);
    session.expectNoConsoleErrors();
  });
});
