// Every table view's CSV carries its header row when no row matches: the columns are the view's, not the rows'.
import { describe, expect, it, vi } from 'vitest';
import { EXPORT_VIEWS, parseCsv } from '../core/exchange/index';
import { ExchangeExports, viewColumns } from './exchange-exports';
import type { Workbench } from './workbench';
import type { ExchangeRepository } from '../store/exchange-repository';

vi.mock('./assessment-service', () => ({ assess: () => Promise.resolve([]) }));

const INSTRUMENTS = ['budapest-convention', 'osce'];
/** A workbench and a registry with nothing to list: no partner, dialogue, strategy, incident or actor. */
const empty = new ExchangeExports(
  {
    partners: () => Promise.resolve([]),
    dialogues: () => Promise.resolve([]),
    matrix: () => Promise.resolve({ columns: INSTRUMENTS, rows: [] }),
    nationalStrategies: () => Promise.resolve([]),
    toolbox: { get: () => Promise.resolve(undefined) },
  } as unknown as Workbench,
  { incidentsForExport: () => Promise.resolve([]), links: () => Promise.resolve(new Map()), records: () => Promise.resolve([]) } as unknown as ExchangeRepository,
);

const TABLES = EXPORT_VIEWS.filter((v) => v !== 'stix');

describe('CSV exports with no row', () => {
  it.each(TABLES)('%s: the header row alone, naming every column of the view', async (view) => {
    const out = await empty.view({ kind: 'local', org: null }, view, { format: 'csv' });
    const lines = parseCsv(out.body);
    const expected = viewColumns(view, INSTRUMENTS);
    expect(expected.length).toBeGreaterThan(2);
    expect(lines).toEqual([expected]);
  });

  it('the JSON of the same views is an empty list, not a header', async () => {
    for (const view of TABLES.filter((v) => v !== 'matrix')) {
      expect(JSON.parse((await empty.view({ kind: 'local', org: null }, view, { format: 'json' })).body)).toEqual([]);
    }
  });
});
