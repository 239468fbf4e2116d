// The imports page sending EuRepoC and CFR files in a real browser, in team mode: an editor picks the format and the
// files (the repository's small fixtures), sees the bytes sent of the total, then the report, and finds the import
// among past imports under its format; a missing global database is named before anything is sent, and a file put in
// another file's place shows the server's words. axe-core checks each screen.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config';
import { browserSuite, expectAccessible, signInHere } from './browser';
import { teamConfig } from '../integration/harness';
import { PASSWORD, addUser } from '../integration/team';

const FIXTURES = path.join(projectRoot, 'tests', 'fixtures');
const GLOBAL = path.join(FIXTURES, 'eurepoc', 'EuRepoC_Global_Database_1.1.csv');
const ATTRIBUTION = path.join(FIXTURES, 'eurepoc', 'EuRepoC_Attribution_dataset_1.1.csv');
const RECEIVER = path.join(FIXTURES, 'eurepoc', 'EuRepoC_Receiver_dataset_1.1.csv');
const CFR = path.join(FIXTURES, 'cfr-cyber-operations-sample.csv');

const suite = browserSuite(teamConfig({ cookieSecure: false }), async (h) => {
  await addUser(h, 'erin', 'editor', 'DE');
  await addUser(h, 'emil', 'editor', 'DE');
});
const session = suite.session;

async function openImports(username = 'erin'): Promise<Page> {
  const p = await session.open(`/signin?next=${encodeURIComponent('/imports')}`);
  await signInHere(p, username);
  await expect.poll(() => new URL(p.url()).pathname).toBe('/imports');
  await p.getByRole('heading', { name: 'Import a STIX bundle' }).waitFor();
  return p;
}

/**
 * Keeps every text the busy line shows, however briefly, to read after the upload, with what its bar shows: the bytes
 * sent ("[bar 12/12]") or a bar moving without a figure ("[bar moving]").
 */
