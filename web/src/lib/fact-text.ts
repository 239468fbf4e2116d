// The prose of one fact as a partner page shows it: its summary and its dated notes, the papers named by author and year.
import type { DatedNote } from '../api-types';
import { namePapers } from './citation';
import { formatDate } from './format';

export interface FactText {
  summary: string | null;
  /** One line per dated note: its date, its text, whether it awaits verification, and the places cited. */
  notes: { key: string; line: string }[];
}

/** The reviewed data cites papers by key inside its prose ("renard2016 adds ..."); a reader sees "Renard (2016) adds ...". */
export function factText(summary: string | null | undefined, datedNotes: DatedNote[] = []): FactText {
  return {
    summary: summary ? namePapers(summary) : null,
    notes: datedNotes.map((n) => ({
      key: `${n.date} ${n.text}`,
      line: `${formatDate(n.date)}: ${namePapers(n.text)}${n.unverified ? ' (to be verified)' : ''} (${n.sources.map((s) => s.locator).join('; ')})`,
    })),
  };
}

/** A dated meeting's summary, as the dialogue's list of meetings shows it after the title. */
export const meetingSummary = (summary: string | null | undefined): string => (summary ? ` — ${namePapers(summary)}` : '');
