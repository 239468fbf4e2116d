// Imported sightings and reports in words: when and how often something was seen, and which references may be links.
import type { IncidentSighting, SightedRecord } from '../toolbox-types';
import { formatDate } from './format';

/** The seen window: one date when first and last seen fall on the same day, a range otherwise. */
export function seenWhen(s: Pick<IncidentSighting, 'firstSeen' | 'lastSeen'>): string {
  const first = s.firstSeen ? formatDate(s.firstSeen) : null;
  const last = s.lastSeen ? formatDate(s.lastSeen) : null;
  if (first && last) return first === last ? first : `${first} – ${last}`;
  if (first) return `from ${first}`;
  if (last) return `until ${last}`;
  return 'Not dated';
}

/** STIX `count`: absent means the sighting does not say, not that it was seen once. */
export const timesSeen = (count: number | null): string => (count === null ? 'Not stated' : count === 1 ? 'Once' : `${count} times`);

/** A sighting names what it saw by id only, so that it never copies a title under a lower marking. */
export const sightedWhat = (of: SightedRecord): string => (of.kind === 'incident' ? 'This incident' : 'The actor it is attributed to');

/**
 * The address a reference may link to: only http and https, so that a `javascript:` or `data:` URL carried in an
 * imported bundle never becomes a clickable link.
 */
export function webHref(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
