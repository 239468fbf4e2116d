// What a reader is told beside a status that rests only on an unverified entry (profile.ts, restsOnUnverified): who
// alone reports it, that it is not counted, and what the verified entries give. The web app and the CLI's tables say
// it in the same words; the answers keep statusUnverified and the entries themselves.
import { toDate } from '../dates';
import { labelOf } from '../labels';

type Grade = 'primary' | 'secondary' | 'low';
interface Cited {
  ref: string;
  grade?: Grade | undefined;
}
interface Entry {
  value: string;
  from?: string | number | undefined;
  unverified?: boolean | undefined;
  sources: readonly Cited[];
}
export interface StatusFact {
  status: string;
  statusUnverified: boolean;
  statusHistory: readonly Entry[];
}

/** A source by a short name: a paper by author and year, a web page by its host. */
export function shortSourceName(ref: string): string {
  const paper = /^([a-z]+)(\d{4})$/.exec(ref);
  if (paper?.[1] && paper[2]) return `${paper[1].charAt(0).toUpperCase()}${paper[1].slice(1)} (${paper[2]})`;
  const host = /^https?:\/\/([^/]+)/.exec(ref)?.[1];
  return host ? host.replace(/^www\./, '') : ref;
}

const gradeWords = (g: Grade | undefined) => (g === 'low' ? ' (low-grade source)' : g === 'secondary' ? ' (secondary source)' : '');

/**
 * "unverified: reported active only by epicnewsnation.com (low-grade source); not counted (no verified status)", or
 * undefined when the status does not rest on an unverified entry. `grade` gives a source's grade where the caller knows it.
 */
export function unverifiedStatusNote(f: StatusFact, grade: (s: Cited) => Grade | undefined = (s) => s.grade): string | undefined {
  if (!f.statusUnverified) return unverifiedAfterUnknownNote(f, grade);
  const entry = [...f.statusHistory].reverse().find((e) => e.unverified && e.value === f.status);
  const verified = [...f.statusHistory].reverse().find((e) => !e.unverified);
  const names = [...new Set((entry?.sources ?? []).map((s) => `${shortSourceName(s.ref)}${gradeWords(grade(s))}`))];
  const who = names.length ? names.join(', ') : 'an unverified entry';
  return `unverified: reported ${labelOf(f.status)} only by ${who}; not counted (${verified ? `the verified sources give ${labelOf(verified.value)}` : 'no verified status'})`;
}

/**
 * A status unknown for want of verified reports, while unverified entries report the fact after its last verified one
 * (Ukraine's cyber dialogue: rounds of 2024 and 2025 reported only by low-grade aggregators). Those reports neither
 * keep it known nor make it active; they are named apart, as a status resting on them alone is.
 */
function unverifiedAfterUnknownNote(f: StatusFact, grade: (s: Cited) => Grade | undefined): string | undefined {
  if (f.status !== 'unknown') return undefined;
  const at = (e: Entry) => (e.from === undefined ? '' : toDate(e.from));
  const lastVerified = [...f.statusHistory].reverse().find((e) => !e.unverified && e.value !== 'unknown');
  const later = f.statusHistory.filter((e) => e.unverified && e.value !== 'unknown' && (!lastVerified || at(e) > at(lastVerified)));
  if (!later.length) return undefined;
  const values = [...new Set(later.map((e) => labelOf(e.value)))].join(' or ');
  const names = [...new Set(later.flatMap((e) => e.sources.map((s) => `${shortSourceName(s.ref)}${gradeWords(grade(s))}`)))];
  const after = lastVerified ? ' after its last verified report' : '';
  return `unverified: reported ${values}${after} only by ${names.length ? names.join(', ') : 'unverified entries'}; not counted (status unknown: no verified report for three full years)`;
}

/** The dialogues listed apart in a year of the timeline (active only on an unverified entry), by name where known. */
export function activeUnverifiedText(ids: readonly string[], names: ReadonlyMap<string, string>): string {
  return ids.map((id) => names.get(id) ?? id).join('; ');
}
