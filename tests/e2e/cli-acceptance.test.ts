// What a new user tripped on at the command line: help that names every allowed value, and its example working.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../integration/harness';
import { cliRunner, expectOneLineError } from './cli-harness';

const cli = cliRunner();

describe('import', () => {
  it('names eu-sanctions with the other formats in its help and in its refusals', () => {
    const help = cli(['import', '--help']);
    expect(help.code).toBe(0);
    const format = help.stdout.slice(help.stdout.indexOf('--format')).split('--strict')[0]?.replace(/\s+/g, ' ');
    expect(format).toMatch(/stix, eurepoc, cfr or eu-sanctions/);
    expectOneLineError(cli(['import', 'notes.txt']), /give it first \(cyberdiplo import stix\|eurepoc\|cfr\|eu-sanctions FILE…\)/);
    expectOneLineError(cli(['import', 'notes.txt', '--format', 'xml']), /Unknown --format "xml": allowed values are stix, eurepoc, cfr or eu-sanctions$/);
  });
});

describe('incidents add', () => {
  it('says in its help which fields an incident needs, with their allowed values, and its example records', () => {
    const help = cli(['incidents', 'add', '--help']);
    expect(help.code).toBe(0);
    const text = help.stdout.replace(/\s+/g, ' ');
    expect(text).toMatch(/category \(cyber-crime, cyber-espionage, cyber-terrorism, cyber-warfare or hybrid\)/);
    expect(text).toMatch(/type \(state, state-sponsored, non-state or unknown\)/);
    const example = help.stdout.slice(help.stdout.indexOf('  title:'));
    const file = path.join(tempDir(), 'incident.yaml');
    fs.writeFileSync(file, example.replace(/^ {2}/gm, ''));
    const added = cli(['--json', 'incidents', 'add', '--file', file]);
    expect(added.code, added.stderr).toBe(0);
    expect((JSON.parse(added.stdout) as { incident: { title: string } }).incident.title).toBe('Intrusion into a ministry network');
  });
});
