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

/**
 * A position's value as a page heads it: "acceded" for a Budapest Convention party that joined by accession without
 * signing first (Art. 37(2)), which the vocabulary files under "ratified" as it does every party, so that the heading
 * agrees with the line under it and with the instrument matrix's cell; the value's own words otherwise. `word` writes a
 * code in the caller's words (capitalised or not).
 */
export function positionValueText(view: { value: string; entryIntoForce?: InForce | null }, word: (code: string) => string): string {
  return word(view.value === 'ratified' && view.entryIntoForce?.article === 'Art. 37(2)' ? 'acceded' : view.value);
}

/** A partner's Budapest position as the observatory's pages read it: the entry into force beside the ratification. */
export interface InForceView {
  entryIntoForce?: InForce | null;
  inForceOnDate?: boolean | null;
}

/**
 * The line a page shows under a ratification, or null where there is none; on a date before the entry into force, that it
 * is not yet in force on this date and the day it will be ("ratified on X, not yet in force on this date: in force from
 * Y (how Y is known)"), as the response plan names it.
 */
export function positionInForceText(view: InForceView, date: (iso: string) => string = asGiven): string | null {
  if (view.inForceOnDate === false) {
    // A view without the day (an answer of an older server) still says the Convention's rule.
    if (!view.entryIntoForce) return 'instrument deposited, not yet in force on this date: the Convention binds a state from the first day of the month following three months after its deposit';
    return ratification(view.entryIntoForce, date).replace(', in force from ', ', not yet in force on this date: in force from ');
  }
  if (!view.entryIntoForce) return null;
  return ratification(view.entryIntoForce, date);
}

/**
 * The instrument matrix's Budapest cell: the ratification's deposit and its entry into force, as the as-of date stands to
 * it ("ratified 2015-07-08, not yet in force (from 2015-11-01)" before it, "ratified 2015-07-08, in force since
 * 2015-11-01" from it; "from" where the matrix has no date). It is the cell's value, so that the API, the CLI, the web page
 * and both CSV files write the same words (ISO dates, as the matrix's "not yet" cells). An unverified entry is marked
 * after it, an unverified date of a verified entry beside the date. The stance of a ratifying state is left to its
 * profile, so that the cell fits a table's column.
 */
export function matrixInForceText(inForce: InForce, bound: boolean | null, entryUnverified = false): string {
  const verb = inForce.article === 'Art. 37(2)' ? 'acceded' : 'ratified';
  const deposit = inForce.deposit ? `${verb} ${inForce.deposit}` : verb;
  const dateMark = inForce.unverified && !entryUnverified ? ', date unverified' : '';
  const words = bound === false ? `${deposit}, not yet in force (from ${inForce.date}${dateMark})` : `${deposit}, in force ${bound ? 'since' : 'from'} ${inForce.date}${dateMark ? ' (date unverified)' : ''}`;
  return `${words}${entryUnverified ? ' (unverified)' : ''}`;
}
