import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('virtual:world-shapes', () => ({ default: '/assets/world-shapes.json' }));

const PARTNERS = [{ id: 'US', name: 'United States', group: 'strategic-partner', partnershipSince: 2004, cyberDialogueSince: 2014, isoNumeric: '840' }];
const answers: Record<string, unknown> = {
  '/api/partners': PARTNERS,
  '/api/dialogues': [],
  '/api/assess': [{ id: 'US', orientation: 'results-oriented', maturity: 61 }],
  '/api/timeline': { events: [], activeCyberDialogues: [] },
  '/api/incidents?limit=1': { total: 3, items: [] },
  '/assets/world-shapes.json': { width: 960, height: 440, countries: [] },
};
let asked: string[] = [];

beforeEach(() => {
  asked = [];
  vi.resetModules();
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    return new Response(JSON.stringify(answers[url] ?? null), { status: url in answers ? 200 : 404 });
  });
});
afterEach(() => vi.unstubAllGlobals());

describe("the overview's reads started early", () => {
  it('asks for the map at start and for the reads only once the session is known; each answer is taken once', async () => {
    const early = await import('./overview-reads');
    early.startOverview();
    expect(asked).toEqual(['/assets/world-shapes.json']);
    early.sessionKnown();
    expect(asked.slice(1).sort()).toEqual(['/api/assess', '/api/dialogues', '/api/incidents?limit=1', '/api/partners', '/api/timeline']);
    expect(await early.takeEarly('partners')).toEqual(PARTNERS);
    expect(early.takeEarly('partners')).toBeUndefined();
    expect(await early.takeEarly('incidents')).toEqual({ total: 3, items: [] });
    early.sessionKnown(); // a second answer of who is signed in asks for nothing more
    expect(asked).toHaveLength(6);
  });

  it('gives the page the answer its own read would get, checked the same way', async () => {
    const early = await import('./overview-reads');
    const { api } = await import('../api');
    early.startOverview();
    early.sessionKnown();
    expect(await early.takeEarly('assessments')).toEqual(await api.assessmentFigures());
    answers['/api/assess'] = [{ id: 'US', orientation: 'results-oriented', maturity: 'high' }];
    early.dropEarly();
    early.startOverview();
    early.sessionKnown();
    await expect(early.takeEarly('assessments')).rejects.toThrow(/does not match this version of the app \(0\.maturity/);
    answers['/api/assess'] = [{ id: 'US', orientation: 'results-oriented', maturity: 61 }];
  });

  it('asks for nothing, and keeps nothing, once the app has moved to another page', async () => {
    const early = await import('./overview-reads');
    early.startOverview();
    early.dropEarly();
    early.sessionKnown();
    expect(asked).toEqual(['/assets/world-shapes.json']);
    expect(early.takeEarly('timeline')).toBeUndefined();
  });

  it("asks for the reads once the entry's answer of who is signed in has come, and not if that session has ended", async () => {
    const early = await import('./overview-reads');
    const { askFirstMe } = await import('./load-me');
    answers['/api/auth/me'] = { authMode: 'on', defaultTlp: 'amber', principal: { kind: 'anonymous' }, permissions: ['incident.read'], csrfToken: null, session: 'ended' };
    early.startOverview();
    early.sessionKnownFrom(askFirstMe());
    await new Promise((r) => setTimeout(r, 10));
    expect(asked).toEqual(['/assets/world-shapes.json', '/api/auth/me']);
    expect(early.takeEarly('partners')).toBeUndefined();

    answers['/api/auth/me'] = { authMode: 'on', defaultTlp: 'amber', principal: { kind: 'anonymous' }, permissions: ['incident.read'], csrfToken: null, session: 'none' };
    early.startOverview();
    early.sessionKnownFrom(askFirstMe());
    expect(asked.slice(2)).toEqual(['/api/auth/me']); // nothing else before the answer
    await new Promise((r) => setTimeout(r, 10));
    expect(asked.slice(3).sort()).toEqual(['/api/assess', '/api/dialogues', '/api/incidents?limit=1', '/api/partners', '/api/timeline']);
    expect(await early.takeEarly('partners')).toEqual(PARTNERS);
    delete answers['/api/auth/me'];
  });

  it('gives an answer that has come and passed its checks to the first render, until the page has drawn it', async () => {
    const early = await import('./overview-reads');
    early.startOverview();
    early.sessionKnown();
    expect(early.earlyAnswer('incidents')).toBeUndefined(); // not come yet: the page takes the promise instead
    await early.takeEarly('timeline');
    await new Promise((r) => setTimeout(r, 10));
    expect(early.earlyAnswer('incidents')).toEqual({ total: 3, items: [] });
    expect(early.earlyAnswer('incidents')).toEqual({ total: 3, items: [] }); // a render started again draws it again
    expect(early.earlyAnswer('timeline')).toBeUndefined(); // taken by the page's read
    early.dropEarly();
    expect(early.earlyAnswer('incidents')).toBeUndefined();

    answers['/api/assess'] = [{ id: 'US', orientation: 'results-oriented', maturity: 'high' }];
    early.startOverview();
    early.sessionKnown();
    await new Promise((r) => setTimeout(r, 10));
    expect(early.earlyAnswer('assessments')).toBeUndefined(); // failed its checks: the page's read reports it
    await expect(early.takeEarly('assessments')).rejects.toThrow(/does not match/);
    expect(early.earlyAnswer('partners')).toEqual(PARTNERS);
    answers['/api/assess'] = [{ id: 'US', orientation: 'results-oriented', maturity: 61 }];
  });
});
