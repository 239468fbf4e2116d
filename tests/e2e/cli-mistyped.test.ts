// What a new user meets when a value is mistyped: one line naming the option typed (--level, not the API's level), the
// values it takes and, for a near miss, the closest of them (a partner by its code, its name or a few letters' edits);
// a non-zero exit, no stack trace.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../integration/harness';
import { cliRunner, expectOneLineError } from './cli-harness';

const cli = cliRunner();
const PARTNERS = "The partners are BR, CA, CN, IN, JP, KR, MX, RU, UA, UK, US or ZA \\(the ten strategic partners and the EU's other cyber-dialogue partners\\)$";
const LEVELS = 'summit, ministerial, senior-officials, working or parliamentary';
const dir = tempDir();
const csv = path.join(dir, 'ops.csv');
fs.writeFileSync(csv, 'Title\nx\n');

describe('a mistyped value is refused naming the option, its values and the closest', () => {
  it.each([
    [['dialogues', '--level', 'galactic'], new RegExp(`^cyberdiplo: Unknown --level "galactic": allowed values are ${LEVELS}$`)],
    [['dialogues', '--level', 'senior'], new RegExp(`^cyberdiplo: Unknown --level "senior": did you mean senior-officials\\? Allowed values are ${LEVELS}$`)],
    [['dialogues', '--topic', 'cybercrime'], /^cyberdiplo: Unknown --topic "cybercrime": did you mean cyber-crime\? Allowed values are cyber-security, cyber-crime, .* or research-innovation$/],
    [['dialogues', '--status', ''], /^cyberdiplo: --status needs a value: allowed values are active, dormant, on-hold, planned, suspended, ended or unknown$/],
    [['dialogues', '--year', 'abc'], /^cyberdiplo: --year must be a four-digit year, got "abc"$/],
    [['actors', '--kind', 'eu-bodies'], /^cyberdiplo: Unknown --kind "eu-bodies": did you mean eu-body\? Allowed values are eu, eu-institution, eu-body, .* or member-state$/],
    [['search', 'Budapest', '--kind', 'treaty'], /^cyberdiplo: Unknown --kind "treaty": allowed values are document, dialogue, agreement, /],
    [['network', '--format', 'graphm'], /^cyberdiplo: Unknown --format "graphm": did you mean graphml\? Allowed values are json, graphml or gexf$/],
    [['incidents', 'list', '--category', 'espionage'], /^cyberdiplo: Unknown --category "espionage": did you mean cyber-espionage\? Allowed values are cyber-crime, cyber-espionage, cyber-terrorism, cyber-warfare or hybrid$/],
    [['respond', '--incident', csv, '--format', 'markdwn'], /^cyberdiplo: Unknown --format "markdwn": did you mean markdown\? Allowed values are json or markdown$/],
    [['export', 'partner', '--format', 'csv'], /^cyberdiplo: Unknown view "partner": did you mean partners\? Allowed values are partners, dialogues, /],
    [['export', 'partners', '--format', 'xlsx'], /^cyberdiplo: Unknown --format "xlsx": allowed values are csv or json$/],
    [['import', 'cfr', csv, '--tlp', 'ambre'], /^cyberdiplo: Unknown --tlp "ambre": did you mean amber\? Allowed values are clear, green, amber, amber\+strict or red$/],
    [['users', 'add', 'bob', '--role', 'admn', '--org', 'DE'], /^cyberdiplo: Unknown --role "admn": did you mean admin\? Allowed values are viewer, analyst, editor or admin$/],
    [['tokens', 'create', '--user', 'bob', '--name', 'x', '--scope', 'write'], /^cyberdiplo: Unknown --scope "write": did you mean read-write\? Allowed values are read or read-write$/],
    [['member-states', '--year', 'last'], /^cyberdiplo: --year must be a four-digit year, got "last"$/],
    [['member-states', '--year', '1900'], /^cyberdiplo: --year: No population figures for year "1900": available years are /],
    [['assess', 'JP', '--from', ''], /^cyberdiplo: --from needs a year, e\.g\. --from \d{4}$/],
    [['search', ' '], /^cyberdiplo: search needs words to look for, e\.g\. search Budapest Convention$/],
    [['changes', 'US', '--since', ''], /^cyberdiplo: --since needs a date in the form YYYY-MM-DD$/],
    [['import', 'eu-sanctions', csv, '--date', 'soon'], /^cyberdiplo: --date must be a calendar date in the form YYYY-MM-DD, got "soon"$/],
    [['screen', 'Minin', '--format', 'csv'], /^cyberdiplo: --format says the format of a --file of names; one NAME needs none$/],
  ])('%j', (args, pattern) => {
    const r = cli(args);
    expect(r.code).toBe(1);
    expectOneLineError(r, pattern);
  });
});

