// Backup and restore of the SQLite file through the CLI: a restored backup brings back what was deleted after it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
    const r = cli(['restore', backup, '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(cli(['incidents', 'show', id, '--json']).stdout)).toMatchObject({ id, incident: { title: 'Backup probe' } });
  });

  it('refuses to overwrite an existing file or to restore something that is not a backup', () => {
    const existing = path.join(dir, 'exists.db');
    fs.writeFileSync(existing, 'x');
    expectOneLineError(cli(['backup', existing]), /exists already/);
    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'this is not a database');
    expectOneLineError(cli(['restore', junk, '--yes']), /not a readable SQLite database|not a cyberdiplo database/);
  });
});
