// The CLI in team mode: the operator adds users and tokens, resets passwords (never taken from the arguments), record
// commands act as the account of CYBERDIPLO_TOKEN under the same TLP rules as the API, and `audit verify` exits 1
// naming the entry someone edited with SQL.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openWorkbench } from '../../src/app/workbench';
import { projectRoot, readConfig } from '../../src/config';
import { TEST_AUDIT_KEY, tempDir } from '../integration/harness';
import { expectOneLineError } from './cli-harness';

describe('cyberdiplo in team mode', () => {
  const dir = tempDir();
  const db = path.join(dir, 'team.db');
  const cli = (args: string[], env: Record<string, string> = {}, input?: string) => {
    const r = spawnSync(process.execPath, [path.join(projectRoot, 'bin', 'cyberdiplo.js'), '--db', db, ...args], {
      cwd: projectRoot,
      encoding: 'utf8',
      input,
      env: { ...process.env, TZ: 'UTC', CYBERDIPLO_AUTH: 'on', CYBERDIPLO_AUDIT_KEY: TEST_AUDIT_KEY, CYBERDIPLO_TOKEN: '', CYBERDIPLO_NEW_PASSWORD: '', ...env },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const file = path.join(dir, 'incident.json');
  const incident = { title: 'Secret intrusion', start: '2026-02-01', category: 'cyber-espionage', victims: [{ country: 'DE', sector: 'government' }], effects: { severity: 'high' }, tlp: 'amber+strict' };

  it('adds users and tokens, acts as the token\'s account, and hides records from others', async () => {
    const fs = await import('node:fs');
    fs.writeFileSync(file, JSON.stringify(incident));
    const added = cli(['users', 'add', 'anna', '--role', 'analyst', '--org', 'DE', '--json']);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ username: 'anna', role: 'analyst', org: 'DE', password: expect.stringMatching(/^[\w-]{20,}$/) });
    expect(cli(['users', 'add', 'piet', '--role', 'analyst', '--org', 'NL', '--password-stdin'], {}, 'piet has a long password\n').code).toBe(0);
    expectOneLineError(cli(['users', 'add', 'x', '--role', 'boss', '--org', 'DE'], {}, ''), /role/);
    expectOneLineError(cli(['users', 'add', 'y', '--role', 'viewer', '--org', 'Atlantis']), /org/);
    const list = cli(['users', 'list']);
    expect(list.stdout).toMatch(/anna\s+analyst\s+DE/);

    const anna = JSON.parse(cli(['tokens', 'create', '--user', 'anna', '--name', 'laptop', '--json']).stdout) as { token: string; id: string };
    const piet = JSON.parse(cli(['tokens', 'create', '--user', 'piet', '--name', 'laptop', '--json']).stdout) as { token: string };
    expect(anna.token).toMatch(/^cdp_/);

    expectOneLineError(cli(['incidents', 'add', '--file', file]), /Sign in first/);
    const created = cli(['incidents', 'add', '--file', file, '--json'], { CYBERDIPLO_TOKEN: anna.token });
    expect(created.code, created.stderr).toBe(0);
    const id = (JSON.parse(created.stdout) as { id: string }).id;
    expect(cli(['incidents', 'show', id], { CYBERDIPLO_TOKEN: anna.token }).stdout).toMatch(/marking: TLP:AMBER\+STRICT \(owner DE\)/);
    expectOneLineError(cli(['incidents', 'show', id], { CYBERDIPLO_TOKEN: piet.token }), new RegExp(`No incident with id "${id}"`));
    expect(cli(['incidents', 'list', '--json'], { CYBERDIPLO_TOKEN: piet.token }).stdout).toMatch(/"total": 0/);

    // Tokens record when they were last used; one never used says so.
    expect(cli(['tokens', 'create', '--user', 'piet', '--name', 'spare']).code).toBe(0);
    const listed = JSON.parse(cli(['tokens', 'list', '--json']).stdout) as { id: string; name: string; lastUsedAt: string | null }[];
    expect(listed.find((t) => t.id === anna.id)?.lastUsedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(listed.find((t) => t.name === 'spare')?.lastUsedAt).toBeNull();
    const table = cli(['tokens', 'list']).stdout;
    expect(table).toMatch(/Expires\s+Last used\s+Revoked/);
    expect(table).toMatch(/piet\s+spare\s+\S+\s+\S+\s+never/);

    expect(cli(['tokens', 'revoke', anna.id]).code).toBe(0);
    expectOneLineError(cli(['incidents', 'list'], { CYBERDIPLO_TOKEN: anna.token }), /not a valid API token/);
    expect(cli(['users', 'disable', 'piet']).code).toBe(0);
    expectOneLineError(cli(['incidents', 'list'], { CYBERDIPLO_TOKEN: piet.token }), /not a valid API token/);
  }, 240_000); // some twenty CLI start-ups: 124 s on a machine running two test suites at once

  it('refuses a token lifetime out of range under the option\'s name (--days 0 gave the longest)', () => {
    for (const days of ['0', '91']) {
      expectOneLineError(cli(['tokens', 'create', '--user', 'anna', '--name', 'short', '--days', days]), /^cyberdiplo: --days must be a whole number from 1 to 90 \(CYBERDIPLO_TOKEN_MAX_DAYS\), got "/);
    }
    expect(cli(['tokens', 'list', '--json']).stdout).not.toMatch(/"short"/);
  }, 120_000);

  it('resets a password from CYBERDIPLO_NEW_PASSWORD or standard input, never from the arguments, ending the user\'s sessions', async () => {
    const first = 'rosa first password';
    expect(cli(['users', 'add', 'rosa', '--role', 'viewer', '--org', 'DE', '--password-stdin'], {}, `${first}\n`).code).toBe(0);
    const wb = await openWorkbench(readConfig({ CYBERDIPLO_DB: db, CYBERDIPLO_AUTH: 'on', CYBERDIPLO_AUDIT_KEY: TEST_AUDIT_KEY }), { seed: false });
    const canSignIn = (password: string) =>
      wb.auth.login({ username: 'rosa', password }, '127.0.0.1').then(
        () => true,
        () => false,
      );
    const sessions = async () => (await wb.db.selectFrom('session').innerJoin('account', 'account.id', 'session.account_id').select('id_hash').where('username', '=', 'rosa').execute()).length;
    try {
      const session = await wb.auth.login({ username: 'rosa', password: first }, '127.0.0.1');
      expect(await wb.auth.fromSession(session.sessionId)).toBeDefined();

      expectOneLineError(cli(['users', 'password', 'rosa'], { CYBERDIPLO_NEW_PASSWORD: 'short' }), /password: must be at least 12 characters/);
      expectOneLineError(cli(['users', 'password', 'rosa'], {}, ''), /No new password: set CYBERDIPLO_NEW_PASSWORD or pipe it on standard input/);
      expectOneLineError(cli(['users', 'password', 'nobody'], { CYBERDIPLO_NEW_PASSWORD: 'a long enough password' }), /No account "nobody"/);
      const onArgv = cli(['users', 'password', 'rosa', 'typed on the command line']);
      expect(onArgv.code).not.toBe(0);
      expect(await canSignIn('typed on the command line')).toBe(false);
      expect(await sessions()).toBe(1); // nothing above changed the account

      const second = 'rosa second password';
      const byEnv = cli(['users', 'password', 'rosa'], { CYBERDIPLO_NEW_PASSWORD: second });
      expect(byEnv.code, byEnv.stderr).toBe(0);
      expect(byEnv.stdout).toMatch(/reset the password of rosa; their sessions have ended/);
      expect(await sessions()).toBe(0);
      expect(await wb.auth.fromSession(session.sessionId)).toBeUndefined();
      expect(await canSignIn(first)).toBe(false);
      expect(await canSignIn(second)).toBe(true);

      const third = 'rosa third password';
      const byStdin = cli(['users', 'password', 'rosa', '--json'], {}, `${third}\n`);
      expect(byStdin.code, byStdin.stderr).toBe(0);
      expect(JSON.parse(byStdin.stdout)).toMatchObject({ username: 'rosa', role: 'viewer', disabled: false });
      expect(byStdin.stdout).not.toContain(third);
      expect(await sessions()).toBe(0);
      expect(await canSignIn(second)).toBe(false);
      expect(await canSignIn(third)).toBe(true);

      const audit = JSON.stringify(await wb.db.selectFrom('audit_log').selectAll().where('target_id', '=', 'rosa').execute());
      expect(audit).toMatch(/passwordChanged/);
      for (const secret of [first, second, third, '$argon2']) expect(audit).not.toContain(secret);
    } finally {
      await wb.close();
    }
  }, 120_000); // seven CLI start-ups, each through tsx when dist/ is older than the sources

  it('never disables the last enabled admin', () => {
    expect(cli(['users', 'add', 'boss', '--role', 'admin', '--org', 'DE']).code).toBe(0);
    expectOneLineError(cli(['users', 'disable', 'boss']), /Cannot disable "boss": at least one enabled admin account must remain, and "boss" is the last one/);
    expect(cli(['users', 'add', 'deputy', '--role', 'admin', '--org', 'DE']).code).toBe(0);
    expect(cli(['users', 'disable', 'boss']).code).toBe(0);
    expectOneLineError(cli(['users', 'disable', 'deputy']), /"deputy" is the last one/);
    const list = cli(['users', 'list']).stdout;
    expect(list).toMatch(/boss\s+admin\s+DE\s+yes/);
    expect(list).toMatch(/deputy\s+admin\s+DE\s+no/);
  }, 60_000);

  it('verifies the audit trail, and fails naming the entry edited with SQL', () => {
    const ok = cli(['audit', 'verify']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/audit trail intact: \d+ entries/);
    expect(cli(['audit', 'list']).stdout).toMatch(/operator:.*account\.create/);

    const sqlite = new SQLite(db);
    sqlite.exec('DROP TRIGGER audit_log_no_update');
    sqlite.prepare("UPDATE audit_log SET after = replace(after, 'analyst', 'admin') WHERE seq = 1").run();
    sqlite.close();
    expectOneLineError(cli(['audit', 'verify']), /audit trail broken: entry 1 \(account\.create account anna, written .*\) does not match its (keyed )?hash/);
  });
});
