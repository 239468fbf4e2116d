// Transit states through the CLI run as a real process: an incident file that names them gets a plan that names them
// and reads the attack as an external threat (Decision (CFSP) 2019/797, Art. 1(2)(b)); the help says the field exists.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../integration/harness';
import { RELAYED_INTRUSION } from '../../src/core/toolbox/toolbox.fixture';
import { cliRunner } from './cli-harness';

const cli = cliRunner();
const dir = tempDir();
const write = (name: string, value: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
};
const incident = RELAYED_INTRUSION;

describe('cyberdiplo respond with transit states', () => {
  it('names them in the Markdown plan and opens the sanctions regime on them', () => {
    const without = cli(['respond', '--incident', write('without.json', incident), '--json']);
    const via = cli(['respond', '--incident', write('via.json', { ...incident, transit: ['MD'] }), '--json']);
    const external = (stdout: string) =>
      (JSON.parse(stdout) as { measures: { id: string; reasons: { rule: string; holds: boolean }[] }[] }).measures.find((m) => m.id === 'restrictive-measures')?.reasons.find((r) => r.rule === 'sanctions-external-threat')?.holds;
    expect(without.code, without.stderr).toBe(0);
    expect(via.code, via.stderr).toBe(0);
    expect(external(without.stdout)).toBe(false);
    expect(external(via.stdout)).toBe(true);
    const md = cli(['respond', '--incident', write('via-md.json', { ...incident, transit: ['MD'] })]);
    expect(md.stdout).toContain('- Carried out through infrastructure in: Moldova');
    // Three runs of the CLI, each a process of its own.
  }, 180_000);

  it('says in the help of incidents add that an incident file may name them', () => {
    expect(cli(['incidents', 'add', '--help']).stdout).toMatch(/transit, the countries whose servers or\s+other infrastructure the attack went through/);
  });
});
