// The words for a ratification of the Budapest Convention and its entry into force, shared by the response plan, the CLI
// and the web app (partner page and its CSV). It imports no schema library and no date helper, so that the web app takes
// it without them; a caller may pass its own way of writing a date.

/** An entry into force as `budapest-in-force.ts` gives it and the API answers it (dates as plain strings). */
interface InForce {
  date: string;
  deposit: string | null;
  derived: boolean;
  article: string;
  unverified: boolean;
}
const asGiven = (date: string) => date;

/**
 * "ratified on X, in force from Y" with how Y is known: a source's date, or derived from the deposit by the Convention's
 * rule (its article unverified); "acceded" for a state that joined without signing first (Art. 37(2)).
 */
export function ratification(inForce: InForce | null | undefined, date: (iso: string) => string = asGiven): string {
  if (!inForce) return 'ratified, its entry into force not recorded';
  const verb = inForce.article === 'Art. 37(2)' ? 'acceded' : 'ratified';
  const deposit = inForce.deposit ? `${verb} on ${date(inForce.deposit)}` : `${verb} (the deposit's date is not recorded)`;
  const how = inForce.derived
    ? `derived from the deposit: the first day of the month following three months after it, ${inForce.article} of the Convention, article unverified`
    : `as its source states it${inForce.unverified ? ', unverified' : ''}`;
  return `${deposit}, in force from ${date(inForce.date)} (${how})`;
}

/** A partner's Budapest position as the observatory's pages read it: the entry into force beside the ratification. */
export interface InForceView {
  entryIntoForce?: InForce | null;
  inForceOnDate?: boolean | null;
}

/** The line a page shows under a ratification, or null where there is none; on a date before it, that it is not yet in force. */
export function positionInForceText(view: InForceView, date: (iso: string) => string = asGiven): string | null {
  // A view dated before the entry into force names no later day: the Convention's rule, not the day, is given.
  if (view.inForceOnDate === false) return 'instrument deposited, not yet in force on this date: the Convention binds a state from the first day of the month following three months after its deposit';
  if (!view.entryIntoForce) return null;
  return ratification(view.entryIntoForce, date);
}
