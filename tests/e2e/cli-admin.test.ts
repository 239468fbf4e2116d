// Backup and restore of the SQLite file through the CLI: a restored backup brings back what was deleted after it;
// restore refuses while a server uses the file (--force restores anyway, with a warning).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config';
import { tempDir } from '../integration/harness';
import { cliRunner, expectOneLineError } from './cli-harness';

describe('cyberdiplo backup and restore', () => {
  const dir = tempDir();
  const cli = cliRunner(path.join(dir, 'live.db'));
  const incidentFile = path.join(dir, 'inc.json');
  fs.writeFileSync(
    incidentFile,
    JSON.stringify({ title: 'Backup probe', start: '2026-01-01', category: 'cyber-crime', victims: [{ country: 'FR', sector: 'private' }], effects: { severity: 'low' } }),
  );

  it('backs up a live database and restores it', () => {
    const id = (JSON.parse(cli(['incidents', 'add', '--file', incidentFile, '--json']).stdout) as { id: string }).id;
    const backup = path.join(dir, 'backup.db');
    const b = cli(['backup', backup]);
    expect(b.code, b.stderr).toBe(0);
    expect(fs.statSync(backup).size).toBeGreaterThan(0);

    expect(cli(['incidents', 'delete', id]).code).toBe(0);
    expect(cli(['incidents', 'show', id]).code).not.toBe(0);

    expectOneLineError(cli(['restore', backup]), /--yes/);
    // A folder that does not exist is the user's to create, not an internal error.
    expectOneLineError(cli(['backup', path.join(dir, 'no-such-folder', 'b.db')]), /^cyberdiplo: No folder .*no-such-folder to write the backup in: create it first/);
    const r = cli(['restore', backup, '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(cli(['incidents', 'show', id, '--json']).stdout)).toMatchObject({ id, incident: { title: 'Backup probe' } });
  });

  it('lists the marked records nobody may see (none on a database with sign-in off and no accounts to hide them from)', () => {
    const human = cli(['unseen']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^every marked record is visible to at least one enabled account|\(sign-in is off: the local analyst sees them; in team mode nobody would\)$/m);
    const json = cli(['unseen', '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(Array.isArray(JSON.parse(json.stdout))).toBe(true);
  });

  it('refuses to overwrite an existing file or to restore something that is not a backup', () => {
    const existing = path.join(dir, 'exists.db');
    fs.writeFileSync(existing, 'x');
    expectOneLineError(cli(['backup', existing]), /exists already/);
    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'this is not a database');
    expectOneLineError(cli(['restore', junk, '--yes']), /not a readable SQLite database|not a cyberdiplo database/);
  });

  it('refuses to restore while a server uses the database, until it stops; --force restores with a warning', async () => {
    const backup = path.join(dir, 'backup-2.db');
    expect(cli(['backup', backup]).code).toBe(0);
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const server = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src', 'server', 'main.ts')], {
      cwd: projectRoot,
      env: { ...process.env, CYBERDIPLO_DB: path.join(dir, 'live.db'), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
      stdio: 'ignore',
    });
    const stopped = new Promise((resolve) => server.on('exit', resolve));
    try {
      for (let i = 0; i < 300; i++) {
        if (await fetch(`http://127.0.0.1:${port}/api/ready`).then((r) => r.ok, () => false)) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expectOneLineError(cli(['restore', backup, '--yes']), new RegExp(`a server is using .*live\\.db \\(pid ${server.pid} on .*\\): stop it first, or add --force`));
      const forced = cli(['restore', backup, '--yes', '--force']);
      expect(forced.code, forced.stderr).toBe(0);
      expect(forced.stderr).toMatch(new RegExp(`^cyberdiplo: warning: restoring .*live\\.db while a server uses it \\(pid ${server.pid} on `));
    } finally {
      server.kill('SIGTERM');
      await stopped;
    }
    const after = cli(['restore', backup, '--yes']);
    expect(after.code, after.stderr).toBe(0);
    expect(fs.readdirSync(dir).filter((n) => n.includes('.server-'))).toEqual([]);
  }, 120_000);

  it('ignores (and removes) the marker a killed server left behind, and counts one from another host', async () => {
    const backup = path.join(dir, 'backup-3.db');
    expect(cli(['backup', backup]).code).toBe(0);
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.on('exit', resolve));
    const stale = path.join(dir, `live.db.server-${os.hostname()}-${gone.pid}`);
    fs.writeFileSync(stale, JSON.stringify({ pid: gone.pid, host: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z' }));
    const r = cli(['restore', backup, '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.existsSync(stale)).toBe(false);
    const remote = path.join(dir, 'live.db.server-elsewhere-4242');
    fs.writeFileSync(remote, JSON.stringify({ pid: 4242, host: 'elsewhere', startedAt: '2026-01-01T00:00:00.000Z' }));
    expectOneLineError(cli(['restore', backup, '--yes']), /a server is using .* \(pid 4242 on elsewhere, started 2026-01-01T00:00:00.000Z\)/);
    fs.rmSync(remote);
  });
});
