// One number for one thing: the overview's headline, the map and the year table all count the active cyber-related
// dialogues from the same row of the server's timeline (src/core/timeline/active-dialogues.ts), never from a
// second query that could define "active" differently.
import type { ActiveDialoguesYear, DialogueFact } from '../api-types';

/** The first year the overview's year table shows (and its CSV holds): the fabric is thin before the partnerships take shape. */
export const TIMELINE_FROM = 2003;

export interface CurrentDialogues {
  /** The timeline's last year: the state today, or on the as-of date. */
  year: number;
  /** Distinct dialogues (a trilateral counts once). */
  total: number;
  byPartner: Readonly<Record<string, number>>;
  /** Of the total, the dialogues devoted to cyber questions alone, where the dialogue list is known. */
  cyberSpecific: number | undefined;
}

export function currentDialogues(years: readonly ActiveDialoguesYear[], dialogues?: readonly DialogueFact[]): CurrentDialogues | undefined {
  const row = years.at(-1);
  if (!row) return undefined;
  const ids = new Set(Object.values(row.dialogues).flat());
  const specific = dialogues ? dialogues.filter((d) => d.cyberSpecific && ids.has(d.id)).length : undefined;
  return { year: row.year, total: row.total, byPartner: row.byPartner, cyberSpecific: specific };
}

/** The dialogues' names by id, so that no table or tooltip shows an id. */
export function dialogueNames(dialogues: readonly DialogueFact[] | undefined): ReadonlyMap<string, string> {
  return new Map((dialogues ?? []).map((d) => [d.id, d.name]));
}
