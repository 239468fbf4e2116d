// Real answers against the OpenAPI document: every GET route of the API is called with sample data (a seeded
// knowledge base, an incident, an account, a sanctions screening) and its JSON answer must validate against the schema
// the document gives for it, with no field the document leaves out. Non-JSON answers must have a declared file type.
import fs from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
import { addUser, call, incident, type Client } from './team';

interface Operation {
  parameters?: { name: string; in: string; required: boolean }[];
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
}

/** Concrete URLs for each GET path of the document (several where a query changes the answer's shape). */
function samples(incidentId: string, changeId: string): Record<string, string[]> {
  return {
    '/api/partners/{id}': ['/api/partners/US', '/api/partners/CN?asOf=2015-06-01'],
    '/api/dialogues': ['/api/dialogues', '/api/dialogues?partner=US'],
    '/api/search': ['/api/search?q=cyber'],
    '/api/actors': ['/api/actors'],
    '/api/assess/{id}': ['/api/assess/US', '/api/assess/US?asOf=2015-06-01'],
    '/api/assess/{id}/history': ['/api/assess/US/history', '/api/assess/RU/history?from=2019&to=2022'],
    '/api/timeline/{id}': ['/api/timeline/JP'],
    '/api/compare': ['/api/compare?ids=US,CN,BR'],
    '/api/gaps/{id}': ['/api/gaps/CN'],
    '/api/network': ['/api/network?format=json'],
    '/api/member-states': ['/api/member-states', '/api/member-states?year=2024'],
    '/api/incidents/{id}': [`/api/incidents/${incidentId}`],
    '/api/incidents/{id}/history': [`/api/incidents/${incidentId}/history`],
    '/api/incidents/{id}/plan': [`/api/incidents/${incidentId}/plan`, `/api/incidents/${incidentId}/plan?format=markdown`],
    '/api/sanctions/screen': ['/api/sanctions/screen?q=Lazarus%20Group', '/api/sanctions/screen?q=John%20Smith'],
    '/api/users/{username}': ['/api/users/root'],
    '/api/tokens': ['/api/tokens', '/api/tokens?all=true'],
    '/api/kb/changes/{id}': [`/api/kb/changes/${changeId}`],
    '/api/kb/records': ['/api/kb/records?partner=JP&kind=dialogue&target=jp-cyber-dialogue'],
    '/api/partners/{id}/changes': ['/api/partners/JP/changes?since=2024-01-01'],
    '/api/export/{view}': ['/api/export/partners?format=csv', '/api/export/partners?format=json', '/api/export/stix'],
  };
}

describe.each(dialects)('answers against the OpenAPI document on %s', (dialect) => {
  let h: Harness;
  let root: Client;
  let doc: Document;
  let incidentId: string;
  let changeId: string;

  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    root = await addUser(h, 'root', 'admin', 'DE');
    const created = await call(h.app, root, 'POST', '/api/incidents', incident('Answers sample', {
      attribution: [{ kind: 'political', by: 'DE', confidence: 'high', public: true, date: '2026-03-10' }],
      initiator: { type: 'state-sponsored', country: 'KP', identifiedEntities: ['Lazarus Group'] },
      responses: [{ measure: 'demarche', date: '2026-03-12', by: 'EEAS' }],
    }));
    expect(created.status, created.text).toBe(201);
    incidentId = (created.body as { id: string }).id;
    await call(h.app, root, 'PATCH', `/api/incidents/${incidentId}`, { summary: 'A second version, for the history' });
    const change = await call(h.app, root, 'POST', '/api/kb/changes', {
      partner: 'JP',
      kind: 'meeting',
      action: 'add',
      record: { dialogue: 'jp-cyber-dialogue', date: '2026-03-02', title: '8th round', sources: [{ ref: 'https://example.org/round', locator: 'sample' }] },
      comment: 'A pending change, for the queue',
    });
    expect(change.status, change.text).toBe(201);
    changeId = (change.body as { id: string }).id;
    const bundle = JSON.parse(fs.readFileSync(new URL('../fixtures/stix/cti-documentation-examples/sighting-of-an-indicator.json', import.meta.url), 'utf8')) as unknown;
    const imported = await call(h.app, root, 'POST', '/api/import/stix', bundle);
    expect(imported.status, imported.text).toBe(200);
    doc = (await call(h.app, root, 'GET', '/api/openapi.json')).body as Document;
  });
  afterAll(async () => h?.close());

  it('every GET route declares its answer', () => {
    const undeclared = Object.entries(doc.paths)
      .filter(([, ops]) => ops.get && !Object.entries(ops.get.responses).some(([status, r]) => status !== 'default' && r.content))
      .map(([path]) => path);
    expect(undeclared).toEqual([]);
  });

  it('every GET answer validates against its schema in the document', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const extra = samples(incidentId, changeId);
    const failures: string[] = [];
    const dump = process.env.CYBERDIPLO_DUMP_ANSWERS;
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      const op = ops.get;
      if (!op) continue;
      const urls = extra[path] ?? (path.includes('{') ? [] : [path]);
      if (!urls.length) failures.push(`GET ${path}: no sample URL in this test`);
      for (const url of urls) {
        const res = await h.app.inject({ method: 'GET', url, headers: root.headers });
        if (res.statusCode !== 200) {
          failures.push(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          continue;
        }
        const type = String(res.headers['content-type'] ?? '').split(';')[0] ?? '';
        const r = { body: type.includes('json') ? (res.json() as unknown) : res.body };
        const content = op.responses['200']?.content ?? {};
        if (dump && type.includes('json')) fs.writeFileSync(`${dump}/${url.replace(/[^a-z0-9]+/gi, '_')}.json`, JSON.stringify(r.body, null, 1));
        if (!(type in content)) {
          failures.push(`GET ${url}: answered ${type}, which the document does not declare (${Object.keys(content).join(', ')})`);
          continue;
        }
        const schema = content[type]?.schema ?? {};
        if (!type.includes('json') || url === '/api/openapi.json') continue;
        const validate = ajv.compile({ ...schema, components: doc.components });
        if (!validate(r.body)) failures.push(`GET ${url}: ${ajv.errorsText(validate.errors?.slice(0, 5), { separator: '\n  ' })}`);
        checked++;
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(25);
  });
});
