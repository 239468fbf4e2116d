// `cyberdiplo export --output FILE` as a real process: a new file is written; an existing one is kept and the command
// refused in one line unless --force says to replace it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../integration/harness';
import { cliRunner, expectOneLineError } from './cli-harness';

const cli = cliRunner();

describe('cyberdiplo export --output', () => {
  it('writes a new file, refuses to replace one, replaces it with --force', () => {
    const file = path.join(tempDir('cyberdiplo-export-'), 'bundle.json');
    const first = cli(['export', 'stix', '--output', file]);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ type: 'bundle' });

    fs.writeFileSync(file, 'an earlier export\n');
    expectOneLineError(cli(['export', 'stix', '--output', file]), /bundle\.json exists already.*--force/);
    expectOneLineError(cli(['export', 'partners', '--format', 'csv', '--output', file]), /exists already/);
    expect(fs.readFileSync(file, 'utf8')).toBe('an earlier export\n');

    const forced = cli(['export', 'stix', '--output', file, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ type: 'bundle' });
  }, 240_000);
});
