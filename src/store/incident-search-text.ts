// What the incident search index (SQLite, migrations 0070 and 0100) holds of a stored body, and which trigrams of a
// search text it may be asked for. An incident's body is JSON whose field names are nearly the same in every row
// (`"disruptsEssentialServices":false,...`): more than half of each body's distinct trigrams came from names, and every
// row held them, so they narrowed nothing while costing most of the index's size and fill time. The index now takes the
// body with every quoted listed name (`"title"`, with its two quotes) cut out, the rest as stored, and the title whole.
// Cutting the literal text `"name"` wherever it stands, key or not, is all the argument below needs.
//
// Why no search loses a row: a piece of body text that a search finds (`LIKE`, ASCII case ignored) either lies in a
// stretch that was kept, and then every trigram of it is indexed, or it overlaps a cut `"name"`, and then it holds a
// quote or lies inside the name. So a text without `"` that is not part of a listed name asks for all its trigrams; a
// text inside a name asks for none (the `LIKE` alone reads every row, as the index could not narrow it anyway, every
// row having the name); a text with a quote asks only for its trigrams that hold no quote and are not in a name. The
// `LIKE` still decides every answer (IncidentRepository, textCondition).
// Names may be added to the list without rebuilding the index (entries written before keep the name as text, which
// only narrows less); taking one off needs the index rebuilt, as migration 0100 did, since old entries lack it.
import type SQLite from 'better-sqlite3';

/**
 * The field names that every incident's body carries (required, or given a default, by core/toolbox/incident.ts).
 * A text inside one of them is in every row's body: the `LIKE` reading every row is what its answer needs anyway.
 * Optional names (summary, note, sources...) stay in the indexed text, so a search inside them is still narrowed.
 */
export const LISTED_NAMES: readonly string[] = [
  'title', 'start', 'ongoing', 'category', 'victims', 'country', 'sector', 'effects', 'severity',
  'disruptsEssentialServices', 'physicalDamage', 'lossOfLife', 'threatensStateSurvival', 'armedAttack', 'attempted',
  'economicBenefit', 'dataStolen', 'commerciallySensitiveData', 'initiator', 'type', 'identifiedPersons',
  'identifiedEntities', 'attribution', 'responses', 'context', 'euDelegationInInitiatorCountry',
  'delegationHeadRecalled', 'victimCapacitiesOverwhelmed', 'assistanceRequested', 'otherMeansExhausted', 'urgent',
  'agreementOfAllCannotBeSought', 'victimIsNatoMember', 'euPositionAdopted', 'defenceImplications',
  'cfspObjectiveIdentified', 'mutualAssistanceInvoked',
];

/** Each listed name between its quotes, longest first. */
const QUOTED_NAME = new RegExp(`"(?:${[...LISTED_NAMES].sort((a, b) => b.length - a.length).join('|')})"`, 'g');

/** The SQL function the index's triggers and fills call (registered on every SQLite connection, store/db.ts). */
export const SEARCH_TEXT_FUNCTION = 'incident_search_text';

/** The text the index takes of a stored body: the body without each quoted listed name. */
export function incidentSearchText(body: unknown): unknown {
  return typeof body === 'string' ? body.replace(QUOTED_NAME, '') : body;
}

export function registerSearchText(db: SQLite.Database): void {
  db.function(SEARCH_TEXT_FUNCTION, { deterministic: true }, incidentSearchText);
}

/** Lower-cases ASCII letters only, as SQLite's LIKE compares them. */
const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

const FOLDED_NAMES = LISTED_NAMES.map(fold);
const NAME_TRIGRAMS = new Set(FOLDED_NAMES.flatMap((n) => Array.from({ length: Math.max(0, n.length - 2) }, (_, k) => n.slice(k, k + 3))));

/** Whether the text can be found inside a listed name (and so in every row's body, where the index has no entry for it). */
const insideName = (q: string) => FOLDED_NAMES.some((n) => n.includes(fold(q)));

/**
 * Trigrams of the text (three characters in a row, by code point as FTS5's trigram tokenizer counts them) that a row
 * holding the text has in the index: all of them up to 16, else 16 spread over the text, the first and last among
 * them; with a quote or inside a listed name, only those that the cut names cannot have held. Any subset narrows
 * correctly; more of them narrow further but cost a lookup each. None: the `LIKE` reads every row.
 */
export function trigrams(q: string): string[] {
  const chars = [...q];
  const all = Array.from({ length: Math.max(0, chars.length - 2) }, (_, k) => chars.slice(k, k + 3).join(''));
  const quoted = q.includes('"');
  if (!quoted && insideName(q)) return [];
  const usable = quoted ? all.filter((g) => !g.includes('"') && !NAME_TRIGRAMS.has(fold(g))) : all;
  const n = usable.length;
  const at = n <= 16 ? Array.from({ length: n }, (_, k) => k) : Array.from({ length: 16 }, (_, k) => Math.round((k * (n - 1)) / 15));
  return [...new Set(at.map((k) => usable[k] as string))];
}
