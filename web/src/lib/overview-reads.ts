// The overview's reads, which the app's entry starts at once when it opens on the overview (main.tsx), alongside
// "who is signed in" and the page's own code, instead of after both: the page then takes the answers already on their
// way. Each answer is taken once, by the page's first load; a move to another page first drops those not taken (the
// page reads afresh later). The server answers them as it would answer the page: the same paths, the same cookie.
import { api } from '../api';
import { loadWorld } from './world-data';

const reads = {
  partners: () => api.partners(),
  dialogues: () => api.dialogues({}),
  assessments: () => api.assessmentFigures(),
  timeline: () => api.timeline(),
  incidents: () => api.incidents({ limit: 1 }),
};

type Reads = typeof reads;
type Key = keyof Reads;

let early: { [K in Key]?: ReturnType<Reads[K]> } = {};

/** Starts the overview's reads and its map's outlines. */
export function startOverview(): void {
  for (const key of Object.keys(reads) as Key[]) {
    const pending = reads[key]();
    pending.catch(() => undefined); // reported by the page that takes it
    (early as Record<Key, Promise<unknown>>)[key] = pending;
  }
  loadWorld().catch(() => undefined);
}

/** The answer started early for this read, once; afterwards (or if none was started) undefined. */
export function takeEarly<K extends Key>(key: K): ReturnType<Reads[K]> | undefined {
  const pending = early[key];
  delete early[key];
  return pending;
}

/** Forgets the answers not taken: the app has moved to another page before the overview read them. */
export function dropEarly(): void {
  early = {};
}
