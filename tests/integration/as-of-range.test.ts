// Every as-of read of the observatory answers from FIRST_AS_OF up to today, as the web app's date control and the CLI
// do: the day before is refused (400 invalid_date) naming the range, the first date itself is answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_AS_OF } from '../../src/core/first-as-of';
import { dialects, startHarness, type Harness } from './harness';

const ROUTES = ['/api/partners/US', '/api/matrix', '/api/assess', '/api/assess/JP', '/api/network', '/api/timeline', '/api/timeline/CN', '/api/compare?ids=US,CN', '/api/gaps/JP', '/api/export/dialogues?format=csv'];
const dayBefore = new Date(Date.parse(`${FIRST_AS_OF}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe.each(dialects)('the observatory\'s dates on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, dialect);
  });
  afterAll(async () => h?.close());
  const get = (route: string, asOf: string) => h.app.inject({ method: 'GET', url: `${route}${route.includes('?') ? '&' : '?'}asOf=${asOf}` });

  it.each(ROUTES)('%s: the day before the first date refused naming the range, the first date answered', async (route) => {
    const before = await get(route, dayBefore);
    expect(before.statusCode, before.body).toBe(400);
    expect(before.json()).toMatchObject({ error: { code: 'invalid_date' } });
    expect(before.body).toContain(`give a date from ${FIRST_AS_OF} to today, ${h.wb.today()}`);
    expect((await get(route, FIRST_AS_OF)).statusCode).toBe(200);
  });
});
