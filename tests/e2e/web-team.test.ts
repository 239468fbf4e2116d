// The web workbench in team mode (CYBERDIPLO_AUTH=on) in a real browser: signing in through the page, recording an
// AMBER incident, and who sees it afterwards; what a role lacks, a lapsed session and the sign-in rate limit.
// Accessibility (axe-core) is checked on each screen, and console errors fail the test unless a step causes them on
// purpose (the 401 of a wrong password, the 404 of a record hidden by its marking).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, signInHere } from './browser';
import { teamConfig } from '../integration/harness';
import { PASSWORD, addUser, incident, type Client } from '../integration/team';

const TITLE = 'Spear-phishing of a ministry of defence';

let aliceToken: Client;

// Plain HTTP on loopback: the session cookie goes without Secure here; three failed sign-ins pause an account.
const suite = browserSuite(teamConfig({ cookieSecure: false, loginLimit: 3 }), async (h) => {
  aliceToken = await addUser(h, 'alice', 'analyst', 'DE');
  await addUser(h, 'dan', 'analyst', 'IT');
  await addUser(h, 'carol', 'analyst', 'FR');
  await addUser(h, 'vera', 'viewer', 'DE');
  await addUser(h, 'mallory', 'analyst', 'FR');
});
const session = suite.session;

function open(url: string): Promise<Page> {
  return session.open(url);
}

function expectNoConsoleErrors(allowed: RegExp[] = []) {
  session.expectNoConsoleErrors(allowed);
}

async function signOut(p: Page) {
  await p.getByRole('button', { name: 'Sign out' }).click();
  await p.getByText('You are signed out.').waitFor();
  expect(await p.locator('.session-status').textContent()).toMatch(/Not signed in/);
}

/** The incident list as this page's visitor sees it: the titles of the rows. */
async function listedTitles(p: Page): Promise<string[]> {
  await p.goto(`${suite.base}/incidents`);
  await p.locator('.page-incidents [aria-live="polite"]').waitFor();
  return p.locator('.data-table tbody th').allTextContents();
}

