// Reading the cyber-sanctions regime for people: its state on a date in words, which renewal governs it, and the
// filter over the listed persons and entities.
import type { ListedTarget, RegimeState, Renewal, SanctionsView } from '../sanctions-types';
import { formatDate } from './format';

export const STATE_LABELS: Record<RegimeState, string> = {
  'not-adopted': 'Not yet adopted',
  'in-force': 'In force',
  lapsed: 'Lapsed',
  unconfirmed: 'Unconfirmed',
};

/** The tag class that marks a state: open when in force, closed when lapsed, a warning when unconfirmed. */
export const STATE_TAGS: Record<RegimeState, string> = {
  'not-adopted': 'tag',
  'in-force': 'tag tag-open',
  lapsed: 'tag tag-closed',
  unconfirmed: 'tag tag-warn',
};

interface When {
  /** The date of the view, as YYYY-MM-DD. */
  asOf: string;
  /** Whether the view is of today, so that sentences say "today" and use the present tense. */
  today: boolean;
  /** When the regime was adopted, for the sentence before that day. */
  adopted?: string;
  /** A sentence that follows one naming the date, and so does not name it again. */
  follows?: boolean;
}

/** The regime's or its listings' state on a date, as a sentence. */
export function stateSentence(subject: 'regime' | 'listings', status: { state: RegimeState; until: string | null }, when: When): string {
  const on = when.follows ? '' : when.today ? 'today ' : `on ${formatDate(when.asOf)} `;
  const until = formatDate(status.until);
  const now = when.today;
  const one = subject === 'regime';
  const the = one ? 'the regime' : 'the listings';
  const its = one ? 'its' : 'their';
  const text = (() => {
    switch (status.state) {
      case 'not-adopted':
        return one
          ? `${on}the EU had no cyber-sanctions regime yet${when.adopted ? `: the Council adopted it on ${formatDate(when.adopted)}` : ''}.`
          : `${on}no one could be listed: there was no regime yet.`;
      case 'in-force':
        return `${on}${the} ${now ? (one ? 'is' : 'are') : one ? 'was' : 'were'} in force, until ${until}.`;
      case 'lapsed':
        return `${on}${the} ${now ? (one ? 'has' : 'have') : 'had'} lapsed: ${its} last known expiry, ${until}, ${now ? 'has' : 'had'} passed and no renewal is recorded.`;
      case 'unconfirmed':
        return `${on}the state of ${the} is unconfirmed: ${its} last known expiry, ${until}, falls after the data was last checked, so a renewal may be missing from it.`;
    }
  })();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether the view needs a warning before anyone relies on it: past the data's last check, lapsed or unconfirmed. */
export function needsCaution(v: { stale: boolean; regime: { state: RegimeState }; listings: { state: RegimeState } }): boolean {
  const doubtful = (s: RegimeState) => s === 'lapsed' || s === 'unconfirmed';
  return v.stale || doubtful(v.regime.state) || doubtful(v.listings.state);
}

const sameRenewal = (a: Renewal, b: Renewal | null) =>
  b !== null && a.decided === b.decided && a.regimeUntil === b.regimeUntil && a.listingsUntil === b.listingsUntil;

/** What a renewal governs on the view's date: the regime's expiry, the listings', both, or nothing. */
export function governs(r: Renewal, v: Pick<SanctionsView, 'regime' | 'listings'>): ('regime' | 'listings')[] {
  const out: ('regime' | 'listings')[] = [];
  if (sameRenewal(r, v.regime.decidedBy)) out.push('regime');
  if (sameRenewal(r, v.listings.decidedBy)) out.push('listings');
  return out;
}

/** Whether a renewal was decided after the date; one dated by its year only counts as after from the next year. */
export function decidedAfter(r: Renewal, asOf: string): boolean {
  return typeof r.decided === 'number' ? r.decided > Number(asOf.slice(0, 4)) : r.decided > asOf;
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Every word of the filter appears in the target's name, aliases, kind, group, state, incidents or acts. */
export function matchesFilter(t: ListedTarget, filter: string, stateName: (code: string) => string): boolean {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = fold([t.name, ...t.aliases, ...t.monikers, ...t.groups.flatMap((g) => [g.name, ...g.aliases]), t.kind, t.group ?? '', t.state ?? '', t.state ? stateName(t.state) : '', ...t.incidents, ...t.acts].join(' \u0000 '));
  return words.every((w) => text.includes(w));
}

let regionNames: Intl.DisplayNames | null | undefined;

/** A state's English name from its ISO 3166 code ("RU" → "Russia"), or the code where the browser has no name. */
export function stateName(code: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  try {
    return regionNames?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "8 persons and 4 entities". */
export function countWords(counts: { persons: number; entities: number }): string {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return `${n(counts.persons, 'person', 'persons')} and ${n(counts.entities, 'entity', 'entities')}`;
}

type States = { regime: { state: RegimeState; until: string | null }; listings: { state: RegimeState; until: string | null } };

/** Whether the listings' state needs its own sentence: the regime is in force but they expire sooner or are in doubt. */
export function listingsDiffer(v: States): boolean {
  return v.regime.state === 'in-force' && (v.listings.state !== 'in-force' || v.listings.until !== v.regime.until);
}

/**
 * What a plan's screening found when no one it screened is listed: with no person or entity identified there was no
 * one to screen, which is not the same as a clean result (and sanctions target named persons and entities only).
 */
export function noneListedSentence(identified: number): string {
  if (identified === 0) return 'No person or entity is identified in this incident, so no one was screened against the list; sanctions can only target those identified.';
  return identified === 1 ? 'The person or entity identified in this incident is not on the list.' : `None of the ${identified} persons or entities identified in this incident is on the list.`;
}