describe('audit list --after and --limit, each refused on its own with what was typed', () => {
  it.each([
    [['audit', 'list', '--limit', '0'], /^cyberdiplo: --limit must be a whole number from 1 to 1000, got "0"$/],
    [['audit', 'list', '--limit', 'ten'], /^cyberdiplo: --limit must be a whole number from 1 to 1000, got "ten"$/],
    [['audit', 'list', '--limit', '1001'], /^cyberdiplo: --limit must be a whole number from 1 to 1000, got "1001"$/],
    [['audit', 'list', '--after', '-1'], /^cyberdiplo: --after must be a whole number from 0 up, got "-1"$/],
  ])('%j', (args, pattern) => {
    expectOneLineError(cli(args), pattern);
  });

  it('says the range in its help and lists within it', () => {
    expect(cli(['audit', 'list', '--help']).stdout.replace(/\s+/g, ' ')).toMatch(/--limit <n> at most n, from 1 to 1000/);
    const r = cli(['--json', 'audit', 'list', '--limit', '1000']);
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('a mistyped partner gets the closest partners', () => {
  it.each([
    [['partner', 'USA'], new RegExp(`^cyberdiplo: Unknown partner "USA": did you mean US \\(United States\\)\\? ${PARTNERS}`)],
    [['partner', 'Untied States'], new RegExp(`^cyberdiplo: Unknown partner "Untied States": did you mean US \\(United States\\)\\? ${PARTNERS}`)],
    [['partner', 'Great Britain'], /^cyberdiplo: Unknown partner "Great Britain": did you mean UK \(United Kingdom\)\? The partners are/],
    [['timeline', 'UKR'], /^cyberdiplo: Unknown partner "UKR": did you mean UA \(Ukraine\) or UK \(United Kingdom\)\? The partners are/],
    [['dialogues', '--partner', 'JPN'], /^cyberdiplo: Unknown --partner "JPN": did you mean JP \(Japan\)\? The partners are/],
    [['compare', 'US', 'Chnia'], /^cyberdiplo: Unknown partner "Chnia": did you mean CN \(China\)\? The partners are/],
    [['search', 'dialogue', '--partner', 'Brasil'], /^cyberdiplo: Unknown --partner "Brasil": did you mean BR \(Brazil\)\? The partners are/],
    // A country that is not a partner gets no guess, only the list.
    [['gaps', 'France'], new RegExp(`^cyberdiplo: Unknown partner "France": ${PARTNERS.replace('The', 'the')}`)],
    [['changes', 'XX', '--since', '2024-01-01'], new RegExp(`^cyberdiplo: Unknown partner "XX": ${PARTNERS.replace('The', 'the')}`)],
  ])('%j', (args, pattern) => {
    const r = cli(args);
    expect(r.code).toBe(1);
    expectOneLineError(r, pattern);
  });

  it('reads a partner id in any case, as before', () => {
    const r = cli(['--json', 'gaps', 'jp']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { id: string }).id).toBe('JP');
  });
});
