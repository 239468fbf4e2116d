// The curation commands run as a real process: "changes since" as JSON and as a table, and kb export.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../integration/harness';
import { cliRunner, expectOneLineError } from './cli-harness';

const cli = cliRunner();

describe('cyberdiplo changes and kb export', () => {
  it('changes JP --since lists the dated facts from that date on, with sources', () => {
    const r = cli(['changes', 'JP', '--since', '2024-01-01', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout) as { partner: string; since: string; facts: { date: string; change: string; fact: string; sources: unknown[] }[]; changes: unknown[] };
    expect(body).toMatchObject({ partner: 'JP', since: '2024-01-01', changes: [] });
    expect(body.facts.length).toBeGreaterThan(0);
    for (const f of body.facts) {
      expect(f.date >= '2024-01-01').toBe(true);
      expect(f.sources.length).toBeGreaterThan(0);
    }
    expect(body.facts.map((f) => f.fact)).toContain('dialogue:jp-cyber-dialogue');
    const later = JSON.parse(cli(['changes', 'JP', '--since', '2025-01-01', '--json']).stdout) as { facts: unknown[] };
    expect(later.facts.length).toBeLessThan(body.facts.length);
  });

  it('prints a table by default and one line on bad input', () => {
    const r = cli(['changes', 'jp', '--since', '2024-01-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/JP since 2024-01-01/);
    expect(r.stdout).toMatch(/Date\s+Change\s+Kind/);
    expectOneLineError(cli(['changes', 'JP', '--since', '2024-02-30']), /since must be a calendar date/);
    expectOneLineError(cli(['changes', 'XX', '--since', '2024-01-01']), /Unknown partner|no data/);
  });

  it('kb export writes the data files in the layout of data/', () => {
    const dir = tempDir('cyberdiplo-export-');
    const r = cli(['kb', 'export', '--dir', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['partnerships/jp.yaml', 'partnerships/shared-dialogues.yaml', 'actors.yaml', 'eu-framework.yaml']) expect(fs.existsSync(path.join(dir, f)), f).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'partnerships', 'jp.yaml'), 'utf8')).toMatch(/id: jp-cyber-dialogue/);
  });

  it('kb export into a folder holding an earlier export: refused in one line, files kept, unless --force', () => {
    const dir = tempDir('cyberdiplo-export-');
    const jp = path.join(dir, 'partnerships', 'jp.yaml');
    fs.mkdirSync(path.dirname(jp));
    fs.writeFileSync(jp, 'kept\n');
    expectOneLineError(cli(['kb', 'export', '--dir', dir]), /holds 1 of the files already \(partnerships\/jp\.yaml\).*--force/);
    expect(fs.readFileSync(jp, 'utf8')).toBe('kept\n');
    expect(fs.existsSync(path.join(dir, 'actors.yaml'))).toBe(false);
    const r = cli(['kb', 'export', '--dir', dir, '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readFileSync(jp, 'utf8')).toMatch(/id: jp-cyber-dialogue/);
  });
});
