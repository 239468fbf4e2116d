// The web workbench's account screens in team mode, in a real browser: an admin manages accounts; a user manages
// their API tokens and password; an editor changes an incident's marking and another organisation loses sight of it;
// a viewer sees no admin controls; an ended session leads to the sign-in page and back. axe-core checks each screen,
// and console errors fail a test unless a step causes them on purpose (the 400 of an invalid form, and so on).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, signInHere } from './browser';
import { teamConfig } from '../integration/harness';
import { PASSWORD, addUser, incident, type Client } from '../integration/team';

const NEW_PASSWORD = 'a brand new passphrase for nina';

let aliceToken: Client;

const suite = browserSuite(teamConfig({ cookieSecure: false }), async (h) => {
  await addUser(h, 'ada', 'admin', 'DE');
  aliceToken = await addUser(h, 'alice', 'analyst', 'DE');
  await addUser(h, 'erin', 'editor', 'DE');
  await addUser(h, 'carol', 'analyst', 'FR');
  await addUser(h, 'vera', 'viewer', 'DE');
  await addUser(h, 'tom', 'analyst', 'DE');
  await addUser(h, 'paula', 'analyst', 'IT');
  await addUser(h, 'sam', 'analyst', 'DE');
});
const session = suite.session;

async function signOut(p: Page) {
  await p.getByRole('button', { name: 'Sign out' }).click();
  await p.getByText('You are signed out.').waitFor();
}