describe('team mode', () => {
  it('signs in through the page, records an AMBER incident, and only its organisations see it', async () => {
    const p = await open('/incidents');
    expect(await p.locator('.session-status').textContent()).toMatch(/Not signed in/);
    await expect.poll(() => p.locator('.lede').textContent()).toMatch(/TLP:CLEAR/);
    await expectAccessible(p);

    await p.getByRole('link', { name: 'Sign in to record an incident' }).click();
    await expect.poll(() => p.url()).toContain('/signin?next=%2Fincidents%2Fnew');
    await p.getByLabel('Username').fill('alice');
    await p.getByLabel('Password').fill('not the password');
    await p.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => p.getByRole('alert').textContent()).toMatch(/Wrong username or password/);
    await expectAccessible(p);
    await signInHere(p, 'alice');
    await expect.poll(() => p.url()).toBe(`${suite.base}/incidents/new`);
    expect(await p.locator('.session-status').textContent()).toMatch(/alice\s*analyst · DE/);

    await p.getByLabel('Title').fill(TITLE);
    await p.getByLabel('Category').selectOption('cyber-espionage');
    await p.getByLabel('Started').fill('2026-02-10');
    await p.getByLabel('Victim 1: country').fill('DE');
    await p.getByLabel('Sector').selectOption('government');
    await p.getByLabel('TLP:AMBER', { exact: true }).check();
    await p.getByLabel('Shared with organisations').fill('fr');
    await expectAccessible(p);
    await p.getByRole('button', { name: 'Record the incident' }).click();

    await p.getByRole('heading', { level: 1, name: TITLE }).waitFor({ timeout: 15000 });
    const url = p.url();
    const marking = p.getByTestId('incident-marking');
    expect(await marking.locator('.tlp').textContent()).toBe('TLP:AMBER');
    expect(await marking.textContent()).toMatch(/Visible to users of DE, FR\. Owned by DE\./);
    await p.getByRole('link', { name: 'Edit', exact: true }).waitFor();
    const remove = p.getByRole('button', { name: 'Delete' });
    expect(await remove.getAttribute('aria-disabled')).toBe('true');
    expect(await p.locator('.guarded-reason').textContent()).toMatch(/analyst.*delete incidents/);
    await expectAccessible(p);

    expect(await listedTitles(p)).toEqual([TITLE]);
    expect(await p.locator('.data-table tbody .tlp').textContent()).toBe('TLP:AMBER');
    await expectAccessible(p);

    await signOut(p);
    await expectAccessible(p);
    expect(await listedTitles(p)).toEqual([]);
    await p.goto(url);
    await p.getByText(/No incident with id/).waitFor();

    await p.goto(`${suite.base}/signin`);
    await signInHere(p, 'dan');
    expect(await listedTitles(p)).toEqual([]);
    await p.goto(url);
    await p.getByText(/No incident with id/).waitFor();
    await signOut(p);

    await signInHere(p, 'carol');
    expect(await listedTitles(p)).toEqual([TITLE]);
    await signOut(p);

    await signInHere(p, 'alice');
    expect(await listedTitles(p)).toEqual([TITLE]);
    await p.getByRole('link', { name: TITLE }).click();
    await p.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expectNoConsoleErrors([/status of 401 \(Unauthorized\).*\/api\/auth\/login/, /status of 404 \(Not Found\).*\/api\/incidents\//]);
  });

  it('shows a viewer the actions its role lacks, dimmed with the reason', async () => {
    const res = await suite.h.app.inject({ method: 'POST', url: '/api/incidents', headers: aliceToken.headers, payload: { ...incident('Defacement of a regional portal'), tlp: 'green' } });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json<{ id: string }>();

    const p = await open('/signin?next=%2Fincidents');
    await signInHere(p, 'vera');
    await expect.poll(() => p.url()).toBe(`${suite.base}/incidents`);
    const record = p.getByRole('button', { name: 'Record an incident' });
    expect(await record.getAttribute('aria-disabled')).toBe('true');
    expect(await p.locator('.guarded-reason').textContent()).toMatch(/viewer.*record incidents/);
    await expectAccessible(p);

    await p.goto(`${suite.base}/incidents/${id}`);
    expect(await p.getByTestId('incident-marking').locator('.tlp').textContent()).toBe('TLP:GREEN');
    expect(await p.getByRole('button', { name: 'Edit' }).getAttribute('aria-disabled')).toBe('true');
    await p.goto(`${suite.base}/incidents/new`);
    await p.getByText(/Your role \(viewer\) does not allow you to record incidents/).waitFor();
    expectNoConsoleErrors();
  });

  it('offers to sign in on the spot when a save is refused for want of a session, keeping the form', async () => {
    const p = await open('/signin?next=%2Fincidents%2Fnew');
    await signInHere(p, 'alice');
    await p.getByLabel('Title').fill('Wiper on a port authority');
    await p.getByLabel('Category').selectOption('cyber-espionage');
    await p.getByLabel('Started').fill('2026-01-20');
    await p.getByLabel('Victim 1: country').fill('DE');
    await p.getByLabel('Sector').selectOption('government');
    await p.getByLabel('TLP:RED', { exact: true }).check();
    await p.getByLabel('Named recipients').fill('alice');
    await p.context().clearCookies(); // the session ends behind the page's back
    await p.getByRole('button', { name: 'Record the incident' }).click();

    const dialog = p.getByRole('dialog', { name: 'Sign in to continue' });
    await dialog.waitFor();
    await expectAccessible(p);
    await dialog.getByLabel('Username').fill('alice');
    await dialog.getByLabel('Password').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Sign in and return' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await p.getByLabel('Title').inputValue()).toBe('Wiper on a port authority');
    await p.getByRole('button', { name: 'Record the incident' }).click();
    await p.getByRole('heading', { level: 1, name: 'Wiper on a port authority' }).waitFor({ timeout: 15000 });
    expect(await p.getByTestId('incident-marking').textContent()).toMatch(/TLP:RED.*Visible to alice only/);
    expectNoConsoleErrors([/status of 401 \(Unauthorized\).*\/api\/incidents/]);
  });

  it('keeps saving after signing in again in another tab, which gives the session a new CSRF token', async () => {
    const p = await open('/signin?next=%2Fincidents%2Fnew');
    await signInHere(p, 'alice');
    await p.getByLabel('Title').fill('Botnet against an energy regulator');
    await p.getByLabel('Category').selectOption('cyber-espionage');
    await p.getByLabel('Started').fill('2026-01-05');
    await p.getByLabel('Victim 1: country').fill('DE');
    await p.getByLabel('Sector').selectOption('government');
    const other = await p.context().newPage();
    await other.goto(`${suite.base}/signin`);
    await signInHere(other, 'alice');
    await other.close();
    await p.getByRole('button', { name: 'Record the incident' }).click();
    await p.getByRole('heading', { level: 1, name: 'Botnet against an energy regulator' }).waitFor({ timeout: 15000 });
    expect(await p.getByTestId('incident-marking').locator('.tlp').textContent()).toBe('TLP:AMBER');
    // The first attempt carried the old token and was refused; the client fetched the new one and tried again.
    expect(session.consoleErrors.filter((e) => /status of 403/.test(e))).toHaveLength(1);
    expectNoConsoleErrors([/status of 403 \(Forbidden\).*\/api\/incidents/]);
  });

  it('pauses sign-in for an account after too many failed attempts, and says so', async () => {
    const p = await open('/signin');
    for (let i = 0; i < 3; i++) {
      await p.getByLabel('Username').fill('mallory');
      await p.getByLabel('Password').fill(`wrong guess ${i}`);
      await Promise.all([p.waitForResponse((r) => r.url().endsWith('/api/auth/login')), p.getByRole('button', { name: 'Sign in' }).click()]);
      await expect.poll(() => p.getByRole('alert').textContent()).toMatch(/Wrong username or password/);
    }
    await p.getByLabel('Username').fill('mallory');
    await p.getByLabel('Password').fill(PASSWORD);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => p.getByRole('alert').textContent()).toMatch(/paused.*try again in 15 minutes/);
    expect(await p.locator('.session-status').textContent()).toMatch(/Not signed in/);
    await expectAccessible(p);
    expectNoConsoleErrors([/status of 401 \(Unauthorized\).*\/api\/auth\/login/, /status of 429 \(Too Many Requests\).*\/api\/auth\/login/]);
  });
});
