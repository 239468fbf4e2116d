import { describe, expect, it } from 'vitest';
import { actorName, fileProblem, importQuery, outcomeRows, outcomeSentence, parseBundle, problemCounts, problemPlace, reportFiles, type ImportReport } from './import-report';

const report = (over: Partial<ImportReport> = {}): ImportReport => ({
  format: 'stix',
  files: [],
  dryRun: false,
  rejected: false,
  read: 5,
  types: { incident: 1, 'intrusion-set': 1 },
  mapped: {},
  written: { incident: { created: 1, updated: 0, unchanged: 2, stale: 0 }, actor: { created: 0, updated: 3, unchanged: 0, stale: 1 } },
  mappings: {},
  problems: [],
  ...over,
});

describe('an import report in words', () => {
  it('counts each kind and their sum', () => {
    const { rows, total } = outcomeRows(report());
    expect(rows.map((r) => r.kind)).toEqual(['incident', 'actor']);
    expect(total).toEqual({ kind: 'all', created: 1, updated: 3, unchanged: 2, stale: 1 });
    expect(outcomeRows(report({ written: {} })).total.created).toBe(0);
  });

  it('says whether anything was written', () => {
    expect(outcomeSentence(report())).toBe('Imported: 1 created, 3 updated, 2 unchanged.');
    expect(outcomeSentence(report({ dryRun: true }))).toBe('Dry run: nothing was written. Imported, it would give 1 created, 3 updated, 2 unchanged.');
    expect(outcomeSentence(report({ rejected: true }))).toMatch(/^Refused: nothing was written/);
  });

  it('counts problems by severity and names their place', () => {
    const problems = [
      { severity: 'error', object: 'incident--1', path: 'name', message: 'is required' },
      { severity: 'warning', object: 'incident--2', path: '(object)', message: 'unknown label' },
      { severity: 'warning', object: 'bundle', path: 'objects[3]', message: 'x' },
    ] as const;
    expect(problemCounts(report({ problems: [...problems] }))).toBe('1 error, 2 warnings, 0 skipped');
    expect(problemCounts(report())).toBe('0 errors, 0 warnings, 0 skipped');
    expect(problemPlace(problems[0])).toBe('incident--1, name');
    expect(problemPlace(problems[1])).toBe('incident--2');
  });

  it('names who ran it and which files', () => {
    expect(actorName('user:erin')).toBe('erin');
    expect(actorName('local')).toBe('the single analyst');
    expect(actorName('operator:ops')).toBe('operator:ops');
    expect(actorName(null)).toBe('unknown');
    expect(reportFiles({ report: report({ files: ['a.json', 'b.json'] }) })).toBe('a.json, b.json');
    expect(reportFiles({ report: report() })).toBe('bundle sent to the API, unnamed');
  });
});

describe('sending a bundle', () => {
  const choices = { dryRun: false, strict: false, tlp: '', owner: '', recipients: '' };
  it('asks only for what differs from the defaults', () => {
    expect(importQuery(choices)).toEqual({ file: undefined, dryRun: undefined, strict: undefined, tlp: undefined, owner: undefined, recipients: undefined });
    expect(importQuery(choices, 'bundle.json').file).toBe('bundle.json');
    expect(importQuery({ ...choices, dryRun: true, strict: true, tlp: 'amber', owner: ' DE ' })).toMatchObject({ dryRun: 'true', strict: 'true', tlp: 'amber', owner: 'DE' });
  });
  it('sends recipients with TLP:RED only', () => {
    expect(importQuery({ ...choices, tlp: 'red', recipients: 'erin, ada ,' }).recipients).toBe('erin,ada');
    expect(importQuery({ ...choices, tlp: 'amber', recipients: 'erin' }).recipients).toBeUndefined();
  });
  it('refuses an empty or oversized file, naming the command line', () => {
    expect(fileProblem({ name: 'b.json', size: 10 })).toBeUndefined();
    expect(fileProblem({ name: 'b.json', size: 0 })).toBe('b.json is empty.');
    expect(fileProblem({ name: 'big.json', size: 32 * 1024 * 1024 })).toBeUndefined();
    expect(fileProblem({ name: 'big.json', size: 40 * 1024 * 1024 })).toMatch(/40\.0 MiB.*cyberdiplo import stix big\.json/);
  });
  it('reads the file as JSON or says why not', () => {
    expect(parseBundle('b.json', '{"type":"bundle"}')).toEqual({ bundle: { type: 'bundle' } });
    expect(parseBundle('b.json', '{"type":')).toMatchObject({ problem: expect.stringMatching(/^b\.json is not JSON: /) as unknown });
  });
});
