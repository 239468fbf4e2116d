import { describe, expect, it } from 'vitest';
import { formatLabel, importingText, progressText, uploadName, uploadProblem, uploadRequest } from './import-upload';

const MiB = 1024 * 1024;
const file = (name: string, size: number) => new File([new Uint8Array(size)], name, { type: 'text/csv' });
const NO_CHOICES = { dryRun: false, strict: false, tlp: '', owner: '', recipients: '' };

describe('sending an import from the page', () => {
  it('asks for the file each format needs, and no more', () => {
    expect(uploadProblem('eurepoc', {})).toBe('Choose the global database (EuRepoC_Global_Database_1.1.csv) first.');
    expect(uploadProblem('eurepoc', { attributions: file('a.csv', 10) })).toMatch(/^Choose the global database/);
    expect(uploadProblem('eurepoc', { incidents: file('g.csv', 10) })).toBeUndefined();
    expect(uploadProblem('cfr', {})).toBe("Choose the tracker's CSV export (cyber-operations-incidents.csv) first.");
    expect(uploadProblem('stix', {})).toBe('Choose a STIX bundle (a .json file) first.');
    expect(uploadProblem('cfr', { file: file('empty.csv', 0) })).toBe('empty.csv is empty.');
  });

  it("counts the files together against the format's limit, and names the command for larger ones", () => {
    const half = { incidents: file('g.csv', 8 * MiB), receivers: file('r.csv', 8 * MiB) };
    expect(uploadProblem('eurepoc', half)).toBeUndefined();
    expect(uploadProblem('eurepoc', { ...half, attributions: file('a.csv', 1) })).toBe(
      'These files are together 16.0 MiB; the web app sends up to 16 MiB of the EuRepoC release 1.1. Import with the command line instead: cyberdiplo import eurepoc g.csv a.csv r.csv',
    );
    expect(uploadProblem('cfr', { file: file('big.csv', 8 * MiB + 1) })).toMatch(/^big\.csv is 8\.0 MiB; the web app sends up to 8 MiB of the CFR Cyber Operations Tracker\. .*cyberdiplo import cfr big\.csv$/);
  });

  it('sends EuRepoC and CFR files as parts named by role, with the options in the address', () => {
    const chosen = { incidents: file('global.csv', 3), receivers: file('receivers.csv', 2) };
    const r = uploadRequest('eurepoc', chosen, { ...NO_CHOICES, dryRun: true, tlp: 'amber' });
    expect(r.url).toBe('/api/import/eurepoc?dryRun=true&tlp=amber');
    expect(r.json).toBe(false);
    const form = r.body as FormData;
    expect([...form.keys()]).toEqual(['incidents', 'receivers']);
    expect((form.get('incidents') as File).name).toBe('global.csv');
    expect(uploadName('eurepoc', chosen)).toBe('global.csv, receivers.csv');
    expect(uploadRequest('cfr', { file: file('t.csv', 1) }, NO_CHOICES).url).toBe('/api/import/cfr');
    const stix = uploadRequest('stix', { bundle: file('b.json', 2) }, NO_CHOICES);
    expect(stix).toMatchObject({ url: '/api/import/stix?file=b.json', json: true });
  });

  it('says how much is sent, and names each format', () => {
    expect(progressText(0, 4.4 * MiB)).toBe('Sent 0.0 MiB of 4.4 MiB (0 %)');
    expect(progressText(1.2 * MiB, 4.4 * MiB)).toBe('Sent 1.2 MiB of 4.4 MiB (27 %)');
    expect(progressText(3000, 6000)).toBe('Sent 3 KiB of 6 KiB (50 %)');
    // Once all is sent the page no longer counts bytes: it says the server is importing.
    expect(importingText('a.csv', 4.4 * MiB)).toBe('All 4.4 MiB of a.csv sent; the server is importing and will answer with its report…');
    expect(importingText('a.csv, b.csv', 12_288)).toBe('All 12 KiB of a.csv, b.csv sent; the server is importing and will answer with its report…');
    expect(importingText('a.json', 0)).toBe('All of a.json sent; the server is importing and will answer with its report…');
    expect(['stix', 'eurepoc', 'cfr', 'eu-sanctions'].map(formatLabel)).toEqual(['STIX', 'EuRepoC', 'CFR', 'EU-SANCTIONS']);
  });
});
