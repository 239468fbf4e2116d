// EuRepoC and CFR files uploaded through the API (POST /api/import/eurepoc and /api/import/cfr, multipart/form-data):
// the report the command line would give, one transaction, the audit entries, the options and permission of the STIX
// upload, and every refusal naming the part it is about and the names expected.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CFR_PARTS, CFR_UPLOAD_LIMIT, EUREPOC_PARTS, EUREPOC_UPLOAD_LIMIT } from '../../src/server/routes/imports';
import { FORMATS } from '../../web/src/lib/import-upload';
import { EUREPOC, FIXTURES, FULL_EUREPOC, fullDataset, storeCounts } from './exchange-support';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
import { addUser, anonymous, type Client } from './team';

const GLOBAL = 'EuRepoC_Global_Database_1.1.csv';
const ATTRIBUTION = 'EuRepoC_Attribution_dataset_1.1.csv';
const RECEIVER = 'EuRepoC_Receiver_dataset_1.1.csv';
const CFR = 'cfr-cyber-operations-sample.csv';

/** `disposition`: the part's Content-Disposition as sent instead of form-data with its name, or null for none. */
type Part = { field: string; filename?: string; data: Buffer | string; disposition?: string | null };

/** A multipart/form-data body as a browser's FormData sends it. */
function multipart(parts: Part[], boundary = '----cyberdiplo-test-7e3f1a'): { payload: Buffer; headers: Record<string, string> } {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const name = p.filename === undefined ? '' : `; filename="${p.filename}"`;
    const disposition = p.disposition === undefined ? `form-data; name="${p.field}"${name}` : p.disposition;
    const header = disposition === null ? '' : `Content-Disposition: ${disposition}\r\n`;
    chunks.push(Buffer.from(`--${boundary}\r\n${header}Content-Type: text/csv\r\n\r\n`), Buffer.from(p.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const file = (dir: string, name: string) => fs.readFileSync(path.join(dir, name));
const release = (dir = EUREPOC): Part[] => [
  { field: 'incidents', filename: GLOBAL, data: file(dir, GLOBAL) },
  { field: 'attributions', filename: ATTRIBUTION, data: file(dir, ATTRIBUTION) },
  { field: 'receivers', filename: RECEIVER, data: file(dir, RECEIVER) },
];
const cfr = (): Part[] => [{ field: 'file', filename: CFR, data: file(FIXTURES, CFR) }];

type Report = { format: string; files: string[]; dryRun: boolean; rejected: boolean; read: number; written: Record<string, { created: number; updated: number; unchanged: number }> };
type Refusal = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

describe('the web page and the routes', () => {
  it('agree on the parts, the files they hold, which are needed, and the limits', () => {
    const parts = (roles: Record<string, { file: string; required: boolean }>) => Object.entries(roles).map(([part, r]) => ({ part, expected: r.file, required: r.required }));
    const slots = (f: keyof typeof FORMATS) => FORMATS[f].slots.map((s) => ({ part: s.part, expected: s.expected, required: s.required }));
    expect(slots('eurepoc')).toEqual(parts(EUREPOC_PARTS));
    expect(slots('cfr')).toEqual(parts(CFR_PARTS));
    expect([FORMATS.eurepoc.limit, FORMATS.cfr.limit]).toEqual([EUREPOC_UPLOAD_LIMIT, CFR_UPLOAD_LIMIT]);
  });
});

describe.each(dialects)('EuRepoC and CFR uploads through the API on %s', (dialect) => {
  let h: Harness;
  let editor: Client;
  let viewer: Client;

  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    editor = await addUser(h, 'erin', 'editor', 'DE');
    viewer = await addUser(h, 'vic', 'viewer', 'DE');
  });
  afterAll(async () => h?.close());

  const upload = async (format: 'eurepoc' | 'cfr', parts: Part[], query = '', who: Client = editor) => {
    const { payload, headers } = multipart(parts);
    const res = await h.app.inject({ method: 'POST', url: `/api/import/${format}${query}`, headers: { ...who.headers, ...headers }, payload });
    return { status: res.statusCode, text: res.body, body: res.json() as unknown };
  };
  const refused = async (format: 'eurepoc' | 'cfr', parts: Part[], status = 400) => {
    const before = await storeCounts(h.wb);
    const r = await upload(format, parts);
    expect(r.status, r.text).toBe(status);
    // A refusal writes nothing: no record, no report, no audit entry.
    expect(await storeCounts(h.wb)).toEqual(before);
    return (r.body as Refusal).error;
  };

  it('a dry run of the three EuRepoC files reports what the import would write and writes nothing', async () => {
    const before = await storeCounts(h.wb);
    const r = await upload('eurepoc', release(), '?dryRun=true');
    expect(r.status, r.text).toBe(200);
    const report = r.body as Report;
    expect(report).toMatchObject({ format: 'eurepoc', files: [GLOBAL, ATTRIBUTION, RECEIVER], dryRun: true, rejected: false });
    expect(report.written.incident?.created).toBeGreaterThan(0);
    expect(await storeCounts(h.wb)).toEqual(before);
  });

  it('imports the EuRepoC files in one run, marked as asked, with the audit entries of an import and a stored report', async () => {
    const r = await upload('eurepoc', release(), '?tlp=amber');
    expect(r.status, r.text).toBe(200);
    const report = r.body as Report;
    const created = report.written.incident?.created ?? 0;
    expect(created).toBeGreaterThan(0);
    const marked = await h.wb.db.selectFrom('record_marking').select(['tlp']).where('record_type', '=', 'incident').execute();
    expect(marked.filter((m) => m.tlp === 'amber')).toHaveLength(created);
    const audit = await h.wb.db.selectFrom('audit_log').select(['action', 'actor', 'target_type']).where('action', '=', 'import.eurepoc').execute();
    expect(audit.filter((e) => e.target_type === 'incident')).toHaveLength(created);
    expect(audit.every((e) => e.actor === 'user:erin')).toBe(true);
    expect(audit.some((e) => e.target_type === 'import_report')).toBe(true);
    const past = await h.app.inject({ method: 'GET', url: '/api/import/reports?limit=1', headers: editor.headers });
    expect((past.json() as { format: string; report: Report }[])[0]).toMatchObject({ format: 'eurepoc', report: { files: [GLOBAL, ATTRIBUTION, RECEIVER] } });
  });

  it('the global database alone is enough (the importer warns of the files left out); the names the client gave are kept', async () => {
    const r = await upload('eurepoc', [{ field: 'incidents', filename: 'C:\\data\\global march.csv', data: file(EUREPOC, GLOBAL) }], '?dryRun=true');
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ files: ['global march.csv'], problems: expect.arrayContaining([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^no attributions file/) })]) });
  });

  it('imports the CFR export and names it in the report', async () => {
    const r = await upload('cfr', cfr());
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ format: 'cfr', files: [CFR], dryRun: false, rejected: false });
    expect((r.body as Report).written.incident?.created).toBeGreaterThan(0);
    const audit = await h.wb.db.selectFrom('audit_log').select(['actor']).where('action', '=', 'import.cfr').execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('a refused file writes nothing, even beside a good one (one transaction)', async () => {
    const broken = 'incident_ID,attribution_type\n1032,Political statement\n';
    const e = await refused('eurepoc', [release()[0]!, { field: 'attributions', filename: ATTRIBUTION, data: broken }]);
    expect(e.code).toBe('invalid_import');
    expect(e.message).toMatch(/^The eurepoc import was refused and nothing was written/);
    expect(e.message).toContain('lacks the columns attribution_basis');
    const cfrBroken = await refused('cfr', [{ field: 'file', filename: 'tracker.csv', data: 'Title,Date\nx,2020-01-01\n' }]);
    expect(cfrBroken.message).toContain('not a CFR Cyber Operations Tracker export');
  });

  it('refuses a missing global database, naming the part and the file expected', async () => {
    const e = await refused('eurepoc', release().slice(1));
    expect(e).toMatchObject({ code: 'invalid_input', issues: [{ path: 'incidents', message: 'required' }] });
    expect(e.message).toBe(
      `The EuRepoC upload lacks the global database: send it as the part incidents (${GLOBAL}); the parts taken are incidents (${GLOBAL}, required), attributions (${ATTRIBUTION}) or receivers (${RECEIVER})`,
    );
    const c = await refused('cfr', []);
    expect(c.message).toMatch(/^The CFR upload lacks the tracker's CSV export: send it as the part file/);
  });

  it('refuses an unknown part, naming it and the parts taken', async () => {
    const e = await refused('eurepoc', [...release(), { field: 'dyadic', filename: 'EuRepoC_Dyadic_dataset_1.1.csv', data: 'a,b\n1,2\n' }]);
    expect(e).toMatchObject({ code: 'invalid_input', issues: [{ path: 'dyadic' }] });
    expect(e.message).toBe(`Unknown part "dyadic": a EuRepoC upload takes incidents (${GLOBAL}, required), attributions (${ATTRIBUTION}) or receivers (${RECEIVER})`);
    const c = await refused('cfr', [...cfr(), { field: 'incidents', filename: GLOBAL, data: file(EUREPOC, GLOBAL) }]);
    expect(c.message).toMatch(/^Unknown part "incidents": a CFR upload takes file \(/);
  });

  it('refuses a part without Content-Disposition: form-data, naming its place, the header expected and the parts the route takes', async () => {
    const [g, a, r] = release();
    const bare = await refused('eurepoc', [a!, { ...g!, disposition: null }, r!]);
    expect(bare).toMatchObject({ code: 'invalid_input', issues: [{ path: '(body)' }] });
    expect(bare.message).toBe(
      'The upload is not valid multipart/form-data: part 2 has no Content-Disposition header: each part needs Content-Disposition: form-data; name="..."; this route takes the parts "incidents", "attributions" or "receivers"',
    );
    const attachment = await refused('cfr', [{ ...cfr()[0]!, disposition: `attachment; filename="${CFR}"` }]);
    expect(attachment.message).toBe(
      'The upload is not valid multipart/form-data: part 1 is not marked Content-Disposition: form-data with a name: each part needs Content-Disposition: form-data; name="..."; this route takes the part "file"',
    );
  });

  it('refuses a file sent as another part, a part sent twice and an empty part', async () => {
    const [g, a] = release();
    const swapped = await refused('eurepoc', [{ ...g!, field: 'attributions' }, { ...a!, field: 'incidents' }]);
    expect(swapped.message).toBe(`The part incidents holds ${ATTRIBUTION}, which is the attribution dataset by its columns: send it as the part attributions (${ATTRIBUTION})`);
    const twice = await refused('eurepoc', [g!, g!]);
    expect(twice.message).toBe('The part incidents is sent twice: send the global database once');
    const empty = await refused('eurepoc', [{ ...g!, data: '' }]);
    expect(empty.message).toBe(`The part incidents (${GLOBAL}) is empty: it should hold the global database`);
  });

  it('refuses a body that is not multipart/form-data, and one over the limit naming it', async () => {
    const json = await h.app.inject({ method: 'POST', url: '/api/import/eurepoc', headers: editor.headers, payload: { incidents: 'ID,name' } });
    expect(json.statusCode, json.body).toBe(400);
    expect((json.json() as Refusal).error.message).toMatch(/^Send the EuRepoC files as multipart\/form-data, one part per file: incidents \(/);
    const big = Buffer.alloc(8 * 1024 * 1024 + 1, 'a');
    const tooLarge = await refused('cfr', [{ field: 'file', filename: CFR, data: big }], 413);
    expect(tooLarge).toMatchObject({ code: 'payload_too_large', message: 'The upload is larger than the 8 MiB a CFR upload takes: import larger files with the command line' });
    const noBoundary = await h.app.inject({ method: 'POST', url: '/api/import/cfr', headers: { ...editor.headers, 'content-type': 'multipart/form-data' }, payload: 'x' });
    expect((noBoundary.json() as Refusal).error.message).toBe('The upload is not valid multipart/form-data: the Content-Type names no boundary');
  });

  it('takes the options of the STIX upload and its permission', async () => {
    expect((await upload('cfr', cfr(), '?dryRun=maybe')).status).toBe(400);
    expect((await upload('cfr', cfr(), '?tlp=purple')).status).toBe(400);
    expect((await upload('cfr', cfr(), '?dryRun=true', viewer)).status).toBe(403);
    expect((await upload('eurepoc', release(), '?dryRun=true', anonymous)).status).toBe(401);
  });

  it.runIf(fullDataset('EuRepoC release 1.1 uploaded through the API', path.join(FULL_EUREPOC, GLOBAL)))('takes the whole EuRepoC release 1.1 within its limit', async () => {
    const r = await upload('eurepoc', release(FULL_EUREPOC), '?dryRun=true');
    expect(r.status, r.text.slice(0, 500)).toBe(200);
    expect((r.body as Report).written.incident?.created).toBeGreaterThan(1000);
  }, 120_000);
});