async function recordBusyLine(p: Page): Promise<() => Promise<string[]>> {
  await p.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { busyLines: string[] }).busyLines = seen;
    new MutationObserver(() => {
      const busy = document.querySelector('.import-busy');
      const text = busy?.textContent?.trim();
      const bar = busy?.querySelector('progress');
      const shown = bar ? (bar.hasAttribute('value') ? ` [bar ${bar.getAttribute('value')}/${bar.getAttribute('max')}]` : ' [bar moving]') : '';
      if (text && seen.at(-1) !== `${text}${shown}`) seen.push(`${text}${shown}`);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  return () => p.evaluate(() => (window as unknown as { busyLines: string[] }).busyLines);
}

async function send(p: Page, format: 'eurepoc' | 'cfr', button: RegExp): Promise<number> {
  const [answer] = await Promise.all([p.waitForResponse((r) => r.url().includes(`/api/import/${format}`)), p.getByRole('button', { name: button }).click()]);
  return answer.status();
}

describe('EuRepoC and CFR imports from the page', () => {
  it('sends the three EuRepoC files with the bytes sent shown, reports a dry run, imports, and lists the import as EuRepoC', async () => {
    const p = await openImports();
    await p.getByLabel(/^EuRepoC release 1\.1/).check();
    await p.getByRole('heading', { name: 'Import the EuRepoC release' }).waitFor();
    await p.getByLabel('Global database').setInputFiles(GLOBAL);
    await p.getByLabel('Attribution dataset (optional)').setInputFiles(ATTRIBUTION);
    await p.getByLabel('Receiver dataset (optional)').setInputFiles(RECEIVER);
    await expectAccessible(p);

    await p.getByLabel(/Dry run/).check();
    const busyLines = await recordBusyLine(p);
    expect(await send(p, 'eurepoc', /dry run/)).toBe(200);
    await p.getByText(/^Dry run: nothing was written\. Imported, it would give [1-9]\d* created/).waitFor();
    // The whole body was sent (the three files and the parts' headers), then the page said the server was importing, its
    // bar moving rather than standing at 100 % (a small body is sent in one event, so its bytes may show only there).
    // The answer to a body this small can arrive before the page has drawn the end of its sending (the page then goes
    // from its first line straight to the report); whenever it drew more, its last line said the server was importing.
    const lines = await busyLines();
    if (lines.length > 1) {
      const done = /^All (\d+) KiB of EuRepoC_Global_Database_1\.1\.csv, .* sent; the server is importing and will answer with its report… \[bar moving\]$/.exec(lines.at(-1) ?? '');
      expect(done, lines.join(' | ')).toBeTruthy();
      expect(Number(done?.[1])).toBeGreaterThanOrEqual(7);
    }
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^(Sending .*…|Sending .*: Sent \d+ KiB of \d+ KiB \(\d+ %\)) \[bar \d+\/\d+\]$/);
    await p.getByRole('heading', { name: /^Report of EuRepoC_Global_Database_1\.1\.csv, EuRepoC_Attribution_dataset_1\.1\.csv, EuRepoC_Receiver_dataset_1\.1\.csv/ }).waitFor();

    await p.getByLabel(/Dry run/).uncheck();
    expect(await send(p, 'eurepoc', /^Import$/)).toBe(200);
    await p.getByText(/^Imported: [1-9]\d* created, 0 updated/).waitFor();
    const past = p.getByRole('table', { name: /Reports of past imports/ });
    const row = past.getByRole('row').filter({ hasText: 'EuRepoC_Global_Database_1.1.csv' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/erin.*EuRepoC.*EuRepoC_Global_Database_1\.1\.csv, EuRepoC_Attribution_dataset_1\.1\.csv, EuRepoC_Receiver_dataset_1\.1\.csv.*[1-9]\d* \/ 0 \/ 0/);
    await expectAccessible(p);
    session.expectNoConsoleErrors();
  });

  it('sends the CFR export and lists the import as CFR', async () => {
    const p = await openImports();
    await p.getByLabel(/^CFR Cyber Operations Tracker/).check();
    await p.getByLabel("The tracker's CSV export").setInputFiles(CFR);
    expect(await send(p, 'cfr', /^Import$/)).toBe(200);
    await p.getByText(/^Imported: [1-9]\d* created/).waitFor();
    await p.getByRole('heading', { name: 'Report of cfr-cyber-operations-sample.csv' }).waitFor();
    const row = p.getByRole('table', { name: /Reports of past imports/ }).getByRole('row').filter({ hasText: 'cfr-cyber-operations-sample.csv' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/erin.*CFR.*cfr-cyber-operations-sample\.csv/);
    session.expectNoConsoleErrors();
  });

  it('offers to sign in again when the session ended before an upload, as every other write does, and keeps the files chosen', async () => {
    const p = await openImports('emil');
    await p.getByRole('table', { name: /Reports of past imports/ }).or(p.getByText(/^No imports yet/)).first().waitFor(); // the page has read all it reads
    await p.getByLabel(/^CFR Cyber Operations Tracker/).check();
    await p.getByLabel("The tracker's CSV export").setInputFiles(CFR);
    // An administrator resets emil's password, which ends his sessions behind the page's back.
    await suite.h.wb.accounts.update({ kind: 'local', org: null }, 'emil', { password: 'emil has a new passphrase' });
    expect(await send(p, 'cfr', /^Import$/)).toBe(401);
    const dialog = p.getByRole('dialog', { name: 'Sign in to continue' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('session-ended').textContent()).toMatch(/Your session has ended — sign in again/);
    expect(await p.locator('.import-refused').count()).toBe(0);
    await expectAccessible(p);
    await dialog.getByLabel('Username').fill('emil');
    await dialog.getByLabel('Password').fill('emil has a new passphrase');
    await dialog.getByRole('button', { name: 'Sign in and return' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await p.locator('.notice-error').textContent()).toBe('cfr-cyber-operations-sample.csv was not imported: sign in, then import again; the files chosen are kept.');
    expect(await send(p, 'cfr', /^Import$/)).toBe(200);
    await p.getByRole('heading', { name: 'Report of cfr-cyber-operations-sample.csv' }).waitFor();
    await suite.h.wb.accounts.update({ kind: 'local', org: null }, 'emil', { password: PASSWORD });
    session.expectNoConsoleErrors([/status of 401 \(Unauthorized\).*\/api\/import\/cfr/]);
  });

  it('names a missing global database before sending, and shows the words of a refusal', async () => {
    const p = await openImports();
    await p.getByLabel(/^EuRepoC release 1\.1/).check();
    await p.getByLabel('Attribution dataset (optional)').setInputFiles(ATTRIBUTION);
    await p.getByRole('button', { name: /^Import$/ }).click();
    await p.locator('.notice-error').filter({ hasText: 'Choose the global database (EuRepoC_Global_Database_1.1.csv) first.' }).waitFor();

    await p.getByLabel('Global database').setInputFiles(RECEIVER);
    await p.getByLabel('Attribution dataset (optional)').setInputFiles([]);
    expect(await send(p, 'eurepoc', /^Import$/)).toBe(400);
    const refused = p.locator('.import-refused');
    await refused.getByRole('heading', { name: 'EuRepoC_Receiver_dataset_1.1.csv was refused' }).waitFor();
    expect(await refused.textContent()).toContain('The part incidents holds EuRepoC_Receiver_dataset_1.1.csv, which is the receiver dataset by its columns: send it as the part receivers');
    await expectAccessible(p);
    session.expectNoConsoleErrors([/status of 400/]);
  });
});
