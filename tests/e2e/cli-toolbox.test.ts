// The toolbox CLI run as a real process: incidents add/list/show/update/delete, respond, vote, bad input.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { showsCode } from '../../src/core/labels';
import { tempDir } from '../integration/harness';
import { cliRunner, expectOneLineError } from './cli-harness';

const cli = cliRunner();
const dir = tempDir();
const write = (name: string, value: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

const incident = {
  title: 'Ransomware against hospitals',
  start: '2026-02-01',
  detected: '2026-02-02',
  ongoing: true,
  category: 'cyber-crime',
  victims: [{ country: 'EL', sector: 'essential-services' }],
  effects: { severity: 'high', disruptsEssentialServices: true },
  initiator: { type: 'non-state', country: null },
  context: { victimCapacitiesOverwhelmed: true, assistanceRequested: true },
};

describe('cyberdiplo incidents, respond and vote', () => {
  it('records, lists, shows, updates and deletes an incident', () => {
    const add = cli(['incidents', 'add', '--file', write('inc.json', incident), '--json']);
    expect(add.code, add.stderr).toBe(0);
    const id = (JSON.parse(add.stdout) as { id: string; incident: { victims: { country: string }[] } }).id;
    expect(JSON.parse(add.stdout).incident.victims[0].country).toBe('GR');

    expect(cli(['incidents', 'list']).stdout).toContain(id);
    const upd = cli(['incidents', 'update', id, '--file', write('patch.yaml', 'ongoing: false\n'), '--json']);
    expect(upd.code, upd.stderr).toBe(0);
    expect(JSON.parse(upd.stdout)).toMatchObject({ version: 2, incident: { ongoing: false } });

    const show = JSON.parse(cli(['incidents', 'show', id, '--json']).stdout) as { history: { action: string }[] };
    expect(show.history.map((h) => h.action)).toEqual(['create', 'update']);

    expect(cli(['incidents', 'delete', id]).code).toBe(0);
    expectOneLineError(cli(['incidents', 'show', id]), /No incident/);
  });

  it('respond --json follows the contract and opens the solidarity clause on request', () => {
    const r = cli(['respond', '--incident', write('inc2.json', incident), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout) as { measures: { id: string; category: string; available: boolean; reasons: unknown[]; decision: { by: string; rule: string }; legalBasis: string[] }[]; ladder: string[] };
    const ids = plan.measures.map((m) => m.id);
    for (const required of ['cyber-dialogue', 'confidence-building-measures', 'capacity-building', 'demarche', 'cooperative-talks', 'council-conclusions', 'hr-declaration-on-behalf-of-eu', 'hr-declaration-own-responsibility', 'restrictive-measures', 'solidarity-clause', 'mutual-assistance-clause', 'self-defence', 'active-defence-hackback', 'criminal-justice-cooperation']) {
      expect(ids).toContain(required);
    }
    for (const m of plan.measures) expect(['preventive', 'cooperative', 'stabilising', 'restrictive', 'member-state-support', 'criminal-justice']).toContain(m.category);
    expect(plan.ladder).toContain('solidarity-clause');
    expect(plan.ladder).not.toContain('self-defence');

    const noRequest = cli(['respond', '--incident', write('inc3.json', { ...incident, context: { victimCapacitiesOverwhelmed: true, assistanceRequested: false } }), '--json']);
    expect((JSON.parse(noRequest.stdout) as { ladder: string[] }).ladder).not.toContain('solidarity-clause');
  });

  it('respond prints a Markdown plan by default', () => {
    const r = cli(['respond', '--incident', write('inc4.json', incident)]);
    expect(r.stdout).toMatch(/^# Response plan/);
    expect(r.stdout).toMatch(/Closed measures|closed/i);
  });

  it('vote --json gives the outcome with counts, shares, thresholds and explanation', () => {
    const adopted = JSON.parse(cli(['vote', '--rule', 'qmv', '--against', 'DE,FR,IT', '--json']).stdout) as Record<string, unknown>;
    expect(adopted.adopted).toBe(true);
    for (const key of ['counts', 'shares', 'thresholds', 'explanation']) expect(adopted).toHaveProperty(key);
    const rejected = JSON.parse(cli(['vote', '--rule', 'qmv', '--against', 'DE,FR,IT,ES', '--json']).stdout) as { adopted: boolean };
    expect(rejected.adopted).toBe(false);
    expect(cli(['vote', '--rule', 'unanimity', '--against', 'LU']).stdout).toMatch(/NOT ADOPTED/);
  });

  it('vote --act and --proposer derive the rule; --emergency-brake stops the vote; refusals name the option with the allowed values', () => {
    const against = '--against=MT,LU,CY,EE,LV,SI,LT,HR';
    expect(cli(['vote', '--act', 'cfsp-implementing', '--proposer', 'high-representative', against]).stdout).toMatch(/^Qualified majority: ADOPTED/);
    const ms = cli(['vote', '--act', 'cfsp-implementing', '--proposer', 'member-state', against]).stdout;
    expect(ms).toMatch(/^Reinforced qualified majority: NOT ADOPTED/);
    expect(ms).toMatch(/On a proposal from a member state, neither the Commission nor the High Representative: the reinforced qualified majority/);
    expect(cli(['vote', '--rule', 'qmv', '--act', 'sanctions-listing', '--proposer', 'member-state']).stdout).toMatch(/The rule chosen, a qualified majority \(rule qmv\), is not the one the Treaties give for this act: unanimity/);
    const braked = cli(['vote', '--act', 'cfsp-implementing', '--proposer', 'high-representative', '--emergency-brake', 'HU']).stdout;
    expect(braked).toMatch(/^Qualified majority: NO VOTE TAKEN/);
    expect(braked).toMatch(/- Result: no vote is taken\.$/m);
    expectOneLineError(cli(['vote', '--rule', 'qmv', '--against', 'DE,XX']), /^cyberdiplo: Invalid vote: --against: "XX" is not a member state in 2025; the Council of 2025 has 27 members: AT, BE, /);
    expectOneLineError(cli(['vote', '--against', 'DE']), /^cyberdiplo: Invalid vote: --rule: give the rule \(unanimity, qmv, rqmv, simple\) or the kind of act \(--act: cfsp-strategic-interests, .*\(--proposer: commission, /);
    expectOneLineError(cli(['vote', '--act', 'sanctions-listing', '--proposer', 'member-state', '--emergency-brake', 'HU']), /^cyberdiplo: Invalid vote: --emergency-brake: /);
  });

  it('vote --year uses that year\'s Council: GB votes in 2019 and is refused in 2021 in one line', () => {
    const r = cli(['vote', '--rule', 'simple', '--year', '2019', '--against', 'GB,DE', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { adopted: boolean; year: number; members: string[]; votes: { against: string[] } };
    expect(json).toMatchObject({ adopted: true, year: 2019, votes: { against: ['DE', 'GB'] } });
    expect(json.members).toHaveLength(28);
    expect(cli(['vote', '--rule', 'qmv', '--year', '2019']).stdout).toMatch(/Council of 2019, 28 members/);
    expectOneLineError(cli(['vote', '--rule', 'qmv', '--year', '2021', '--against', 'GB']), /"GB" is not a member state in 2021.*the Council of 2021 has 27 members: AT, BE/);
    expectOneLineError(cli(['vote', '--rule', 'qmv', '--year', '19']), /four-digit year/);
  });

  it('vote --date before 1 November 2014 counts weighted votes and says so; --weighted-votes-requested after 31 March 2017 is refused', () => {
    const text = cli(['vote', '--rule', 'qmv', '--date', '2013-05-02', '--against', 'DE,FR,IT,GB']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Qualified majority in weighted votes: NOT ADOPTED \(Council of 2013, 27 members; no population figures\)/);
    expect(text.stdout).toMatch(/Counted in weighted votes \(Protocol \(No 36\) on transitional provisions, Art\. 3\)/);
    expect(text.stdout).toMatch(/255 of 345 votes\s+229 votes\s+no/);
    const asked = JSON.parse(cli(['vote', '--rule', 'qmv', '--date', '2016-05-23', '--weighted-votes-requested', '--population-check', '--against', 'DE,FR,IT', '--json']).stdout) as { adopted: boolean; counting: { reason: string } };
    expect(asked).toMatchObject({ adopted: false, counting: { reason: 'requested' } });
    expectOneLineError(cli(['vote', '--rule', 'qmv', '--date', '2017-04-03', '--weighted-votes-requested']), /only from 2014-11-01 to 2017-03-31/);
    expectOneLineError(cli(['vote', '--rule', 'qmv', '--year', '2008']), /counts votes from 2009-12-01/);
  });

  it('vote --defence-implications --date leaves Denmark out before 1 July 2022 and says why', () => {
    const r = cli(['vote', '--rule', 'unanimity', '--defence-implications', '--date', '2022-06-30', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ votes: { notParticipating: ['DK'] }, counts: { participating: 26 } });
    expect(cli(['vote', '--rule', 'unanimity', '--defence-implications', '--date', '2022-06-30']).stdout).toMatch(/Denmark takes no part \(Protocol \(No 22\)/);
    expect(JSON.parse(cli(['vote', '--rule', 'unanimity', '--defence-implications', '--date', '2022-07-01', '--json']).stdout)).toMatchObject({ counts: { participating: 27 } });
    expectOneLineError(cli(['vote', '--rule', 'unanimity', '--defence-implications', '--year', '2022']), /give the vote's date/);
  });

  it.each([
    [['vote', '--rule', 'qmv', '--against', 'DE,XX'], /XX/],
    [['vote', '--rule', 'majority'], /unanimity/],
    // A file that cannot be read is refused with the reason, not only its name.
    [['incidents', 'add', '--file', '/nonexistent.json'], /^cyberdiplo: Cannot read incident file "\/nonexistent\.json": there is no such file/],
    [['import', 'stix', '/nonexistent.json'], /^cyberdiplo: Cannot read file "\/nonexistent\.json": there is no such file/],
    [['import', 'cfr', dir], /^cyberdiplo: Cannot read file ".*": it is a folder, not a file$/],
    [['screen', '--file', '/nonexistent.csv'], /^cyberdiplo: Cannot read the file of names "\/nonexistent\.csv": there is no such file/],
    // A field left out or of the wrong kind in words, not the schema's type names.
    [['incidents', 'add', '--file', write('no-victims.yaml', 'title: x\nstart: 2026-01-01\ncategory: hybrid\neffects: { severity: high, personsAffected: -3 }\n')], /victims: required: a list; effects\.personsAffected: must be 0 or more$/],
    [['respond'], /either a recorded incident id or --incident/],
    [['incidents', 'list', '--category', 'spying'], /Unknown --category "spying"/],
    // The CLI's own option names, not the API's parameters (ongoing, asOf) or a schema's type words.
    [['incidents', 'list', '--ongoing', 'maybe'], /^cyberdiplo: Unknown --ongoing "maybe": allowed values are true or false$/],
    [['incidents', 'list', '--limit', 'ten'], /^cyberdiplo: --limit must be a whole number from 0 to 1000, got "ten"$/],
    [['incidents', 'add', '--file', write('empty.yaml', '')], /^cyberdiplo: incident file ".*empty\.yaml" is empty: it needs a JSON or YAML object$/],
    [['incidents', 'add', '--file', write('comments.yaml', '# nothing yet\n')], /is empty: it needs a JSON or YAML object$/],
  ])('refuses %j with one line on stderr', (args, pattern) => {
    expectOneLineError(cli(args), pattern);
  });

  it('sanctions says the regime\'s state in words before the regime existed', () => {
    const r = cli(['sanctions', '--as-of', '2018-01-01']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/regime not adopted, listings not adopted/);
    expect(showsCode(r.stdout, ['not-adopted'])).toBeUndefined();
  });

  it('sanctions lists who is listed on a date, and refuses a bad date in one line', () => {
    const r = cli(['sanctions', '--as-of', '2024-07-01']);
    expect(r.code, r.stderr).toBe(0);
    // The states in words, as every table of the CLI writes its vocabularies.
    expect(r.stdout).toMatch(/regime in force \(until 2025-05-18\)/);
    expect(showsCode(r.stdout)).toBeUndefined();
    expect(r.stdout).toContain('Mikhail Mikhailovich TSAREV');
    expect(r.stdout).not.toContain('Yuriy Fedorovich DENISOV');
    expect(r.stdout).toMatch(/14 person\(s\), 4 entities listed/);
    const json = JSON.parse(cli(['sanctions', '--as-of', '2025-02-01', '--json']).stdout) as { counts: unknown };
    expect(json.counts).toEqual({ persons: 17, entities: 4 });
    expectOneLineError(cli(['sanctions', '--as-of', '2025-02-30']), /^cyberdiplo: --as-of must be a calendar date in the form YYYY-MM-DD, got "2025-02-30"$/);
  });

  it('refuses an invalid incident file naming the field, and records nothing', () => {
    const before = (JSON.parse(cli(['incidents', 'list', '--json']).stdout) as { total: number }).total;
    expectOneLineError(cli(['incidents', 'add', '--file', write('bad.json', { ...incident, category: 'vandalism' })]), /category/);
    expect((JSON.parse(cli(['incidents', 'list', '--json']).stdout) as { total: number }).total).toBe(before);
  });
});
