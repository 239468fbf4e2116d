// A STIX incident whose title is longer than 2,000 characters: through the API, the import skips that incident with
// its object named and the limit stated, as CFR and EuRepoC skip such a row, and stores the rest of the bundle.
import { describe, expect, it } from 'vitest';
import { ExchangeService } from '../../src/app/exchange-service';
import { dialects } from './harness';
import { withEditorOfDe } from './editor-harness';
import { call } from './team';

const T = '2024-03-01T10:00:00.000Z';
const KEPT = 'incident--1a5a7d0c-3f8e-4a63-9a49-3c2e8a6a5f10';
const LONG = 'incident--7a5a7d0c-3f8e-4a63-9a49-3c2e8a6a5f11';

describe.each(dialects)('an over-long STIX incident title on %s', (dialect) => {
  const t = withEditorOfDe(dialect);

  it('skips that incident, names it with the limit in the answer, and stores the other', async () => {
    const bundle = {
      type: 'bundle',
      id: 'bundle--1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      objects: [
        { type: 'incident', spec_version: '2.1', id: KEPT, created: T, modified: T, name: 'An intrusion' },
        { type: 'incident', spec_version: '2.1', id: LONG, created: T, modified: T, name: 'T'.repeat(2_001) },
      ],
    };
    const r = await call(t.h.app, t.de, 'POST', '/api/import/stix', bundle);
    expect(r.status, r.text.slice(0, 500)).toBe(200);
    const report = r.body as { rejected: boolean; mapped: { incident: number }; problems: { severity: string; object: string; path: string; message: string }[] };
    expect(report.rejected).toBe(false);
    expect(report.mapped).toMatchObject({ incident: 1 });
    expect(report.problems).toContainEqual({ severity: 'skipped', object: LONG, path: 'title', message: 'at most 2,000 characters; incident skipped' });
    const stored = await new ExchangeService(t.h.wb).repo.incidentsForExport();
    expect(stored.map((i) => i.source?.key)).toEqual([KEPT]);
  });
});
