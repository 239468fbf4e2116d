// Sources in the API's answers carry their reviewed grade, and paper keys the address of their published version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

type Src = { ref: string; locator: string; grade?: string; href?: string };

function sourcesIn(node: unknown, out: Src[] = []): Src[] {
  if (Array.isArray(node)) for (const n of node) sourcesIn(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.ref === 'string' && typeof o.locator === 'string') out.push(o as unknown as Src);
    for (const v of Object.values(o)) sourcesIn(v, out);
  }
  return out;
}

describe('graded sources in the API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({});
  });
  afterAll(async () => h.close());

  it.each(['/api/partners/JP', '/api/matrix', '/api/matrix?asOf=2015-06-30', '/api/actors'])('grades every source of %s', async (url) => {
    const res = await h.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    const sources = sourcesIn(res.json());
    expect(sources.length).toBeGreaterThan(10);
    const ungraded = sources.filter((s) => !['primary', 'secondary', 'low'].includes(s.grade ?? ''));
    expect(ungraded.map((s) => s.ref)).toEqual([]);
  });

  it('links the paper keys to their published versions and flags low-grade copies', async () => {
    const sources = sourcesIn((await h.app.inject({ method: 'GET', url: '/api/partners/JP' })).json());
    const paper = sources.find((s) => s.ref === 'renard2014');
    expect(paper).toMatchObject({ grade: 'secondary', href: expect.stringMatching(/^https:\/\/www\.egmontinstitute\.be\//) });
    const matrix = sourcesIn((await h.app.inject({ method: 'GET', url: '/api/matrix' })).json());
    expect(matrix.find((s) => s.ref.startsWith('http://filesoo.com/'))?.grade).toBe('low');
  });
});
