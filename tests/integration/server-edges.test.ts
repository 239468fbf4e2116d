// The server's edges that no route owns: admission under load (503 with Retry-After, never a hang) and the
// transport-security header.
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { startHarness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('server edges', () => {
  it('answers 503 overloaded with Retry-After past the waiting bound, and serves what it admitted', async () => {
    h = await startHarness();
    const app = await buildServer(h.wb, { fairTurns: { perTurn: 1, maxWaiting: 2 } });
    try {
      const answers = await Promise.all(Array.from({ length: 5 }, () => app.inject({ method: 'GET', url: '/api/measures' })));
      const codes = answers.map((r) => r.statusCode).sort();
      expect(codes).toEqual([200, 200, 503, 503, 503]);
      const refused = answers.find((r) => r.statusCode === 503);
      expect(refused?.json()).toEqual({ error: { code: 'overloaded', message: expect.stringMatching(/busy/) } });
      expect(refused?.headers['retry-after']).toBe('5');
      // Once the queue has drained the server admits again.
      expect((await app.inject({ method: 'GET', url: '/api/measures' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('sends Strict-Transport-Security on API answers and on the web app', async () => {
    h = await startHarness();
    for (const url of ['/api/health', '/']) {
      const r = await h.app.inject({ method: 'GET', url });
      expect(r.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    }
  });
});
