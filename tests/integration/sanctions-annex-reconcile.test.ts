// Every row and cell of the sanctions annex accounted for where a user reads it: each of the file's rows is one listed
// target of GET /api/sanctions (persons and entities counted from the file's schema column), and each printed value
// of a row turns up in its target's answer, split as the format splits a multi-valued cell. The shipped annex, and
// the copy of the full data where present.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, withHeader } from '../../src/core/exchange/csv';
import { multi } from '../../src/core/sanctions/annex';
import { DATASETS, fullDataset } from './exchange-support';
import { dialects, startHarness, type Harness } from './harness';

const SHIPPED = path.join(import.meta.dirname, '../../data/sanctions/32019R0796.csv');
const FULL = path.join(DATASETS, 'sanctions', '32019R0796.csv');

/** Columns whose cell is one value (FORMAT.md, "Values"); every other column may hold several, `;`-separated. */
const SCALAR = new Set(['celex', 'recordId', 'programKey', 'annex', 'measure', 'startDate', 'reason', 'schema', 'name']);
/** Columns the answer gives in its own words: the schema as the kind, the date as ISO, the programme as the regime itself. */
const RESTATED = new Set(['schema', 'startDate', 'programKey', 'recordId', 'annex']);

function rowsOf(file: string): Record<string, string>[] {
  const [header = [], ...lines] = parseCsv(fs.readFileSync(file, 'utf8'));
  return lines.map((cells) => withHeader(header, cells.map((c) => c.trim())));
}

type Target = { id: string; kind: string; name: string; annexEntry: string; since: string; celex: string[]; details: Record<string, string[]> };

describe.each(dialects)('on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, dialect);
  });
  afterAll(async () => h.close());

  const check = async (file: string) => {
    const rows = rowsOf(file);
    const res = await h.app.inject({ method: 'GET', url: '/api/sanctions?asOf=2026-08-01' });
    const r = res.json() as { counts: { persons: number; entities: number }; targets: Target[] };
    expect(r.counts).toEqual({ persons: rows.filter((x) => x.schema === 'Person').length, entities: rows.filter((x) => x.schema !== 'Person').length });
    expect(r.targets).toHaveLength(rows.length);
    const missing: string[] = [];
    for (const row of rows) {
      const t = r.targets.find((x) => x.annexEntry === `${row.annex} ${row.recordId}`);
      if (!t) {
        missing.push(`${row.annex} ${row.recordId}: no target`);
        continue;
      }
      expect(t.kind).toBe(row.schema === 'Person' ? 'person' : 'entity');
      const text = JSON.stringify(t);
      for (const [column, cell] of Object.entries(row)) {
        if (!cell || RESTATED.has(column)) continue;
        // An alias list is printed as one cell with commas; the answer keeps each name, so each is looked for.
        const values = SCALAR.has(column) ? [cell] : multi(cell).flatMap((v) => (column === 'alias' ? v.split(/,\s+/).map((a) => a.replace(/^[‘'"“](.+?)[’'"”]$/, '$1')) : [v]));
        for (const v of values) if (!text.includes(JSON.stringify(v).slice(1, -1))) missing.push(`${row.annex} ${row.recordId} ${column}: "${v}"`);
      }
      expect(t.details.measure).toEqual([row.measure]);
    }
    expect(missing).toEqual([]);
  };

  it('the shipped annex: every row a target, every printed value in its answer', async () => {
    await check(SHIPPED);
  });

  it.runIf(fullDataset('the sanctions annex of the shared data', FULL))('the copy of the full data is the shipped annex', () => {
    expect(fs.readFileSync(FULL, 'utf8')).toBe(fs.readFileSync(SHIPPED, 'utf8'));
  });
});
