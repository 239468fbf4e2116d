// A request with a method the path does not take: a 405 whose message and Allow header name the methods it does
// take, on every dialect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startHarness, type Harness } from './harness';

describe.each(dialects)('wrong methods on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, dialect);
  });
  afterAll(async () => h?.close());

  it.each([
    ['DELETE', '/api/partners', 'GET'],
    ['POST', '/api/partners/US', 'GET'],
    ['PUT', '/api/measures', 'GET'],
    ['GET', '/api/vote', 'POST'],
    ['POST', '/api/incidents/inc-0000', 'DELETE, GET, PATCH, PUT'],
  ])('%s %s names %s', async (method, url, allowed) => {
    const r = await h.app.inject({ method: method as 'GET', url });
    expect(r.statusCode).toBe(405);
    expect(r.headers.allow).toBe(allowed);
    expect(r.json()).toEqual({
      error: { code: 'method_not_allowed', message: `No route ${method} ${url}: it answers ${allowed}`, issues: [{ path: 'method', message: `one of ${allowed}` }] },
    });
  });

  it('keeps the plain answer for a path no route has', async () => {
    const r = await h.app.inject({ method: 'GET', url: '/api/nowhere' });
    expect(r.statusCode).toBe(404);
    expect(r.headers.allow).toBeUndefined();
    expect(r.json()).toEqual({ error: { code: 'not_found', message: 'No route GET /api/nowhere' } });
  });
});
