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
import { addUser } from '../integration/team';

const FIXTURES = path.join(projectRoot, 'tests', 'fixtures');
const GLOBAL = path.join(FIXTURES, 'eurepoc', 'EuRepoC_Global_Database_1.1.csv');
const ATTRIBUTION = path.join(FIXTURES, 'eurepoc', 'EuRepoC_Attribution_dataset_1.1.csv');
const RECEIVER = path.join(FIXTURES, 'eurepoc', 'EuRepoC_Receiver_dataset_1.1.csv');
const CFR = path.join(FIXTURES, 'cfr-cyber-operations-sample.csv');

const suite = browserSuite(teamConfig({ cookieSecure: false }), async (h) => {
  await addUser(h, 'erin', 'editor', 'DE');
});
const session = suite.session;

async function openImports(): Promise<Page> {
  const p = await session.open(`/signin?next=${encodeURIComponent('/imports')}`);
  await signInHere(p, 'erin');
  await expect.poll(() => new URL(p.url()).pathname).toBe('/imports');
  await p.getByRole('heading', { name: 'Import a STIX bundle' }).waitFor();
  return p;
}

/** Keeps every text the busy line shows, however briefly, to read after the upload. */
async function recordBusyLine(p: Page): Promise<() => Promise<string[]>> {
  await p.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { busyLines: string[] }).busyLines = seen;
    new MutationObserver(() => {
      const text = document.querySelector('.import-busy')?.textContent?.trim();
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
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
    // The whole body was sent (the three files and the parts' headers), then the server imported it.
    const lines = await busyLines();
    const sent = lines.map((l) => /Sent (\d+) KiB of (\d+) KiB \((\d+) %\)/.exec(l)).find((m) => m?.[3] === '100');
    expect(sent, lines.join(' | ')).toBeTruthy();
    expect(Number(sent?.[2])).toBeGreaterThanOrEqual(7);
    expect(lines.some((l) => l.includes('the server is importing'))).toBe(true);
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
