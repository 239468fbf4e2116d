// The CLI's tables say which statuses rest only on an unverified entry and who alone reports them; --json keeps the fields.
import { describe, expect, it } from 'vitest';
import { cliRunner } from './cli-harness';

const cli = cliRunner();

describe('cyberdiplo and what the observatory keeps apart', () => {
  it('dialogues and timeline name China\u2019s digital dialogue as unverified and not counted; --json keeps the fields', () => {
    const d = cli(['dialogues', '--partner', 'CN', '--as-of', '2024-06-30']);
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/EU-China High-level Digital Dialogue .*Active \(unverified, not counted\)/);
    expect(d.stdout).toContain('EU-China High-level Digital Dialogue: unverified: reported active only by epicnewsnation.com (low-grade source); not counted (no verified status)');
    const t = cli(['timeline', 'CN', '--as-of', '2024-06-30']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('Unverified, not counted');
    expect(t.stdout).toContain('  2024: EU-China High-level Digital Dialogue');
    const j = JSON.parse(cli(['dialogues', '--partner', 'CN', '--as-of', '2024-06-30', '--json']).stdout) as { id: string; statusUnverified: boolean }[];
    expect(j.find((x) => x.id === 'cn-high-level-digital-dialogue')?.statusUnverified).toBe(true);
  });

  it('partner US names the 2016 agreement apart with what the verified sources give', () => {
    const r = cli(['partner', 'US', '--as-of', '2017-06-30']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Signed \(unverified, not counted\)/);
    expect(r.stdout).toMatch(/unverified: reported signed only by europarl\.europa\.eu, euractiv\.com.*; not counted \(the verified sources give negotiating\)/);
  });
});
