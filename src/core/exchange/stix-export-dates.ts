// An attribution record's own date (when the attribution was made) in STIX 2.1 terms: the attributed-to
// relationship's start_time, "the earliest time at which the Relationship between the objects exists" (STIX 2.1,
// Relationship). A day (2018-10-04) goes out as its first instant and comes back as the day; a STIX timestamp goes out
// as it is; anything else (a text the source gave) has no STIX property and stays in the record's extension.
import { isValidIsoDate } from '../dates';
import { isRealTimestamp } from './stix-checks';

const DAY_START = 'T00:00:00.000Z';

export interface StixAttributionDate {
  /** The relationship's start_time, when the date can be one. */
  startTime: string | undefined;
  /** Whether the extension must keep the date: start_time cannot give it back exactly as it is. */
  inExtension: boolean;
}

export function attributionDate(date: string | undefined): StixAttributionDate {
  if (date === undefined) return { startTime: undefined, inExtension: true };
  if (isValidIsoDate(date)) return { startTime: `${date}${DAY_START}`, inExtension: false };
  // A timestamp is kept in the extension as well: read back from start_time alone, midnight would become a day.
  if (isRealTimestamp(date)) return { startTime: date, inExtension: true };
  return { startTime: undefined, inExtension: true };
}

/** The date an attribution record gets back from start_time when its extension leaves it out (an export's day). */
export function dateFromStartTime(startTime: unknown): string | undefined {
  if (typeof startTime !== 'string' || !isRealTimestamp(startTime)) return undefined;
  return startTime.endsWith(DAY_START) && isValidIsoDate(startTime.slice(0, 10)) ? startTime.slice(0, 10) : startTime;
}
