// A STIX object failing a schema's pattern: the API's refusal names the property and the form it needs in words,
// never a regular expression cut short.
import { describe, expect, it } from 'vitest';
import { ExchangeService } from '../../src/app/exchange-service';
import { ALL } from './exchange-support';
import { dialects } from './harness';
import { withEditorOfDe } from './editor-harness';
import { call } from './team';

const T = '2024-03-01T10:00:00.000Z';
const ACTOR = 'threat-actor--3f1e6c1a-8b7d-4e2a-9c55-0d6b8e4f2a10';

describe.each(dialects)('the message of a STIX pattern error on %s', (dialect) => {
  const t = withEditorOfDe(dialect);

  it('names a timestamp in words and writes nothing', async () => {
    const bundle = { type: 'bundle', id: 'bundle--1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', objects: [{ type: 'threat-actor', spec_version: '2.1', id: ACTOR, created: T, modified: T, name: 'An actor', first_seen: '2024-03-01 10:00' }] };
    const r = await call(t.h.app, t.de, 'POST', '/api/import/stix', bundle);
    expect(r.status, r.text).toBe(400);
    const error = (r.body as { error: { code: string; issues: { path: string; message: string }[] } }).error;
    expect(error).toMatchObject({ code: 'invalid_import', issues: [{ path: `${ACTOR} first_seen`, message: 'must be a UTC timestamp such as 2016-05-12T08:17:27.000Z' }] });
    expect(r.text).not.toContain('([0-5][0-9)');
    expect(await new ExchangeService(t.h.wb).repo.records(ALL, 'actor')).toEqual([]);
  });
});