async function openSignedIn(username: string, next: string, password = PASSWORD): Promise<Page> {
  const p = await session.open(`/signin?next=${encodeURIComponent(next)}`);
  await signInHere(p, username, password);
  await expect.poll(() => new URL(p.url()).pathname).toBe(next);
  return p;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function whoIsBearer(token: string): Promise<number> {
  return (await suite.h.app.inject({ method: 'GET', url: '/api/tokens', headers: bearer(token) })).statusCode;
}

async function accountOf(username: string) {
  return (await suite.h.wb.accounts.list({ kind: 'local', org: null })).find((a) => a.username === username);
}

describe('accounts (admin)', () => {
  it('lets an admin create an analyst, with the API’s errors beside the fields; the analyst then signs in', async () => {
    const p = await openSignedIn('ada', '/accounts');
    await p.getByRole('link', { name: 'Accounts', exact: true }).waitFor();
    await p.getByRole('row', { name: /alice/ }).waitFor();
    expect(await p.getByRole('row', { name: /vera/ }).textContent()).toMatch(/vera.*viewer.*DE.*Active/);
    await expectAccessible(p);

    const form = p.locator('form', { has: p.getByRole('button', { name: 'Create account' }) });
    // Where the button sits on the page: the list's loading and growing, and the outcome's line, must not move it.
    const buttonAt = () => form.getByRole('button', { name: 'Create account' }).evaluate((b) => Math.round(b.getBoundingClientRect().top + window.scrollY));
    const firstAt = await buttonAt();
    await form.getByLabel('Username').fill('Nina Not Valid');
    await form.getByLabel('Organisation').fill('atlantis');
    await form.getByLabel('First password').fill('short');
    await form.getByRole('button', { name: 'Create account' }).click();
    const summary = p.getByRole('alert');
    await expect.poll(() => summary.textContent()).toMatch(/The account was not created/);
    expect(await summary.textContent()).toMatch(/Username:.*lower-case/);
    expect(await summary.textContent()).toMatch(/First password:.*at least 12/);
    // Each message sits beside its field, which says it is invalid; focus is on the summary.
    expect(await form.getByLabel('First password').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('#f-new-password-error').textContent()).toMatch(/at least 12/);
    await expect.poll(() => p.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await expectAccessible(p);

    await form.getByLabel('Username').fill('nina');
    await form.getByLabel('First password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => form.locator('#f-new-org-error').textContent()).toMatch(/atlantis.*neither a member state code nor an EU body/);
    expect(await form.getByLabel('Username').getAttribute('aria-invalid')).toBeNull();

    await form.getByLabel('Username').fill('nina');
    await form.getByLabel('Full name').fill('Nina Novak');
    await form.getByLabel('Organisation').fill('de');
    await form.getByLabel('Role').selectOption('analyst');
    await form.getByLabel('First password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Create account' }).click();
    await p.getByText('The account nina (analyst, DE) is created.').waitFor();
    expect(await p.getByRole('row', { name: /nina/ }).textContent()).toMatch(/nina.*Nina Novak.*analyst.*DE.*Active/);
    expect(await accountOf('nina')).toMatchObject({ role: 'analyst', org: 'DE', disabled: false });
    expect(await buttonAt()).toBe(firstAt);

    // The same username again: the server's conflict shows beside the username.
    await form.getByLabel('Username').fill('nina');
    await form.getByLabel('Organisation').fill('DE');
    await form.getByLabel('First password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => form.locator('#f-new-username-error').textContent()).toMatch(/exists already/);

    await signOut(p);
    await p.goto(`${suite.base}/signin?next=%2Faccount`);
    await signInHere(p, 'nina');
    await expect.poll(() => p.url()).toBe(`${suite.base}/account`);
    expect(await p.getByTestId('account-username').textContent()).toBe('nina');
    session.expectNoConsoleErrors([/status of 400 \(Bad Request\).*\/api\/users/, /status of 409 \(Conflict\).*\/api\/users/]);
  });

  it('lets an admin change role and organisation, reset a password and disable an account, asking first', async () => {
    const p = await openSignedIn('ada', '/accounts');
    await p.getByRole('link', { name: 'tom', exact: true }).click();
    await p.getByRole('heading', { level: 1, name: /Account tom/ }).waitFor();
    await expectAccessible(p);

    const details = p.locator('form', { has: p.getByRole('button', { name: 'Save changes' }) });
    await details.getByLabel('Role').selectOption('editor');
    await details.getByLabel('Organisation').fill('cert-eu');
    await details.getByRole('button', { name: 'Save changes' }).click();
    await p.getByText('The changes are saved.').waitFor();
    expect(await accountOf('tom')).toMatchObject({ role: 'editor', org: 'cert-eu' });
    await expect.poll(() => p.locator('.page-header .details-list').textContent()).toMatch(/Roleeditor\s*Organisationcert-eu/);

    await details.getByLabel('Organisation').fill('narnia');
    await details.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => details.locator('#f-edit-org-error').textContent()).toMatch(/narnia.*neither a member state code nor an EU body/);
    expect(await accountOf('tom')).toMatchObject({ org: 'cert-eu' });

    const reset = p.locator('form', { has: p.getByRole('button', { name: 'Reset password' }) });
    await reset.getByLabel('New password', { exact: true }).fill('tom gets a fresh passphrase');
    await reset.getByLabel('New password again').fill('tom gets a fresh passphrase');
    await reset.getByRole('button', { name: 'Reset password' }).click();
    await p.getByText(/The password of tom is reset/).waitFor();
    expect((await suite.h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tom', password: 'tom gets a fresh passphrase' } })).statusCode).toBe(200);

    await p.getByRole('button', { name: 'Disable account' }).click();
    const dialog = p.getByRole('dialog', { name: 'Disable the account tom?' });
    await dialog.waitFor();
    await expect.poll(() => p.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await expectAccessible(p);
    await p.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await accountOf('tom')).toMatchObject({ disabled: false });

    await p.getByRole('button', { name: 'Disable account' }).click();
    await dialog.getByRole('button', { name: 'Disable account' }).click();
    await p.getByText('The account tom is disabled.').waitFor();
    expect(await accountOf('tom')).toMatchObject({ disabled: true });
    // The notice comes first; the page then reloads the account and its heading shows the new state.
    await expect.poll(() => p.getByRole('heading', { level: 1 }).textContent()).toMatch(/Disabled/);
    expect((await suite.h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tom', password: 'tom gets a fresh passphrase' } })).statusCode).toBe(401);

    // An admin does not disable their own account from here.
    await p.goto(`${suite.base}/accounts/ada`);
    await p.getByText('This is your own account: another administrator can disable it.').waitFor();
    expect(await p.getByRole('button', { name: 'Disable account' }).count()).toBe(0);
    expect(await p.getByRole('button', { name: 'Reset password' }).count()).toBe(0);
    await p.getByRole('link', { name: 'My account', exact: true }).first().waitFor();
    session.expectNoConsoleErrors([/status of 400 \(Bad Request\).*\/api\/users\/tom/]);
  });
});

describe('my account', () => {
  it('creates an API token, shows it once with a copy button, and revokes it after asking', async () => {
    const p = await openSignedIn('sam', '/account');
    await p.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.base });
    expect(await p.locator('.details-list').textContent()).toMatch(/Usernamesam\s*Roleanalyst\s*OrganisationDE/);
    // addUser gave sam a token named "test" already.
    await p.getByRole('row', { name: /test/ }).waitFor();
    await expectAccessible(p);

    await p.getByLabel('Token name').fill('nightly import');
    await p.getByLabel('Expires after').selectOption('30');
    await p.getByRole('button', { name: 'Create token' }).click();
    const shown = p.getByTestId('new-token');
    await shown.waitFor();
    expect(await shown.textContent()).toMatch(/only time it is shown/);
    const secret = await shown.getByLabel('New API token').inputValue();
    expect(secret).toMatch(/^cdp_/);
    await expect.poll(() => p.evaluate(() => document.activeElement?.textContent)).toMatch(/Your new token “nightly import”/);
    await expectAccessible(p);
    await shown.getByRole('button', { name: 'Copy' }).click();
    await shown.getByText('Copied to the clipboard.').waitFor();
    expect(await p.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    expect(await whoIsBearer(secret)).toBe(200);

    const row = p.getByRole('row', { name: /nightly import/ });
    expect(await row.textContent()).toMatch(/Active/);
    await shown.getByRole('button', { name: /hide the token/ }).click();
    await shown.waitFor({ state: 'detached' });
    expect(await p.content()).not.toContain(secret);
    await p.reload();
    await p.getByRole('row', { name: /nightly import/ }).waitFor();
    expect(await p.content()).not.toContain(secret);

    await p.getByRole('button', { name: 'Revoke the token “nightly import”' }).click();
    const dialog = p.getByRole('dialog', { name: 'Revoke the token “nightly import”?' });
    await dialog.waitFor();
    await expectAccessible(p);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await whoIsBearer(secret)).toBe(200);

    await p.getByRole('button', { name: 'Revoke the token “nightly import”' }).click();
    await dialog.getByRole('button', { name: 'Revoke the token' }).click();
    await p.getByText('The token “nightly import” is revoked.').waitFor();
    await expect.poll(() => p.getByRole('row', { name: /nightly import/ }).textContent()).toMatch(/Revoked/);
    expect(await p.getByRole('button', { name: 'Revoke the token “nightly import”' }).count()).toBe(0);
    expect(await p.getByRole('button', { name: 'Revoke the token “test”' }).count()).toBe(1);
    expect(await whoIsBearer(secret)).toBe(401);
    session.expectNoConsoleErrors();
  });

  it('changes the password (wrong current password and mismatch shown beside the fields); the new one signs in', async () => {
    const p = await openSignedIn('paula', '/account');
    const form = p.locator('form', { has: p.getByRole('button', { name: 'Change password' }) });
    await form.getByLabel('Current password').fill(PASSWORD);
    await form.getByLabel(/^New password \(required\)$/).fill(NEW_PASSWORD);
    await form.getByLabel('New password again').fill('something else entirely');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => form.locator('#f-confirmPassword-error').textContent()).toMatch(/Does not match/);

    await form.getByLabel('Current password').fill('not my password at all');
    await form.getByLabel('New password again').fill(NEW_PASSWORD);
    const [wrong] = await Promise.all([p.waitForResponse((r) => r.url().endsWith('/api/auth/password')), form.getByRole('button', { name: 'Change password' }).click()]);
    expect(wrong.status()).toBe(401);
    await expect.poll(() => form.locator('#f-currentPassword-error').textContent()).toBe('This is not your current password.');
    expect(await form.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(p);

    await form.getByLabel('Current password').fill(PASSWORD);
    await form.getByLabel(/^New password \(required\)$/).fill('short');
    await form.getByLabel('New password again').fill('short');
    const [weak] = await Promise.all([p.waitForResponse((r) => r.url().endsWith('/api/auth/password')), form.getByRole('button', { name: 'Change password' }).click()]);
    expect(weak.status()).toBe(400);
    await expect.poll(() => form.locator('#f-newPassword-error').textContent()).toMatch(/12/);

    await form.getByLabel('Current password').fill(PASSWORD);
    await form.getByLabel(/^New password \(required\)$/).fill(PASSWORD);
    await form.getByLabel('New password again').fill(PASSWORD);
    const [same] = await Promise.all([p.waitForResponse((r) => r.url().endsWith('/api/auth/password')), form.getByRole('button', { name: 'Change password' }).click()]);
    expect(same.status()).toBe(400);
    await expect.poll(() => form.locator('#f-newPassword-error').textContent()).toMatch(/differ/);

    await form.getByLabel('Current password').fill(PASSWORD);
    await form.getByLabel(/^New password \(required\)$/).fill(NEW_PASSWORD);
    await form.getByLabel('New password again').fill(NEW_PASSWORD);
    const [ok] = await Promise.all([p.waitForResponse((r) => r.url().endsWith('/api/auth/password')), form.getByRole('button', { name: 'Change password' }).click()]);
    expect(ok.status()).toBe(204);
    // The server may keep this session or end it; either way the next sign-in takes the new password only.
    await expect
      .poll(async () => (await p.getByText('Your password has been changed. Use the new one from now on.').count()) + (await p.getByText('Your password has been changed. Sign in with the new password.').count()))
      .toBe(1);
    if (await p.getByRole('button', { name: 'Sign out' }).count()) await signOut(p);
    else await p.goto(`${suite.base}/signin`);

    await p.getByLabel('Username').fill('paula');
    await p.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => p.getByRole('alert').textContent()).toMatch(/Wrong username or password/);
    await signInHere(p, 'paula', NEW_PASSWORD);
    session.expectNoConsoleErrors([/status of 40[01] \((Unauthorized|Bad Request)\).*\/api\/auth\/(password|login)/]);
  });
});

describe('incident marking', () => {
  it('lets an editor narrow an AMBER incident to its owner, after which another organisation no longer sees it', async () => {
    const res = await suite.h.app.inject({ method: 'POST', url: '/api/incidents', headers: aliceToken.headers, payload: { ...incident('Supply-chain compromise of a customs system'), tlp: 'amber', sharedWith: ['FR'] } });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json<{ id: string }>();

    const carol = await openSignedIn('carol', `/incidents/${id}`);
    await carol.getByRole('heading', { level: 1, name: 'Supply-chain compromise of a customs system' }).waitFor();
    expect(await carol.getByTestId('incident-audience').textContent()).toBe('AMBER: users of DE and FR. Owned by DE.');
    // An analyst of another organisation may not change it: the control is dimmed with the reason.
    expect(await carol.getByRole('button', { name: 'Change marking' }).getAttribute('aria-disabled')).toBe('true');
    session.expectNoConsoleErrors();
    await session.close();

    const p = await openSignedIn('erin', `/incidents/${id}`);
    await p.getByRole('button', { name: 'Change marking' }).click();
    const editor = p.getByRole('form', { name: 'Change the marking' });
    await editor.waitFor();
    await expect.poll(() => p.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('amber');
    expect(await editor.getByLabel('Owner organisation').inputValue()).toBe('DE');
    await expectAccessible(p);

    // A recipient who has no account is refused beside the field.
    await editor.getByLabel('TLP:RED', { exact: true }).check();
    await editor.getByLabel('Named recipients').fill('alice, nobody-here');
    expect(await p.getByTestId('marking-preview').textContent()).toMatch(/RED: alice, nobody-here and erin only/);
    await editor.getByRole('button', { name: 'Save marking' }).click();
    await expect.poll(() => editor.locator('#f-recipients-error').textContent()).toMatch(/nobody-here/);
    await expectAccessible(p);

    await editor.getByLabel('TLP:AMBER', { exact: true }).check();
    await editor.getByLabel('Shared with organisations').fill('');
    expect(await p.getByTestId('marking-preview').textContent()).toMatch(/AMBER: users of DE\./);
    await editor.getByRole('button', { name: 'Save marking' }).click();
    await p.getByText('The marking is saved: AMBER: users of DE.').waitFor();
    await expect.poll(() => p.getByTestId('incident-marking').textContent()).toMatch(/Visible to users of DE\. Owned by DE\./);
    const stored = await suite.h.app.inject({ method: 'GET', url: `/api/incidents/${id}`, headers: aliceToken.headers });
    expect(stored.json<{ marking: unknown }>().marking).toEqual({ tlp: 'amber', owner: 'DE', sharedWith: [], recipients: [] });
    session.expectNoConsoleErrors([/status of 400 \(Bad Request\).*\/api\/incidents\//]);
    await session.close();

    const after = await openSignedIn('carol', '/incidents');
    await after.locator('.page-incidents [aria-live="polite"]').waitFor();
    expect(await after.locator('.data-table tbody th').allTextContents()).not.toContain('Supply-chain compromise of a customs system');
    await after.goto(`${suite.base}/incidents/${id}`);
    await after.getByText(/No incident with id/).waitFor();
    session.expectNoConsoleErrors([/status of 404 \(Not Found\).*\/api\/incidents\//]);
  });

  it('lets an editor hand an incident to another organisation, warning that they will lose sight of it', async () => {
    const res = await suite.h.app.inject({ method: 'POST', url: '/api/incidents', headers: aliceToken.headers, payload: { ...incident('Ransomware at a port authority'), tlp: 'amber+strict' } });
    const { id } = res.json<{ id: string }>();
    const p = await openSignedIn('erin', `/incidents/${id}`);
    await p.getByRole('button', { name: 'Change marking' }).click();
    const editor = p.getByRole('form', { name: 'Change the marking' });
    await editor.getByLabel('Owner organisation').fill('fr');
    await expect.poll(() => p.getByTestId('marking-preview').textContent()).toMatch(/AMBER\+STRICT: users of FR only.*You will no longer see this incident/);
    await expectAccessible(p);
    await editor.getByRole('button', { name: 'Save marking' }).click();
    await expect.poll(() => p.url()).toBe(`${suite.base}/incidents`);
    await p.getByText('The marking of “Ransomware at a port authority” is saved. You can no longer see the incident.').waitFor();
    const asCarol = await suite.h.wb.toolbox.get({ kind: 'user', id: 'x', username: 'carol', role: 'analyst', org: 'FR', via: 'token' }, id);
    expect(asCarol.marking).toMatchObject({ tlp: 'amber+strict', owner: 'FR' });
    session.expectNoConsoleErrors();
  });

  it('offers analysts the level and lists but not the owner organisation', async () => {
    const res = await suite.h.app.inject({ method: 'POST', url: '/api/incidents', headers: aliceToken.headers, payload: { ...incident('Phishing wave against a parliament'), tlp: 'green' } });
    const { id } = res.json<{ id: string }>();
    const p = await openSignedIn('alice', `/incidents/${id}`);
    expect(await p.getByTestId('incident-audience').textContent()).toBe('GREEN: every signed-in user of this server. Owned by DE.');
    await p.getByRole('button', { name: 'Change marking' }).click();
    const editor = p.getByRole('form', { name: 'Change the marking' });
    await editor.getByText(/only editors and administrators move an incident/).waitFor();
    expect(await editor.getByLabel('Owner organisation').count()).toBe(0);
    await editor.getByLabel('TLP:CLEAR', { exact: true }).check();
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => p.evaluate(() => document.activeElement?.textContent)).toBe('Change marking');
    expect(await p.getByTestId('incident-audience').textContent()).toMatch(/^GREEN/);
    session.expectNoConsoleErrors();
  });
});

describe('what a viewer sees', () => {
  it('shows no admin controls to a viewer, and keeps the account pages to their own account', async () => {
    const requested: string[] = [];
    const p = await openSignedIn('vera', '/account');
    p.on('request', (r) => requested.push(new URL(r.url()).pathname));
    expect(await p.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).not.toContain('Accounts');
    await p.getByRole('heading', { name: 'API tokens' }).waitFor();
    await expectAccessible(p);

    await p.goto(`${suite.base}/accounts`);
    await p.getByText('Your role (viewer) does not allow you to manage accounts; an administrator can change it.').waitFor();
    expect(await p.getByRole('table').count()).toBe(0);
    expect(await p.getByRole('button', { name: 'Create account' }).count()).toBe(0);
    await expectAccessible(p);
    await p.goto(`${suite.base}/accounts/alice`);
    await p.getByText(/does not allow you to manage accounts/).waitFor();
    expect(await p.getByRole('button', { name: /Disable|Reset/ }).count()).toBe(0);
    expect(requested.filter((r) => r.startsWith('/api/users'))).toEqual([]);
    session.expectNoConsoleErrors();
  });
});

describe('an ended session', () => {
  it('sends the person to sign in when their session ended while away, and back to where they were going', async () => {
    const p = await openSignedIn('alice', '/account');
    await p.getByRole('row', { name: /test/ }).waitFor(); // the page has loaded all it reads
    // An administrator resets alice's password, which ends her sessions behind the page's back.
    await suite.h.wb.accounts.update({ kind: 'local', org: null }, 'alice', { password: 'alice has a new passphrase' });
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await p.getByTestId('session-ended').waitFor({ timeout: 15000 });
    expect(await p.getByTestId('session-ended').textContent()).toMatch(/Your session has ended — sign in again/);
    expect(p.url()).toBe(`${suite.base}/signin?next=%2Fincidents`);
    expect(await p.locator('.session-status').textContent()).toMatch(/Not signed in/);
    await expectAccessible(p);
    await signInHere(p, 'alice', 'alice has a new passphrase');
    await expect.poll(() => p.url()).toBe(`${suite.base}/incidents`);

    // Opening the app afresh with the ended session's cookie says the same. The person leaves the app first: a page left
    // open would meet the ended session itself on its next read that needs a role (a read it may still start after the
    // network has gone quiet, on a loaded machine), send the person to sign in at once and forget the session, and
    // the fresh load would then rightly have no ended session to tell of (the case above covers a page left open).
    await p.goto('about:blank');
    await suite.h.wb.accounts.update({ kind: 'local', org: null }, 'alice', { password: PASSWORD });
    await p.goto(`${suite.base}/account`);
    await p.getByTestId('session-ended').waitFor({ timeout: 15000 });
    expect(p.url()).toBe(`${suite.base}/signin?next=%2Faccount`);
    await signInHere(p, 'alice');
    await expect.poll(() => p.url()).toBe(`${suite.base}/account`);
    session.expectNoConsoleErrors([/status of 401 \(Unauthorized\)/]);
  });

  it('keeps what was typed when a save meets an ended session, and says the session has ended', async () => {
    const p = await openSignedIn('sam', '/account');
    await p.getByLabel('Token name').fill('typed before the session ended');
    await suite.h.wb.accounts.update({ kind: 'local', org: null }, 'sam', { password: 'sam has a new passphrase' });
    const [answer] = await Promise.all([p.waitForResponse((r) => r.url().endsWith('/api/tokens') && r.request().method() === 'POST'), p.getByRole('button', { name: 'Create token' }).click()]);
    expect(answer.status()).toBe(401);
    const dialog = p.getByRole('dialog', { name: 'Sign in to continue' });
    await dialog.waitFor();
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('session_ended');
    expect(await dialog.getByTestId('session-ended').textContent()).toMatch(/Your session has ended — sign in again/);
    await expectAccessible(p);
    await dialog.getByLabel('Username').fill('sam');
    await dialog.getByLabel('Password').fill('sam has a new passphrase');
    await dialog.getByRole('button', { name: 'Sign in and return' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await p.getByLabel('Token name').inputValue()).toBe('typed before the session ended');
    await p.getByRole('button', { name: 'Create token' }).click();
    await p.getByTestId('new-token').waitFor();
    session.expectNoConsoleErrors([/status of 401 \(Unauthorized\).*\/api\/tokens/]);
  });

  it('answers every form of the API’s word that the session ended: 401 session_ended on a read, and on /api/auth/me', async () => {
    const p = await openSignedIn('carol', '/incidents');
    await p.locator('.page-incidents [aria-live="polite"]').waitFor();
    // The test plays the server's answers here: a read that meets the ended session (this server says so on reads that need
    // a role), then `session: "ended"` from /api/auth/me, then /api/auth/me answering 401 session_ended itself.
    const ended = { status: 401, contentType: 'application/json', body: JSON.stringify({ error: { code: 'session_ended', message: 'Your session has ended: sign in again' } }) };
    await p.route('**/api/incidents?*', (route) => route.fulfill(ended));
    await p.getByRole('searchbox', { name: 'Search' }).fill('wiper');
    await p.keyboard.press('Enter');
    await p.getByTestId('session-ended').waitFor({ timeout: 15000 });
    expect(new URL(p.url()).pathname).toBe('/signin');
    expect(new URL(p.url()).searchParams.get('next')).toMatch(/^\/incidents\?q=wiper/);
    await p.unroute('**/api/incidents?*');

    await p.route('**/api/auth/me', async (route) => {
      const real = await route.fetch();
      const body = (await real.json()) as Record<string, unknown>;
      await route.fulfill({ response: real, json: { ...body, principal: { kind: 'anonymous' }, permissions: ['incident.read'], csrfToken: null, session: 'ended' } });
    });
    await p.goto(`${suite.base}/vote`);
    await p.getByTestId('session-ended').waitFor({ timeout: 15000 });
    expect(p.url()).toBe(`${suite.base}/signin?next=%2Fvote`);
    await p.unroute('**/api/auth/me');

    // A server may answer GET /api/auth/me itself with 401 session_ended.
    await p.route('**/api/auth/me', (route) => route.fulfill(ended));
    await p.goto(`${suite.base}/partners`);
    await p.getByTestId('session-ended').waitFor({ timeout: 15000 });
    expect(p.url()).toBe(`${suite.base}/signin?next=%2Fpartners`);
    await expectAccessible(p);
    session.expectNoConsoleErrors([/status of 401 \(Unauthorized\).*\/api\/(incidents|auth\/me)/]);
  });
});
