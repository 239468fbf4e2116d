// The overview's reads, started as soon as the app that opened on the overview (main.tsx) has its answer to "who is
// signed in", rather than once the session is adopted, the layout drawn and the page mounted; the page's code and the
// map's outlines are fetched alongside that first question. Not before it: of requests that carry the cookie of a
// session that has ended, the server tells only the first, and that must be "who is signed in" (lib/session.tsx).
// Each answer is taken once, by the page's first load; a move to another page drops those not taken (the page reads
// afresh later). The server answers them as it would answer the page: the same paths, the same cookie.
import { api, preloadOverviewChecks } from '../api';
import type { Me } from '../auth-types';
import { sessionHasEnded } from './session-memory';
import { loadWorld } from './world-data';

/** The overview's address: the entry (main.tsx) starts its reads only when the app opens there. */
export const OVERVIEW_PATH = '/';

const reads = {
  partners: () => api.partners(),
  dialogues: () => api.dialogues({}),
  assessments: () => api.assessmentFigures(),
  timeline: () => api.timeline(),
  incidents: () => api.incidents({ limit: 1 }),
};

type Reads = typeof reads;
type Key = keyof Reads;

type Answer<K extends Key> = Awaited<ReturnType<Reads[K]>>;

let early: { [K in Key]?: ReturnType<Reads[K]> } = {};
// The answers that have come and passed their checks, by the promise they came by (a promise dropped or taken is
// never looked up again).
const answered = new WeakMap<Promise<unknown>, unknown>();
let armed = false;

/** The app opened on the overview: fetch the map's outlines and the checks of its reads now, the reads once the session is known. */
export function startOverview(): void {
  armed = true;
  loadWorld().catch(() => undefined);
  preloadOverviewChecks();
}

/** The first answer of "who is signed in" has come and the session has not ended: the overview's reads may go. */
export function sessionKnown(): void {
  if (!armed) return;
  armed = false;
  for (const key of Object.keys(reads) as Key[]) {
    const pending: Promise<unknown> = reads[key]();
    pending.then((value) => answered.set(pending, value)).catch(() => undefined); // an error is reported by the page that takes it
    (early as Record<Key, Promise<unknown>>)[key] = pending;
  }
}

/** The entry's first answer of "who is signed in": the reads go once it has come, unless the session has ended (the test lib/session.tsx makes of it). */
export function sessionKnownFrom(me: Promise<Me>): void {
  me.then((m) => (sessionHasEnded(m) ? undefined : sessionKnown())).catch(() => undefined);
}

/** The answer started early for this read, once; afterwards (or if none was started) undefined. */
export function takeEarly<K extends Key>(key: K): ReturnType<Reads[K]> | undefined {
  const pending = early[key];
  delete early[key];
  return pending;
}

/**
 * The answer started early for this read if it has come and passed its checks, else undefined; it stays until taken
 * or dropped, so that a render React starts again draws it again.
 */
export function earlyAnswer<K extends Key>(key: K): Answer<K> | undefined {
  const pending = early[key];
  return pending ? (answered.get(pending) as Answer<K> | undefined) : undefined;
}

/** Forgets the answers not taken: the app has moved to another page before the overview read them, or the page has drawn them. */
export function dropEarly(): void {
  armed = false;
  early = {};
}
