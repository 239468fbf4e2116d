// Attribution statements through STIX: EuRepoC's rows, kept on attribution records (a row naming an initiator) and on
// the incident's attribution (a row naming none), exported as STIX over the API and imported into an empty store, come
// back the same, whole bundle or one incident's; and a tool that drops the product's extension still reads who made
// each statement that names no initiator.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeService } from '../../src/app/exchange-service';
import type { AttributionRecord, ImportReport } from '../../src/core/exchange/index';
import type { IncidentInput } from '../../src/core/toolbox/incident';
import { ExchangeRepository } from '../../src/store/exchange-repository';
import { stixImbalance } from './exchange-balance';
import { ALL, EUREPOC, LOCAL_DE } from './exchange-support';
import { dialects, startHarness, type Harness } from './harness';

const FILES = ['EuRepoC_Global_Database_1.1.csv', 'EuRepoC_Attribution_dataset_1.1.csv', 'EuRepoC_Receiver_dataset_1.1.csv'].map((f) => path.join(EUREPOC, f));
type Bundle = { type: string; id: string; objects: Record<string, unknown>[] };
const withoutExtensions = (b: Bundle): Bundle => ({ ...b, objects: b.objects.map((o) => Object.fromEntries(Object.entries(o).filter(([k]) => !k.startsWith('x_')))) });

/** What a store holds of attributions: each incident's own list, and each attribution record (statements included). */
async function attributionsOf(h: Harness) {
  const repo = new ExchangeRepository(h.wb.db, h.wb.config.auth.defaultTlp);
  const incidents = await repo.incidentsForExport(ALL);
  const records = await repo.records<AttributionRecord>(ALL, 'attribution');
  return {
    incidents: new Map(incidents.map((i) => [i.id, i.body])),
    records: new Map(records.map((r) => [r.id, r.value])),
  };
}

describe.each(dialects)('attribution statements through STIX on %s', (dialect) => {
  let source: Harness;
  let before: Awaited<ReturnType<typeof attributionsOf>>;
  /** The incident with statements of both kinds: on an attribution record, and on its own attribution (no initiator). */
  let mixed: string;
  beforeAll(async () => {
    source = await startHarness({}, dialect);
    expect((await new ExchangeService(source.wb).importFiles(LOCAL_DE, 'eurepoc', FILES)).rejected).toBe(false);
    // The fixture's rows naming no initiator are on incidents without attribution records: an analyst adds such a row
    // to an incident that has records (a statement of a security firm naming only the initiator's country).
    const loaded = await attributionsOf(source);
    const onRecords = new Set([...loaded.records.values()].filter((r) => r.statements?.length).map((r) => r.subject.id));
    const [id, body] = [...loaded.incidents].find(([i, b]) => onRecords.has(i) && b.initiator.country && (b.initiator.name || b.initiator.type === 'state'))!;
    const firm = { kind: 'technical', by: 'A security firm', byType: 'private', confidence: 'medium', public: true, statement: { source: 'EuRepoC attribution row 9 of the incident (attribution_ID 999)', id: '999', company: 'A security firm', initiatorCountry: 'Russia' } };
    await source.wb.toolbox.update(LOCAL_DE, id, { attribution: [...body.attribution, firm] }, { merge: true });
    mixed = id;
    before = await attributionsOf(source);
    expect(before.incidents.get(mixed)!.attribution.at(-1)).toMatchObject(firm);
  }, 120_000);
  afterAll(async () => source?.close());

  /** The bundle GET /api/export/stix answers (of one incident with `incident`). */
  const exported = async (incident?: string) => {
    const r = await source.app.inject({ method: 'GET', url: `/api/export/stix${incident ? `?incident=${incident}` : ''}` });
    expect(r.statusCode, r.body).toBe(200);
    return JSON.parse(r.body) as Bundle;
  };
  /** A store with nothing in it that imported `bundle` through POST /api/import/stix. */
  const importedInto = async (bundle: Bundle) => {
    const h = await startHarness({}, dialect);
    const r = await h.app.inject({ method: 'POST', url: '/api/import/stix', payload: bundle });
    expect(r.statusCode, r.body).toBe(200);
    expect(stixImbalance(JSON.parse(r.body) as ImportReport)).toEqual([]);
    return h;
  };

  it('the fixture holds several statements, one on an incident whose row names no initiator', () => {
    const onIncidents = [...before.incidents.values()].flatMap((b) => b.attribution.filter((a) => a.statement));
    const onRecords = [...before.records.values()].flatMap((r) => r.statements ?? []);
    expect(onIncidents.length).toBeGreaterThan(0);
    expect(onRecords.length).toBeGreaterThan(1);
    expect(mixed).toBeDefined();
  });

  it('come back the same into an empty store: every incident\'s attributions and every attribution record with its statements', async () => {
    const into = await importedInto(await exported());
    try {
      const after = await attributionsOf(into);
      expect([...after.incidents.keys()].sort()).toEqual([...before.incidents.keys()].sort());
      for (const [id, body] of before.incidents) expect(after.incidents.get(id)?.attribution, id).toEqual(body.attribution);
      expect([...after.records.keys()].sort()).toEqual([...before.records.keys()].sort());
      for (const [id, record] of before.records) expect(after.records.get(id), id).toEqual(record);
    } finally {
      await into.close();
    }
  });

  it('come back the same from the bundle of one incident with statements of both kinds', async () => {
    const into = await importedInto(await exported(mixed));
    try {
      const after = await attributionsOf(into);
      expect(after.incidents.get(mixed)?.attribution).toEqual(before.incidents.get(mixed)!.attribution);
      const own = [...before.records].filter(([, r]) => r.subject.kind === 'incident' && r.subject.id === mixed);
      expect(own.length).toBeGreaterThan(0);
      for (const [id, record] of own) expect(after.records.get(id), id).toEqual(record);
    } finally {
      await into.close();
    }
  });

  it('a tool without the extension still reads who made each statement that names no initiator', async () => {
    const into = await importedInto(withoutExtensions(await exported()));
    try {
      const after = [...(await attributionsOf(into)).incidents.values()];
      const byTitle = new Map<string, IncidentInput>(after.map((b) => [b.title, b]));
      let checked = 0;
      for (const b of before.incidents.values()) {
        // Only incidents the export can say who is behind in STIX's own objects: a named group or a state.
        if (!b.initiator.name && !(b.initiator.country && (b.initiator.type === 'state' || b.initiator.type === 'state-sponsored'))) continue;
        for (const a of b.attribution.filter((x) => x.statement)) {
          expect(byTitle.get(b.title)?.attribution.map((x) => x.by), `${b.title}: ${a.by}`).toContain(a.by);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    } finally {
      await into.close();
    }
  });
});
