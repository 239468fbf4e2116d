// GET /api/export/:view?format=csv writes each table view under its own columns: the same header whichever rows the
// file holds (an empty list counted as 0 in its .count column, never a column of its own), and the header alone when
// no row matches (no incident recorded, no actor imported yet).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewColumns } from '../../src/app/exchange-exports';
import { EXPORT_VIEWS, parseCsv } from '../../src/core/exchange/index';
import { dialects, startHarness, type Harness } from './harness';
import { incident } from './team';

const TABLES = EXPORT_VIEWS.filter((v) => v !== 'stix');

describe.each(dialects)('CSV export headers on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, dialect);
  });
  afterAll(async () => h?.close());

  const csv = async (url: string) => {
    const res = await h.app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return parseCsv(res.body);
  };
  const matrixColumns = async (asOf: string) => (h.wb.matrix(asOf) as Promise<{ columns: string[] }>).then((m) => m.columns);

  it('with no row: the view\'s header alone (a registry without incidents or actors)', async () => {
    for (const view of ['incidents', 'plans', 'actors'] as const) expect(await csv(`/api/export/${view}?format=csv`)).toEqual([viewColumns(view)]);
  });

  it('with rows: exactly the view\'s columns, whichever rows are written, on any date', async () => {
    await h.wb.toolbox.create({ kind: 'local', org: null }, incident('Header probe', { tlp: 'clear' }));
    for (const asOf of ['2012-06-30', '2019-03-01', h.wb.today()]) {
      for (const view of TABLES.filter((v) => v !== 'actors')) {
        const [header, ...rows] = await csv(`/api/export/${view}?format=csv&asOf=${asOf}`);
        expect(rows.length, `${view} on ${asOf}`).toBeGreaterThan(0);
        expect(header, `${view} on ${asOf}`).toEqual(viewColumns(view, await matrixColumns(asOf)));
        for (const r of rows) expect(r).toHaveLength(header?.length ?? 0);
      }
    }
  });
});
