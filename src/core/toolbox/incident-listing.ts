// Whether an incident is in a reader's filtered incident list: the rule the store's list query applies in SQL
// (store/incident-repository.ts: the TLP rule of visibility.ts, then category, ongoing and the text search), written
// once here so that a write's before and after can tell which kept totals and pages it moves. Where the database
// alone can tell (a text search on PostgreSQL over non-ASCII text, whose case the database's locale folds) the answer
// is `undefined`, and whoever keeps an answer drops it.
import { canSee, type Clearance, type RecordMarking } from '../marking/clearance';

/** An incident as the list query reads it: its stored columns and its effective marking (grants included). */
export interface ListedIncident {
  title: string;
  category: string;
  ongoing: boolean;
  /** The stored body, the incident's JSON text, in which the search looks as well as in the title. */
  body: string;
  marking: RecordMarking;
}

/** The filters of the incident list (a category or text that is empty filters nothing, as in the query). */
export interface IncidentFilter {
  category?: string | undefined;
  ongoing?: boolean | undefined;
  q?: string | undefined;
}

/**
 * How the store's search folds case: `ascii` is SQLite's LIKE (ASCII letters only); `locale` is PostgreSQL's ILIKE,
 * which folds by the database's locale and is decided here only for ASCII text, where it folds ASCII letters.
 */
export type TextCase = 'ascii' | 'locale';

/** One write of one incident: the version it moved from and to, alone, and the incident before and after (null: absent). */
export interface IncidentChange {
  from: number;
  to: number;
  textCase: TextCase;
  before: ListedIncident | null;
  after: ListedIncident | null;
}

const isAscii = (s: string) => {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) > 0x7f) return false;
  return true;
};
const lowerAscii = (s: string) => s.replace(/[A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 32));

/** Does `text` hold `q` as typed (a literal piece of text, ASCII letters in any case)? undefined: the database decides. */
export function containsText(text: string, q: string, textCase: TextCase): boolean | undefined {
  if (textCase === 'locale' && !(isAscii(q) && isAscii(text))) return undefined;
  return lowerAscii(text).includes(lowerAscii(q));
}

/** Is the incident in the list of a reader of clearance `c` under `f`? undefined when only the database can tell. */
export function listedIn(c: Clearance, f: IncidentFilter, x: ListedIncident, textCase: TextCase): boolean | undefined {
  if (!canSee(c, x.marking).visible) return false;
  if (f.category && x.category !== f.category) return false;
  if (f.ongoing !== undefined && x.ongoing !== f.ongoing) return false;
  if (!f.q) return true;
  const inTitle = containsText(x.title, f.q, textCase);
  if (inTitle === true) return true;
  const inBody = containsText(x.body, f.q, textCase);
  if (inBody === true) return true;
  return inTitle === false && inBody === false ? false : undefined;
}

/** Whether the incident of a change was in the list before it and is after it; undefined when that cannot be told. */
export function listedBeforeAfter(c: Clearance, f: IncidentFilter, change: IncidentChange): { before: boolean; after: boolean } | undefined {
  const before = change.before === null ? false : listedIn(c, f, change.before, change.textCase);
  const after = change.after === null ? false : listedIn(c, f, change.after, change.textCase);
  return before === undefined || after === undefined ? undefined : { before, after };
}
