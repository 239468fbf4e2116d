// How a fact that moved a year of the assessment over time reads: its title, what happened to it as the sources report
// it (Move.because in src/core/assess/history.ts: suspended, ended, status unknown) and whether it stopped counting.
import type { AssessmentHistoryMove } from '../api-types';

export interface MoveWords {
  /** The fact's title without the reason the engine adds to it in brackets. */
  title: string;
  /** "no longer counts: suspended in March 2022", "status unknown from 2020: ...", or null when nothing is reported. */
  why: string | null;
}

export function moveWords(m: Pick<AssessmentHistoryMove, 'fact' | 'how' | 'because'>): MoveWords {
  const suffix = m.because ? ` (${m.because})` : '';
  const title = suffix && m.fact.title.endsWith(suffix) ? m.fact.title.slice(0, -suffix.length) : m.fact.title;
  const left = m.how === 'left' ? 'no longer counts' : null;
  const why = m.because ? (left ? `${left}: ${m.because}` : m.because) : left;
  return { title, why };
}
