// What a timeline event adds after its title: a role, a kind, an author; never the state the title already says
// ("… : in force — in-force"), never a code.
import type { TimelineEvent } from '../api-types';
import { humanise } from './format';

/** Kinds whose detail is the state the title already names. */
const STATED_IN_TITLE = new Set(['agreement', 'dialogue-status', 'dialogue-reported', 'position']);

export function eventDetail(e: Pick<TimelineEvent, 'kind' | 'title' | 'detail'>): string | null {
  const detail = e.detail?.trim();
  // "other" (a document type outside the list) tells the reader nothing.
  if (!detail || detail === 'other' || STATED_IN_TITLE.has(e.kind)) return null;
  // A membership that ends says so in its title ("… leaves …").
  if (e.kind === 'membership' && detail === 'ended') return null;
  const words = humanise(detail);
  return e.title.toLowerCase().includes(words.toLowerCase()) ? null : words;
}
