import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let asked: string[] = [];
let answer: { status: number; body: unknown } = { status: 200, body: null };

beforeEach(() => {
  asked = [];
  vi.resetModules();
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  });
});
afterEach(() => vi.unstubAllGlobals());

const ME = { authMode: 'on', defaultTlp: 'amber', principal: { kind: 'user', username: 'ana' }, permissions: ['incident.read'], csrfToken: 'tok', session: 'live' };

describe('the first answer of who is signed in', () => {
  it('is asked once by the entry and taken once by the session, which asks afresh afterwards', async () => {
    answer = { status: 200, body: ME };
    const { askFirstMe, firstMeAnswered, takeFirstMe } = await import('./load-me');
    askFirstMe();
    expect(asked).toEqual(['/api/auth/me']);
    expect(firstMeAnswered()).toBeUndefined(); // not come yet
    await new Promise((r) => setTimeout(r, 10));
    expect(firstMeAnswered()).toEqual(ME);
    expect(await takeFirstMe()).toEqual(ME);
    expect(takeFirstMe()).toBeUndefined();
    expect(firstMeAnswered()).toBeUndefined();
  });

  it('is read as the session reads it: a server without sign-in is single-analyst, an ended session a visitor whose session ended', async () => {
    const { askFirstMe, firstMeAnswered } = await import('./load-me');
    answer = { status: 404, body: { error: { code: 'not_found', message: 'no route' } } };
    expect((await askFirstMe()).authMode).toBe('off');
    answer = { status: 401, body: { error: { code: 'session_ended', message: 'ended' } } };
    expect(await askFirstMe()).toMatchObject({ authMode: 'on', principal: { kind: 'anonymous' }, session: 'ended' });
    answer = { status: 500, body: { error: { code: 'internal', message: 'boom' } } };
    await expect(askFirstMe()).rejects.toThrow('boom');
    await new Promise((r) => setTimeout(r, 10));
    expect(firstMeAnswered()).toBeUndefined(); // a failure is drawn by the session's own path, with its retry
  });
});
